using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Cli.Infrastructure;

/// <summary>Parses the <c>--now</c> (and similar) options every command shares, with one clear error, and formats instants as the reports print them.</summary>
internal static class CliTime
{
    /// <summary>Formats an instant as the reports print it: ISO 8601 in UTC to the second (<c>2026-11-24T10:00:00Z</c>).</summary>
    public static string Format(Instant instant) => instant.ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an instant: an ISO 8601 instant (<c>2026-03-01T09:00:00Z</c>), an offset date-time
    /// (<c>2026-03-01T10:00:00+01:00</c>), a date (start of that day in <paramref name="zone"/>), or, when
    /// <paramref name="allowUnixSeconds"/>, whole unix seconds. <see langword="null"/> means the system clock's now.
    /// </summary>
    public static Instant ParseInstant(string? text, DateTimeZone? zone = null, bool allowUnixSeconds = false, string option = "--now")
    {
        if (text is null)
        {
            return SystemClock.Instance.GetCurrentInstant();
        }

        if (allowUnixSeconds && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            // The range NodaTime's Instant and ISO 8601 years 0001–9999 share.
            return seconds is < -62_135_596_800L or > 253_402_300_799L
                ? throw new CliException($"{option} is out of range.")
                : Instant.FromUnixTimeSeconds(seconds);
        }

        var instant = InstantPattern.ExtendedIso.Parse(text);
        if (instant.Success)
        {
            return instant.Value;
        }

        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (offset.Success)
        {
            return offset.Value.ToInstant();
        }

        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            return (zone ?? DateTimeZone.Utc).AtStartOfDay(date.Value).ToInstant();
        }

        var forms = allowUnixSeconds ? "unix seconds, an ISO 8601 instant (2026-03-01T09:00:00Z)" : "an ISO 8601 instant (2026-03-01T09:00:00Z)";
        throw new CliException($"{option} '{text}' is not {forms} or date (2026-03-01).");
    }
}
