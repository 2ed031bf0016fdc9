using System.Globalization;
using System.Text;
using NodaTime;

namespace LmsPrivacy.Retention.Clock;

/// <summary>Formats retention periods and dates for people.</summary>
public static class PeriodText
{
    /// <summary>Describes a period in words, such as <c>5 years</c> or <c>1 year 6 months</c>; zero is <c>no time at all</c>.</summary>
    /// <param name="period">The period.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is <see langword="null"/>.</exception>
    public static string Describe(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var text = new StringBuilder();
        Add(text, period.Years, "year");
        Add(text, period.Months, "month");
        Add(text, period.Weeks, "week");
        Add(text, period.Days, "day");
        Add(text, period.Hours, "hour");
        Add(text, period.Minutes, "minute");
        Add(text, period.Seconds, "second");
        return text.Length == 0 ? "no time at all" : text.ToString();
    }

    /// <summary>Formats an instant as a local date (or date and time when not at midnight) in a zone.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="zone">The zone.</param>
    /// <returns>Text like <c>2024-07-31</c> or <c>2024-07-31 14:30</c>.</returns>
    public static string When(Instant instant, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = instant.InZone(zone).LocalDateTime;
        return local.TimeOfDay == LocalTime.Midnight
            ? local.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)
            : local.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    private static void Add(StringBuilder text, long value, string unit)
    {
        if (value == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(unit);
        if (value != 1)
        {
            text.Append('s');
        }
    }
}
