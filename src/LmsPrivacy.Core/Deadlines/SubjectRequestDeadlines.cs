using System.Globalization;
using System.Text;
using LmsPrivacy.Findings;
using NodaTime;

namespace LmsPrivacy.Deadlines;

/// <summary>
/// Due dates for data-subject requests (Arts. 15–22 GDPR): one month from receipt, extendable by two further months
/// (Art. 12(3)), counted per Regulation (EEC, Euratom) No 1182/71 (EU profile) or as the ICO counts (UK profile).
/// </summary>
/// <remarks>
/// <para>EU: the day of receipt is not counted; the month ends on the same date of the next month, or on its last day when
/// that date does not exist (31 January → 28/29 February); an end on a Saturday, Sunday or public holiday moves to the next
/// working day.</para>
/// <para>UK: the ICO counts the day of receipt as day one and runs to the corresponding calendar date in the next month (the
/// last day of that month when there is none); weekends and bank holidays move it to the next working day. Both readings
/// give the same calendar date; the profiles differ in wording, legal basis and the holiday calendars allowed.</para>
/// <para>Extension: the two further months are counted from the unmoved end of the first month with the same arithmetic,
/// then moved to a working day. This is the cautious reading: counting three months from receipt can give up to three days
/// more (31 January → 30 April instead of 28 April).</para>
/// </remarks>
public static class SubjectRequestDeadlines
{
    /// <summary>The source cited for UK counting rules.</summary>
    private const string IcoGuidance = "ICO guidance on the right of access (UK GDPR Art. 12(3)): time limits";

    /// <summary>The earliest year of receipt accepted.</summary>
    public const int MinReceivedYear = 1600;

    /// <summary>The latest year of receipt accepted.</summary>
    public const int MaxReceivedYear = 9990;

    /// <summary>Computes the due date with a built-in holiday calendar.</summary>
    /// <param name="received">The day the request was received (in the controller's local calendar).</param>
    /// <param name="profile">EU (Regulation 1182/71) or UK (ICO) counting.</param>
    /// <param name="country">
    /// An EU/EEA country code for the EU profile, a UK code (<c>GB</c>, <c>GB-SCT</c>, <c>GB-NIR</c>) for the UK profile, or
    /// <see langword="null"/> to consider Saturdays and Sundays only (reported as a finding).
    /// </param>
    /// <param name="extended">Whether the two-month extension applies.</param>
    /// <returns>The due date, the extension-notice date, the reason in words and findings.</returns>
    /// <exception cref="ArgumentException">The country is unknown or does not fit the profile (UK codes need the UK profile and vice versa).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="received"/> is outside the supported years, or <paramref name="profile"/> is undefined.</exception>
    public static SubjectRequestDeadline Compute(LocalDate received, DeadlineProfile profile = DeadlineProfile.Eu, string? country = null, bool extended = false)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return ComputeWithCalendar(received, profile, null, extended);
        }

        return ComputeWithCalendar(received, profile, HolidayCalendars.Get(country), extended);
    }

    /// <summary>Computes the due date with any holiday calendar (for regional or institutional holidays).</summary>
    /// <param name="received">The day the request was received.</param>
    /// <param name="profile">EU (Regulation 1182/71) or UK (ICO) counting.</param>
    /// <param name="calendar">The holiday calendar, or <see langword="null"/> for Saturdays and Sundays only.</param>
    /// <param name="extended">Whether the two-month extension applies.</param>
    /// <returns>The due date, the extension-notice date, the reason in words and findings.</returns>
    /// <exception cref="ArgumentException">The calendar's code does not fit the profile.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="received"/> is outside the supported years, or <paramref name="profile"/> is undefined.</exception>
    public static SubjectRequestDeadline ComputeWithCalendar(LocalDate received, DeadlineProfile profile, IHolidayCalendar? calendar, bool extended)
    {
        if (received.Year is < MinReceivedYear or > MaxReceivedYear)
        {
            throw new ArgumentOutOfRangeException(nameof(received), received, $"The day of receipt must fall in the years {MinReceivedYear} to {MaxReceivedYear}.");
        }

        if (profile is not (DeadlineProfile.Eu or DeadlineProfile.Uk))
        {
            throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown deadline profile.");
        }

        CheckProfileFits(profile, calendar);
        var effective = calendar ?? HolidayCalendars.WeekendsOnly;
        var findings = new List<Finding>();
        var reason = new StringBuilder();
        var uk = profile == DeadlineProfile.Uk;

        // First month.
        var firstEnd = received.PlusMonths(1);
        reason.Append(uk
            ? $"Art. 12(3) UK GDPR: one month from receipt, counted as the ICO's guidance says. The day of receipt ({Show(received)}) is day one and the period runs to the corresponding calendar date in the next month"
            : $"Art. 12(3) GDPR: one month from receipt, counted per Regulation 1182/71. The day of receipt ({Show(received)}) is not counted (Art. 3(1)); the month ends on the same date of the following month");
        var firstClamped = firstEnd.Day != received.Day;
        AppendMonthEnd(reason, received, firstEnd, firstClamped, uk);
        if (firstClamped)
        {
            findings.Add(ForProfile(DeadlineRules.MonthEnd.At(extended ? "$.extensionNoticeDue" : "$.due", $"The following month has no day {received.Day}, so the month ends on its last day, {Show(firstEnd)}."), uk));
        }

        var firstDue = Roll(firstEnd, effective, calendar, uk, reason, findings, extended ? "$.extensionNoticeDue" : "$.due");
        var due = firstDue;

        if (extended)
        {
            var finalEnd = firstEnd.PlusMonths(2);
            reason.Append(CultureInfo.InvariantCulture, $" Extended by two further months (Art. 12(3){(uk ? " UK GDPR" : string.Empty)}), counted from the end of the first month ({Show(firstEnd)}) with the same arithmetic");
            var finalClamped = finalEnd.Day != firstEnd.Day;
            AppendMonthEnd(reason, firstEnd, finalEnd, finalClamped, uk);
            if (finalClamped)
            {
                findings.Add(ForProfile(DeadlineRules.MonthEnd.At("$.due", $"The final month has no day {firstEnd.Day}, so the extension ends on its last day, {Show(finalEnd)}."), uk));
            }

            due = Roll(finalEnd, effective, calendar, uk, reason, findings, "$.due");
            reason.Append(CultureInfo.InvariantCulture, $" The data subject must be told of the extension, with the reasons, by {Show(firstDue)}.");
            findings.Add(DeadlineRules.ExtensionNotice.At("$.extensionNoticeDue", $"Tell the data subject of the extension and its reasons by {Show(firstDue)}."));
        }

        if (calendar is null)
        {
            reason.Append(" Only Saturdays and Sundays were treated as non-working days: no country was given.");
            findings.Add(DeadlineRules.WeekendsOnly.At("$.country", "No country given: only Saturdays and Sundays were considered; give a country to apply its public holidays."));
        }
        else if (calendar is HolidayCalendar builtIn)
        {
            foreach (var year in new[] { firstEnd.Year, due.Year }.Distinct())
            {
                if (year < HolidayCalendars.CoveredFromYear || year > HolidayCalendars.CoveredThroughYear)
                {
                    findings.Add(DeadlineRules.UnverifiedYear.At("$.due", $"The {builtIn.Code} holiday data was checked for {HolidayCalendars.CoveredFromYear}–{HolidayCalendars.CoveredThroughYear}; check the official list of public holidays for {year}."));
                }
            }
        }

        return new SubjectRequestDeadline
        {
            Received = received,
            Profile = profile,
            Country = calendar?.Code,
            Extended = extended,
            Due = due,
            ExtensionNoticeDue = firstDue,
            Reason = reason.ToString(),
            Findings = findings.AsReadOnly(),
        };
    }

    internal static string Show(LocalDate date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.DayOfWeek} {date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture)}");

    /// <summary>Under the UK profile the counting rule comes from the ICO's guidance, not from Regulation 1182/71.</summary>
    private static Finding ForProfile(Finding finding, bool uk) =>
        uk ? finding with { Source = IcoGuidance } : finding;

    private static void CheckProfileFits(DeadlineProfile profile, IHolidayCalendar? calendar)
    {
        if (calendar is null)
        {
            return;
        }

        var isUk = HolidayCalendars.IsUnitedKingdomCode(calendar.Code);
        if (profile == DeadlineProfile.Eu && isUk)
        {
            throw new ArgumentException($"'{calendar.Code}' is a UK calendar; use the UK profile for UK requests.", nameof(calendar));
        }

        if (profile == DeadlineProfile.Uk && !isUk && HolidayCalendars.TryGet(calendar.Code, out _))
        {
            throw new ArgumentException($"'{calendar.Code}' is an EU/EEA calendar; the UK profile takes GB, GB-SCT or GB-NIR.", nameof(calendar));
        }
    }

    private static void AppendMonthEnd(StringBuilder reason, LocalDate from, LocalDate end, bool clamped, bool uk)
    {
        if (!clamped)
        {
            reason.Append(uk ? $", {Show(end)}." : $", {Show(end)} (Art. 3(2)(c)).");
        }
        else
        {
            reason.Append(uk
                ? $"; that month has no day {from.Day}, so the ICO's guidance gives its last day, {Show(end)}."
                : $"; that month has no day {from.Day}, so the period ends on its last day, {Show(end)} (Art. 3(2)(c)).");
        }
    }

    private static LocalDate Roll(
        LocalDate end, IHolidayCalendar effective, IHolidayCalendar? named, bool uk, StringBuilder reason, List<Finding> findings, string path)
    {
        var skipped = new List<string>();
        var candidate = end;
        for (var guard = 0; guard <= 366 && !WorkingDays.IsWorkingDay(candidate, effective); guard++)
        {
            var holiday = WorkingDays.FindHoliday(effective, candidate);
            skipped.Add(holiday is null
                ? Show(candidate)
                : $"{Show(candidate)}, {holiday.Name} (public holiday in {named?.Code})");
            candidate = candidate.PlusDays(1);
        }

        if (!WorkingDays.IsWorkingDay(candidate, effective))
        {
            throw new InvalidOperationException($"Holiday calendar '{effective.Code}' has no working day within a year after {Show(end)}.");
        }

        if (skipped.Count == 0)
        {
            reason.Append(CultureInfo.InvariantCulture, $" {Show(end)} is a working day, so the period ends then.");
            return end;
        }

        var rule = uk
            ? "the ICO's guidance gives until the next working day"
            : "the period ends on the next working day (Art. 3(4))";
        reason.Append(CultureInfo.InvariantCulture, $" Not a working day: {string.Join("; ", skipped)}; {rule}, {Show(candidate)}.");
        findings.Add(ForProfile(DeadlineRules.RolledForward.At(path, $"{Show(end)} is not a working day; the period ends on the next working day, {Show(candidate)}."), uk));
        return candidate;
    }
}
