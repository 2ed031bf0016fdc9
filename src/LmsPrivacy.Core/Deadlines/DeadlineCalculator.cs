using NodaTime;

namespace LmsPrivacy.Deadlines;

/// <summary>
/// The deadline calculators behind one service, resolving country codes through an <see cref="IHolidayCalendarProvider"/>
/// (the built-in calendars unless the host registers its own provider). Registered by <c>AddLmsPrivacyCore</c>.
/// </summary>
public sealed class DeadlineCalculator
{
    /// <summary>Initializes a calculator over the built-in holiday calendars.</summary>
    public DeadlineCalculator()
        : this(null)
    {
    }

    /// <summary>Initializes a calculator over a host's holiday calendars.</summary>
    /// <param name="calendars">The provider to resolve country codes with, or <see langword="null"/> for <see cref="HolidayCalendars.Provider"/>.</param>
    public DeadlineCalculator(IHolidayCalendarProvider? calendars) => Calendars = calendars ?? HolidayCalendars.Provider;

    /// <summary>Gets the provider country codes are resolved with.</summary>
    public IHolidayCalendarProvider Calendars { get; }

    /// <summary>Computes a subject request's due date (see <see cref="SubjectRequestDeadlines"/>).</summary>
    /// <param name="received">The day the request was received.</param>
    /// <param name="profile">EU (Regulation 1182/71) or UK (ICO) counting.</param>
    /// <param name="country">A calendar code known to <see cref="Calendars"/>, or <see langword="null"/> for weekends only.</param>
    /// <param name="extended">Whether the two-month extension applies.</param>
    /// <returns>The due date, extension-notice date, reason and findings.</returns>
    /// <exception cref="ArgumentException">The country is unknown or does not fit the profile.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="received"/> is outside the supported years.</exception>
    public SubjectRequestDeadline SubjectRequest(LocalDate received, DeadlineProfile profile = DeadlineProfile.Eu, string? country = null, bool extended = false)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return SubjectRequestDeadlines.ComputeWithCalendar(received, profile, null, extended);
        }

        return Calendars.TryGetCalendar(country.Trim(), out var calendar)
            ? SubjectRequestDeadlines.ComputeWithCalendar(received, profile, calendar, extended)
            : throw new ArgumentException($"No holiday calendar for '{country}'.", nameof(country));
    }

    /// <summary>Computes the controller's 72-hour deadline to notify the supervisory authority (Art. 33(1)).</summary>
    /// <param name="awareAt">When the controller became aware of the breach.</param>
    /// <returns>The deadline, reason and findings.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance member so the DI-registered service offers the whole deadline API.")]
    public BreachDeadline Breach(Instant awareAt) => BreachDeadlines.Compute(awareAt);

    /// <summary>Computes a processor's deadline to notify the controller (Art. 33(2)).</summary>
    /// <param name="awareAt">When the processor became aware of the breach.</param>
    /// <param name="window">The notice window.</param>
    /// <returns>The deadline, reason and findings.</returns>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance member so the DI-registered service offers the whole deadline API.")]
    public ProcessorNoticeDeadline ProcessorNotice(Instant awareAt, ProcessorNoticeWindow window) => BreachDeadlines.ComputeProcessorNotice(awareAt, window);
}
