using NodaTime;

namespace LmsPrivacy.Ropa.Countries;

/// <summary>The JSON shape of <c>country-data.json</c>.</summary>
internal sealed record CountryDataDocument
{
    public LocalDate? CheckedOn { get; init; }

    public string? Note { get; init; }

    public IReadOnlyList<string> Eea { get; init => field = value ?? []; } = [];

    public IReadOnlyList<AdequacyDecision> Adequacy { get; init => field = value ?? []; } = [];

    public IReadOnlyList<DigitalConsentAge> DigitalConsentAge { get; init => field = value ?? []; } = [];
}
