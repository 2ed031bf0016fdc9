using NodaTime;

namespace LmsPrivacy.Deadlines;

/// <summary>
/// How soon a processor must tell the controller of a breach (Art. 33(2)): "without undue delay" only, or a contractual
/// number of hours agreed in the data-processing agreement (24–48 hours is common).
/// </summary>
public sealed record ProcessorNoticeWindow
{
    private ProcessorNoticeWindow(Duration? limit) => Limit = limit;

    /// <summary>Gets the window of Art. 33(2) alone: without undue delay, no fixed hour count.</summary>
    public static ProcessorNoticeWindow WithoutUndueDelay { get; } = new((Duration?)null);

    /// <summary>Gets the contractual limit, or <see langword="null"/> for "without undue delay" only.</summary>
    public Duration? Limit { get; }

    /// <summary>Creates a contractual window of a number of hours.</summary>
    /// <param name="hours">The hours the processor has from its own awareness; 1 to 720.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="hours"/> is outside 1–720.</exception>
    public static ProcessorNoticeWindow Hours(int hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hours, 720);
        return new ProcessorNoticeWindow(Duration.FromHours(hours));
    }

    /// <inheritdoc />
    public override string ToString() => Limit is { } limit ? $"{limit.TotalHours:0} hours" : "without undue delay";
}
