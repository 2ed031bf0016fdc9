using System.Globalization;
using LmsPrivacy.Findings;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Deadlines;

/// <summary>
/// Breach-notification deadlines: the controller's 72 hours to the supervisory authority (Art. 33(1)) and the processor's
/// notice to the controller (Art. 33(2)). Periods in hours run straight through nights, weekends and public holidays:
/// Regulation 1182/71 Art. 3(4) moves only periods in days, weeks, months or years. The same applies under UK GDPR.
/// </summary>
/// <remarks>
/// The deadline is computed as the exact instant 72 hours after awareness. Regulation 1182/71 Art. 3(1) would start an
/// hour period at the beginning of the hour after the event, which gives up to 59 minutes more; that slack is not used.
/// </remarks>
public static class BreachDeadlines
{
    /// <summary>The controller's period to notify the supervisory authority: 72 hours.</summary>
    public static Duration AuthorityNoticePeriod { get; } = Duration.FromHours(72);

    /// <summary>Computes the controller's deadline to notify the supervisory authority.</summary>
    /// <param name="awareAt">When the controller became aware (a reasonable degree of certainty that personal data were compromised).</param>
    /// <returns>The deadline, the reason in words and findings.</returns>
    public static BreachDeadline Compute(Instant awareAt)
    {
        CheckRange(awareAt, AuthorityNoticePeriod, nameof(awareAt));
        var due = awareAt + AuthorityNoticePeriod;
        var findings = new List<Finding>();
        if (IsWeekendUtc(due))
        {
            findings.Add(DeadlineRules.BreachWeekend.At("$.due", $"The deadline falls on a {due.InUtc().DayOfWeek} (UTC); hour periods are not moved to a working day."));
        }

        var reason =
            $"Art. 33(1) GDPR: notify the supervisory authority without undue delay and, where feasible, within 72 hours of becoming aware ({Show(awareAt)}), that is by {Show(due)}. " +
            "Periods in hours run through nights, weekends and public holidays: Regulation 1182/71 Art. 3(4) moves only periods in days, weeks, months or years. " +
            "A later notification must give the reasons for the delay.";
        return new BreachDeadline { AwareAt = awareAt, Due = due, Reason = reason, Findings = findings.AsReadOnly() };
    }

    /// <summary>Computes the processor's deadline to notify the controller.</summary>
    /// <param name="awareAt">When the processor became aware of the breach.</param>
    /// <param name="window">"Without undue delay" only, or a contractual number of hours.</param>
    /// <returns>The deadline (when the window has hours), the latest end of the controller's 72 hours, the reason and findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="window"/> is <see langword="null"/>.</exception>
    public static ProcessorNoticeDeadline ComputeProcessorNotice(Instant awareAt, ProcessorNoticeWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var findings = new List<Finding>();
        if (window.Limit is not { } limit)
        {
            CheckRange(awareAt, Duration.Zero, nameof(awareAt));
            findings.Add(DeadlineRules.ProcessorWindowUnset.At("$.due", "No contractual notice window: agree a concrete number of hours (24–48 is common) in the data-processing agreement."));
            return new ProcessorNoticeDeadline
            {
                AwareAt = awareAt,
                Window = window,
                Due = null,
                ControllerDueAtLatest = null,
                Reason = $"Art. 33(2) GDPR: the processor notifies the controller without undue delay after becoming aware ({Show(awareAt)}); no contractual hour count is set, so there is no fixed deadline. The controller's 72 hours (Art. 33(1)) run from its own awareness, normally when the processor tells it.",
                Findings = findings.AsReadOnly(),
            };
        }

        CheckRange(awareAt, limit + AuthorityNoticePeriod, nameof(awareAt));
        var due = awareAt + limit;
        var controllerLatest = due + AuthorityNoticePeriod;
        if (limit >= AuthorityNoticePeriod)
        {
            findings.Add(DeadlineRules.ProcessorWindowTooLong.At("$.due", $"A {limit.TotalHours:0}-hour processor window is not prompt; windows of 24–48 hours are common."));
        }

        if (IsWeekendUtc(due))
        {
            findings.Add(DeadlineRules.BreachWeekend.At("$.due", $"The deadline falls on a {due.InUtc().DayOfWeek} (UTC); hour periods are not moved to a working day."));
        }

        var hours = limit.TotalHours.ToString("0", CultureInfo.InvariantCulture);
        return new ProcessorNoticeDeadline
        {
            AwareAt = awareAt,
            Window = window,
            Due = due,
            ControllerDueAtLatest = controllerLatest,
            Reason =
                $"Art. 33(2) GDPR with a contractual window of {hours} hours: the processor notifies the controller by {Show(due)}, {hours} hours after becoming aware ({Show(awareAt)}), running through weekends and holidays. " +
                $"If it notifies only then, the controller's 72 hours (Art. 33(1)) end at the latest at {Show(controllerLatest)}.",
            Findings = findings.AsReadOnly(),
        };
    }

    internal static string Show(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static bool IsWeekendUtc(Instant instant) => WorkingDays.IsWeekend(instant.InUtc().Date);

    private static void CheckRange(Instant awareAt, Duration span, string paramName)
    {
        var max = Instant.FromUtc(9990, 1, 1, 0, 0) - span;
        var min = Instant.FromUtc(1600, 1, 1, 0, 0);
        if (awareAt < min || awareAt > max)
        {
            throw new ArgumentOutOfRangeException(paramName, awareAt, "The moment of awareness must fall in the years 1600 to 9989.");
        }
    }
}
