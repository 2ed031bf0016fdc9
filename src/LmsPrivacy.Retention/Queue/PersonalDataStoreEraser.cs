using System.Globalization;
using LmsPrivacy.Retention.Registry;
using LmsPrivacy.SubjectRequests;
using NodaTime;

namespace LmsPrivacy.Retention.Queue;

/// <summary>
/// The default <see cref="IContextDataEraser"/>: deletion reaches the host's stores registered with Core's
/// <see cref="PersonalDataStoreRegistry"/>, so a platform implements erasure once for subject requests and retention.
/// </summary>
/// <remarks>
/// <para>
/// Every registered store is asked, in name order, and a store's failure does not stop the others. A store whose
/// description says it holds no personal data is not applicable. An expired user context erases the user as a data
/// subject through <see cref="IErasableStore"/> (as an approved erasure request); any other context — whole, or listed
/// users in it — goes through <see cref="IContextScopedStore"/>, since Core's contract erases a subject everywhere.
/// A store holding personal data without the interface needed is reported as failed: the context cannot be confirmed
/// clean.
/// </para>
/// <para>
/// The context counts as deleted only when every applicable store confirmed (<see cref="ErasureOutcome.Erased"/> or
/// <see cref="ErasureOutcome.NothingFound"/>). Otherwise <see cref="DeleteContextAsync"/> and
/// <see cref="DeleteUsersInContextAsync"/> throw a <see cref="ContextErasureException"/>, and
/// <see cref="DeletionQueueManager.ProcessAsync(string, CancellationToken)"/> leaves the entry approved with the failure in
/// the audit trail. Each run makes one attempt per store; the next run retries.
/// </para>
/// </remarks>
public sealed class PersonalDataStoreEraser : IContextDataEraser
{
    /// <summary>The default <see cref="ApprovedSubjectRequest.ApprovedBy"/> of the erasure requests this eraser makes.</summary>
    public const string DefaultApprover = "lmsprivacy-retention";

    private readonly PersonalDataStoreRegistry _registry;
    private readonly IClock _clock;
    private readonly string _approvedBy;

    /// <summary>Initializes an eraser over the host's stores.</summary>
    /// <param name="registry">The host's stores.</param>
    /// <param name="clock">The clock (stamps the erasure requests and reports).</param>
    /// <param name="approvedBy">Who the subject erasure requests of expired user contexts are approved by (the retention policy).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="approvedBy"/> is empty.</exception>
    public PersonalDataStoreEraser(PersonalDataStoreRegistry registry, IClock clock, string approvedBy = DefaultApprover)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentException.ThrowIfNullOrWhiteSpace(approvedBy);
        _registry = registry;
        _clock = clock;
        _approvedBy = approvedBy;
    }

    /// <inheritdoc />
    /// <exception cref="ContextErasureException">A store did not confirm the erasure.</exception>
    public async ValueTask DeleteContextAsync(RetentionContext context, CancellationToken cancellationToken = default)
    {
        var report = await EraseAsync(ContextErasureRequest.WholeContext(context), cancellationToken).ConfigureAwait(false);
        ThrowIfNotConfirmed(report);
    }

    /// <inheritdoc />
    /// <exception cref="ContextErasureException">A store did not confirm the erasure.</exception>
    public async ValueTask DeleteUsersInContextAsync(RetentionContext context, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
    {
        var report = await EraseAsync(ContextErasureRequest.Users(context, userIds), cancellationToken).ConfigureAwait(false);
        ThrowIfNotConfirmed(report);
    }

    /// <summary>Asks every registered store to erase, and reports per store without throwing for a store's failure.</summary>
    /// <param name="request">What to erase. A whole user context erases the user as a data subject.</param>
    /// <param name="cancellationToken">Cancels the erasure (propagated, not reported as a store failure).</param>
    /// <returns>The report, one row per store.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    public async Task<ContextErasureReport> EraseAsync(ContextErasureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = _clock.GetCurrentInstant();
        var subjectRequest = request.IsWholeContext && request.Context.Kind == ContextKind.User ? SubjectRequestFor(request.Context, startedAt) : null;
        var rows = new List<StoreErasureReport>(_registry.Stores.Count);
        foreach (var store in _registry.Stores)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows.Add(await EraseInStoreAsync(store, request, subjectRequest, cancellationToken).ConfigureAwait(false));
        }

        return new ContextErasureReport(request.Context.Id, startedAt, _clock.GetCurrentInstant(), rows);
    }

    private async Task<StoreErasureReport> EraseInStoreAsync(IPersonalDataStore store, ContextErasureRequest request, ApprovedSubjectRequest? subjectRequest, CancellationToken cancellationToken)
    {
        var name = store.Name;
        ErasureResult? result;
        try
        {
            var description = store.Describe();
            if (!description.HoldsPersonalData)
            {
                // The store's own reason, as the subject-request orchestrator reports it.
                return new StoreErasureReport(name, StoreRunStatus.NotApplicable) { Reason = description.NoPersonalDataReason ?? "The store holds no personal data." };
            }

            if (subjectRequest is not null)
            {
                if (store is not IErasableStore erasable)
                {
                    return Failed(name, "The store holds personal data but does not implement IErasableStore.");
                }

                result = await erasable.EraseAsync(subjectRequest, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (store is not IContextScopedStore scoped)
                {
                    return Failed(name, "The store holds personal data but does not implement IContextScopedStore, so the context cannot be confirmed clean.");
                }

                result = await scoped.EraseInContextAsync(request, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            // A host store's failure is reported (and retried on the next run), never allowed to stop the other stores.
            return Failed(name, $"{ex.GetType().Name}: {ex.Message}");
        }

        var completedAt = _clock.GetCurrentInstant();
        return result switch
        {
            null => Failed(name, "The store returned no result."),
            { IsConfirmed: true } => new StoreErasureReport(name, StoreRunStatus.Done)
            {
                Outcome = result.Outcome, Method = result.Method, RecordsAffected = result.RecordsAffected, Attempts = 1, CompletedAt = completedAt,
            },
            { Outcome: ErasureOutcome.Protected } => new StoreErasureReport(name, StoreRunStatus.SkippedProtected)
            {
                Outcome = result.Outcome, Reason = result.Reason, Attempts = 1, CompletedAt = completedAt,
            },
            _ => Failed(name, result.Reason ?? "The store did not confirm the erasure.") with { Outcome = result.Outcome },
        };
    }

    private static StoreErasureReport Failed(string store, string error) => new(store, StoreRunStatus.Failed) { Error = error, Attempts = 1 };

    private ApprovedSubjectRequest SubjectRequestFor(RetentionContext user, Instant now) =>
        new CandidateSubjectRequest($"retention:{user.Id}", SubjectRequestKind.Erasure, new DataSubject(user.Id), now, now.InUtc().Date)
            .Approve(_approvedBy, now);

    private static void ThrowIfNotConfirmed(ContextErasureReport report)
    {
        if (!report.IsConfirmed)
        {
            throw new ContextErasureException(report);
        }
    }
}

/// <summary>What every store did when a context (or listed users in it) was erased.</summary>
/// <param name="ContextId">The context.</param>
/// <param name="StartedAt">When the eraser started.</param>
/// <param name="CompletedAt">When the last store answered.</param>
/// <param name="Stores">One row per registered store, in name order (Core's per-store report).</param>
public sealed record ContextErasureReport(string ContextId, Instant StartedAt, Instant CompletedAt, IReadOnlyList<StoreErasureReport> Stores)
{
    /// <summary>Gets whether every store confirmed the erasure or does not apply (no failure, nothing kept as protected).</summary>
    public bool IsConfirmed => Stores.All(s => s.Status is StoreRunStatus.Done or StoreRunStatus.NotApplicable);

    /// <summary>Gets the stores that did not confirm, with why, in words (no personal data beyond what the stores reported).</summary>
    /// <returns>For example <c>store 'lrs' failed: TimeoutException: …; store 'grades' kept the data: legal hold</c>; empty when confirmed.</returns>
    public string DescribeFailures() => string.Join("; ", Stores
        .Where(s => s.Status is StoreRunStatus.Failed or StoreRunStatus.SkippedProtected)
        .Select(s => s.Status == StoreRunStatus.Failed
            ? $"store '{s.Store}' failed: {s.Error}"
            : $"store '{s.Store}' kept the data (protected): {s.Reason}"));
}

/// <summary>Thrown by <see cref="PersonalDataStoreEraser"/> when a store did not confirm; the queue keeps the entry approved and audits it.</summary>
public sealed class ContextErasureException : Exception
{
    /// <summary>Initializes an exception with a generic message.</summary>
    public ContextErasureException()
        : base("A store did not confirm the erasure.")
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ContextErasureException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ContextErasureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes an exception from a report.</summary>
    /// <param name="report">The report with at least one store that did not confirm.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    public ContextErasureException(ContextErasureReport report)
        : base(MessageFor(report))
    {
        Report = report;
    }

    /// <summary>Gets the per-store report, when the exception came from one.</summary>
    public ContextErasureReport? Report { get; }

    private static string MessageFor(ContextErasureReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var open = report.Stores.Count(s => s.Status is StoreRunStatus.Failed or StoreRunStatus.SkippedProtected);
        return string.Create(CultureInfo.InvariantCulture, $"{open} of {report.Stores.Count} store(s) did not confirm the erasure: {report.DescribeFailures()}");
    }
}
