using NodaTime;

namespace LmsPrivacy.Ropa.Records;

/// <summary>A United States organisation's entry on the Data Privacy Framework List (Commission Implementing Decision (EU) 2023/1795).</summary>
/// <remarks>Entries lapse when the annual re-certification is missed, so the date it was last seen on the list matters. Instances are immutable.</remarks>
public sealed record DpfCertification
{
    /// <summary>Gets the date the entry was last seen active on dataprivacyframework.gov.</summary>
    public LocalDate? VerifiedOn { get; init; }

    /// <summary>Gets a value indicating whether the certification covers HR data (employees' data in the employment context).</summary>
    public bool HrData { get; init; }

    /// <summary>Gets a value indicating whether the certification covers non-HR data; <see langword="null"/> (not stated) counts as covered.</summary>
    public bool? NonHrData { get; init; }
}
