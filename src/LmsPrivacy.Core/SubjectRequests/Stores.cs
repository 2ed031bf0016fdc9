using System.Text.Json;

namespace LmsPrivacy.SubjectRequests;

/// <summary>A place that may hold a data subject's personal data: it describes itself and finds the subject's data.</summary>
/// <remarks>
/// Implement <see cref="IExportableStore"/> and <see cref="IErasableStore"/> as well when the store holds personal data;
/// the coverage report flags a store that holds personal data and cannot export or erase it.
/// </remarks>
public interface IPersonalDataStore
{
    /// <summary>Gets the store's unique name: 1–100 characters among letters, digits, '.', '_' and '-', starting with a letter or digit.</summary>
    string Name { get; }

    /// <summary>Describes what the store holds.</summary>
    /// <returns>The description.</returns>
    StoreDescription Describe();

    /// <summary>Counts the subject's records per collection (the candidate list); must not throw for an unknown or deleted subject.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>The counts; empty when the store holds nothing about the subject.</returns>
    ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default);
}

/// <summary>A store that can export a subject's data as JSON records (GDPR Art. 15 and 20).</summary>
public interface IExportableStore : IPersonalDataStore
{
    /// <summary>Streams every record the store holds about the request's subject.</summary>
    /// <param name="request">The approved access request.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The records, one at a time; the orchestrator never buffers them all in memory.</returns>
    IAsyncEnumerable<StoreRecord> ExportAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default);
}

/// <summary>A store that can erase a subject's data (GDPR Art. 17). Erasure must be idempotent: erasing twice is harmless.</summary>
public interface IErasableStore : IPersonalDataStore
{
    /// <summary>Erases (deletes, anonymises in place, or deletes the pseudonym mapping of) the request's subject.</summary>
    /// <param name="request">The approved erasure request.</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns>
    /// What the store did. Only <see cref="ErasureOutcome.Erased"/> and <see cref="ErasureOutcome.NothingFound"/> count as
    /// confirmed; return <see cref="ErasureResult.Protected"/> for data that must be kept (retention, legal hold).
    /// </returns>
    ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default);
}

/// <summary>One exported record: the collection it comes from and its JSON data.</summary>
/// <param name="Collection">The collection (as in <see cref="StoreDescription.Collections"/>).</param>
/// <param name="Data">The record as JSON; the element must stay valid while the record is enumerated.</param>
public sealed record StoreRecord(string Collection, JsonElement Data);

/// <summary>How many records a store holds about a subject, per collection.</summary>
public sealed record StoreFindResult
{
    /// <summary>Initializes a result.</summary>
    /// <param name="countsByCollection">Record counts keyed by collection name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="countsByCollection"/> is null.</exception>
    public StoreFindResult(IReadOnlyDictionary<string, long> countsByCollection)
    {
        ArgumentNullException.ThrowIfNull(countsByCollection);
        CountsByCollection = countsByCollection;
    }

    /// <summary>Gets a result saying the store holds nothing about the subject.</summary>
    public static StoreFindResult Empty { get; } = new(new Dictionary<string, long>(StringComparer.Ordinal));

    /// <summary>Gets the record counts keyed by collection name.</summary>
    public IReadOnlyDictionary<string, long> CountsByCollection { get; }

    /// <summary>Gets the total number of records.</summary>
    public long Total => CountsByCollection.Values.Sum();

    /// <summary>Gets a value indicating whether the store holds any record about the subject.</summary>
    public bool HasData => Total > 0;
}

/// <summary>How a store erased a subject's data.</summary>
public enum ErasureMethod
{
    /// <summary>The records were deleted.</summary>
    Delete,

    /// <summary>The records stay (immutable data, such as xAPI statements) but identifying fields were replaced.</summary>
    AnonymiseInPlace,

    /// <summary>The records carry a pseudonym only, and the pseudonym ↔ identity mapping was deleted.</summary>
    DeletePseudonymMapping,
}

/// <summary>What a store reports after an erasure attempt.</summary>
public enum ErasureOutcome
{
    /// <summary>The store erased the subject's data (confirmed).</summary>
    Erased,

    /// <summary>The store held nothing about the subject, for example on a repeated run (confirmed).</summary>
    NothingFound,

    /// <summary>The store must keep the data (retention obligation, legal hold); nothing was erased.</summary>
    Protected,

    /// <summary>The store ran but cannot confirm the data is gone; reported as failed.</summary>
    Unconfirmed,
}

/// <summary>The result of one store's erasure. Create with the static factories.</summary>
public sealed record ErasureResult
{
    private ErasureResult(ErasureOutcome outcome, ErasureMethod? method, long records, string? reason)
    {
        Outcome = outcome;
        Method = method;
        RecordsAffected = records;
        Reason = reason;
    }

    /// <summary>Gets what happened.</summary>
    public ErasureOutcome Outcome { get; }

    /// <summary>Gets how the data was erased, when it was.</summary>
    public ErasureMethod? Method { get; }

    /// <summary>Gets the number of records deleted or anonymised (or mappings deleted).</summary>
    public long RecordsAffected { get; }

    /// <summary>Gets why the data was protected or could not be confirmed erased.</summary>
    public string? Reason { get; }

    /// <summary>Gets a value indicating whether the store confirmed that no data of the subject remains.</summary>
    public bool IsConfirmed => Outcome is ErasureOutcome.Erased or ErasureOutcome.NothingFound;

    /// <summary>The store erased <paramref name="recordsAffected"/> records with <paramref name="method"/>.</summary>
    /// <param name="method">How.</param>
    /// <param name="recordsAffected">How many records (or mappings); at least 0.</param>
    /// <returns>A confirmed result.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="recordsAffected"/> is negative.</exception>
    public static ErasureResult Erased(ErasureMethod method, long recordsAffected)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recordsAffected);
        return new ErasureResult(ErasureOutcome.Erased, method, recordsAffected, null);
    }

    /// <summary>The store held nothing about the subject.</summary>
    /// <returns>A confirmed result.</returns>
    public static ErasureResult NothingFound() => new(ErasureOutcome.NothingFound, null, 0, null);

    /// <summary>The store must keep the data.</summary>
    /// <param name="reason">Why (the retention rule or legal hold), without personal data.</param>
    /// <returns>A result reported as skipped (protected).</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public static ErasureResult Protected(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new ErasureResult(ErasureOutcome.Protected, null, 0, reason);
    }

    /// <summary>The store cannot confirm the data is gone.</summary>
    /// <param name="reason">Why, without personal data.</param>
    /// <returns>A result reported as failed.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public static ErasureResult Unconfirmed(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new ErasureResult(ErasureOutcome.Unconfirmed, null, 0, reason);
    }
}
