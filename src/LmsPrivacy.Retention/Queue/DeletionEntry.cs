using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;
using NodaTime;

namespace LmsPrivacy.Retention.Queue;

/// <summary>The state of a deletion-queue entry.</summary>
public enum DeletionState
{
    /// <summary>Flagged as expired, awaiting a person's approval.</summary>
    Pending = 0,

    /// <summary>Approved; the next run deletes it after re-validation.</summary>
    Approved = 1,

    /// <summary>Deleted. Re-flagging leaves it alone.</summary>
    Cleaned = 2,

    /// <summary>A person decided not to delete, with a reason. It returns to pending only if the evaluated expiry changes.</summary>
    Rejected = 3,
}

/// <summary>One context in the deletion queue, with the expiry it was flagged for.</summary>
public sealed record DeletionEntry
{
    /// <summary>Gets the context id.</summary>
    public required string ContextId { get; init; }

    /// <summary>Gets the context kind.</summary>
    public required ContextKind Kind { get; init; }

    /// <summary>Gets the state.</summary>
    public required DeletionState State { get; init; }

    /// <summary>Gets whether the whole context was expired when flagged (otherwise only some roles' users).</summary>
    public bool FullyExpired { get; init; }

    /// <summary>Gets whether the purpose's own period had run.</summary>
    public bool DefaultExpired { get; init; }

    /// <summary>Gets the expired roles at flagging.</summary>
    public IReadOnlyList<string> ExpiredRoles { get; init; } = [];

    /// <summary>Gets the unexpired roles at flagging.</summary>
    public IReadOnlyList<string> UnexpiredRoles { get; init; } = [];

    /// <summary>Gets the evaluated expiry at flagging.</summary>
    public Instant? ExpiresAt { get; init; }

    /// <summary>Gets the evaluation's reason, shown to the approver.</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>Gets why the entry was rejected.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>Gets when the entry was first flagged.</summary>
    public Instant FlaggedAt { get; init; }

    /// <summary>Gets when the entry last changed state.</summary>
    public Instant UpdatedAt { get; init; }

    /// <summary>Creates a pending entry from an evaluation row.</summary>
    /// <param name="row">The row (expired or partly expired).</param>
    /// <param name="at">The flagging instant.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is <see langword="null"/>.</exception>
    public static DeletionEntry FromEvaluation(ContextEvaluation row, Instant at)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new DeletionEntry
        {
            ContextId = row.Id,
            Kind = row.Kind,
            State = DeletionState.Pending,
            FullyExpired = row.IsFullyExpired,
            DefaultExpired = row.DefaultExpired,
            ExpiredRoles = row.ExpiredRoles,
            UnexpiredRoles = row.UnexpiredRoles,
            ExpiresAt = row.ExpiresAt,
            Reason = row.Reason,
            FlaggedAt = at,
            UpdatedAt = at,
        };
    }

    /// <summary>Gets whether an evaluation still says what this entry was flagged for (same expiry, flags and roles).</summary>
    /// <param name="row">The current evaluation of the context.</param>
    /// <returns><see langword="true"/> when nothing relevant changed.</returns>
    public bool SameExpiryAs(ContextEvaluation row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return FullyExpired == row.IsFullyExpired
            && DefaultExpired == row.DefaultExpired
            && ExpiresAt == row.ExpiresAt
            && ExpiredRoles.SequenceEqual(row.ExpiredRoles, StringComparer.Ordinal)
            && UnexpiredRoles.SequenceEqual(row.UnexpiredRoles, StringComparer.Ordinal);
    }
}

/// <summary>What happened to a queue entry.</summary>
public enum DeletionAuditAction
{
    /// <summary>Flagged as expired (pending).</summary>
    Flagged = 0,

    /// <summary>The evaluated expiry changed: back to pending, to be approved again.</summary>
    ExpiryChanged = 1,

    /// <summary>No longer expired (or the context is gone): removed from the queue, nothing deleted.</summary>
    Withdrawn = 2,

    /// <summary>Approved by a person.</summary>
    Approved = 3,

    /// <summary>Rejected by a person, with a reason.</summary>
    Rejected = 4,

    /// <summary>The data was deleted.</summary>
    Cleaned = 5,

    /// <summary>Deletion was attempted but not every store confirmed: the entry stays approved and the next run retries.</summary>
    ErasureFailed = 6,
}

/// <summary>One line of the audit trail: who did what to which context, when and why.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who (a person's id, or the name of a scheduled job).</param>
/// <param name="ContextId">Which context.</param>
/// <param name="Action">What.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record DeletionAuditRecord(Instant At, string Actor, string ContextId, DeletionAuditAction Action, string Reason);
