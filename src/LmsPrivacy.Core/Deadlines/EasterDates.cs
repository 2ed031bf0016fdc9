using NodaTime;

namespace LmsPrivacy.Deadlines;

/// <summary>Easter Sunday by the Western (Gregorian) and the Orthodox (Julian) computus, as ISO dates.</summary>
public static class EasterDates
{
    /// <summary>The first year for which the Gregorian computus is defined.</summary>
    public const int MinYear = 1583;

    /// <summary>The last year supported.</summary>
    public const int MaxYear = 9998;

    /// <summary>Returns Western Easter Sunday (Catholic and Protestant churches) by the anonymous Gregorian algorithm.</summary>
    /// <param name="year">A year from <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <returns>Easter Sunday in the ISO calendar.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is out of range.</exception>
    public static LocalDate Western(int year)
    {
        CheckYear(year);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    /// <summary>
    /// Returns Orthodox Easter Sunday (used for GR, CY, RO and BG holidays): the Julian computus (Meeus), converted to the
    /// ISO calendar.
    /// </summary>
    /// <param name="year">A year from <see cref="MinYear"/> to <see cref="MaxYear"/>.</param>
    /// <returns>Orthodox Easter Sunday in the ISO calendar.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is out of range.</exception>
    public static LocalDate Orthodox(int year)
    {
        CheckYear(year);
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = ((19 * c) + 15) % 30;
        var e = ((2 * a) + (4 * b) - d + 34) % 7;
        var month = (d + e + 114) / 31;
        var day = ((d + e + 114) % 31) + 1;
        return new LocalDate(year, month, day, CalendarSystem.Julian).WithCalendar(CalendarSystem.Iso);
    }

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Easter is computed for the years {MinYear} to {MaxYear}.");
        }
    }
}
