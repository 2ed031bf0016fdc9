using LmsPrivacy.Findings;
using NodaTime;

namespace LmsPrivacy.Deadlines;

/// <summary>The controller's deadline to notify the supervisory authority of a personal-data breach (Art. 33(1)).</summary>
public sealed record BreachDeadline
{
    /// <summary>Gets the moment the controller became aware of the breach.</summary>
    public required Instant AwareAt { get; init; }

    /// <summary>Gets the deadline: exactly 72 hours after <see cref="AwareAt"/>, never moved for nights, weekends or holidays.</summary>
    public required Instant Due { get; init; }

    /// <summary>Gets the rule applied, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets informational findings (never an error).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
}

/// <summary>A processor's deadline to notify the controller of a breach (Art. 33(2)).</summary>
public sealed record ProcessorNoticeDeadline
{
    /// <summary>Gets the moment the processor became aware of the breach.</summary>
    public required Instant AwareAt { get; init; }

    /// <summary>Gets the window applied.</summary>
    public required ProcessorNoticeWindow Window { get; init; }

    /// <summary>Gets the contractual deadline, or <see langword="null"/> when the window is "without undue delay" only.</summary>
    public required Instant? Due { get; init; }

    /// <summary>
    /// Gets the latest the controller's own 72 hours can end if the processor notifies on its deadline (<see cref="Due"/> + 72 h),
    /// or <see langword="null"/> without a contractual window.
    /// </summary>
    public required Instant? ControllerDueAtLatest { get; init; }

    /// <summary>Gets the rule applied, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets findings and warnings (never an error).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
}
