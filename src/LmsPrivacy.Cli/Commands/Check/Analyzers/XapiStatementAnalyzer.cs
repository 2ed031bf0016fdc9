using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LmsPrivacy.Classification;

namespace LmsPrivacy.Cli.Commands.Check.Analyzers;

/// <summary>
/// Streams a statement file (one statement, a JSON array or NDJSON) with <see cref="Utf8JsonReader"/> over a
/// fixed buffer: memory does not grow with the file. Reports the identifiers and learner data the statements
/// carry, the LRS named by <c>authority</c>, and malformed JSON with its statement index and byte offset.
/// </summary>
internal sealed class XapiStatementAnalyzer : IArtifactAnalyzer
{
    private const int InitialBuffer = 64 * 1024;
    private const int MaxTokenBytes = 16 * 1024 * 1024;

    public string Name => "check (built-in xAPI review)";

    public bool AppliesTo(ArtifactKind kind) => kind == ArtifactKind.XapiStatements;

    public void Analyze(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        Stream stream;
        try
        {
            stream = new FileStream(artifact.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            result.Status = ArtifactStatus.Failed;
            result.Findings.Add(CheckRules.InputUnreadable.At("$", "The statement file could not be read."));
            return;
        }

        using (stream)
        {
            var scan = Scan(stream, context.Limits.MaxJsonDepth, context.CancellationToken, bytes =>
                context.Progress.Report($"{artifact.DisplayPath}: {bytes / (1024 * 1024)} MiB read"));
            Report(scan, artifact, result, context);
        }
    }

    /// <summary>Scans a statement stream. Public for tests (memory and malformed-input behaviour).</summary>
    internal static StatementScan Scan(Stream stream, int maxDepth, CancellationToken cancellationToken, Action<long>? progress = null)
    {
        var scan = new StatementScan();
        var walker = new Walker(scan, maxDepth);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        var state = new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = maxDepth });
        var length = 0;
        long offset = 0; // bytes consumed before buffer[0]
        long nextProgress = 64L * 1024 * 1024;
        var first = true;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = stream.Read(buffer, length, buffer.Length - length);
                var isFinal = read == 0;
                length += read;
                var data = buffer.AsSpan(0, length);
                if (first && data.Length >= 3 && data.StartsWith("\uFEFF"u8))
                {
                    data = data[3..];
                    offset += 3;
                    buffer.AsSpan(3, length - 3).CopyTo(buffer);
                    length -= 3;
                    data = buffer.AsSpan(0, length);
                }

                first = false;
                var reader = new Utf8JsonReader(data, isFinal, state);
                try
                {
                    while (reader.Read())
                    {
                        walker.Token(ref reader);
                    }
                }
                catch (JsonException ex)
                {
                    scan.MalformedAtStatement = walker.CurrentStatementIndex;
                    scan.MalformedAtByte = offset + reader.BytesConsumed;
                    scan.MalformedTooDeep = reader.CurrentDepth >= maxDepth - 1 || ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase);
                    break;
                }

                var consumed = (int)reader.BytesConsumed;
                state = reader.CurrentState;
                offset += consumed;
                scan.Bytes = offset;
                if (offset >= nextProgress)
                {
                    progress?.Invoke(offset);
                    nextProgress += 64L * 1024 * 1024;
                }

                if (isFinal)
                {
                    if (walker.Incomplete)
                    {
                        scan.MalformedAtStatement = walker.CurrentStatementIndex;
                        scan.MalformedAtByte = offset;
                    }

                    break;
                }

                var leftover = length - consumed;
                buffer.AsSpan(consumed, leftover).CopyTo(buffer);
                length = leftover;
                if (length == buffer.Length)
                {
                    if (buffer.Length >= MaxTokenBytes)
                    {
                        scan.TokenTooLarge = true;
                        scan.MalformedAtStatement = walker.CurrentStatementIndex;
                        scan.MalformedAtByte = offset;
                        break;
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        scan.Statements = walker.Statements;
        return scan;
    }

    private static void Report(StatementScan scan, DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        var ci = CultureInfo.InvariantCulture;
        if (!scan.IsArray && scan.Statements == 1)
        {
            scan.SingleStatementPaths();
        }

        result.Facts.Add(string.Create(ci, $"{scan.Statements:N0} statement(s), {scan.Bytes:N0} bytes, {(scan.IsArray ? "JSON array" : scan.Statements > 1 ? "NDJSON / concatenated objects" : "single statement")}"));
        if (scan.MalformedAtStatement is { } index)
        {
            var what = scan.TokenTooLarge
                ? $"A single JSON token is larger than {MaxTokenBytes / (1024 * 1024)} MiB"
                : scan.MalformedTooDeep ? "The JSON nests too deeply" : "The JSON is malformed";
            var rule = scan.MalformedTooDeep ? CheckRules.InputTooDeep : CheckRules.InputMalformed;
            result.Findings.Add(rule.At(
                Path(scan.IsArray, index, string.Empty),
                string.Create(ci, $"{what} in statement {index} (byte offset {scan.MalformedAtByte:N0}); statements after it were not checked.")));
        }

        if (scan.NotStatements > 0)
        {
            result.Findings.Add(CheckRules.XapiNotStatement.At(scan.FirstNotStatement!, string.Create(ci, $"{scan.NotStatements:N0} item(s) are not statement objects with actor, verb and object.")));
        }

        if (scan.Mbox > 0)
        {
            result.Findings.Add(CheckRules.XapiMboxPlain.At(scan.FirstMbox!, string.Create(ci,
                $"{scan.Mbox:N0} agent identifier(s) in {scan.StatementsWithMbox:N0} statement(s) are plain e-mail addresses; use an account with a keyed pseudonym ('lmsprivacy xapi pseudonymize').")));
        }

        if (scan.Sha1 > 0)
        {
            result.Findings.Add(CheckRules.XapiMboxSha1.At(scan.FirstSha1!, string.Create(ci,
                $"{scan.Sha1:N0} agent identifier(s) are mbox_sha1sum, which anyone with a list of addresses can reverse; prefer a keyed account pseudonym.")));
        }

        if (scan.Names > 0)
        {
            result.Findings.Add(CheckRules.XapiNamePresent.At(scan.FirstName!, string.Create(ci,
                $"{scan.Names:N0} agent name(s) are present; the LRS needs an identifier, not a name: drop 'name'.")));
        }

        if (scan.Responses > 0)
        {
            result.Findings.Add(CheckRules.XapiFreeText.At(scan.FirstResponse!, string.Create(ci,
                $"{scan.Responses:N0} statement(s) carry learner-written responses; include them in access exports and retention.")));
        }

        var categories = new List<DataCategory> { DataCategory.Behavioural };
        if (scan.Mbox + scan.Names + scan.OpenId > 0)
        {
            categories.Add(DataCategory.DirectIdentifier);
        }

        if (scan.Account + scan.Sha1 > 0)
        {
            categories.Add(DataCategory.PseudonymousIdentifier);
        }

        if (scan.Scores > 0)
        {
            categories.Add(DataCategory.AssessmentResult);
        }

        if (scan.Responses > 0)
        {
            categories.Add(DataCategory.LearnerContent);
        }

        categories.Sort();
        if (scan.LrsHosts.Count == 0)
        {
            context.Report.Flows.Add(new DataFlow("learning platform", "LRS (not named in the statements)", categories, "xAPI statements", artifact.DisplayPath));
        }

        foreach (var host in scan.LrsHosts.Order(StringComparer.Ordinal))
        {
            context.Report.SeeHost(host, new HostReference(artifact.DisplayPath, "$..authority", "lrs"), receivesLearnerData: true);
            context.Report.Flows.Add(new DataFlow("learning platform", host, categories, "xAPI statements (LRS named by authority)", artifact.DisplayPath));
        }
    }

    internal static string Path(bool isArray, long index, string rest) =>
        (isArray ? string.Create(CultureInfo.InvariantCulture, $"$[{index}]") : string.Create(CultureInfo.InvariantCulture, $"$<{index}>")) + rest;

    /// <summary>What a scan counted. Paths are of the first occurrence; values are never kept.</summary>
    internal sealed class StatementScan
    {
        public long Statements { get; set; }

        public long Bytes { get; set; }

        public bool IsArray { get; set; }

        public long? MalformedAtStatement { get; set; }

        public long MalformedAtByte { get; set; }

        public bool MalformedTooDeep { get; set; }

        public bool TokenTooLarge { get; set; }

        public long NotStatements { get; set; }

        public string? FirstNotStatement { get; set; }

        public long Mbox { get; set; }

        public long StatementsWithMbox { get; set; }

        public string? FirstMbox { get; set; }

        public long Sha1 { get; set; }

        public string? FirstSha1 { get; set; }

        public long OpenId { get; set; }

        public long Account { get; set; }

        public long Names { get; set; }

        public string? FirstName { get; set; }

        public long Responses { get; set; }

        public string? FirstResponse { get; set; }

        public long Scores { get; set; }

        public HashSet<string> LrsHosts { get; } = new(StringComparer.Ordinal);

        /// <summary>A file holding one statement: paths start at "$", not "$&lt;0&gt;".</summary>
        public void SingleStatementPaths()
        {
            static string? Fix(string? path) => path is not null && path.StartsWith("$<0>", StringComparison.Ordinal) ? "$" + path[4..] : path;
            FirstMbox = Fix(FirstMbox);
            FirstSha1 = Fix(FirstSha1);
            FirstName = Fix(FirstName);
            FirstResponse = Fix(FirstResponse);
            FirstNotStatement = Fix(FirstNotStatement);
        }
    }

    private enum Key : byte
    {
        Other,
        Actor,
        Verb,
        Object,
        Mbox,
        MboxSha1,
        OpenId,
        Account,
        HomePage,
        PersonName,
        Result,
        Response,
        Score,
        Authority,
        Instructor,
        Team,
        Member,
        Context,
        Id,
    }

    /// <summary>Follows the token stream with fixed-size per-depth state: no per-token allocation for known names.</summary>
    private sealed class Walker(StatementScan scan, int maxDepth)
    {
        private readonly Key[] _names = new Key[maxDepth + 2];
        private readonly bool[] _isArray = new bool[maxDepth + 2];
        private readonly int[] _index = new int[maxDepth + 2];
        private readonly Key[] _label = new Key[maxDepth + 2];
        private byte[] _lastHomePage = [];
        private int _statementDepth = -1;
        private bool _inStatement;
        private bool _hasVerb;
        private bool _hasObject;
        private bool _hasActor;
        private bool _statementHasMbox;

        public long Statements { get; private set; }

        public long CurrentStatementIndex => _inStatement ? Statements - 1 : Statements;

        public bool Incomplete => _inStatement;

        public void Token(ref Utf8JsonReader reader)
        {
            var depth = reader.CurrentDepth;
            var type = reader.TokenType;
            if (_statementDepth < 0)
            {
                scan.IsArray = type == JsonTokenType.StartArray && depth == 0;
                _statementDepth = scan.IsArray ? 1 : 0;
                if (scan.IsArray)
                {
                    _isArray[0] = true;
                    _index[0] = -1;
                    return;
                }
            }

            if (scan.IsArray && depth == 0)
            {
                return; // the closing bracket, or a second root value (reported as not a statement below)
            }

            var isValueStart = type is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.Comment);
            if (isValueStart && depth > 0 && _isArray[depth - 1])
            {
                _index[depth - 1]++;
            }

            if (depth == _statementDepth)
            {
                if (type == JsonTokenType.StartObject)
                {
                    _inStatement = true;
                    _hasVerb = _hasObject = _hasActor = _statementHasMbox = false;
                    Statements++;
                    _isArray[depth] = false;
                    _label[depth] = Key.Other;
                }
                else if (type == JsonTokenType.EndObject)
                {
                    _inStatement = false;
                    if (!(_hasVerb && _hasObject && _hasActor))
                    {
                        NotStatement(Statements - 1);
                    }
                }
                else if (isValueStart)
                {
                    Statements++;
                    NotStatement(Statements - 1);
                }

                return;
            }

            if (!_inStatement)
            {
                return;
            }

            switch (type)
            {
                case JsonTokenType.PropertyName:
                    var name = Classify(ref reader);
                    _names[depth] = name;
                    OnProperty(name, depth);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    _isArray[depth] = type == JsonTokenType.StartArray;
                    _index[depth] = -1;
                    _label[depth] = _isArray[depth - 1] ? (_label[depth - 1] == Key.Member ? Key.Member : _label[depth - 1]) : _names[depth];
                    break;
                case JsonTokenType.String:
                    if (!_isArray[depth - 1] && _names[depth] == Key.HomePage && Within(Key.Authority, depth)
                        && !reader.ValueSpan.SequenceEqual(_lastHomePage))
                    {
                        // Exports repeat one authority in every statement: parse a homePage only when it changes.
                        _lastHomePage = reader.ValueSpan.Length < 2048 ? reader.ValueSpan.ToArray() : [];
                        var value = reader.ValueSpan.Length < 2048 ? reader.GetString() : null;
                        if (Hosts.TryGetHost(value, out var host))
                        {
                            scan.LrsHosts.Add(host);
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        private void OnProperty(Key name, int depth)
        {
            var parent = _label[depth - 1];
            if (depth == _statementDepth + 1)
            {
                _hasVerb |= name == Key.Verb;
                _hasObject |= name == Key.Object;
                _hasActor |= name == Key.Actor;
            }

            switch (name)
            {
                case Key.Mbox:
                    scan.Mbox++;
                    scan.FirstMbox ??= BuildPath(depth);
                    if (!_statementHasMbox)
                    {
                        _statementHasMbox = true;
                        scan.StatementsWithMbox++;
                    }

                    break;
                case Key.MboxSha1:
                    scan.Sha1++;
                    scan.FirstSha1 ??= BuildPath(depth);
                    break;
                case Key.OpenId:
                    scan.OpenId++;
                    break;
                case Key.Account:
                    scan.Account++;
                    break;
                case Key.PersonName when parent is Key.Actor or Key.Instructor or Key.Member or Key.Team:
                    scan.Names++;
                    scan.FirstName ??= BuildPath(depth);
                    break;
                case Key.Response when parent == Key.Result:
                    scan.Responses++;
                    scan.FirstResponse ??= BuildPath(depth);
                    break;
                case Key.Score when parent == Key.Result:
                    scan.Scores++;
                    break;
                default:
                    break;
            }
        }

        private bool Within(Key name, int depth)
        {
            for (var d = _statementDepth + 1; d <= depth; d++)
            {
                if (!_isArray[d - 1] && _names[d] == name)
                {
                    return true;
                }
            }

            return false;
        }

        private void NotStatement(long index)
        {
            scan.NotStatements++;
            scan.FirstNotStatement ??= Path(scan.IsArray, index, string.Empty);
        }

        private string BuildPath(int depth)
        {
            var text = new StringBuilder();
            for (var d = _statementDepth + 1; d <= depth; d++)
            {
                if (_isArray[d - 1])
                {
                    text.Append(CultureInfo.InvariantCulture, $"[{_index[d - 1]}]");
                }
                else
                {
                    text.Append('.').Append(NameText(_names[d]));
                }
            }

            return Path(scan.IsArray, Statements - 1, text.ToString());
        }

        private static string NameText(Key name) => name switch
        {
            Key.Actor => "actor",
            Key.Verb => "verb",
            Key.Object => "object",
            Key.Mbox => "mbox",
            Key.MboxSha1 => "mbox_sha1sum",
            Key.OpenId => "openid",
            Key.Account => "account",
            Key.HomePage => "homePage",
            Key.PersonName => "name",
            Key.Result => "result",
            Key.Response => "response",
            Key.Score => "score",
            Key.Authority => "authority",
            Key.Instructor => "instructor",
            Key.Team => "team",
            Key.Member => "member",
            Key.Context => "context",
            Key.Id => "id",
            _ => "*",
        };

        private static Key Classify(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped)
            {
                return Key.Other;
            }

            var span = reader.ValueSpan;
            return span switch
            {
                _ when span.SequenceEqual("actor"u8) => Key.Actor,
                _ when span.SequenceEqual("verb"u8) => Key.Verb,
                _ when span.SequenceEqual("object"u8) => Key.Object,
                _ when span.SequenceEqual("mbox"u8) => Key.Mbox,
                _ when span.SequenceEqual("mbox_sha1sum"u8) => Key.MboxSha1,
                _ when span.SequenceEqual("openid"u8) => Key.OpenId,
                _ when span.SequenceEqual("account"u8) => Key.Account,
                _ when span.SequenceEqual("homePage"u8) => Key.HomePage,
                _ when span.SequenceEqual("name"u8) => Key.PersonName,
                _ when span.SequenceEqual("result"u8) => Key.Result,
                _ when span.SequenceEqual("response"u8) => Key.Response,
                _ when span.SequenceEqual("score"u8) => Key.Score,
                _ when span.SequenceEqual("authority"u8) => Key.Authority,
                _ when span.SequenceEqual("instructor"u8) => Key.Instructor,
                _ when span.SequenceEqual("team"u8) => Key.Team,
                _ when span.SequenceEqual("member"u8) => Key.Member,
                _ when span.SequenceEqual("context"u8) => Key.Context,
                _ when span.SequenceEqual("id"u8) => Key.Id,
                _ => Key.Other,
            };
        }
    }
}
