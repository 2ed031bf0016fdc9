using NodaTime;
using NodaTime.TimeZones;

namespace LmsPrivacy.Retention.Clock;

/// <summary>
/// The retention clock: expiry = anchor + period, in calendar arithmetic in one configured time zone; expired when
/// <c>now &gt;= expiry</c> (inclusive, as Moodle's <c>has_expired</c>).
/// </summary>
/// <remarks>
/// <para>The anchor instant is turned into the zone's local date and time, the period is added with NodaTime's
/// <see cref="LocalDateTime.Plus(Period)"/> (years, then months, then weeks and days, then time units), and the result is
/// turned back into an instant.</para>
/// <para>Month ends clamp: 31 January + P1M is 28 (or 29) February; 29 February + P1Y is 28 February; 29 February + P4Y
/// is 29 February. PHP's <c>DateInterval</c>, which Moodle uses, overflows instead (31 January + P1M = 3 March); we
/// clamp, which never ends retention later than the month the period names.</para>
/// <para>Daylight saving: a local expiry that falls in a gap (clocks go forward) is the first instant after the gap; one
/// that falls in an overlap (clocks go back) is the earlier instant. An anchor inside the repeated hour's second pass
/// counts from the end of the first pass. Together these make the expiry never decrease when the anchor or the period
/// grows (checked with FsCheck).</para>
/// </remarks>
public sealed class RetentionClock
{
    private static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>Initializes a clock in a time zone.</summary>
    /// <param name="zone">The zone calendar arithmetic runs in (the institution's zone).</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is <see langword="null"/>.</exception>
    public RetentionClock(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
    }

    /// <summary>Gets a clock in UTC.</summary>
    public static RetentionClock Utc { get; } = new(DateTimeZone.Utc);

    /// <summary>Gets the zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Computes when a period counted from an anchor ends.</summary>
    /// <param name="anchor">Where the clock starts.</param>
    /// <param name="period">The retention period (non-negative components).</param>
    /// <returns>The first instant at which the data is expired.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The expiry falls outside NodaTime's supported range.</exception>
    public Instant ExpiryOf(Instant anchor, Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var local = MonotonicLocal(anchor);
        var end = local.Plus(period);
        return Resolver(Zone.MapLocal(end)).ToInstant();
    }

    /// <summary>Gets whether data anchored at <paramref name="anchor"/> is expired at <paramref name="now"/> (inclusive).</summary>
    /// <param name="anchor">Where the clock starts.</param>
    /// <param name="period">The retention period.</param>
    /// <param name="now">The evaluation instant.</param>
    /// <returns><see langword="true"/> when <c>now &gt;= anchor + period</c>.</returns>
    public bool IsExpired(Instant anchor, Period period, Instant now) => now >= ExpiryOf(anchor, period);

    /// <summary>Gets the instant a calendar date starts in this zone (the anchor of a fixed date).</summary>
    /// <param name="date">The date.</param>
    /// <returns>The start of that day.</returns>
    public Instant StartOf(LocalDate date) => Zone.AtStartOfDay(date).ToInstant();

    /// <summary>Gets the local date of an instant in this zone (for reports).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The date.</returns>
    public LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    private LocalDateTime MonotonicLocal(Instant anchor)
    {
        var interval = Zone.GetZoneInterval(anchor);
        var local = anchor.InZone(Zone).LocalDateTime;
        if (interval.HasStart && interval.Start > Instant.MinValue)
        {
            var previous = Zone.GetZoneInterval(interval.Start - Duration.Epsilon);
            var previousEnd = interval.Start.WithOffset(previous.WallOffset).LocalDateTime;
            if (local < previousEnd)
            {
                // Second pass through a repeated hour: count from where the first pass ended.
                return previousEnd;
            }
        }

        return local;
    }
}
