using System.Globalization;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;
using NodaTime;

namespace LmsPrivacy.Retention.Queue;

/// <summary>The outcome of flagging an evaluation into the queue.</summary>
/// <param name="Flagged">Contexts newly queued as pending.</param>
/// <param name="Reset">Entries sent back to pending because their evaluated expiry changed.</param>
/// <param name="Withdrawn">Entries removed because the context is no longer expired (or no longer exists).</param>
public sealed record FlagResult(IReadOnlyList<string> Flagged, IReadOnlyList<string> Reset, IReadOnlyList<string> Withdrawn);

/// <summary>The outcome of an approval.</summary>
/// <param name="Approved">Contexts approved (including pending descendants approved with their parent).</param>
/// <param name="Refused">Contexts not approved, each with the reason; when any is refused, none is approved.</param>
public sealed record ApprovalResult(IReadOnlyList<string> Approved, IReadOnlyList<KeyValuePair<string, string>> Refused)
{
    /// <summary>Gets whether the whole batch was approved.</summary>
    public bool Succeeded => Refused.Count == 0;
}

/// <summary>The outcome of one deletion run.</summary>
/// <param name="Cleaned">Contexts whose data was deleted.</param>
/// <param name="Withdrawn">Approved entries that re-validation found no longer expired: nothing deleted.</param>
/// <param name="Reset">Approved entries whose expiry changed: back to pending.</param>
/// <param name="Deferred">Approved entries left for a later run (children not cleaned yet, or over the batch limit).</param>
public sealed record DeletionRunResult(IReadOnlyList<string> Cleaned, IReadOnlyList<string> Withdrawn, IReadOnlyList<string> Reset, IReadOnlyList<string> Deferred)
{
    /// <summary>
    /// Gets the approved entries whose deletion the eraser did not confirm (a store failed or kept the data): they stay
    /// approved, the failure is in the audit trail (<see cref="DeletionAuditAction.ErasureFailed"/>), and the next run retries.
    /// </summary>
    public IReadOnlyList<string> Failed { get; init; } = [];
}

/// <summary>
/// The deletion queue (research/moodle.md §2.5.4–§2.5.6, with an explicit rejection and an audit trail):
/// pending → approved → cleaned, or rejected with a reason; a changed expiry sends an entry back to pending;
/// every run re-validates against a fresh evaluation right before deleting, cleans children before parents and stops
/// at a batch limit.
/// </summary>
public sealed class DeletionQueueManager
{
    private readonly IDeletionQueueStore _store;
    private readonly IContextDataEraser _eraser;
    private readonly RetentionEvaluator _evaluator;
    private readonly IContextTree _tree;
    private readonly IClock _clock;
    private readonly int _batchLimit;

    /// <summary>Initializes a queue.</summary>
    /// <param name="store">Where entries and the audit trail live.</param>
    /// <param name="eraser">The host's eraser.</param>
    /// <param name="evaluator">The evaluator used to re-validate before deletion.</param>
    /// <param name="tree">The host's live context tree.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="batchLimit">The most approved entries one run looks at (default 200).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchLimit"/> is less than 1.</exception>
    public DeletionQueueManager(IDeletionQueueStore store, IContextDataEraser eraser, RetentionEvaluator evaluator, IContextTree tree, IClock clock, int batchLimit = 200)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(eraser);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchLimit, 1);
        _store = store;
        _eraser = eraser;
        _evaluator = evaluator;
        _tree = tree;
        _clock = clock;
        _batchLimit = batchLimit;
    }

    /// <summary>Evaluates the tree now and flags the result (the daily "flag expired contexts" job).</summary>
    /// <param name="actor">Who runs it (a job name).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed.</returns>
    public async Task<FlagResult> FlagAsync(string actor, CancellationToken cancellationToken = default) =>
        await FlagAsync(_evaluator.Evaluate(_tree, _clock.GetCurrentInstant()), actor, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Queues every expired or partly expired context of an evaluation as pending, sends entries whose expiry changed
    /// back to pending, and withdraws entries whose context is no longer expired (with an audit line, unlike Moodle's
    /// silent removal). Contexts inside a user's subtree are never queued on their own: the user is the unit.
    /// </summary>
    /// <param name="report">A fresh evaluation.</param>
    /// <param name="actor">Who runs it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What changed.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public async Task<FlagResult> FlagAsync(RetentionReport report, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = _clock.GetCurrentInstant();
        List<string> flagged = [], reset = [], withdrawn = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in report.Contexts)
        {
            var deletable = row.Status is RetentionStatus.Expired or RetentionStatus.PartlyExpired && !InUserSubtree(report, row);
            var existing = await _store.FindAsync(row.Id, cancellationToken).ConfigureAwait(false);
            if (deletable)
            {
                seen.Add(row.Id);
            }

            if (existing is null)
            {
                if (deletable)
                {
                    await _store.SaveAsync(DeletionEntry.FromEvaluation(row, now), cancellationToken).ConfigureAwait(false);
                    await Audit(now, actor, row.Id, DeletionAuditAction.Flagged, row.Reason, cancellationToken).ConfigureAwait(false);
                    flagged.Add(row.Id);
                }

                continue;
            }

            if (existing.State == DeletionState.Cleaned)
            {
                continue;
            }

            if (!deletable)
            {
                await _store.RemoveAsync(row.Id, cancellationToken).ConfigureAwait(false);
                await Audit(now, actor, row.Id, DeletionAuditAction.Withdrawn, $"No longer expired ({row.Status.ToCode()}): {row.Reason}", cancellationToken).ConfigureAwait(false);
                withdrawn.Add(row.Id);
            }
            else if (!existing.SameExpiryAs(row))
            {
                await _store.SaveAsync(DeletionEntry.FromEvaluation(row, existing.FlaggedAt) with { UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
                await Audit(now, actor, row.Id, DeletionAuditAction.ExpiryChanged, "The evaluated expiry changed; the entry must be approved again: " + row.Reason, cancellationToken).ConfigureAwait(false);
                reset.Add(row.Id);
            }
        }

        // Entries of contexts that no longer exist.
        foreach (var entry in await _store.ListAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (entry.State != DeletionState.Cleaned && !seen.Contains(entry.ContextId) && report.Find(entry.ContextId) is null && report.Contexts.Count > 0)
            {
                await _store.RemoveAsync(entry.ContextId, cancellationToken).ConfigureAwait(false);
                await Audit(now, actor, entry.ContextId, DeletionAuditAction.Withdrawn, "The context no longer exists.", cancellationToken).ConfigureAwait(false);
                withdrawn.Add(entry.ContextId);
            }
        }

        return new FlagResult(flagged, reset, withdrawn);
    }

    /// <summary>
    /// Approves pending entries. A course or module is approved only when every context below it is queued too
    /// (otherwise the whole batch is refused, as Moodle does); pending entries below it are approved with it.
    /// </summary>
    /// <param name="contextIds">The contexts to approve.</param>
    /// <param name="actor">Who approves (a person).</param>
    /// <param name="note">An optional note for the audit trail.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The approved and refused contexts.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public async Task<ApprovalResult> ApproveAsync(IEnumerable<string> contextIds, string actor, string? note = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contextIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = _clock.GetCurrentInstant();
        var toApprove = new List<DeletionEntry>();
        var refused = new List<KeyValuePair<string, string>>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in contextIds)
        {
            var entry = await _store.FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (entry is null || entry.State != DeletionState.Pending)
            {
                refused.Add(new(id, entry is null ? "The context is not in the deletion queue." : $"Only pending entries can be approved; this one is {entry.State.ToString().ToLowerInvariant()}."));
                continue;
            }

            var context = _tree.Find(id);
            if (context is null)
            {
                refused.Add(new(id, "The context no longer exists."));
                continue;
            }

            if (ids.Add(id))
            {
                toApprove.Add(entry);
            }

            if (context.Kind == ContextKind.User)
            {
                continue;
            }

            foreach (var descendant in Descendants(context))
            {
                var child = await _store.FindAsync(descendant.Id, cancellationToken).ConfigureAwait(false);
                if (child is null || child.State == DeletionState.Rejected)
                {
                    refused.Add(new(id, $"The context still has sub-contexts that are not queued for deletion ({descendant.Kind.ToCode()} {descendant.Id}); nothing was approved."));
                    break;
                }

                if (child.State == DeletionState.Pending && ids.Add(child.ContextId))
                {
                    toApprove.Add(child);
                }
            }
        }

        if (refused.Count > 0)
        {
            return new ApprovalResult([], refused);
        }

        foreach (var entry in toApprove)
        {
            await _store.SaveAsync(entry with { State = DeletionState.Approved, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
            await Audit(now, actor, entry.ContextId, DeletionAuditAction.Approved, note ?? "Approved for deletion.", cancellationToken).ConfigureAwait(false);
        }

        return new ApprovalResult([.. toApprove.Select(static e => e.ContextId)], []);
    }

    /// <summary>Rejects a pending or approved entry; the reason goes to the entry and the audit trail.</summary>
    /// <param name="contextId">The context.</param>
    /// <param name="actor">Who rejects.</param>
    /// <param name="reason">Why (required).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when saved.</returns>
    /// <exception cref="ArgumentException">The reason or actor is blank.</exception>
    /// <exception cref="InvalidOperationException">The context is not queued, or is already cleaned.</exception>
    public async Task RejectAsync(string contextId, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contextId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var entry = await _store.FindAsync(contextId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The context is not in the deletion queue.");
        if (entry.State == DeletionState.Cleaned)
        {
            throw new InvalidOperationException("The context's data has already been deleted.");
        }

        var now = _clock.GetCurrentInstant();
        await _store.SaveAsync(entry with { State = DeletionState.Rejected, RejectionReason = reason, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
        await Audit(now, actor, contextId, DeletionAuditAction.Rejected, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Processes approved entries (the daily "delete expired contexts" job): re-evaluates the tree now, then, deepest
    /// first and at most the batch limit, deletes each context that is still expired exactly as approved and whose
    /// descendants are all cleaned. When the eraser throws (a store did not confirm), the entry stays approved, the failure
    /// goes to the audit trail as <see cref="DeletionAuditAction.ErasureFailed"/>, and its parents stay deferred.
    /// </summary>
    /// <param name="actor">Who runs it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What happened to each entry looked at.</returns>
    public async Task<DeletionRunResult> ProcessAsync(string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var now = _clock.GetCurrentInstant();
        var report = _evaluator.Evaluate(_tree, now);
        var approved = await _store.ListAsync(DeletionState.Approved, cancellationToken).ConfigureAwait(false);
        var ordered = approved
            .Select(e => (Entry: e, Depth: DepthOf(e.ContextId)))
            .OrderByDescending(static p => p.Depth)
            .ThenBy(static p => p.Entry.ContextId, StringComparer.Ordinal)
            .Select(static p => p.Entry)
            .ToList();
        List<string> cleaned = [], withdrawn = [], reset = [], deferred = [], failed = [];
        for (var i = 0; i < ordered.Count; i++)
        {
            var entry = ordered[i];
            if (i >= _batchLimit)
            {
                deferred.Add(entry.ContextId);
                continue;
            }

            var context = _tree.Find(entry.ContextId);
            var row = report.Find(entry.ContextId);
            if (context is null || row is null)
            {
                await _store.RemoveAsync(entry.ContextId, cancellationToken).ConfigureAwait(false);
                await Audit(now, actor, entry.ContextId, DeletionAuditAction.Withdrawn, "The context no longer exists; nothing was deleted.", cancellationToken).ConfigureAwait(false);
                withdrawn.Add(entry.ContextId);
                continue;
            }

            if (row.Status is not (RetentionStatus.Expired or RetentionStatus.PartlyExpired))
            {
                await _store.RemoveAsync(entry.ContextId, cancellationToken).ConfigureAwait(false);
                await Audit(now, actor, entry.ContextId, DeletionAuditAction.Withdrawn, $"Re-validation before deletion: no longer expired ({row.Status.ToCode()}); nothing was deleted. {row.Reason}", cancellationToken).ConfigureAwait(false);
                withdrawn.Add(entry.ContextId);
                continue;
            }

            if (!entry.SameExpiryAs(row))
            {
                await _store.SaveAsync(DeletionEntry.FromEvaluation(row, entry.FlaggedAt) with { UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
                await Audit(now, actor, entry.ContextId, DeletionAuditAction.ExpiryChanged, "Re-validation before deletion: the evaluated expiry changed; approve again. " + row.Reason, cancellationToken).ConfigureAwait(false);
                reset.Add(entry.ContextId);
                continue;
            }

            if (context.Kind != ContextKind.User && !await DescendantsCleaned(context, cancellationToken).ConfigureAwait(false))
            {
                deferred.Add(entry.ContextId);
                continue;
            }

            string what;
            try
            {
                if (context.Kind == ContextKind.User)
                {
                    var subtree = Descendants(context).ToList();
                    for (var d = subtree.Count - 1; d >= 0; d--)
                    {
                        await _eraser.DeleteContextAsync(subtree[d], cancellationToken).ConfigureAwait(false);
                    }

                    await _eraser.DeleteContextAsync(context, cancellationToken).ConfigureAwait(false);
                    what = string.Create(CultureInfo.InvariantCulture, $"Deleted the user's context and the {subtree.Count} context(s) under it.");
                }
                else if (row.IsFullyExpired)
                {
                    await _eraser.DeleteContextAsync(context, cancellationToken).ConfigureAwait(false);
                    what = "Deleted all personal data in the context.";
                }
                else
                {
                    var users = RetentionEvaluator.UsersToDelete(_tree, row);
                    if (users.Count > 0)
                    {
                        await _eraser.DeleteUsersInContextAsync(context, users, cancellationToken).ConfigureAwait(false);
                    }

                    what = string.Create(CultureInfo.InvariantCulture, $"Deleted the data of {users.Count} user(s) all of whose roles have expired.");
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                // Not cleaned: the entry stays approved (so its parents stay deferred) and the next run retries; erasure is idempotent.
                var why = ex is ContextErasureException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
                await Audit(now, actor, entry.ContextId, DeletionAuditAction.ErasureFailed, "Deletion not confirmed; the entry stays approved and the next run retries. " + why, cancellationToken).ConfigureAwait(false);
                failed.Add(entry.ContextId);
                continue;
            }

            await _store.SaveAsync(entry with { State = DeletionState.Cleaned, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
            await Audit(now, actor, entry.ContextId, DeletionAuditAction.Cleaned, what, cancellationToken).ConfigureAwait(false);
            cleaned.Add(entry.ContextId);
        }

        return new DeletionRunResult(cleaned, withdrawn, reset, deferred) { Failed = failed };
    }

    private static bool InUserSubtree(RetentionReport report, ContextEvaluation row)
    {
        var parent = row.ParentId;
        for (var depth = 0; parent is not null && depth <= InMemoryContextTree.MaximumDepth; depth++)
        {
            var up = report.Find(parent);
            if (up is null)
            {
                return false;
            }

            if (up.Kind == ContextKind.User)
            {
                return true;
            }

            parent = up.ParentId;
        }

        return false;
    }

    private int DepthOf(string contextId)
    {
        var depth = 0;
        for (var node = _tree.Find(contextId); node?.ParentId is not null && depth <= InMemoryContextTree.MaximumDepth; node = _tree.Find(node.ParentId))
        {
            depth++;
        }

        return depth;
    }

    /// <summary>Every context below <paramref name="context"/>, parents before children.</summary>
    private IEnumerable<RetentionContext> Descendants(RetentionContext context)
    {
        var queue = new Queue<RetentionContext>(_tree.GetChildren(context.Id));
        var seen = 0;
        while (queue.Count > 0 && seen++ <= _tree.Count)
        {
            var node = queue.Dequeue();
            yield return node;
            foreach (var child in _tree.GetChildren(node.Id))
            {
                queue.Enqueue(child);
            }
        }
    }

    private async Task<bool> DescendantsCleaned(RetentionContext context, CancellationToken cancellationToken)
    {
        foreach (var descendant in Descendants(context))
        {
            var entry = await _store.FindAsync(descendant.Id, cancellationToken).ConfigureAwait(false);
            if (entry is null || entry.State != DeletionState.Cleaned)
            {
                return false;
            }
        }

        return true;
    }

    private ValueTask Audit(Instant at, string actor, string contextId, DeletionAuditAction action, string reason, CancellationToken cancellationToken) =>
        _store.AppendAuditAsync(new DeletionAuditRecord(at, actor, contextId, action, reason), cancellationToken);
}
