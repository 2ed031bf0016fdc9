using LmsPrivacy.Findings;
using NodaTime;

namespace LmsPrivacy.Deadlines;

/// <summary>The result of <see cref="SubjectRequestDeadlines.Compute(LocalDate, DeadlineProfile, string?, bool)"/>.</summary>
public sealed record SubjectRequestDeadline
{
    /// <summary>Gets the day the request was received.</summary>
    public required LocalDate Received { get; init; }

    /// <summary>Gets the counting rules used.</summary>
    public required DeadlineProfile Profile { get; init; }

    /// <summary>Gets the holiday calendar's code, or <see langword="null"/> when only weekends were considered.</summary>
    public required string? Country { get; init; }

    /// <summary>Gets a value indicating whether the two-month extension of Art. 12(3) is included in <see cref="Due"/>.</summary>
    public required bool Extended { get; init; }

    /// <summary>Gets the last day on which the controller may act: the end of the first month, or of the extension when extended.</summary>
    public required LocalDate Due { get; init; }

    /// <summary>
    /// Gets the last day of the first month: the date by which the subject must be told of an extension (and of a refusal to
    /// act, Art. 12(4)). Equal to <see cref="Due"/> when not extended.
    /// </summary>
    public required LocalDate ExtensionNoticeDue { get; init; }

    /// <summary>Gets the rule applied, in words, with every step of the count.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets informational findings and warnings about the count (never an error).</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
}
