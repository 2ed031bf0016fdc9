using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace LmsPrivacy.Deadlines;

/// <summary>
/// The built-in national public-holiday calendars: every EU member state, Iceland, Liechtenstein and Norway (EEA), and the
/// UK nations for the UK profile. Codes are ISO 3166-1 alpha-2 (<c>EL</c> is accepted for Greece, <c>UK</c> for <c>GB</c>);
/// UK nations use ISO 3166-2 (<c>GB-SCT</c>, <c>GB-NIR</c>; <c>GB</c>, <c>GB-ENG</c> and <c>GB-WLS</c> are England and Wales).
/// </summary>
public static class HolidayCalendars
{
    private static readonly FrozenDictionary<string, HolidayCalendar> ByCode = BuildIndex();

    /// <summary>Gets the date on which the holiday data was last checked against the sources named in each calendar.</summary>
    public static LocalDate DataCheckedOn { get; } = new(2026, 11, 24);

    /// <summary>Gets the first year the data is known to match the law (earlier years may miss abolished holidays).</summary>
    public static int CoveredFromYear => 2024;

    /// <summary>Gets the last year the data is known to match the law (later laws may add or remove days).</summary>
    public static int CoveredThroughYear => 2027;

    /// <summary>Gets the codes of the 30 EU/EEA member states, in alphabetical order.</summary>
    public static IReadOnlyList<string> EuEeaCodes { get; } =
        HolidayData.All.Where(c => !IsUnitedKingdomCode(c.Code)).Select(c => c.Code).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Gets the codes of the UK calendars (<c>GB</c>, <c>GB-NIR</c>, <c>GB-SCT</c>).</summary>
    public static IReadOnlyList<string> UnitedKingdomCodes { get; } =
        HolidayData.All.Where(c => IsUnitedKingdomCode(c.Code)).Select(c => c.Code).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Gets every built-in calendar, EU/EEA first, then the UK nations.</summary>
    public static IReadOnlyList<HolidayCalendar> All { get; } = HolidayData.All;

    /// <summary>Gets a calendar with no public holidays: only Saturdays and Sundays are non-working days.</summary>
    public static IHolidayCalendar WeekendsOnly { get; } = new HolidayCalendar("NONE", "Saturdays and Sundays only", "none", []);

    /// <summary>Gets the built-in calendars as an <see cref="IHolidayCalendarProvider"/>.</summary>
    public static IHolidayCalendarProvider Provider { get; } = new BuiltInProvider();

    /// <summary>Finds a built-in calendar by code or alias, case-insensitively.</summary>
    /// <param name="code">A code such as <c>de</c>, <c>EL</c>, <c>UK</c> or <c>GB-SCT</c>.</param>
    /// <param name="calendar">The calendar when found.</param>
    /// <returns><see langword="true"/> when the code is known.</returns>
    public static bool TryGet(string? code, [NotNullWhen(true)] out HolidayCalendar? calendar)
    {
        calendar = null;
        return code is not null && ByCode.TryGetValue(code.Trim(), out calendar);
    }

    /// <summary>Returns the built-in calendar for a code or alias.</summary>
    /// <param name="code">A code such as <c>FR</c>.</param>
    /// <returns>The calendar.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The code is not a built-in calendar.</exception>
    public static HolidayCalendar Get(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryGet(code, out var calendar)
            ? calendar
            : throw new ArgumentException($"No built-in holiday calendar for '{code}'; known: {string.Join(", ", EuEeaCodes.Concat(UnitedKingdomCodes))}.", nameof(code));
    }

    /// <summary>Returns whether a calendar code names a UK calendar (<c>GB</c>, <c>UK</c> or <c>GB-…</c>).</summary>
    /// <param name="code">The code.</param>
    /// <returns><see langword="true"/> for UK codes.</returns>
    public static bool IsUnitedKingdomCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var trimmed = code.Trim();
        return trimmed.Equals("GB", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("UK", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("GB-", StringComparison.OrdinalIgnoreCase);
    }

    private static FrozenDictionary<string, HolidayCalendar> BuildIndex()
    {
        var index = HolidayData.All.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        index["EL"] = index["GR"];
        index["UK"] = index["GB"];
        index["GB-ENG"] = index["GB"];
        index["GB-WLS"] = index["GB"];
        return index.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private sealed class BuiltInProvider : IHolidayCalendarProvider
    {
        public bool TryGetCalendar(string code, [NotNullWhen(true)] out IHolidayCalendar? calendar)
        {
            var found = TryGet(code, out var builtIn);
            calendar = builtIn;
            return found;
        }
    }
}
