namespace LmsPrivacy.Ropa;

/// <summary>Practical thresholds for <see cref="RopaChecker"/> and <see cref="Dpa.DpaChecker"/>. None is a number in the GDPR; each is a common contract or review practice.</summary>
public sealed class RopaOptions
{
    /// <summary>Gets or sets the days after which a DPF List check counts as stale (default 365: certifications are renewed yearly).</summary>
    public int DpfVerificationMaxAgeDays { get; set; } = 365;

    /// <summary>Gets or sets the days after which the country data's check date is reported (default 180).</summary>
    public int CountryDataMaxAgeDays { get; set; } = 180;

    /// <summary>Gets or sets the fewest days of notice of a new sub-processor under general authorisation that count as met (default 14).</summary>
    public int MinimumSubProcessorNoticeDays { get; set; } = 14;

    /// <summary>Gets or sets the most hours a processor may take to notify a breach for the clause to count as met (default 48).</summary>
    public int MaximumBreachNotificationHours { get; set; } = 48;

    /// <summary>Gets or sets the most days a processor may take to answer or forward a data-subject request (default 10, within the controller's one month).</summary>
    public int MaximumRightsResponseDays { get; set; } = 10;

    /// <summary>Gets or sets the most days after the end of the services for deletion or return (default 90).</summary>
    public int MaximumEndOfContractDays { get; set; } = 90;
}
