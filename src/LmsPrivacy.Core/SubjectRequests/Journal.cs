using NodaTime;

namespace LmsPrivacy.SubjectRequests;

/// <summary>One step of a subject-request run, as recorded in the journal.</summary>
public enum JournalStep
{
    /// <summary>A run of the request started (the first run, or a resume).</summary>
    RequestStarted,

    /// <summary>An attempt on one store started.</summary>
    StoreStarted,

    /// <summary>An attempt on one store failed (exception, timeout or unconfirmed); it may be retried.</summary>
    StoreAttemptFailed,

    /// <summary>The store confirmed the erasure (terminal: a resume does not call the store again).</summary>
    StoreDone,

    /// <summary>The store kept the data under an exception to erasure (terminal).</summary>
    StoreProtected,

    /// <summary>Every attempt on the store failed in this run (a resume tries it again).</summary>
    StoreFailed,

    /// <summary>The run went through every store.</summary>
    RequestFinished,
}

/// <summary>One journal line. It holds the request id, store names and outcomes; never the subject's identifiers.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="Step">What happened.</param>
/// <param name="At">When.</param>
public sealed record SubjectRequestJournalEntry(string RequestId, JournalStep Step, Instant At)
{
    /// <summary>Gets the store the step is about, when it is about one.</summary>
    public string? Store { get; init; }

    /// <summary>Gets the attempt number within the run (1-based), for store steps.</summary>
    public int Attempt { get; init; }

    /// <summary>Gets the store's answer, for <see cref="JournalStep.StoreDone"/>.</summary>
    public ErasureOutcome? Outcome { get; init; }

    /// <summary>Gets the erasure method, when the store erased.</summary>
    public ErasureMethod? Method { get; init; }

    /// <summary>Gets the number of records affected, when the store erased.</summary>
    public long RecordsAffected { get; init; }

    /// <summary>Gets the error (failed steps) or the reason (protected), without personal data as far as the store's messages allow.</summary>
    public string? Message { get; init; }
}

/// <summary>Durable storage for the steps of subject-request runs, so a crashed run resumes where it stopped.</summary>
/// <remarks>
/// <see cref="AppendAsync"/> must be durable when it returns (a crash afterwards must not lose the entry). The orchestrator
/// appends one entry before and one after every store call.
/// </remarks>
public interface ISubjectRequestJournal
{
    /// <summary>Appends an entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the entry is stored.</returns>
    ValueTask AppendAsync(SubjectRequestJournalEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Reads every entry of one request, in the order appended.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries; empty for an unknown request.</returns>
    ValueTask<IReadOnlyList<SubjectRequestJournalEntry>> ReadAsync(string requestId, CancellationToken cancellationToken = default);
}

/// <summary>An <see cref="ISubjectRequestJournal"/> held in memory; safe for concurrent use. For tests and single-process runs.</summary>
public sealed class InMemorySubjectRequestJournal : ISubjectRequestJournal
{
    private readonly Lock _gate = new();
    private readonly List<SubjectRequestJournalEntry> _entries = [];

    /// <summary>Gets every entry of every request, in the order appended.</summary>
    public IReadOnlyList<SubjectRequestJournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask AppendAsync(SubjectRequestJournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _entries.Add(entry);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<SubjectRequestJournalEntry>> ReadAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<SubjectRequestJournalEntry> result = [.. _entries.Where(e => string.Equals(e.RequestId, requestId, StringComparison.Ordinal))];
            return ValueTask.FromResult(result);
        }
    }
}
