using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Pseudonymization;
using LmsPrivacy.SubjectRequests;
using LmsPrivacy.Xapi.Streaming;
using LmsPrivacy.Xapi.SubjectAccess;

namespace LmsPrivacy.Xapi.Lrs;

/// <summary>
/// xAPI statements the host holds in files (an LRS export, an outbox, a backup) as a personal-data store: a folder of
/// <c>*.json</c> files (one statement or an array) and <c>*.ndjson</c>/<c>*.jsonl</c> files (one statement per line).
/// Export returns the statements naming the learner (own IFIs, and the pseudonyms the map records for them). Erasure
/// rewrites those statements with <see cref="SubjectStatementRewriter"/> (the learner's agents become the keyed
/// pseudonymous account of <see cref="StatementPseudonymizer"/>), then deletes the learner's pseudonym mapping, and
/// reports the erasure done only after reading every file again and finding neither an own IFI nor a mapping left.
/// </summary>
/// <remarks>
/// A file is rewritten to a temporary file in the same folder and moved over the original, so a crash leaves the old
/// or the new file, never half of one; a repeated run finds nothing and is harmless. Statements naming only other
/// people are copied unchanged. Not for statements an LRS holds behind its API: use <see cref="LrsStatementStore"/>.
/// </remarks>
public sealed class StatementFileStore : IExportableStore, IErasableStore
{
    /// <summary>The collection the statements are exported under.</summary>
    public const string StatementsCollection = "statements";

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };
    private readonly string _folder;
    private readonly StatementPseudonymizer _pseudonymizer;
    private readonly IPseudonymMap? _map;

    /// <summary>Initializes the store.</summary>
    /// <param name="name">The store name (a registry key).</param>
    /// <param name="folder">The folder holding the statement files.</param>
    /// <param name="pseudonymizer">The pseudonymizer whose key and home page erasure rewrites with.</param>
    /// <param name="pseudonymMap">The map the pseudonymizer records in, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> or <paramref name="folder"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="pseudonymizer"/> is null.</exception>
    public StatementFileStore(string name, string folder, StatementPseudonymizer pseudonymizer, IPseudonymMap? pseudonymMap = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        Name = name;
        _folder = Path.GetFullPath(folder);
        _pseudonymizer = pseudonymizer;
        _map = pseudonymMap;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public StoreDescription Describe()
    {
        StoreField[] fields =
        [
            new("id", DataCategory.Technical, "Statement id."),
            new("actor", DataCategory.DirectIdentifier, "Who did it (an mbox, openid or account until erased)."),
            new("verb", DataCategory.Behavioural, "What was done."),
            new("object", DataCategory.Behavioural, "What it was done to (an activity, an agent or a statement)."),
            new("result", DataCategory.AssessmentResult, "Score, success, completion, response."),
            new("context", DataCategory.QuasiIdentifier, "Registration, instructor, team, course context, extensions."),
            new("timestamp", DataCategory.Behavioural, "When it happened."),
            new("stored", DataCategory.Technical, "When the LRS stored it."),
            new("authority", DataCategory.ThirdParty, "Who vouches for the statement."),
            new("version", DataCategory.Technical, "xAPI version."),
            new("attachments", DataCategory.LearnerContent, "Attached files' metadata."),
            new("objectType", DataCategory.Technical, "Statement type marker."),
        ];
        return new StoreDescription([new StoreTable(StatementsCollection, fields, "xAPI statements held in files, naming the learner in any agent position.")]);
    }

    /// <inheritdoc/>
    public async ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        long count = 0;
        await foreach (var _ in ExportAsync(subject, cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return new StoreFindResult(count == 0 ? new Dictionary<string, long>() : new Dictionary<string, long> { [StatementsCollection] = count });
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<StoreRecord> ExportAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExportAsync(request.Subject, cancellationToken);
    }

    /// <inheritdoc/>
    public async ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rewriter = Rewriter(request.Subject);
        long rewritten = 0;
        foreach (var file in Files())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rewritten += await RewriteFileAsync(file, rewriter, cancellationToken).ConfigureAwait(false);
        }

        long mappings = 0;
        if (_map is not null)
        {
            foreach (var identity in rewriter.Identities.Append(request.Subject.Id))
            {
                mappings += await _map.DeleteSubjectAsync(identity, cancellationToken).ConfigureAwait(false);
            }
        }

        // Confirm: read everything again; nothing may still name the learner or link a pseudonym to them.
        foreach (var file in Files())
        {
            foreach (var statement in await ReadFileAsync(file, cancellationToken).ConfigureAwait(false))
            {
                using var document = JsonDocument.Parse(statement, ParseOptions);
                if (rewriter.NamesSubject(document.RootElement))
                {
                    return ErasureResult.Unconfirmed($"A statement file still names the learner after rewriting ({Path.GetFileName(file)}).");
                }
            }
        }

        if (_map is not null)
        {
            foreach (var identity in rewriter.Identities.Append(request.Subject.Id))
            {
                if ((await _map.FindPseudonymsAsync(identity, cancellationToken).ConfigureAwait(false)).Count > 0)
                {
                    return ErasureResult.Unconfirmed("The pseudonym map still links a pseudonym to the learner after deletion.");
                }
            }
        }

        return rewritten + mappings > 0
            ? ErasureResult.Erased(rewritten > 0 ? ErasureMethod.AnonymiseInPlace : ErasureMethod.DeletePseudonymMapping, rewritten + mappings)
            : ErasureResult.NothingFound();
    }

    private static async Task<List<string>> ReadFileAsync(string file, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(file, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        if (IsLines(file))
        {
            return [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
        }

        if (text.AsSpan().Trim().Length == 0)
        {
            return [];
        }

        using var document = JsonDocument.Parse(text, ParseOptions);
        return document.RootElement.ValueKind == JsonValueKind.Array
            ? [.. document.RootElement.EnumerateArray().Select(e => e.GetRawText())]
            : [document.RootElement.GetRawText()];
    }

    private static bool IsLines(string file) =>
        file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static async Task<long> RewriteFileAsync(string file, SubjectStatementRewriter rewriter, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(file, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        var isArray = !IsLines(file) && text.TrimStart().StartsWith('[');
        var statements = await ReadFileAsync(file, cancellationToken).ConfigureAwait(false);
        long changed = 0;
        var output = new List<string>(statements.Count);
        foreach (var statement in statements)
        {
            var replaced = rewriter.Rewrite(statement);
            if (replaced is not null)
            {
                changed++;
            }

            output.Add(replaced ?? statement);
        }

        if (changed == 0)
        {
            return 0;
        }

        var content = IsLines(file)
            ? string.Concat(output.Select(s => s + "\n"))
            : isArray ? "[" + string.Join(",", output) + "]\n" : output[0] + "\n";
        var temporary = file + ".erasing";
        await File.WriteAllTextAsync(temporary, content, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, file, overwrite: true);
        return changed;
    }

    private async IAsyncEnumerable<StoreRecord> ExportAsync(DataSubject subject, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rewriter = Rewriter(subject);
        var agents = OwnAgents(subject);
        if (_map is not null)
        {
            foreach (var identity in rewriter.Identities.Append(subject.Id))
            {
                foreach (var pseudonym in await _map.FindPseudonymsAsync(identity, cancellationToken).ConfigureAwait(false))
                {
                    agents.Add(SubjectAgent.Account(_pseudonymizer.HomePage, pseudonym));
                }
            }
        }

        var matcher = new SubjectStatementRewriter(_pseudonymizer, agents);
        foreach (var file in Files())
        {
            foreach (var statement in await ReadFileAsync(file, cancellationToken).ConfigureAwait(false))
            {
                using var document = JsonDocument.Parse(statement, ParseOptions);
                if (matcher.NamesSubject(document.RootElement))
                {
                    yield return new StoreRecord(StatementsCollection, document.RootElement.Clone());
                }
            }
        }
    }

    private SubjectStatementRewriter Rewriter(DataSubject subject) => new(_pseudonymizer, OwnAgents(subject));

    private static List<SubjectAgent> OwnAgents(DataSubject subject)
    {
        var agents = new List<SubjectAgent>();
        foreach (var json in subject.IdentifiersOf(SubjectIdentifier.XapiAgentKind))
        {
            if (!SubjectAgent.TryParse(json, out var agent, out var error))
            {
                throw new ArgumentException($"A subject identifier of kind '{SubjectIdentifier.XapiAgentKind}' is not a valid agent: {error}", nameof(subject));
            }

            agents.Add(agent);
        }

        return agents;
    }

    private IEnumerable<string> Files()
    {
        if (!Directory.Exists(_folder))
        {
            throw new DirectoryNotFoundException($"The statement folder of store '{Name}' does not exist.");
        }

        return Directory.EnumerateFiles(_folder)
            .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || IsLines(f))
            .Order(StringComparer.Ordinal);
    }
}
