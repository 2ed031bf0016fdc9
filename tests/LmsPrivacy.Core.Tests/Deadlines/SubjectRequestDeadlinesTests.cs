using FsCheck.Xunit;
using LmsPrivacy.Deadlines;
using NodaTime;

namespace LmsPrivacy.Core.Tests.Deadlines;

public sealed class SubjectRequestDeadlinesTests
{
    private static readonly string[] Codes = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
        "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK"];

    private static readonly string[] UkCodes = ["GB", "GB-SCT", "GB-NIR"];

    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Compute_FifthOfMarch_DueOnFifthOfApril()
    {
        // Research §4.2: received 5 March, due end of 5 April (2027: a Monday, and no Easter holiday in DE that day).
        var result = SubjectRequestDeadlines.Compute(D(2027, 3, 5), DeadlineProfile.Eu, "DE");

        Assert.Equal(D(2027, 4, 5), result.Due);
        Assert.DoesNotContain(result.Findings, f => f.Code == DeadlineRules.RolledForward.Code);
    }

    [Fact]
    public void Compute_EndOnSundayNoCountry_RollsToMondayAndSaysHolidaysIgnored()
    {
        // 5 April 2026 is a Sunday.
        var result = SubjectRequestDeadlines.Compute(D(2026, 3, 5));

        Assert.Equal(D(2026, 4, 6), result.Due);
        Assert.Null(result.Country);
        Assert.Contains(result.Findings, f => f.Code == "deadline.dsar.rolled_forward");
        Assert.Contains(result.Findings, f => f.Code == "deadline.calendar.weekends_only");
    }

    [Fact]
    public void Compute_EndOnEasterSundayInAustria_SkipsEasterMondayToo()
    {
        var result = SubjectRequestDeadlines.Compute(D(2026, 3, 5), DeadlineProfile.Eu, "AT");

        Assert.Equal(D(2026, 4, 7), result.Due);
        Assert.Equal("AT", result.Country);
        Assert.Contains("Easter Monday", result.Reason, StringComparison.Ordinal);
        Assert.Contains("Art. 3(4)", result.Reason, StringComparison.Ordinal);
        Assert.Contains("1182/71", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_EasterMondayIsNotAHolidayInGreece_DueOnMonday()
    {
        // Orthodox Easter 2026 is 12 April, so Western Easter Monday (6 April) is a working day in Greece.
        var result = SubjectRequestDeadlines.Compute(D(2026, 3, 5), DeadlineProfile.Eu, "GR");

        Assert.Equal(D(2026, 4, 6), result.Due);
    }

    [Fact]
    public void Compute_ThirtyFirstOfJanuary_EndsOnLastDayOfFebruaryNotMarch()
    {
        // Research §4.2: 31 January -> 28/29 February, never 1 March. 2024 is a leap year; 29 Feb 2024 is a Thursday.
        var result = SubjectRequestDeadlines.Compute(D(2024, 1, 31), DeadlineProfile.Eu, "FR");

        Assert.Equal(D(2024, 2, 29), result.Due);
        Assert.Contains(result.Findings, f => f.Code == "deadline.dsar.month_end");
    }

    [Fact]
    public void Compute_MonthEndOnSaturday_ClampsThenRolls()
    {
        // 31 January 2026 -> 28 February 2026 (Saturday) -> Monday 2 March.
        var result = SubjectRequestDeadlines.Compute(D(2026, 1, 31), DeadlineProfile.Eu, "DE");

        Assert.Equal(D(2026, 3, 2), result.Due);
        Assert.Equal(["deadline.dsar.month_end", "deadline.dsar.rolled_forward"], result.Findings.Select(f => f.Code));
    }

    [Fact]
    public void Compute_Extended_TwoFurtherMonthsFromEndOfFirstMonth()
    {
        // 31 January 2026: first month ends Saturday 28 February (notice due Monday 2 March);
        // 28 February + 2 months = Tuesday 28 April 2026 (a working day in DE).
        var result = SubjectRequestDeadlines.Compute(D(2026, 1, 31), DeadlineProfile.Eu, "DE", extended: true);

        Assert.True(result.Extended);
        Assert.Equal(D(2026, 4, 28), result.Due);
        Assert.Equal(D(2026, 3, 2), result.ExtensionNoticeDue);
        Assert.Contains(result.Findings, f => f.Code == "deadline.dsar.extension_notice" && f.Path == "$.extensionNoticeDue");
    }

    [Fact]
    public void Compute_ExtendedEndingOnHoliday_RollsFinalDay()
    {
        // 1 October 2026 -> 1 November (Sunday, All Saints in FR) ... extension: 1 Nov + 2 months = 1 January 2027 (Friday,
        // New Year's Day) -> Saturday, Sunday -> Monday 4 January 2027.
        var result = SubjectRequestDeadlines.Compute(D(2026, 10, 1), DeadlineProfile.Eu, "FR", extended: true);

        Assert.Equal(D(2026, 11, 2), result.ExtensionNoticeDue);
        Assert.Equal(D(2027, 1, 4), result.Due);
    }

    [Fact]
    public void Compute_NotExtended_NoticeDueEqualsDue()
    {
        var result = SubjectRequestDeadlines.Compute(D(2026, 6, 10), DeadlineProfile.Eu, "BE");

        Assert.Equal(result.Due, result.ExtensionNoticeDue);
        Assert.DoesNotContain(result.Findings, f => f.Code == "deadline.dsar.extension_notice");
    }

    [Fact]
    public void Compute_UkIcoExample_ThirdSeptemberDueThirdOctober()
    {
        // ICO: "receives a request on 3 September ... until 3 October" (2025: 3 October is a Friday).
        var result = SubjectRequestDeadlines.Compute(D(2025, 9, 3), DeadlineProfile.Uk, "GB");

        Assert.Equal(D(2025, 10, 3), result.Due);
        Assert.Contains("ICO", result.Reason, StringComparison.Ordinal);
        Assert.Contains("day one", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_UkEndOnBoxingDaySaturday_SkipsSubstituteBankHoliday()
    {
        // 26 November 2026 -> Saturday 26 December; Sunday 27; Monday 28 is the Boxing Day substitute -> Tuesday 29.
        var result = SubjectRequestDeadlines.Compute(D(2026, 11, 26), DeadlineProfile.Uk, "GB");

        Assert.Equal(D(2026, 12, 29), result.Due);
    }

    [Fact]
    public void Compute_UkThirtiethOfJanuary_LastDayOfFebruary()
    {
        // ICO: no corresponding date -> last day of the following month. 2027-02-28 is a Sunday -> Monday 1 March.
        var result = SubjectRequestDeadlines.Compute(D(2027, 1, 30), DeadlineProfile.Uk, "GB-SCT");

        Assert.Equal(D(2027, 3, 1), result.Due);
        Assert.Contains(result.Findings, f => f.Code == "deadline.dsar.month_end");
    }

    [Theory]
    [InlineData(DeadlineProfile.Eu, "GB")]
    [InlineData(DeadlineProfile.Eu, "UK")]
    [InlineData(DeadlineProfile.Uk, "DE")]
    [InlineData(DeadlineProfile.Eu, "XX")]
    public void Compute_CountryDoesNotFitProfileOrUnknown_Throws(DeadlineProfile profile, string country)
    {
        Assert.Throws<ArgumentException>(() => SubjectRequestDeadlines.Compute(D(2026, 1, 1), profile, country));
    }

    [Fact]
    public void Compute_YearOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SubjectRequestDeadlines.Compute(D(1500, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SubjectRequestDeadlines.Compute(D(2026, 1, 1), (DeadlineProfile)7));
    }

    [Fact]
    public void Compute_YearOutsideCheckedData_Warns()
    {
        var old = SubjectRequestDeadlines.Compute(D(2019, 5, 10), DeadlineProfile.Eu, "DE");
        var current = SubjectRequestDeadlines.Compute(D(2026, 5, 10), DeadlineProfile.Eu, "DE");

        Assert.Contains(old.Findings, f => f.Code == "deadline.calendar.unverified_year" && f.Severity == LmsPrivacy.Findings.FindingSeverity.Warning);
        Assert.DoesNotContain(current.Findings, f => f.Code == "deadline.calendar.unverified_year");
    }

    [Fact]
    public void ComputeWithCalendar_HostCalendar_AppliesItsHolidays()
    {
        // A regional holiday on Monday 8 June 2026: 8 May -> 8 June -> Tuesday 9 June.
        var regional = new FixedCalendar("DE-XX", new LocalDate(2026, 6, 8));

        var result = SubjectRequestDeadlines.ComputeWithCalendar(D(2026, 5, 8), DeadlineProfile.Eu, regional, extended: false);

        Assert.Equal(D(2026, 6, 9), result.Due);
        Assert.Equal("DE-XX", result.Country);
    }

    // --- Properties (Art. 12(3) GDPR with Regulation 1182/71 Art. 3) ---

    private static SubjectRequestDeadline Arbitrary(int dayOffset, byte countryIndex, bool extended, bool uk)
    {
        var received = new LocalDate(1990, 1, 1).PlusDays(Math.Abs(dayOffset % 40000));
        var codes = uk ? UkCodes : Codes;
        string? country = countryIndex % (codes.Length + 1) == codes.Length ? null : codes[countryIndex % (codes.Length + 1)];
        return SubjectRequestDeadlines.Compute(received, uk ? DeadlineProfile.Uk : DeadlineProfile.Eu, country, extended);
    }

    [Property(MaxTest = 300)]
    public bool OneMonth_IsNeverShorterThan28Days(int dayOffset, byte countryIndex, bool extended, bool uk)
    {
        var result = Arbitrary(dayOffset, countryIndex, extended, uk);
        return result.Due >= result.Received.PlusDays(28) && result.ExtensionNoticeDue >= result.Received.PlusDays(28);
    }

    [Property(MaxTest = 300)]
    public bool Article3Paragraph4_DueIsAWorkingDay(int dayOffset, byte countryIndex, bool extended, bool uk)
    {
        var result = Arbitrary(dayOffset, countryIndex, extended, uk);
        var calendar = result.Country is null ? HolidayCalendars.WeekendsOnly : HolidayCalendars.Get(result.Country);
        return WorkingDays.IsWorkingDay(result.Due, calendar) && WorkingDays.IsWorkingDay(result.ExtensionNoticeDue, calendar);
    }

    [Property(MaxTest = 300)]
    public bool Article3Paragraph4_OnlyNonWorkingDaysAreSkipped(int dayOffset, byte countryIndex, bool uk)
    {
        var result = Arbitrary(dayOffset, countryIndex, extended: false, uk);
        var calendar = result.Country is null ? HolidayCalendars.WeekendsOnly : HolidayCalendars.Get(result.Country);
        var end = result.Received.PlusMonths(1);
        for (var day = end; day < result.Due; day = day.PlusDays(1))
        {
            if (WorkingDays.IsWorkingDay(day, calendar))
            {
                return false;
            }
        }

        return result.Due >= end;
    }

    [Property(MaxTest = 300)]
    public bool DueDate_IsMonotonicInTheDayOfReceipt(int dayOffset, byte gap, byte countryIndex, bool extended, bool uk)
    {
        var earlier = Arbitrary(dayOffset, countryIndex, extended, uk);
        var later = SubjectRequestDeadlines.Compute(earlier.Received.PlusDays(gap % 40), earlier.Profile, earlier.Country, extended);
        return earlier.Due <= later.Due && earlier.ExtensionNoticeDue <= later.ExtensionNoticeDue;
    }

    [Property(MaxTest = 300)]
    public bool Extension_EndsAfterFirstMonthAndWithinThreeMonthsAndTwoWeeks(int dayOffset, byte countryIndex, bool uk)
    {
        var result = Arbitrary(dayOffset, countryIndex, extended: true, uk);
        return result.Due > result.ExtensionNoticeDue && result.Due <= result.Received.PlusMonths(3).PlusDays(14);
    }

    private sealed class FixedCalendar(string code, params LocalDate[] dates) : IHolidayCalendar
    {
        public string Code => code;

        public string Name => "test calendar";

        public IReadOnlyList<PublicHoliday> GetHolidays(int year) =>
            dates.Where(d => d.Year == year).Select(d => new PublicHoliday(d, "Regional day")).ToList();
    }
}
