using NodaTime;

namespace LmsPrivacy.Deadlines;

/// <summary>What a holiday that falls on a Saturday or Sunday gives instead.</summary>
internal enum WeekendSubstitute
{
    /// <summary>Nothing: the holiday is simply lost to the weekend.</summary>
    None,

    /// <summary>The holiday stays on its date and the next free weekday is an extra day off (BG, LV).</summary>
    AddNextWeekday,

    /// <summary>The holiday moves to the next free weekday, the "substitute day" (UK bank holidays).</summary>
    MoveToNextWeekday,
}

/// <summary>How one holiday's date is found in a given year (internal data model of the built-in calendars).</summary>
internal sealed record HolidayRule(string Name, Func<int, LocalDate> DateIn)
{
    /// <summary>Gets the first year the holiday exists (inclusive).</summary>
    public int FromYear { get; init; } = int.MinValue;

    /// <summary>Gets the last year the holiday exists (inclusive).</summary>
    public int UntilYear { get; init; } = int.MaxValue;

    /// <summary>Gets what happens when the holiday falls on a Saturday or Sunday.</summary>
    public WeekendSubstitute Substitute { get; init; }

    public bool AppliesTo(int year) => year >= FromYear && year <= UntilYear;

    /// <summary>A fixed calendar date.</summary>
    public static HolidayRule Fixed(int month, int day, string name) => new(name, year => new LocalDate(year, month, day));

    /// <summary>Western Easter Sunday plus <paramref name="offset"/> days.</summary>
    public static HolidayRule Easter(int offset, string name) => new(name, year => EasterDates.Western(year).PlusDays(offset));

    /// <summary>Orthodox Easter Sunday plus <paramref name="offset"/> days.</summary>
    public static HolidayRule Orthodox(int offset, string name) => new(name, year => EasterDates.Orthodox(year).PlusDays(offset));

    /// <summary>The first <paramref name="weekday"/> on or after a fixed date (e.g. first Monday in May = on or after 1 May).</summary>
    public static HolidayRule OnOrAfter(int month, int day, IsoDayOfWeek weekday, string name) =>
        new(name, year => new LocalDate(year, month, day).With(DateAdjusters.NextOrSame(weekday)));

    /// <summary>The last <paramref name="weekday"/> of a month.</summary>
    public static HolidayRule LastInMonth(int month, IsoDayOfWeek weekday, string name) =>
        new(name, year => DateAdjusters.EndOfMonth(new LocalDate(year, month, 1)).With(DateAdjusters.PreviousOrSame(weekday)));
}
