namespace LmsPrivacy.Deadlines;

/// <summary>
/// A public-holiday calendar: the days, besides Saturdays and Sundays, on which a period that ends there moves to the next
/// working day (Regulation 1182/71 Art. 3(4)). Implement it to supply regional or institutional holidays.
/// </summary>
public interface IHolidayCalendar
{
    /// <summary>Gets the calendar's code, such as <c>DE</c> or <c>GB-SCT</c> (upper case).</summary>
    string Code { get; }

    /// <summary>Gets a display name, such as <c>Germany (nationwide holidays)</c>.</summary>
    string Name { get; }

    /// <summary>Returns the public holidays of one year, in date order (a date appears at most once).</summary>
    /// <param name="year">The ISO calendar year.</param>
    /// <returns>The holidays of <paramref name="year"/>.</returns>
    IReadOnlyList<PublicHoliday> GetHolidays(int year);
}

/// <summary>Looks up holiday calendars by code; the built-in one is <see cref="HolidayCalendars.Provider"/>.</summary>
public interface IHolidayCalendarProvider
{
    /// <summary>Finds the calendar for a code, case-insensitively.</summary>
    /// <param name="code">A country or region code, such as <c>FR</c> or <c>gb-nir</c>.</param>
    /// <param name="calendar">The calendar when found.</param>
    /// <returns><see langword="true"/> when the code is known.</returns>
    bool TryGetCalendar(string code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IHolidayCalendar? calendar);
}
