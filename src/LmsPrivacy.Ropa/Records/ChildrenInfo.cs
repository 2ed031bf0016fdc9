namespace LmsPrivacy.Ropa.Records;

/// <summary>Children among an activity's data subjects: where they live and whether parental consent is obtained (Art. 8).</summary>
/// <remarks>Instances are immutable.</remarks>
public sealed record ChildrenInfo
{
    /// <summary>Gets the ISO 3166-1 alpha-2 codes of the member states where the children habitually reside.</summary>
    public IReadOnlyList<string> Countries { get; init => field = value ?? []; } = [];

    /// <summary>Gets a value indicating whether consent is given or authorised by the holder of parental responsibility below the national age, with reasonable verification (Art. 8(1)–(2)).</summary>
    public bool ParentalConsent { get; init; }
}
