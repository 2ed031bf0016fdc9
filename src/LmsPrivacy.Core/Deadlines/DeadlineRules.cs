using LmsPrivacy.Findings;

namespace LmsPrivacy.Deadlines;

/// <summary>The findings the deadline calculators report; each cites the rule it applies.</summary>
public static class DeadlineRules
{
    /// <summary>The request's date has no counterpart in the final month, so the period ends on that month's last day.</summary>
    public static RuleDescriptor MonthEnd { get; } = new(
        "deadline.dsar.month_end",
        "A month period whose day does not exist in the final month ends on that month's last day.",
        FindingSeverity.Info,
        "Regulation (EEC, Euratom) No 1182/71 Art. 3(2)(c)");

    /// <summary>The period's last day is a Saturday, Sunday or public holiday, so it ends on the next working day.</summary>
    public static RuleDescriptor RolledForward { get; } = new(
        "deadline.dsar.rolled_forward",
        "A period in days, weeks or months that ends on a Saturday, Sunday or public holiday ends on the next working day.",
        FindingSeverity.Info,
        "Regulation (EEC, Euratom) No 1182/71 Art. 3(4)");

    /// <summary>An extended request: the subject must be told of the extension, with reasons, within the first month.</summary>
    public static RuleDescriptor ExtensionNotice { get; } = new(
        "deadline.dsar.extension_notice",
        "When the period is extended by two further months, the data subject must be told, with the reasons, within one month of receipt.",
        FindingSeverity.Info,
        "GDPR Art. 12(3)");

    /// <summary>No holiday calendar was chosen: only Saturdays and Sundays move the deadline.</summary>
    public static RuleDescriptor WeekendsOnly { get; } = new(
        "deadline.calendar.weekends_only",
        "Without a country, public holidays are not considered: the deadline may be a day or two earlier than the law allows.",
        FindingSeverity.Info,
        "Regulation (EEC, Euratom) No 1182/71 Art. 2(1), Art. 3(4)");

    /// <summary>The deadline's year is outside the years the holiday data was checked for.</summary>
    public static RuleDescriptor UnverifiedYear { get; } = new(
        "deadline.calendar.unverified_year",
        "The holiday data was checked for a range of years only; for other years a holiday may have been added or abolished.",
        FindingSeverity.Warning,
        "Regulation (EEC, Euratom) No 1182/71 Art. 2(1)");

    /// <summary>The 72-hour breach deadline falls on a weekend: hour periods are never extended.</summary>
    public static RuleDescriptor BreachWeekend { get; } = new(
        "deadline.breach.weekend",
        "A breach deadline in hours runs through nights, weekends and public holidays and is never moved to a working day.",
        FindingSeverity.Info,
        "GDPR Art. 33(1); Regulation (EEC, Euratom) No 1182/71 Art. 3(4) (days, weeks, months only)");

    /// <summary>The processor has no fixed notice window: only "without undue delay".</summary>
    public static RuleDescriptor ProcessorWindowUnset { get; } = new(
        "deadline.breach.processor_window_unset",
        "The processor must notify the controller without undue delay; without a contractual hour count there is no date to check against.",
        FindingSeverity.Warning,
        "GDPR Art. 33(2), Art. 28(3)(f)");

    /// <summary>The processor's notice window is 72 hours or more, leaving the controller no time of its own.</summary>
    public static RuleDescriptor ProcessorWindowTooLong { get; } = new(
        "deadline.breach.processor_window_too_long",
        "A processor notice window of 72 hours or more is not 'without undue delay' and leaves the controller none of its 72 hours in practice.",
        FindingSeverity.Warning,
        "GDPR Art. 33(2); EDPB Guidelines 9/2022 on personal data breach notification");

    /// <summary>Gets every rule, in catalog order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
        [MonthEnd, RolledForward, ExtensionNotice, WeekendsOnly, UnverifiedYear, BreachWeekend, ProcessorWindowUnset, ProcessorWindowTooLong];
}
