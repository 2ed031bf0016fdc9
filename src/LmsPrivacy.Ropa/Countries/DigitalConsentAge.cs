namespace LmsPrivacy.Ropa.Countries;

/// <summary>A member state's age of digital consent under GDPR Art. 8(1): below it, a holder of parental responsibility consents.</summary>
/// <remarks>Instances are immutable.</remarks>
public sealed record DigitalConsentAge
{
    /// <summary>Gets the ISO 3166-1 alpha-2 code of the state.</summary>
    public required string Country { get; init; }

    /// <summary>Gets the age (13 to 16; 16 where the state made no derogation).</summary>
    public int Age { get; init; }

    /// <summary>Gets a value indicating whether the entry was checked against a primary or tracked secondary source.</summary>
    public bool Verified { get; init; }

    /// <summary>Gets a note on national particularities.</summary>
    public string? Note { get; init; }
}
