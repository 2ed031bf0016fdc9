using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace LmsPrivacy.Scorm.Validation;

/// <summary>
/// Parses the time types of both SCORM versions into NodaTime values: 2004 <c>timeinterval(second,10,2)</c> and
/// <c>time(second,10,0)</c>, 1.2 <c>CMITimespan</c> and <c>CMITime</c>.
/// </summary>
public static class ScormTime
{
    /// <summary>The first year a 2004 <c>time</c> may carry.</summary>
    public const int MinYear = 1970;

    /// <summary>The last year a 2004 <c>time</c> may carry.</summary>
    public const int MaxYear = 2038;

    /// <summary>Returns whether <paramref name="text"/> is a 2004 <c>timeinterval</c>: <c>P[nY][nM][nD][T[nH][nM][n[.n]S]]</c>, at most two fraction digits, not ending in <c>P</c> or <c>T</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether the text follows the grammar (numbers of any size are allowed).</returns>
    public static bool IsTimeInterval(ReadOnlySpan<char> text) => ScanTimeInterval(text, out _);

    /// <summary>Parses a 2004 <c>timeinterval</c> into a <see cref="Period"/> (years and months have no fixed length).</summary>
    /// <param name="text">The text, such as <c>PT1H30M5.25S</c>.</param>
    /// <param name="period">The period, normalized only as far as written (<c>PT90M</c> stays 90 minutes).</param>
    /// <returns>Whether the text is a timeinterval whose numbers fit NodaTime's period fields.</returns>
    public static bool TryParseTimeInterval(ReadOnlySpan<char> text, [NotNullWhen(true)] out Period? period)
    {
        period = null;
        if (!ScanTimeInterval(text, out var parts))
        {
            return false;
        }

        if (parts.Years > int.MaxValue || parts.Months > int.MaxValue || parts.Days > int.MaxValue
            || parts.Hours > int.MaxValue || parts.Minutes > int.MaxValue || parts.Seconds > int.MaxValue)
        {
            return false;
        }

        var builder = new PeriodBuilder
        {
            Years = (int)parts.Years,
            Months = (int)parts.Months,
            Days = (int)parts.Days,
            Hours = parts.Hours,
            Minutes = parts.Minutes,
            Seconds = parts.Seconds,
            Milliseconds = parts.Hundredths * 10,
        };
        period = builder.Build();
        return true;
    }

    /// <summary>Parses a 2004 <c>timeinterval</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The period.</returns>
    /// <exception cref="FormatException">The text is not a timeinterval.</exception>
    public static Period ParseTimeInterval(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseTimeInterval(text, out var period) ? period : throw new FormatException("The text is not a SCORM 2004 timeinterval.");
    }

    /// <summary>Writes a duration as a 2004 <c>timeinterval</c> (<c>PT{h}H{m}M{s.ss}S</c>), truncated to hundredths.</summary>
    /// <param name="duration">A non-negative duration.</param>
    /// <returns>The timeinterval text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative.</exception>
    public static string FormatTimeInterval(Duration duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, Duration.Zero);
        var hundredths = (long)(duration.TotalTicks / (NodaConstants.TicksPerMillisecond * 10));
        var hours = hundredths / 360_000;
        var minutes = hundredths / 6_000 % 60;
        var seconds = hundredths / 100 % 60;
        var fraction = hundredths % 100;
        var ci = System.Globalization.CultureInfo.InvariantCulture;
        return fraction == 0
            ? string.Create(ci, $"PT{hours}H{minutes}M{seconds}S")
            : string.Create(ci, $"PT{hours}H{minutes}M{seconds}.{fraction:00}S");
    }

    /// <summary>Returns whether <paramref name="text"/> is a 2004 <c>time</c>: <c>YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]]</c>, years 1970–2038, a real calendar date, a time zone designator only after fractional seconds.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether the text is a valid timestamp.</returns>
    public static bool IsTimestamp(ReadOnlySpan<char> text) => ScanTimestamp(text, out _, out _);

    /// <summary>Parses a 2004 <c>time</c>.</summary>
    /// <param name="text">The text, such as <c>2026-03-01T09:30:00.5+01:00</c>.</param>
    /// <param name="local">The local date and time (missing parts are the start of the period).</param>
    /// <param name="offset">The offset when a time zone designator is present.</param>
    /// <returns>Whether the text is a valid timestamp.</returns>
    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out LocalDateTime local, out Offset? offset) => ScanTimestamp(text, out local, out offset);

    /// <summary>Returns whether <paramref name="text"/> is a 1.2 <c>CMITimespan</c>: <c>HHHH:MM:SS[.S[S]]</c> (2–4 hour digits, minutes and seconds 00–59).</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether the text is a CMITimespan.</returns>
    public static bool IsCmiTimespan(ReadOnlySpan<char> text) => TryParseCmiTimespan(text, out _);

    /// <summary>Parses a 1.2 <c>CMITimespan</c> into a <see cref="Duration"/>.</summary>
    /// <param name="text">The text, such as <c>0001:30:05.25</c>.</param>
    /// <param name="duration">The duration.</param>
    /// <returns>Whether the text is a CMITimespan.</returns>
    public static bool TryParseCmiTimespan(ReadOnlySpan<char> text, out Duration duration)
    {
        duration = Duration.Zero;
        var colon = text.IndexOf(':');
        if (colon is < 2 or > 4 || !TryDigits(text[..colon], out var hours))
        {
            return false;
        }

        if (!TryClock(text[(colon + 1)..], out var minutes, out var seconds, out var hundredths) || minutes > 59)
        {
            return false;
        }

        duration = Duration.FromHours(hours) + Duration.FromMinutes(minutes) + Duration.FromSeconds(seconds) + Duration.FromMilliseconds(hundredths * 10);
        return true;
    }

    /// <summary>Parses a 1.2 <c>CMITimespan</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException">The text is not a CMITimespan.</exception>
    public static Duration ParseCmiTimespan(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseCmiTimespan(text, out var duration) ? duration : throw new FormatException("The text is not a SCORM 1.2 CMITimespan.");
    }

    /// <summary>Parses a 1.2 <c>CMITime</c> (a time of day, <c>HH:MM:SS[.S[S]]</c>, hours 00–23).</summary>
    /// <param name="text">The text.</param>
    /// <param name="time">The time of day.</param>
    /// <returns>Whether the text is a CMITime.</returns>
    public static bool TryParseCmiTime(ReadOnlySpan<char> text, out LocalTime time)
    {
        time = LocalTime.Midnight;
        if (text.Length < 8 || text[2] != ':' || !TryDigits(text[..2], out var hours) || hours > 23)
        {
            return false;
        }

        if (!TryClock(text[3..], out var minutes, out var seconds, out var hundredths) || minutes > 59)
        {
            return false;
        }

        time = new LocalTime((int)hours, minutes, seconds, hundredths * 10);
        return true;
    }

    // "MM:SS[.S[S]]" with exactly two digits each; seconds 00-59.
    private static bool TryClock(ReadOnlySpan<char> text, out int minutes, out int seconds, out int hundredths)
    {
        minutes = seconds = hundredths = 0;
        if (text.Length < 5 || text[2] != ':' || !TryDigits(text[..2], out var m) || !TryDigits(text.Slice(3, 2), out var s) || s > 59)
        {
            return false;
        }

        minutes = (int)m;
        seconds = (int)s;
        var rest = text[5..];
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest[0] != '.' || rest.Length is < 2 or > 3 || !TryDigits(rest[1..], out var f))
        {
            return false;
        }

        hundredths = rest.Length == 2 ? (int)f * 10 : (int)f;
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool ScanTimeInterval(ReadOnlySpan<char> text, out IntervalParts parts)
    {
        parts = default;
        if (text.Length < 3 || text[0] != 'P' || text[^1] is 'P' or 'T')
        {
            return false;
        }

        // Designators in order: Y M D, then after T: H M S. Each at most once.
        ReadOnlySpan<char> dateOrder = "YMD";
        ReadOnlySpan<char> timeOrder = "HMS";
        var i = 1;
        var next = 0;
        var inTime = false;
        var any = false;
        while (i < text.Length)
        {
            if (text[i] == 'T')
            {
                if (inTime)
                {
                    return false;
                }

                inTime = true;
                next = 0;
                i++;
                continue;
            }

            var start = i;
            long number = 0;
            while (i < text.Length && text[i] is >= '0' and <= '9')
            {
                number = number > (long.MaxValue / 10) - 10 ? long.MaxValue / 2 : (number * 10) + (text[i] - '0');
                i++;
            }

            if (i == start || i == text.Length)
            {
                return false;
            }

            var hundredths = 0;
            if (text[i] == '.')
            {
                if (!inTime)
                {
                    return false;
                }

                i++;
                var fractionStart = i;
                while (i < text.Length && text[i] is >= '0' and <= '9')
                {
                    hundredths = (hundredths * 10) + (text[i] - '0');
                    i++;
                }

                var digits = i - fractionStart;
                if (digits is < 1 or > 2 || i == text.Length || text[i] != 'S')
                {
                    return false;
                }

                hundredths = digits == 1 ? hundredths * 10 : hundredths;
            }

            var order = inTime ? timeOrder : dateOrder;
            var position = order[next..].IndexOf(text[i]);
            if (position < 0)
            {
                return false;
            }

            next += position + 1;
            switch ((inTime, text[i]))
            {
                case (false, 'Y'): parts.Years = number; break;
                case (false, 'M'): parts.Months = number; break;
                case (false, 'D'): parts.Days = number; break;
                case (true, 'H'): parts.Hours = number; break;
                case (true, 'M'): parts.Minutes = number; break;
                default: parts.Seconds = number; parts.Hundredths = hundredths; break;
            }

            any = true;
            i++;
        }

        return any;
    }

    private static bool ScanTimestamp(ReadOnlySpan<char> text, out LocalDateTime local, out Offset? offset)
    {
        local = default;
        offset = null;
        int month = 1, day = 1, hour = 0, minute = 0, second = 0, hundredths = 0;
        if (text.Length < 4 || !TryDigits(text[..4], out var yearValue) || yearValue is < MinYear or > MaxYear)
        {
            return false;
        }

        var year = (int)yearValue;
        var rest = text[4..];
        var level = 1;
        while (!rest.IsEmpty && level < 6)
        {
            var ok = level switch
            {
                1 => Field(ref rest, '-', 1, 12, out month),
                2 => Field(ref rest, '-', 1, DaysIn(year, month), out day),
                3 => Field(ref rest, 'T', 0, 23, out hour),
                4 => Field(ref rest, ':', 0, 59, out minute),
                _ => Field(ref rest, ':', 0, 59, out second),
            };
            if (!ok)
            {
                return false;
            }

            level++;
        }

        if (!rest.IsEmpty)
        {
            // Only fractional seconds may follow the seconds, and a time zone designator only after them.
            if (rest[0] != '.')
            {
                return false;
            }

            var digits = 0;
            while (digits + 1 < rest.Length && rest[digits + 1] is >= '0' and <= '9')
            {
                hundredths = (hundredths * 10) + (rest[digits + 1] - '0');
                digits++;
            }

            if (digits is < 1 or > 2)
            {
                return false;
            }

            hundredths = digits == 1 ? hundredths * 10 : hundredths;
            rest = rest[(digits + 1)..];
            if (!rest.IsEmpty && !TryZone(rest, out offset))
            {
                return false;
            }
        }

        local = new LocalDateTime(year, month, day, hour, minute, second, hundredths * 10);
        return true;
    }

    // Reads "{separator}dd" with lo <= dd <= hi.
    private static bool Field(ref ReadOnlySpan<char> rest, char separator, int lo, int hi, out int value)
    {
        value = 0;
        if (rest.Length < 3 || rest[0] != separator || !TryDigits(rest.Slice(1, 2), out var v) || v < lo || v > hi)
        {
            return false;
        }

        value = (int)v;
        rest = rest[3..];
        return true;
    }

    private static bool TryZone(ReadOnlySpan<char> zone, out Offset? offset)
    {
        offset = null;
        if (zone is "Z")
        {
            offset = Offset.Zero;
            return true;
        }

        if (zone.Length is not (3 or 6) || zone[0] is not ('+' or '-') || !TryDigits(zone.Slice(1, 2), out var hours) || hours > 23)
        {
            return false;
        }

        long minutes = 0;
        if (zone.Length == 6 && (zone[3] != ':' || !TryDigits(zone.Slice(4, 2), out minutes) || minutes > 59))
        {
            return false;
        }

        var total = (int)((hours * 3600) + (minutes * 60));
        offset = Offset.FromSeconds(zone[0] == '-' ? -total : total);
        return true;
    }

    private static int DaysIn(int year, int month) => CalendarSystem.Iso.GetDaysInMonth(year, month);

    private struct IntervalParts
    {
        public long Years;
        public long Months;
        public long Days;
        public long Hours;
        public long Minutes;
        public long Seconds;
        public int Hundredths;
    }
}
