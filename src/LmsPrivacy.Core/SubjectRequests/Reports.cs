using LmsPrivacy.Findings;
using NodaTime;

namespace LmsPrivacy.SubjectRequests;

/// <summary>Where one store stands at the end of a run.</summary>
public enum StoreRunStatus
{
    /// <summary>Confirmed: exported, or erased (or held nothing) as the store confirmed.</summary>
    Done,

    /// <summary>Every attempt failed, timed out, or the store could not confirm; the error says why.</summary>
    Failed,

    /// <summary>Erasure skipped: the store keeps the data under an exception to erasure; the reason says which.</summary>
    SkippedProtected,

    /// <summary>The store declared that it holds no personal data.</summary>
    NotApplicable,
}

/// <summary>Where a request stands as a whole.</summary>
public enum SubjectRequestState
{
    /// <summary>Every store is done or not applicable.</summary>
    Completed,

    /// <summary>Every store is done, not applicable, or kept the data under an exception to erasure.</summary>
    CompletedWithExceptions,

    /// <summary>At least one store failed; resume the request to try it again.</summary>
    PartiallyCompleted,
}

/// <summary>One store's line in the final erasure report.</summary>
/// <param name="Store">The store name.</param>
/// <param name="Status">Where it stands.</param>
public sealed record StoreErasureReport(string Store, StoreRunStatus Status)
{
    /// <summary>Gets the store's confirmed answer, when <see cref="Status"/> is <see cref="StoreRunStatus.Done"/>.</summary>
    public ErasureOutcome? Outcome { get; init; }

    /// <summary>Gets how the store erased, when it did.</summary>
    public ErasureMethod? Method { get; init; }

    /// <summary>Gets the records affected, as the store reported them.</summary>
    public long RecordsAffected { get; init; }

    /// <summary>Gets how many attempts were made on this store, over every run of the request.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets the last error, when the store failed.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the reason the data is protected, when skipped.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets when the store reached this status.</summary>
    public Instant? CompletedAt { get; init; }

    /// <summary>Gets a value indicating whether the status comes from an earlier run in the journal (the store was not called again).</summary>
    public bool FromEarlierRun { get; init; }
}

/// <summary>The final report of an erasure run: one line per registered store.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="StartedAt">When this run started.</param>
/// <param name="CompletedAt">When it ended.</param>
/// <param name="Stores">One line per store, in ordinal name order.</param>
public sealed record ErasureReport(string RequestId, Instant StartedAt, Instant CompletedAt, IReadOnlyList<StoreErasureReport> Stores)
{
    /// <summary>Gets where the request stands.</summary>
    public SubjectRequestState State =>
        Stores.Any(s => s.Status == StoreRunStatus.Failed) ? SubjectRequestState.PartiallyCompleted
        : Stores.Any(s => s.Status == StoreRunStatus.SkippedProtected) ? SubjectRequestState.CompletedWithExceptions
        : SubjectRequestState.Completed;

    /// <summary>Returns the report as findings: an error per failed store, a warning per protected store.</summary>
    /// <returns>The findings.</returns>
    public ValidationReport ToValidationReport() => new(Stores.SelectMany(s => s.Status switch
    {
        StoreRunStatus.Failed => [SubjectRequestRules.ErasureStoreFailed.At($"stores['{s.Store}']", "The store did not confirm the erasure; resume the request.")],
        StoreRunStatus.SkippedProtected => [SubjectRequestRules.ErasureStoreProtected.At($"stores['{s.Store}']", "The store kept the data under an exception to erasure.")],
        _ => Array.Empty<Finding>(),
    }));
}

/// <summary>One store's line in an access package.</summary>
/// <param name="Store">The store name.</param>
/// <param name="Status">Done (exported), failed, or not applicable.</param>
public sealed record StoreExportReport(string Store, StoreRunStatus Status)
{
    /// <summary>Gets the path of the store's file inside the package, when exported.</summary>
    public string? File { get; init; }

    /// <summary>Gets the number of records exported.</summary>
    public long Records { get; init; }

    /// <summary>Gets the size of the store's file in bytes.</summary>
    public long Bytes { get; init; }

    /// <summary>Gets the lower-case hex SHA-256 of the store's file.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Gets how many attempts were made.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets the last error, when the store failed.</summary>
    public string? Error { get; init; }

    /// <summary>Gets when the store's export started.</summary>
    public Instant? StartedAt { get; init; }

    /// <summary>Gets when the store's export ended.</summary>
    public Instant? CompletedAt { get; init; }
}

/// <summary>What an access export produced: the manifest's content.</summary>
/// <param name="RequestId">The request.</param>
/// <param name="StartedAt">When the export started.</param>
/// <param name="CompletedAt">When the package was complete.</param>
/// <param name="Stores">One line per store, in ordinal name order.</param>
public sealed record AccessPackageReport(string RequestId, Instant StartedAt, Instant CompletedAt, IReadOnlyList<StoreExportReport> Stores)
{
    /// <summary>The path of the manifest inside the package.</summary>
    public const string ManifestEntry = "manifest.json";

    /// <summary>Gets a value indicating whether every store that holds personal data was exported.</summary>
    public bool IsComplete => Stores.All(s => s.Status != StoreRunStatus.Failed);

    /// <summary>Returns the report as findings: an error per failed store.</summary>
    /// <returns>The findings.</returns>
    public ValidationReport ToValidationReport() => new(Stores
        .Where(s => s.Status == StoreRunStatus.Failed)
        .Select(s => SubjectRequestRules.ExportStoreFailed.At($"stores['{s.Store}']", "The store's data is missing from the package; export again.")));
}
