using System.Runtime.CompilerServices;
using LmsPrivacy.Classification;
using LmsPrivacy.Pseudonymization;
using LmsPrivacy.SubjectRequests;
using LmsPrivacy.Xapi.SubjectAccess;

namespace LmsPrivacy.Xapi.Lrs;

/// <summary>Options of an <see cref="LrsStatementStore"/>.</summary>
public sealed record LrsStatementStoreOptions
{
    /// <summary>Gets the store name (default <c>lrs</c>).</summary>
    public string Name { get; init; } = "lrs";

    /// <summary>Gets the LRS endpoint, such as <c>https://lrs.example.org/xAPI/</c>.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>Gets the query options (version header, related_agents, format, since/until).</summary>
    public SubjectAccessQueryOptions Query { get; init; } = new();

    /// <summary>
    /// Gets the account home page under which statements carry the learner's pseudonyms
    /// (<c>{"account":{"homePage":…,"name":&lt;pseudonym&gt;}}</c>); with a pseudonym map, each pseudonym recorded for the
    /// subject is queried too, and erasure deletes the mapping.
    /// </summary>
    public string? PseudonymHomePage { get; init; }

    /// <summary>Gets a value indicating whether to ask <c>GET agents</c> for further IFIs the LRS links to the learner (default false).</summary>
    public bool DiscoverAgents { get; init; }
}

/// <summary>
/// Deletes statements in an LRS through a vendor API (xAPI itself has no delete): for example SQL LRS
/// <c>DELETE /admin/agents</c> or Learning Locker's batch deletion. Plug one into <see cref="LrsStatementStore"/>.
/// </summary>
public interface ILrsStatementEraser
{
    /// <summary>Deletes (or rewrites) every statement naming one of the agents.</summary>
    /// <param name="agents">The learner's own (non-pseudonymous) agents.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>What was done; only a confirmed result lets the store report the erasure done.</returns>
    ValueTask<ErasureResult> EraseAsync(IReadOnlyList<SubjectAgent> agents, CancellationToken cancellationToken = default);
}

/// <summary>
/// The statements an LRS holds about a learner, as a personal-data store. Export reads them over HTTP (every IFI of the
/// subject, <c>related_agents</c>, all pages, voided statements). Erasure deletes the pseudonym mapping of statements
/// written under pseudonyms, and — because statements are immutable in xAPI — reports the erasure confirmed only when
/// no statement still carries one of the learner's own identifiers, or a vendor <see cref="ILrsStatementEraser"/> removed them.
/// Statements the host holds itself (files) are erased by <see cref="StatementFileStore"/>, which rewrites them.
/// </summary>
/// <remarks>
/// The subject's own agents come from <see cref="DataSubject.Identifiers"/> of kind <see cref="SubjectIdentifier.XapiAgentKind"/>
/// (agent JSON text). Deleting the mapping leaves pseudonymous statements that no longer name anyone the controller can
/// identify; they stay personal data if free text, extensions or context still single the learner out.
/// </remarks>
public sealed class LrsStatementStore : IExportableStore, IErasableStore
{
    /// <summary>The collection of statements returned by list queries.</summary>
    public const string StatementsCollection = "statements";

    /// <summary>The collection of voided statements fetched one by one.</summary>
    public const string VoidedStatementsCollection = "voided-statements";

    private readonly ILrsClient _client;
    private readonly LrsStatementStoreOptions _options;
    private readonly IPseudonymMap? _map;
    private readonly ILrsStatementEraser? _eraser;
    private readonly SubjectAccessQueryBuilder _builder;

    /// <summary>Initializes the store.</summary>
    /// <param name="client">The LRS client.</param>
    /// <param name="options">Endpoint, name and query options.</param>
    /// <param name="pseudonymMap">The map of pseudonyms written to the LRS, or <see langword="null"/> when statements carry real identities.</param>
    /// <param name="eraser">A vendor deletion API, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The endpoint is not an absolute http(s) URI.</exception>
    public LrsStatementStore(ILrsClient client, LrsStatementStoreOptions options, IPseudonymMap? pseudonymMap = null, ILrsStatementEraser? eraser = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _options = options;
        _map = pseudonymMap;
        _eraser = eraser;
        _builder = new SubjectAccessQueryBuilder(options.Endpoint, options.Query);
    }

    /// <inheritdoc/>
    public string Name => _options.Name;

    /// <inheritdoc/>
    public StoreDescription Describe()
    {
        StoreField[] fields =
        [
            new("id", DataCategory.Technical, "Statement id."),
            new("actor", _map is null ? DataCategory.DirectIdentifier : DataCategory.PseudonymousIdentifier, "Who did it."),
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
        return new StoreDescription(
            [
                new StoreTable(StatementsCollection, fields, "xAPI statements naming the learner in any agent position."),
                new StoreTable(VoidedStatementsCollection, fields, "Statements the learner made that were voided later (still held by the LRS)."),
            ],
            [new ExternalLocation(_options.Endpoint.GetLeftPart(UriPartial.Authority), fields, "The Learning Record Store the LMS sends statements to.")]);
    }

    /// <inheritdoc/>
    public async ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var statement in ReadAsync(subject, includePseudonyms: true, cancellationToken).ConfigureAwait(false))
        {
            var collection = statement.Voided ? VoidedStatementsCollection : StatementsCollection;
            counts[collection] = counts.GetValueOrDefault(collection) + 1;
        }

        return new StoreFindResult(counts);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoreRecord> ExportAsync(ApprovedSubjectRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await foreach (var statement in ReadAsync(request.Subject, includePseudonyms: true, cancellationToken).ConfigureAwait(false))
        {
            yield return new StoreRecord(statement.Voided ? VoidedStatementsCollection : StatementsCollection, statement.Statement);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var own = await OwnAgentsAsync(request.Subject, cancellationToken).ConfigureAwait(false);
        long erased = 0;
        var method = ErasureMethod.DeletePseudonymMapping;
        if (own.Count > 0)
        {
            if (_eraser is not null)
            {
                var result = await _eraser.EraseAsync(own, cancellationToken).ConfigureAwait(false);
                if (result is null || !result.IsConfirmed)
                {
                    return result ?? ErasureResult.Unconfirmed("The LRS eraser returned no result.");
                }

                erased += result.RecordsAffected;
                method = result.Method ?? ErasureMethod.Delete;
            }

            // Confirm by reading: statements are immutable, so any statement still naming the learner means not erased.
            var reader = new SubjectAccessReader(_client, _builder);
            await foreach (var remaining in reader.ReadAsync(own, cancellationToken).ConfigureAwait(false))
            {
                _ = remaining;
                return ErasureResult.Unconfirmed(
                    "Statements in the LRS still carry the learner's own identifiers; delete them through the vendor's API (ILrsStatementEraser) or pseudonymize at the source.");
            }
        }

        if (_map is not null)
        {
            // The map may be keyed by the host's subject id or, when StatementPseudonymizer filled it, by the IFI identity.
            long deleted = 0;
            foreach (var identity in MapIdentities(request.Subject, own))
            {
                deleted += await _map.DeleteSubjectAsync(identity, cancellationToken).ConfigureAwait(false);
            }

            foreach (var identity in MapIdentities(request.Subject, own))
            {
                if ((await _map.FindPseudonymsAsync(identity, cancellationToken).ConfigureAwait(false)).Count > 0)
                {
                    return ErasureResult.Unconfirmed("The pseudonym map still links a pseudonym to the learner after deletion.");
                }
            }

            if (deleted > 0)
            {
                return ErasureResult.Erased(erased > 0 ? method : ErasureMethod.DeletePseudonymMapping, erased + deleted);
            }
        }

        return erased > 0 ? ErasureResult.Erased(method, erased) : ErasureResult.NothingFound();
    }

    private async IAsyncEnumerable<SubjectStatement> ReadAsync(DataSubject subject, bool includePseudonyms, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var own = await OwnAgentsAsync(subject, cancellationToken).ConfigureAwait(false);
        var agents = new List<SubjectAgent>(own);
        if (includePseudonyms && _map is not null && _options.PseudonymHomePage is { } homePage)
        {
            foreach (var identity in MapIdentities(subject, own))
            {
                foreach (var pseudonym in await _map.FindPseudonymsAsync(identity, cancellationToken).ConfigureAwait(false))
                {
                    var agent = SubjectAgent.Account(homePage, pseudonym);
                    if (!agents.Any(a => a.Key == agent.Key))
                    {
                        agents.Add(agent);
                    }
                }
            }
        }

        if (agents.Count == 0)
        {
            yield break;
        }

        var reader = new SubjectAccessReader(_client, _builder);
        await foreach (var statement in reader.ReadAsync(agents, cancellationToken).ConfigureAwait(false))
        {
            yield return statement;
        }
    }

    private static IEnumerable<string> MapIdentities(DataSubject subject, IReadOnlyList<SubjectAgent> own) =>
        own.Select(SubjectStatementRewriter.IdentityOf).Prepend(subject.Id).Distinct(StringComparer.Ordinal);

    private async Task<IReadOnlyList<SubjectAgent>> OwnAgentsAsync(DataSubject subject, CancellationToken cancellationToken)
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

        if (_options.DiscoverAgents && agents.Count > 0)
        {
            var discovered = await new SubjectAccessReader(_client, _builder).DiscoverAgentsAsync(agents, cancellationToken).ConfigureAwait(false);

            // Pseudonymous accounts the LRS links to the person are handled through the map, not as own identifiers.
            return [.. discovered.Where(a => _options.PseudonymHomePage is null || !a.Key.StartsWith($"account\n{_options.PseudonymHomePage}\n", StringComparison.Ordinal))];
        }

        return agents;
    }
}
