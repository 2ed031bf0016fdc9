using LmsPrivacy.Legal;

namespace LmsPrivacy.Ropa.Records;

/// <summary>One purpose of an activity with the lawful basis it rests on (Art. 5(1)(b), 6(1), 30(1)(b)).</summary>
/// <remarks>Instances are immutable.</remarks>
public sealed record Purpose
{
    /// <summary>Gets the purpose in plain words.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the Art. 6(1) lawful basis; not used in a processor record.</summary>
    public LawfulBasis? LawfulBasis { get; init; }

    /// <summary>Gets the legitimate interest pursued, when the basis is Art. 6(1)(f) (Art. 13(1)(d)).</summary>
    public string? LegitimateInterest { get; init; }

    /// <summary>Gets a value indicating whether taking part is mandatory for the data subject (compulsory training, assessment).</summary>
    public bool Mandatory { get; init; }

    /// <summary>Gets a W3C DPV purpose term such as <c>dpv:ServiceProvision</c>, used by the JSON-LD export.</summary>
    public string? Dpv { get; init; }
}
