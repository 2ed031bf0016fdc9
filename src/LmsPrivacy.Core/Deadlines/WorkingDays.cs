using NodaTime;

namespace LmsPrivacy.Deadlines;

/// <summary>Working-day helpers: a working day is neither a Saturday, a Sunday nor a public holiday of the calendar.</summary>
public static class WorkingDays
{
    /// <summary>Returns whether a date is a Saturday or a Sunday.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> on Saturdays and Sundays.</returns>
    public static bool IsWeekend(LocalDate date) => date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;

    /// <summary>Finds the public holiday on a date, if any.</summary>
    /// <param name="calendar">The holiday calendar.</param>
    /// <param name="date">The date.</param>
    /// <returns>The holiday, or <see langword="null"/> when the date is not a public holiday.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public static PublicHoliday? FindHoliday(IHolidayCalendar calendar, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        foreach (var holiday in calendar.GetHolidays(date.Year))
        {
            if (holiday.Date == date)
            {
                return holiday;
            }
        }

        return null;
    }

    /// <summary>Returns whether a date is a working day in a calendar.</summary>
    /// <param name="date">The date.</param>
    /// <param name="calendar">The holiday calendar.</param>
    /// <returns><see langword="true"/> unless the date is a Saturday, Sunday or public holiday.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    public static bool IsWorkingDay(LocalDate date, IHolidayCalendar calendar) =>
        !IsWeekend(date) && FindHoliday(calendar, date) is null;

    /// <summary>Returns the date itself when it is a working day, otherwise the next working day.</summary>
    /// <param name="date">The date.</param>
    /// <param name="calendar">The holiday calendar.</param>
    /// <returns>The first working day on or after <paramref name="date"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The calendar has no working day within 366 days (a broken calendar).</exception>
    public static LocalDate NextWorkingDayOnOrAfter(LocalDate date, IHolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var candidate = date;
        for (var i = 0; i <= 366; i++)
        {
            if (IsWorkingDay(candidate, calendar))
            {
                return candidate;
            }

            candidate = candidate.PlusDays(1);
        }

        throw new InvalidOperationException($"Holiday calendar '{calendar.Code}' has no working day within a year after the given date.");
    }
}
