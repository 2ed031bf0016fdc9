using LmsPrivacy.Deadlines;
using Microsoft.Extensions.Options;
using NodaTime;

namespace LmsPrivacy.SubjectRequests;

/// <summary>How due dates are counted and how the orchestrator treats slow and failing stores.</summary>
public sealed class SubjectRequestOptions
{
    /// <summary>Gets or sets the counting rules for due dates (default <see cref="DeadlineProfile.Eu"/>: Regulation 1182/71).</summary>
    public DeadlineProfile DeadlineProfile { get; set; } = DeadlineProfile.Eu;

    /// <summary>
    /// Gets or sets whose public holidays move a due date (an EU/EEA code such as <c>DE</c> with the EU profile; <c>GB</c>,
    /// <c>GB-SCT</c> or <c>GB-NIR</c> with the UK profile). <see langword="null"/> (default) considers Saturdays and Sundays only.
    /// </summary>
    public string? DeadlineCountry { get; set; }

    /// <summary>Gets or sets the IANA time zone in which the receipt date is read (default <c>UTC</c>).</summary>
    public string DeadlineTimeZone { get; set; } = "UTC";

    /// <summary>Gets or sets how long one attempt on one store may take before it is abandoned (default 5 minutes).</summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets how many attempts each store gets per run (default 3; at least 1).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Gets or sets the wait before the second attempt (default 1 second; zero for none).</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the factor applied to the wait after each failed attempt (default 2; at least 1).</summary>
    public double BackoffMultiplier { get; set; } = 2;

    /// <summary>Gets or sets the longest wait between attempts (default 1 minute).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Gets or sets the folder for per-store temporary files during an export (default: the system temp folder).</summary>
    public string? TemporaryDirectory { get; set; }

    /// <summary>Returns the wait before attempt <paramref name="attempt"/> + 1.</summary>
    /// <param name="attempt">The attempt that just failed (1-based).</param>
    /// <returns>The backoff, capped at <see cref="MaxBackoff"/>.</returns>
    public TimeSpan BackoffAfter(int attempt)
    {
        var ticks = InitialBackoff.Ticks * Math.Pow(BackoffMultiplier, Math.Max(0, attempt - 1));
        return ticks >= MaxBackoff.Ticks ? MaxBackoff : TimeSpan.FromTicks((long)ticks);
    }
}

/// <summary>Validates <see cref="SubjectRequestOptions"/> without reflection.</summary>
internal sealed class SubjectRequestOptionsValidator : IValidateOptions<SubjectRequestOptions>
{
    public ValidateOptionsResult Validate(string? name, SubjectRequestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.DeadlineProfile is not (DeadlineProfile.Eu or DeadlineProfile.Uk))
        {
            builder.AddError("DeadlineProfile must be Eu or Uk.", nameof(options.DeadlineProfile));
        }
        else if (HolidayCalendars.TryGet(options.DeadlineCountry, out var calendar)
            && HolidayCalendars.IsUnitedKingdomCode(calendar.Code) != (options.DeadlineProfile == DeadlineProfile.Uk))
        {
            builder.AddError("DeadlineCountry does not fit DeadlineProfile: UK calendars (GB, GB-SCT, GB-NIR) need the Uk profile, EU/EEA calendars the Eu profile.", nameof(options.DeadlineCountry));
        }

        if (options.DeadlineTimeZone is null || DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.DeadlineTimeZone) is null)
        {
            builder.AddError("DeadlineTimeZone must be an IANA time zone id such as Europe/Berlin or UTC.", nameof(options.DeadlineTimeZone));
        }

        if (options.StoreTimeout <= TimeSpan.Zero)
        {
            builder.AddError("StoreTimeout must be positive.", nameof(options.StoreTimeout));
        }

        if (options.MaxAttempts < 1)
        {
            builder.AddError("MaxAttempts must be at least 1.", nameof(options.MaxAttempts));
        }

        if (options.InitialBackoff < TimeSpan.Zero || options.MaxBackoff < TimeSpan.Zero)
        {
            builder.AddError("Backoff durations cannot be negative.", nameof(options.InitialBackoff));
        }

        if (!(options.BackoffMultiplier >= 1) || double.IsInfinity(options.BackoffMultiplier))
        {
            builder.AddError("BackoffMultiplier must be a finite number of at least 1.", nameof(options.BackoffMultiplier));
        }

        return builder.Build();
    }

    public static void ThrowIfInvalid(SubjectRequestOptions options)
    {
        var result = new SubjectRequestOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }
}
