using LmsPrivacy.Deadlines;
using NodaTime;

namespace LmsPrivacy.Core.Tests.Deadlines;

public sealed class HolidayCalendarsTests
{
    /// <summary>
    /// Public holidays of 2026 that can fall on a weekday, written by hand from each country's official list for 2026
    /// (Western Easter 5 April, Orthodox Easter 12 April 2026), with substitute days where the law gives them.
    /// Always-Sunday feasts (Easter Sunday, Whit Sunday) are not listed: the calendars leave them out by design.
    /// </summary>
    public static TheoryData<string, string> Expected2026 => new()
    {
        { "AT", "01-01 01-06 04-06 05-01 05-14 05-25 06-04 08-15 10-26 11-01 12-08 12-25 12-26" },
        { "BE", "01-01 04-06 05-01 05-14 05-25 07-21 08-15 11-01 11-11 12-25" },
        { "BG", "01-01 03-03 04-10 04-13 05-01 05-06 05-24 05-25 09-06 09-07 09-22 12-24 12-25 12-26 12-28" },
        { "CY", "01-01 01-06 02-23 03-25 04-01 04-10 04-13 05-01 06-01 08-15 10-01 10-28 12-25 12-26" },
        { "CZ", "01-01 04-03 04-06 05-01 05-08 07-05 07-06 09-28 10-28 11-17 12-24 12-25 12-26" },
        { "DE", "01-01 04-03 04-06 05-01 05-14 05-25 10-03 12-25 12-26" },
        { "DK", "01-01 04-02 04-03 04-06 05-14 05-25 12-25 12-26" },
        { "EE", "01-01 02-24 04-03 05-01 06-23 06-24 08-20 12-24 12-25 12-26" },
        { "ES", "01-01 01-06 04-03 05-01 08-15 10-12 11-01 12-06 12-08 12-25" },
        { "FI", "01-01 01-06 04-03 04-06 05-01 05-14 12-06 12-25 12-26" },
        { "FR", "01-01 04-06 05-01 05-08 05-14 05-25 07-14 08-15 11-01 11-11 12-25" },
        { "GR", "01-01 01-06 02-23 03-25 04-10 04-13 05-01 06-01 08-15 10-28 12-25 12-26" },
        { "HR", "01-01 01-06 04-06 05-01 05-30 06-04 06-22 08-05 08-15 11-01 11-18 12-25 12-26" },
        { "HU", "01-01 03-15 04-03 04-06 05-01 05-25 08-20 10-23 11-01 12-25 12-26" },
        { "IE", "01-01 02-02 03-17 04-06 05-04 06-01 08-03 10-26 12-25 12-26" },
        { "IT", "01-01 01-06 04-06 04-25 05-01 06-02 08-15 10-04 11-01 12-08 12-25 12-26" },
        { "LT", "01-01 02-16 03-11 04-06 05-01 06-24 07-06 08-15 11-01 11-02 12-24 12-25 12-26" },
        { "LU", "01-01 04-06 05-01 05-09 05-14 05-25 06-23 08-15 11-01 12-25 12-26" },
        { "LV", "01-01 04-03 04-06 05-01 05-04 06-23 06-24 11-18 12-24 12-25 12-26 12-31" },
        { "MT", "01-01 02-10 03-19 03-31 04-03 05-01 06-07 06-29 08-15 09-08 09-21 12-08 12-13 12-25" },
        { "NL", "01-01 04-03 04-06 04-27 05-05 05-14 05-25 12-25 12-26" },
        { "PL", "01-01 01-06 04-06 05-01 05-03 06-04 08-15 11-01 11-11 12-24 12-25 12-26" },
        { "PT", "01-01 04-03 04-25 05-01 06-04 06-10 08-15 10-05 11-01 12-01 12-08 12-25" },
        { "RO", "01-01 01-02 01-06 01-07 01-24 04-10 04-13 05-01 06-01 08-15 11-30 12-01 12-25 12-26" },
        { "SE", "01-01 01-06 04-03 04-06 05-01 05-14 06-06 12-25 12-26" },
        { "SI", "01-01 01-02 02-08 04-06 04-27 05-01 05-02 06-25 08-15 10-31 11-01 12-25 12-26" },
        { "SK", "01-01 01-06 04-03 04-06 05-01 07-05 08-29 11-01 12-24 12-25 12-26" },
        { "IS", "01-01 04-02 04-03 04-06 04-23 05-01 05-14 05-25 06-17 08-03 12-25 12-26" },
        { "LI", "01-01 01-02 01-06 02-02 02-17 03-19 04-03 04-06 05-01 05-14 05-25 06-04 08-15 09-08 11-01 12-08 12-24 12-25 12-26 12-31" },
        { "NO", "01-01 04-02 04-03 04-06 05-01 05-14 05-17 05-25 12-25 12-26" },
        // gov.uk/bank-holidays, 2026.
        { "GB", "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28" },
        { "GB-SCT", "01-01 01-02 04-03 05-04 05-25 08-03 11-30 12-25 12-28" },
        { "GB-NIR", "01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28" },
    };

    [Theory]
    [MemberData(nameof(Expected2026))]
    public void GetHolidays_2026_MatchesOfficialList(string code, string expected)
    {
        var actual = HolidayCalendars.Get(code).GetHolidays(2026).Select(h => h.Date.ToString("MM-dd", null));

        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), actual);
    }

    [Fact]
    public void All_CoversEveryEuAndEeaMemberStateAndTheUkNations()
    {
        string[] euEea =
        [
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU",
            "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
        ];

        Assert.Equal(euEea, HolidayCalendars.EuEeaCodes);
        Assert.Equal(["GB", "GB-NIR", "GB-SCT"], HolidayCalendars.UnitedKingdomCodes);
        Assert.All(HolidayCalendars.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
    }

    [Theory]
    [InlineData("el", "GR")]
    [InlineData("uk", "GB")]
    [InlineData("GB-ENG", "GB")]
    [InlineData("gb-wls", "GB")]
    [InlineData(" de ", "DE")]
    public void TryGet_AliasesAndCase_ResolveToTheCalendar(string code, string expected)
    {
        Assert.True(HolidayCalendars.TryGet(code, out var calendar));
        Assert.Equal(expected, calendar.Code);
    }

    [Fact]
    public void TryGet_UnknownCode_ReturnsFalse()
    {
        Assert.False(HolidayCalendars.TryGet("XX", out _));
        Assert.False(HolidayCalendars.TryGet(null, out _));
        Assert.Throws<ArgumentException>(() => HolidayCalendars.Get("US"));
    }

    [Fact]
    public void GetHolidays_UkChristmasOnSaturdayAndBoxingDayOnSunday_SubstitutesMondayAndTuesday()
    {
        // gov.uk 2021: 27 December (Christmas substitute) and 28 December (Boxing Day substitute).
        var dates = HolidayCalendars.Get("GB").GetHolidays(2021).Select(h => h.Date).ToList();

        Assert.Contains(new LocalDate(2021, 12, 27), dates);
        Assert.Contains(new LocalDate(2021, 12, 28), dates);
        Assert.DoesNotContain(new LocalDate(2021, 12, 29), dates);
    }

    [Fact]
    public void GetHolidays_UkChristmasOnSunday_SubstituteIsTuesdayAfterBoxingDay()
    {
        // gov.uk 2022: Boxing Day Monday 26 December, Christmas substitute Tuesday 27 December; New Year substitute 3 January.
        var holidays = HolidayCalendars.Get("GB").GetHolidays(2022);

        Assert.Contains(holidays, h => h.Date == new LocalDate(2022, 12, 27) && h.Name.Contains("substitute", StringComparison.Ordinal));
        Assert.Contains(holidays, h => h.Date == new LocalDate(2022, 1, 3));
    }

    [Fact]
    public void GetHolidays_ScotlandNewYearOnWeekend_TwoSubstituteDays()
    {
        // gov.uk 2022 Scotland: 3 and 4 January.
        var dates = HolidayCalendars.Get("GB-SCT").GetHolidays(2022).Select(h => h.Date).ToList();

        Assert.Contains(new LocalDate(2022, 1, 3), dates);
        Assert.Contains(new LocalDate(2022, 1, 4), dates);
    }

    [Fact]
    public void GetHolidays_DenmarkGreatPrayerDay_UntilAbolitionIn2024()
    {
        // 2023: Easter 9 April + 26 days = Friday 5 May.
        Assert.Contains(HolidayCalendars.Get("DK").GetHolidays(2023), h => h.Date == new LocalDate(2023, 5, 5));
        Assert.DoesNotContain(HolidayCalendars.Get("DK").GetHolidays(2024), h => h.Name == "Great Prayer Day");
    }

    [Fact]
    public void GetHolidays_IrelandStBrigid_FirstMondayOrFridayFirstFebruary()
    {
        // 2025: 1 February is a Saturday -> Monday 3 February; 2030: 1 February is a Friday -> that day.
        Assert.Contains(HolidayCalendars.Get("IE").GetHolidays(2025), h => h.Date == new LocalDate(2025, 2, 3));
        Assert.Contains(HolidayCalendars.Get("IE").GetHolidays(2030), h => h.Date == new LocalDate(2030, 2, 1));
        Assert.DoesNotContain(HolidayCalendars.Get("IE").GetHolidays(2022), h => h.Name == "St Brigid's Day");
    }

    [Fact]
    public void GetHolidays_NetherlandsKingsDayOnSunday_MovesToSaturday()
    {
        // 2025: 27 April is a Sunday; King's Day was Saturday 26 April.
        Assert.Contains(HolidayCalendars.Get("NL").GetHolidays(2025), h => h.Date == new LocalDate(2025, 4, 26));
    }

    [Fact]
    public void GetHolidays_OrthodoxAndWesternEasterCoincide_HolidaysMerged()
    {
        // Romania 2026: Orthodox Whit Monday (1 June) is also Children's Day: one entry, both names.
        var june1 = Assert.Single(HolidayCalendars.Get("RO").GetHolidays(2026), h => h.Date == new LocalDate(2026, 6, 1));
        Assert.Contains("Children's Day", june1.Name, StringComparison.Ordinal);
        Assert.Contains("Whit Monday", june1.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHolidays_SlovakiaConsolidation_DaysOffSuspendedIn2026Only()
    {
        // 2025 consolidation: 8 May and 15 September are not days of rest in 2026 only; 17 November no longer from 2025.
        static bool Has(int year, int month, int day) =>
            HolidayCalendars.Get("SK").GetHolidays(year).Any(h => h.Date == new LocalDate(year, month, day));

        Assert.True(Has(2025, 5, 8));
        Assert.False(Has(2026, 5, 8));
        Assert.True(Has(2027, 5, 8));
        Assert.False(Has(2026, 9, 15));
        Assert.True(Has(2024, 11, 17));
        Assert.False(Has(2025, 11, 17));
    }

    [Fact]
    public void GetHolidays_LiechtensteinNotifiedTimeLimitDays_FromRule2022()
    {
        // Good Friday: 2 April 2021 (statutory list only) vs 15 April 2022 (notified list).
        Assert.DoesNotContain(HolidayCalendars.Get("LI").GetHolidays(2021), h => h.Date == new LocalDate(2021, 4, 2));
        Assert.Contains(HolidayCalendars.Get("LI").GetHolidays(2022), h => h.Date == new LocalDate(2022, 4, 15));
    }

    [Fact]
    public void WeekendsOnly_HasNoHolidays()
    {
        Assert.Empty(HolidayCalendars.WeekendsOnly.GetHolidays(2026));
        Assert.True(WorkingDays.IsWorkingDay(new LocalDate(2026, 12, 25), HolidayCalendars.WeekendsOnly));
    }

    [Fact]
    public void Provider_ResolvesBuiltInCodes()
    {
        Assert.True(HolidayCalendars.Provider.TryGetCalendar("fr", out var france));
        Assert.Equal("FR", france.Code);
        Assert.False(HolidayCalendars.Provider.TryGetCalendar("ZZ", out _));
    }
}

public sealed class CompositeHolidayCalendarTests
{
    [Fact]
    public void GetHolidays_NationalPlusRegional_MergesAndMovesTheDeadline()
    {
        // Bavaria adds Epiphany (6 Jan) to Germany's nationwide days. 6 December 2025 -> Tuesday 6 January 2026.
        var bavarianDays = new HolidayList("BY-EXTRA", new PublicHoliday(new LocalDate(2026, 1, 6), "Epiphany"));
        var bavaria = new CompositeHolidayCalendar("de-by", "Bavaria", HolidayCalendars.Get("DE"), bavarianDays);

        var holidays = bavaria.GetHolidays(2026);
        var result = SubjectRequestDeadlines.ComputeWithCalendar(new LocalDate(2025, 12, 6), DeadlineProfile.Eu, bavaria, extended: false);

        Assert.Equal("DE-BY", bavaria.Code);
        Assert.Equal(10, holidays.Count);
        Assert.Equal(new LocalDate(2026, 1, 7), result.Due);
        Assert.Equal(new LocalDate(2026, 1, 6), SubjectRequestDeadlines.Compute(new LocalDate(2025, 12, 6), DeadlineProfile.Eu, "DE").Due);
    }

    [Fact]
    public void Constructor_NoParts_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CompositeHolidayCalendar("X", "x"));
        Assert.Throws<ArgumentNullException>(() => new CompositeHolidayCalendar("X", "x", null!));
    }

    private sealed class HolidayList(string code, params PublicHoliday[] holidays) : IHolidayCalendar
    {
        public string Code => code;

        public string Name => code;

        public IReadOnlyList<PublicHoliday> GetHolidays(int year) => holidays.Where(h => h.Date.Year == year).ToList();
    }
}
