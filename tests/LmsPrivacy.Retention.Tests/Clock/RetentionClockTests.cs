using FsCheck.Xunit;
using LmsPrivacy.Retention.Clock;
using NodaTime;
using static LmsPrivacy.Retention.Tests.Build;

namespace LmsPrivacy.Retention.Tests.Clock;

public sealed class RetentionClockTests
{
    private static readonly RetentionClock Berlin = new(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

    private static readonly DateTimeZone[] Zones =
    [
        DateTimeZone.Utc,
        DateTimeZoneProviders.Tzdb["Europe/Berlin"],
        DateTimeZoneProviders.Tzdb["America/New_York"],
        DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"],
        DateTimeZoneProviders.Tzdb["Pacific/Apia"],
    ];

    [Fact]
    public void IsExpired_AtExactExpiry_True_OneTickBefore_False()
    {
        var anchor = At("2020-06-30T00:00:00Z");
        var expiry = At("2025-06-30T00:00:00Z");

        Assert.True(RetentionClock.Utc.IsExpired(anchor, P("P5Y"), expiry));
        Assert.False(RetentionClock.Utc.IsExpired(anchor, P("P5Y"), expiry - Duration.Epsilon));
    }

    [Theory]
    [InlineData("2024-01-31T00:00:00Z", "P1M", "2024-02-29T00:00:00Z")] // leap year: clamps to 29 Feb
    [InlineData("2023-01-31T00:00:00Z", "P1M", "2023-02-28T00:00:00Z")] // clamps to 28 Feb (PHP would give 3 March)
    [InlineData("2024-03-31T00:00:00Z", "P1M", "2024-04-30T00:00:00Z")]
    [InlineData("2024-02-29T00:00:00Z", "P1Y", "2025-02-28T00:00:00Z")] // leap day + 1 year
    [InlineData("2024-02-29T00:00:00Z", "P4Y", "2028-02-29T00:00:00Z")] // leap day + 4 years lands on a leap day
    [InlineData("2024-01-31T00:00:00Z", "P1M1D", "2024-03-01T00:00:00Z")] // months before days
    [InlineData("2020-01-01T10:00:00Z", "PT1H", "2020-01-01T11:00:00Z")]
    [InlineData("2020-01-01T10:00:00Z", "P0D", "2020-01-01T10:00:00Z")] // zero: expires at the anchor
    public void ExpiryOf_Utc_CalendarArithmetic(string anchor, string period, string expected) =>
        Assert.Equal(At(expected), RetentionClock.Utc.ExpiryOf(At(anchor), P(period)));

    [Fact]
    public void ExpiryOf_Berlin_CountsInLocalCalendar()
    {
        // 2024-01-15T23:30Z is 00:30 on 16 January in Berlin (CET, +1); one month later is 00:30 on 16 February = 23:30Z on the 15th.
        Assert.Equal(At("2024-02-15T23:30:00Z"), Berlin.ExpiryOf(At("2024-01-15T23:30:00Z"), P("P1M")));
    }

    [Fact]
    public void ExpiryOf_LocalExpiryInSpringGap_FirstInstantAfterGap()
    {
        // Berlin skips 02:00–03:00 on 2024-03-31 (CET→CEST at 01:00Z). 02:30 on the 30th + 1 day = 02:30 on the 31st,
        // which does not exist: the expiry is the first instant after the gap, 03:00 CEST = 01:00Z.
        Assert.Equal(At("2024-03-31T01:00:00Z"), Berlin.ExpiryOf(At("2024-03-30T01:30:00Z"), P("P1D")));
    }

    [Fact]
    public void ExpiryOf_LocalExpiryInAutumnOverlap_EarlierInstant()
    {
        // 02:30 CEST on 2024-10-26 (00:30Z) + 1 day = 02:30 on the 27th, which happens twice; the earlier one is CEST = 00:30Z.
        Assert.Equal(At("2024-10-27T00:30:00Z"), Berlin.ExpiryOf(At("2024-10-26T00:30:00Z"), P("P1D")));
    }

    [Fact]
    public void ExpiryOf_AnchorInSecondPassOfRepeatedHour_CountsFromEndOfFirstPass()
    {
        // 00:50Z is 02:50 CEST (first pass); 01:10Z is 02:10 CET (second pass). A later anchor must not expire earlier:
        // the second-pass anchor counts from 03:00 local, so + 1 day = 03:00 CET on the 28th = 02:00Z, after 01:50Z.
        var first = Berlin.ExpiryOf(At("2024-10-27T00:50:00Z"), P("P1D"));
        var second = Berlin.ExpiryOf(At("2024-10-27T01:10:00Z"), P("P1D"));

        Assert.Equal(At("2024-10-28T01:50:00Z"), first);
        Assert.Equal(At("2024-10-28T02:00:00Z"), second);
    }

    [Fact]
    public void StartOf_FixedDate_StartOfDayInZone() =>
        Assert.Equal(At("2024-06-30T22:00:00Z"), Berlin.StartOf(new LocalDate(2024, 7, 1)));

    // 1970..2100 in seconds, so generated anchors stay in a realistic range.
    private static Instant Anchor(long seconds) => Instant.FromUnixTimeSeconds(Math.Abs(seconds % 4_102_444_800L));

    private static Period Period(byte years, byte months, byte days, byte hours) =>
        new PeriodBuilder { Years = years % 30, Months = months % 30, Days = days % 100, Hours = hours % 50 }.Build();

    [Property(MaxTest = 300)]
    public bool ExpiryOf_IsMonotonicInTheAnchor(long a, long b, byte years, byte months, byte days, byte hours, byte zone)
    {
        var clock = new RetentionClock(Zones[zone % Zones.Length]);
        var (early, late) = Anchor(a) <= Anchor(b) ? (Anchor(a), Anchor(b)) : (Anchor(b), Anchor(a));
        var period = Period(years, months, days, hours);
        return clock.ExpiryOf(early, period) <= clock.ExpiryOf(late, period);
    }

    [Property(MaxTest = 300)]
    public bool ExpiryOf_IsMonotonicInThePeriod(long a, byte years, byte months, byte days, byte hours, byte more, byte zone)
    {
        var clock = new RetentionClock(Zones[zone % Zones.Length]);
        var shorter = Period(years, months, days, hours);
        var step = more % 4;
        var longer = new PeriodBuilder(shorter)
        {
            Years = shorter.Years + (step == 0 ? 1 : 0),
            Months = shorter.Months + (step == 1 ? more % 13 : 0),
            Days = shorter.Days + (step == 2 ? more % 40 : 0),
            Hours = shorter.Hours + (step == 3 ? more % 30 : 0),
        }.Build();
        return clock.ExpiryOf(Anchor(a), shorter) <= clock.ExpiryOf(Anchor(a), longer);
    }

    [Property(MaxTest = 200)]
    public bool ExpiryOf_NeverBeforeAnchor(long a, byte years, byte months, byte days, byte hours, byte zone)
    {
        var clock = new RetentionClock(Zones[zone % Zones.Length]);
        var anchor = Anchor(a);
        return clock.ExpiryOf(anchor, Period(years, months, days, hours)) >= anchor;
    }

    [Theory]
    [InlineData("P5Y", "5 years")]
    [InlineData("P1Y6M", "1 year 6 months")]
    [InlineData("P0D", "no time at all")]
    [InlineData("PT1H", "1 hour")]
    public void Describe_Period_InWords(string period, string expected) => Assert.Equal(expected, PeriodText.Describe(P(period)));
}
