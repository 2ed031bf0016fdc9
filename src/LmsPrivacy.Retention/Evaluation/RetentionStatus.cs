namespace LmsPrivacy.Retention.Evaluation;

/// <summary>The outcome of evaluating one context.</summary>
public enum RetentionStatus
{
    /// <summary>The whole context may be deleted: its period (and every role's) has run, and all its children are deletable.</summary>
    Expired = 0,

    /// <summary>Some roles' data may be deleted (per user, for users all of whose roles have expired), not the whole context.</summary>
    PartlyExpired = 1,

    /// <summary>The retention period is still running (or a child still holds the context back).</summary>
    NotExpired = 2,

    /// <summary>No anchor date: the clock never starts, so the context never expires until someone supplies the date.</summary>
    NoAnchor = 3,

    /// <summary>The context is never deleted by retention (system, categories, administrators, guests, users still enrolled in live courses).</summary>
    Ineligible = 4,

    /// <summary>The period has run but the context saw activity after its anchor: a person must look before anything is queued.</summary>
    NeedsReview = 5,
}

/// <summary>Wire names of <see cref="RetentionStatus"/>.</summary>
public static class RetentionStatuses
{
    private static readonly string[] Codes = ["expired", "partly-expired", "not-expired", "no-anchor", "ineligible", "needs-review"];

    /// <summary>Returns the wire name, such as <c>partly-expired</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The kebab-case name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    public static string ToCode(this RetentionStatus status)
    {
        var index = (int)status;
        ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(status));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Codes.Length, nameof(status));
        return Codes[index];
    }

    /// <summary>Parses a wire name.</summary>
    /// <param name="text">The text.</param>
    /// <param name="status">The status, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> if the text names a status.</returns>
    public static bool TryParse(string? text, out RetentionStatus status)
    {
        var index = Array.IndexOf(Codes, text);
        status = (RetentionStatus)Math.Max(index, 0);
        return index >= 0;
    }
}

/// <summary>What a context's retention clock runs from.</summary>
public enum AnchorKind
{
    /// <summary>No anchor: the clock never starts.</summary>
    None = 0,

    /// <summary>The course's end date.</summary>
    CourseEnd = 1,

    /// <summary>The user's last access.</summary>
    LastAccess = 2,

    /// <summary>The moment the user account was deleted.</summary>
    AccountDeleted = 3,

    /// <summary>A fixed calendar date named by the purpose.</summary>
    FixedDate = 4,

    /// <summary>A date supplied by the host.</summary>
    Host = 5,
}

/// <summary>The anchor a context's clock runs from.</summary>
/// <param name="Kind">What the date is.</param>
/// <param name="At">The instant; <see langword="null"/> when the date is missing.</param>
/// <param name="FromContextId">The context that supplied the date (the course, the user, or the context itself).</param>
public readonly record struct Anchor(AnchorKind Kind, NodaTime.Instant? At, string? FromContextId);
