using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using LmsPrivacy.Xapi.Actors;
using LmsPrivacy.Xapi.Streaming;
using LmsPrivacy.Xapi.SubjectAccess;

namespace LmsPrivacy.Xapi.Lrs;

/// <summary>
/// Erases one learner from statements the host holds (files, database rows) by rewriting them: every Agent or Group
/// object that carries one of the learner's IFIs — in any position: actor, object, context.instructor, team members,
/// authority, sub-statements, xAPI 2.0 context agents — becomes the keyed pseudonymous account
/// <see cref="StatementPseudonymizer"/> gives that IFI (<c>{"objectType":"Agent","account":{"homePage":…,"name":…}}</c>,
/// no name). Other people's agents and every other value are left untouched.
/// </summary>
/// <remarks>
/// <para>An <c>mbox</c> also matches its <c>mbox_sha1sum</c> (the two forms of one address get one pseudonym, as in
/// <see cref="StatementPseudonymizer"/>). After rewriting, delete the learner's pseudonym mapping
/// (<see cref="Identities"/> in the map) so the pseudonym links to nobody; <see cref="StatementFileStore"/> does both.</para>
/// <para>The pseudonym is an HMAC under the controller's key: whoever holds the key and the learner's address can compute
/// it again. Keep the key apart, and rotate it when statements must become anonymous rather than pseudonymous.</para>
/// </remarks>
public sealed class SubjectStatementRewriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };
    private readonly StatementPseudonymizer _pseudonymizer;
    private readonly List<(SubjectAgent Agent, InverseFunctionalIdentifier Ifi)> _agents = [];

    /// <summary>Initializes a rewriter for one learner.</summary>
    /// <param name="pseudonymizer">The statement pseudonymizer (its key and home page give the replacement account).</param>
    /// <param name="agents">The learner's own agents (mbox, mbox_sha1sum, openid or account).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SubjectStatementRewriter(StatementPseudonymizer pseudonymizer, IEnumerable<SubjectAgent> agents)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        ArgumentNullException.ThrowIfNull(agents);
        _pseudonymizer = pseudonymizer;
        var identities = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var agent in agents)
        {
            ArgumentNullException.ThrowIfNull(agent, nameof(agents));
            var ifi = IfiOf(agent);
            _agents.Add((agent, ifi));
            identities.Add(StatementPseudonymizer.IdentityOf(ifi));
            if (ifi.Kind == IfiKind.Mbox)
            {
                var sha1 = Mbox.ComputeSha1Sum(ifi.Value!);
                _agents.Add((SubjectAgent.Parse($$"""{"mbox_sha1sum":"{{sha1}}"}"""), InverseFunctionalIdentifier.FromMboxSha1Sum(sha1)));
            }
        }

        Identities = [.. identities];
    }

    /// <summary>Gets the identities the pseudonymizer records for the learner's IFIs (the keys to delete from the pseudonym map).</summary>
    public IReadOnlyList<string> Identities { get; }

    /// <summary>Gets the pseudonyms the learner's IFIs get (the account names written by <see cref="Rewrite(string)"/>).</summary>
    public IReadOnlyList<string> Pseudonyms => [.. _agents.Select(a => _pseudonymizer.PseudonymOf(a.Ifi)).Distinct(StringComparer.Ordinal)];

    /// <summary>Returns whether a statement (or any JSON) carries one of the learner's IFIs anywhere.</summary>
    /// <param name="statement">The statement.</param>
    /// <returns><see langword="true"/> when an agent object matches.</returns>
    public bool NamesSubject(JsonElement statement) => statement.ValueKind switch
    {
        JsonValueKind.Object => Match(statement) is not null || statement.EnumerateObject().Any(p => NamesSubject(p.Value)),
        JsonValueKind.Array => statement.EnumerateArray().Any(NamesSubject),
        _ => false,
    };

    /// <summary>Rewrites a statement when it names the learner.</summary>
    /// <param name="statementJson">One statement as JSON text.</param>
    /// <returns>The rewritten statement (compact JSON), or <see langword="null"/> when it does not name the learner.</returns>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public string? Rewrite(string statementJson)
    {
        ArgumentNullException.ThrowIfNull(statementJson);
        using var document = JsonDocument.Parse(statementJson, new JsonDocumentOptions { MaxDepth = 64 });
        return Rewrite(document.RootElement);
    }

    /// <summary>Rewrites a statement when it names the learner.</summary>
    /// <param name="statement">The statement.</param>
    /// <returns>The rewritten statement (compact JSON), or <see langword="null"/> when it does not name the learner.</returns>
    public string? Rewrite(JsonElement statement)
    {
        if (!NamesSubject(statement))
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(statement, writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The identity <see cref="StatementPseudonymizer"/> records in the pseudonym map for an agent's IFI.</summary>
    internal static string IdentityOf(SubjectAgent agent) => StatementPseudonymizer.IdentityOf(IfiOf(agent));

    private static InverseFunctionalIdentifier IfiOf(SubjectAgent agent)
    {
        using var document = JsonDocument.Parse(agent.Json);
        var root = document.RootElement;
        return agent.Ifi switch
        {
            "mbox" => InverseFunctionalIdentifier.FromMbox(root.GetProperty("mbox").GetString()!),
            "mbox_sha1sum" => InverseFunctionalIdentifier.FromMboxSha1Sum(root.GetProperty("mbox_sha1sum").GetString()!),
            "openid" => InverseFunctionalIdentifier.FromOpenId(root.GetProperty("openid").GetString()!),
            _ => InverseFunctionalIdentifier.FromAccount(
                root.GetProperty("account").GetProperty("homePage").GetString()!, root.GetProperty("account").GetProperty("name").GetString()!),
        };
    }

    private InverseFunctionalIdentifier? Match(JsonElement element)
    {
        foreach (var (agent, ifi) in _agents)
        {
            if (agent.Matches(element))
            {
                return ifi;
            }
        }

        return null;
    }

    private void Write(JsonElement element, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (Match(element) is { } ifi)
                {
                    writer.WriteStartObject();
                    writer.WriteString("objectType", "Agent");
                    writer.WriteStartObject("account");
                    writer.WriteString("homePage", _pseudonymizer.HomePage);
                    writer.WriteString("name", _pseudonymizer.PseudonymOf(ifi));
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                    return;
                }

                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(property.Value, writer);
                }

                writer.WriteEndObject();
                return;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                return;
            default:
                element.WriteTo(writer);
                return;
        }
    }
}
