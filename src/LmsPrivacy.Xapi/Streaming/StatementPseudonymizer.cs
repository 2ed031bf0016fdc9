using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using LmsPrivacy.Pseudonymization;
using LmsPrivacy.Xapi.Actors;
using LmsPrivacy.Xapi.Validation;
using Microsoft.Extensions.Options;

namespace LmsPrivacy.Xapi.Streaming;

/// <summary>
/// Replaces every Agent and Group member in xAPI statements by a keyed pseudonymous account
/// <c>{"objectType":"Agent","account":{"homePage":&lt;configured IRL&gt;,"name":&lt;pseudonym&gt;}}</c> and drops names,
/// wherever actors occur: <c>actor</c>, an Agent/Group <c>object</c>, a SubStatement's actor, object and context,
/// <c>context.instructor</c>, <c>context.team</c>, <c>authority</c> (both members of an OAuth group), and the xAPI 2.0
/// <c>context.contextAgents[].agent</c> and <c>context.contextGroups[].group</c>.
/// </summary>
/// <remarks>
/// <para>The pseudonym is the Core <see cref="Pseudonymizer"/> (HMAC-SHA256) of the actor's identity, the compact JSON of
/// its IFI (<see cref="IdentityOf"/>). An <c>mbox</c> is identified by its <c>mbox_sha1sum</c>, so the two forms of one
/// address get the same pseudonym. The same identity gets the same pseudonym in every statement and every run with the
/// same key. Input that is already pseudonymized (an account on the configured home page whose name is a pseudonym of a
/// configured key) is kept as is, so the operation is idempotent.</para>
/// <para>When an <see cref="IPseudonymMap"/> is given, the async methods record pseudonym → identity, so erasure is
/// deleting the mapping (<see cref="IPseudonymMap.DeleteSubjectAsync"/> with <see cref="IdentityOf"/>).</para>
/// <para>Values other than actors are copied byte for byte. Free text, extensions and attachments are not rewritten:
/// use <see cref="Scanning.StatementScanner"/> to find what they still carry. Thread-safe.</para>
/// </remarks>
public sealed class StatementPseudonymizer
{
    private const int CacheLimit = 16 * 1024;
    private const int FlushThreshold = 64 * 1024;

    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Pseudonymizer _pseudonymizer;
    private readonly string _homePage;
    private readonly IPseudonymMap? _map;
    private readonly MboxNormalization _normalization;
    private readonly XapiOptions _options;
    private readonly JsonReaderOptions _readerOptions;
    private readonly JsonWriterOptions _writerOptions;
    private readonly Lock _cacheGate = new();
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);

    /// <summary>Initializes a pseudonymizer.</summary>
    /// <param name="pseudonymizer">The keyed pseudonymizer (keep its key apart from the output).</param>
    /// <param name="homePage">The IRL written as <c>account.homePage</c>, such as <c>https://lms.example.org/pseudonyms</c>.</param>
    /// <param name="map">Where to record pseudonym → identity, or <see langword="null"/>.</param>
    /// <param name="normalization">Normalizations applied to an mbox before it is hashed.</param>
    /// <exception cref="ArgumentException"><paramref name="homePage"/> is not an IRL.</exception>
    public StatementPseudonymizer(Pseudonymizer pseudonymizer, string homePage, IPseudonymMap? map = null, MboxNormalization normalization = MboxNormalization.None)
        : this(pseudonymizer, new XapiOptions { PseudonymHomePage = homePage, MboxNormalization = normalization }, map)
    {
    }

    /// <summary>Initializes a pseudonymizer from options (the constructor used by dependency injection).</summary>
    /// <param name="pseudonymizer">The keyed pseudonymizer.</param>
    /// <param name="options">The options; <see cref="XapiOptions.PseudonymHomePage"/> is required.</param>
    /// <param name="map">Where to record pseudonym → identity.</param>
    /// <exception cref="ArgumentException">The home page is missing or not an IRL.</exception>
    public StatementPseudonymizer(Pseudonymizer pseudonymizer, IOptions<XapiOptions> options, IPseudonymMap map)
        : this(pseudonymizer, (options ?? throw new ArgumentNullException(nameof(options))).Value, map ?? throw new ArgumentNullException(nameof(map)))
    {
    }

    private StatementPseudonymizer(Pseudonymizer pseudonymizer, XapiOptions options, IPseudonymMap? map)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        var homePage = options.PseudonymHomePage;
        if (homePage is null || !XapiFormats.IsIri(homePage))
        {
            throw new ArgumentException("The pseudonym home page must be an IRL such as https://lms.example.org/pseudonyms.", nameof(options));
        }

        _pseudonymizer = pseudonymizer;
        _homePage = homePage;
        _map = map;
        _normalization = options.MboxNormalization;
        _options = options;
        _readerOptions = new JsonReaderOptions { MaxDepth = options.MaxDepth };
        _writerOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true, MaxDepth = options.MaxDepth + 8 };
    }

    /// <summary>Gets the IRL written as <c>account.homePage</c>.</summary>
    public string HomePage => _homePage;

    /// <summary>
    /// Returns the identity a pseudonym stands for, as recorded in the pseudonym map: the compact JSON of the IFI, with an
    /// <c>mbox</c> given as its <c>mbox_sha1sum</c> (<c>{"mbox_sha1sum":"…"}</c>, <c>{"openid":"…"}</c>,
    /// <c>{"account":{"homePage":"…","name":"…"}}</c>).
    /// </summary>
    /// <param name="identifier">The IFI.</param>
    /// <param name="normalization">Normalizations applied to an mbox before hashing (use the pseudonymizer's).</param>
    /// <returns>The identity string.</returns>
    public static string IdentityOf(InverseFunctionalIdentifier identifier, MboxNormalization normalization = MboxNormalization.None)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return identifier.Kind switch
        {
            IfiKind.Mbox => InverseFunctionalIdentifier.FromMboxSha1Sum(Mbox.ComputeSha1Sum(identifier.Value!, normalization)).ToJson(),
            IfiKind.MboxSha1Sum => InverseFunctionalIdentifier.FromMboxSha1Sum(Mbox.LowerHex(identifier.Value!)).ToJson(),
            _ => identifier.ToJson(),
        };
    }

    /// <summary>Returns the pseudonym an actor with this IFI gets.</summary>
    /// <param name="identifier">The IFI.</param>
    /// <returns>The pseudonym (the account name written).</returns>
    public string PseudonymOf(InverseFunctionalIdentifier identifier) =>
        _pseudonymizer.Pseudonymize(IdentityOf(identifier, _normalization));

    /// <summary>Pseudonymizes one statement given as JSON text. Does not record anything in the pseudonym map.</summary>
    /// <param name="statementJson">One statement.</param>
    /// <returns>The pseudonymized statement, compact.</returns>
    /// <exception cref="StatementStreamException">The text is not well-formed JSON, or not an object.</exception>
    public string Pseudonymize(string statementJson)
    {
        ArgumentNullException.ThrowIfNull(statementJson);
        var input = System.Text.Encoding.UTF8.GetBytes(statementJson);
        var buffer = new ArrayBufferWriter<byte>(input.Length + 128);
        using var writer = new Utf8JsonWriter(buffer, _writerOptions);
        RewriteOne(input, writer, null, 0, 0);
        writer.Flush();
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Pseudonymizes one statement and records new pseudonyms in the map.</summary>
    /// <param name="statementJson">One statement.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The pseudonymized statement, compact.</returns>
    /// <exception cref="StatementStreamException">The text is not well-formed JSON, or not an object.</exception>
    public async ValueTask<string> PseudonymizeAsync(string statementJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statementJson);
        var input = System.Text.Encoding.UTF8.GetBytes(statementJson);
        var buffer = new ArrayBufferWriter<byte>(input.Length + 128);
        var pending = new List<KeyValuePair<string, string>>();
        using (var writer = new Utf8JsonWriter(buffer, _writerOptions))
        {
            RewriteOne(input, writer, pending, 0, 0);
        }

        await RecordAsync(pending, cancellationToken).ConfigureAwait(false);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Streams statements from <paramref name="input"/> to <paramref name="output"/> in the same layout (one statement,
    /// a JSON array, or one statement per line), rewriting every actor. Memory stays bounded by the largest statement.
    /// </summary>
    /// <param name="input">The statements.</param>
    /// <param name="output">Where to write; written progressively.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="StatementStreamException">
    /// The input is malformed or over a limit. The output then holds only a prefix and must be discarded: write to a
    /// temporary file and rename it on success (the CLI does).
    /// </exception>
    public async Task<PseudonymizationResult> PseudonymizeAsync(Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var reader = new StatementReader(input, _options, leaveOpen: true);
        var buffer = new ArrayBufferWriter<byte>(FlushThreshold * 2);
        var pending = new List<KeyValuePair<string, string>>();
        using var writer = new Utf8JsonWriter(buffer, _writerOptions);
        int count = 0, actors = 0, signed = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var array = reader.Container == StatementContainer.Array;
            if (array)
            {
                buffer.Write(count == 0 ? "["u8 : ","u8);
            }

            var statement = reader.Current.Span;
            actors += RewriteOne(statement, writer, pending, reader.Index, reader.ByteOffset);

            writer.Flush();
            writer.Reset(buffer);
            if (!array)
            {
                buffer.Write("\n"u8);
            }

            if (statement.IndexOf("http://adlnet.gov/expapi/attachments/signature"u8) >= 0)
            {
                signed++;
            }

            count++;
            await RecordAsync(pending, cancellationToken).ConfigureAwait(false);
            if (buffer.WrittenCount >= FlushThreshold)
            {
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
            }
        }

        if (reader.Container == StatementContainer.Array)
        {
            buffer.Write(count == 0 ? "[]\n"u8 : "]\n"u8);
        }

        await output.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return new PseudonymizationResult(count, actors, reader.Container, signed);
    }

    private async ValueTask RecordAsync(List<KeyValuePair<string, string>> pending, CancellationToken cancellationToken)
    {
        if (_map is not null)
        {
            foreach (var (pseudonym, identity) in pending)
            {
                await _map.SetAsync(pseudonym, identity, cancellationToken).ConfigureAwait(false);
            }
        }

        pending.Clear();
    }

    private int RewriteOne(ReadOnlySpan<byte> statement, Utf8JsonWriter writer, List<KeyValuePair<string, string>>? pending, int index, long offset)
    {
        var reader = new Utf8JsonReader(statement, _readerOptions);
        var actors = 0;
        try
        {
            if (!reader.Read())
            {
                throw new StatementStreamException(XapiRules.JsonMalformed, "The statement is empty", index, offset);
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new StatementStreamException(XapiRules.ContainerNotObject, "The value is not a JSON object, so it cannot be a statement", index, offset);
            }

            var state = new RewriteState(statement, writer, pending);
            RewriteStatement(ref reader, ref state);
            actors = state.Actors;
            if (reader.Read())
            {
                throw new StatementStreamException(XapiRules.JsonMalformed, "Data follows the statement", index, offset + reader.TokenStartIndex);
            }
        }
        catch (JsonException ex)
        {
            var tooDeep = StatementValidator.JsonError(ex, "$").Code == XapiRules.JsonTooDeep.Code;
            throw new StatementStreamException(
                tooDeep ? XapiRules.JsonTooDeep : XapiRules.JsonMalformed,
                tooDeep ? "The statement nests deeper than the limit" : "The statement is not well-formed JSON",
                index,
                offset + reader.BytesConsumed);
        }

        return actors;
    }

    private ref struct RewriteState
    {
        public RewriteState(ReadOnlySpan<byte> source, Utf8JsonWriter writer, List<KeyValuePair<string, string>>? pending)
        {
            Source = source;
            Writer = writer;
            Pending = pending;
        }

        public ReadOnlySpan<byte> Source;
        public Utf8JsonWriter Writer;
        public List<KeyValuePair<string, string>>? Pending;
        public int Actors;
    }

    private void RewriteStatement(ref Utf8JsonReader reader, ref RewriteState state)
    {
        state.Writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            WriteName(ref reader, state.Writer);
            var isActor = reader.ValueTextEquals("actor"u8) || reader.ValueTextEquals("authority"u8);
            var isObject = !isActor && reader.ValueTextEquals("object"u8);
            var isContext = !isActor && !isObject && reader.ValueTextEquals("context"u8);
            reader.Read();
            if (isActor)
            {
                RewriteActor(ref reader, ref state);
            }
            else if (isObject)
            {
                RewriteObject(ref reader, ref state);
            }
            else if (isContext)
            {
                RewriteContext(ref reader, ref state);
            }
            else
            {
                Copy(ref reader, ref state);
            }
        }

        state.Writer.WriteEndObject();
    }

    private void RewriteObject(ref Utf8JsonReader reader, ref RewriteState state)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Copy(ref reader, ref state);
            return;
        }

        var look = reader;
        var kind = 0; // 0 other, 1 actor, 2 substatement
        while (look.Read() && look.TokenType == JsonTokenType.PropertyName)
        {
            if (look.ValueTextEquals("objectType"u8))
            {
                look.Read();
                if (look.TokenType == JsonTokenType.String)
                {
                    kind = look.ValueTextEquals("Agent"u8) || look.ValueTextEquals("Group"u8) ? 1 : look.ValueTextEquals("SubStatement"u8) ? 2 : 0;
                }

                break;
            }

            look.Skip();
        }

        switch (kind)
        {
            case 1:
                RewriteActor(ref reader, ref state);
                break;
            case 2:
                RewriteStatement(ref reader, ref state);
                break;
            default:
                Copy(ref reader, ref state);
                break;
        }
    }

    private void RewriteContext(ref Utf8JsonReader reader, ref RewriteState state)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Copy(ref reader, ref state);
            return;
        }

        state.Writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            WriteName(ref reader, state.Writer);
            var isActor = reader.ValueTextEquals("instructor"u8) || reader.ValueTextEquals("team"u8);
            var isList = !isActor && (reader.ValueTextEquals("contextAgents"u8) || reader.ValueTextEquals("contextGroups"u8));
            reader.Read();
            if (isActor)
            {
                RewriteActor(ref reader, ref state);
            }
            else if (isList && reader.TokenType == JsonTokenType.StartArray)
            {
                state.Writer.WriteStartArray();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    RewriteContextAgent(ref reader, ref state);
                }

                state.Writer.WriteEndArray();
            }
            else
            {
                Copy(ref reader, ref state);
            }
        }

        state.Writer.WriteEndObject();
    }

    private void RewriteContextAgent(ref Utf8JsonReader reader, ref RewriteState state)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Copy(ref reader, ref state);
            return;
        }

        state.Writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            WriteName(ref reader, state.Writer);
            var isActor = reader.ValueTextEquals("agent"u8) || reader.ValueTextEquals("group"u8);
            reader.Read();
            if (isActor)
            {
                RewriteActor(ref reader, ref state);
            }
            else
            {
                Copy(ref reader, ref state);
            }
        }

        state.Writer.WriteEndObject();
    }

    private void RewriteActor(ref Utf8JsonReader reader, ref RewriteState state)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Copy(ref reader, ref state);
            return;
        }

        var look = reader;
        var isGroup = false;
        string? mbox = null, sha1 = null, openId = null, homePage = null, accountName = null;
        var hasMembers = false;
        var members = default(Utf8JsonReader);
        while (look.Read() && look.TokenType == JsonTokenType.PropertyName)
        {
            if (look.ValueTextEquals("objectType"u8))
            {
                look.Read();
                isGroup = look.TokenType == JsonTokenType.String && look.ValueTextEquals("Group"u8);
            }
            else if (look.ValueTextEquals("mbox"u8))
            {
                look.Read();
                mbox = look.TokenType == JsonTokenType.String ? look.GetString() : null;
            }
            else if (look.ValueTextEquals("mbox_sha1sum"u8))
            {
                look.Read();
                sha1 = look.TokenType == JsonTokenType.String ? look.GetString() : null;
            }
            else if (look.ValueTextEquals("openid"u8))
            {
                look.Read();
                openId = look.TokenType == JsonTokenType.String ? look.GetString() : null;
            }
            else if (look.ValueTextEquals("account"u8))
            {
                look.Read();
                if (look.TokenType == JsonTokenType.StartObject)
                {
                    while (look.Read() && look.TokenType == JsonTokenType.PropertyName)
                    {
                        var isHome = look.ValueTextEquals("homePage"u8);
                        var isName = look.ValueTextEquals("name"u8);
                        look.Read();
                        if (look.TokenType == JsonTokenType.String && (isHome || isName))
                        {
                            if (isHome)
                            {
                                homePage = look.GetString();
                            }
                            else
                            {
                                accountName = look.GetString();
                            }
                        }
                        else
                        {
                            look.Skip();
                        }
                    }
                }
                else
                {
                    look.Skip();
                }
            }
            else if (look.ValueTextEquals("member"u8))
            {
                look.Read();
                if (look.TokenType == JsonTokenType.StartArray)
                {
                    members = look;
                    hasMembers = true;
                }

                look.Skip();
            }
            else
            {
                look.Skip();
            }
        }

        reader.Skip();
        var pseudonym = PseudonymFor(mbox, sha1, openId, homePage, accountName, state.Pending);
        var writer = state.Writer;
        writer.WriteStartObject();
        writer.WriteString("objectType"u8, isGroup ? "Group"u8 : "Agent"u8);
        if (pseudonym is not null)
        {
            writer.WriteStartObject("account"u8);
            writer.WriteString("homePage"u8, _homePage);
            writer.WriteString("name"u8, pseudonym);
            writer.WriteEndObject();
        }

        state.Actors++;
        if (isGroup && hasMembers)
        {
            writer.WriteStartArray("member"u8);
            while (members.Read() && members.TokenType != JsonTokenType.EndArray)
            {
                RewriteActor(ref members, ref state);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private string? PseudonymFor(string? mbox, string? sha1, string? openId, string? homePage, string? accountName, List<KeyValuePair<string, string>>? pending)
    {
        // Which identifier names the learner, decided once: a valid mbox, then mbox_sha1sum, openid, account, and an
        // invalid mbox only when nothing else is there (the precedence of xAPI's identity, whatever order it was written in).
        var validMbox = mbox is not null && Mbox.IsValid(mbox);
        IfiKind? kind = validMbox ? IfiKind.Mbox
            : sha1 is not null && XapiFormats.IsSha1Hex(sha1) ? IfiKind.MboxSha1Sum
            : openId is not null ? IfiKind.OpenId
            : homePage is not null && accountName is not null ? IfiKind.Account
            : mbox is not null ? IfiKind.Mbox
            : null;
        if (kind is null)
        {
            return null;
        }

        if (kind == IfiKind.Account && string.Equals(homePage, _homePage, StringComparison.Ordinal) && _pseudonymizer.TryGetKeyId(accountName!, out _))
        {
            return accountName; // already pseudonymized: idempotent
        }

        // The cache is keyed by the IFI as written, so a recurring learner costs one dictionary lookup: no SHA-1, no HMAC.
        var rawKey = kind switch
        {
            IfiKind.Mbox => string.Concat("mbox\n", mbox),
            IfiKind.MboxSha1Sum => string.Concat("mbox_sha1sum\n", sha1),
            IfiKind.OpenId => string.Concat("openid\n", openId),
            _ => string.Concat("account\n", homePage, "\n", accountName),
        };

        lock (_cacheGate)
        {
            if (_cache.TryGetValue(rawKey, out var cached))
            {
                return cached;
            }
        }

        var identity = kind switch
        {
            IfiKind.Mbox => validMbox ? IdentityJson("mbox_sha1sum", Mbox.ComputeSha1Sum(mbox!, _normalization)) : IdentityJson("mbox", mbox!),
            IfiKind.MboxSha1Sum => IdentityJson("mbox_sha1sum", Mbox.LowerHex(sha1!)),
            IfiKind.OpenId => IdentityJson("openid", openId!),
            _ => AccountIdentityJson(homePage!, accountName!),
        };

        var pseudonym = _pseudonymizer.Pseudonymize(identity);
        lock (_cacheGate)
        {
            if (_cache.Count >= CacheLimit)
            {
                _cache.Clear();
            }

            _cache[rawKey] = pseudonym;
        }

        pending?.Add(new KeyValuePair<string, string>(pseudonym, identity));
        return pseudonym;
    }

    private static string AccountIdentityJson(string homePage, string name)
    {
        // Same bytes as InverseFunctionalIdentifier.ToJson(), without its IRL check: a malformed homePage is still an identity.
        var buffer = new ArrayBufferWriter<byte>(64 + homePage.Length + name.Length);
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("account");
            writer.WriteString("homePage", homePage);
            writer.WriteString("name", name);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string IdentityJson(string property, string value)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + value.Length);
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
        {
            writer.WriteStartObject();
            writer.WriteString(property, value);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteName(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        if (reader.ValueIsEscaped)
        {
            writer.WritePropertyName(reader.GetString()!);
        }
        else
        {
            writer.WritePropertyName(reader.ValueSpan);
        }
    }

    private static void Copy(ref Utf8JsonReader reader, ref RewriteState state)
    {
        var start = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        var end = (int)reader.BytesConsumed;
        state.Writer.WriteRawValue(state.Source[start..end], skipInputValidation: true);
    }
}

