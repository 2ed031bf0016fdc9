using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LmsPrivacy.Ropa.Serialization;
using NodaTime;

namespace LmsPrivacy.Ropa.Countries;

/// <summary>
/// Country facts the checks rest on, kept as data: EEA members, the Commission's adequacy decisions in force, and the
/// member states' ages of digital consent (Art. 8), with the date the data were last checked.
/// </summary>
/// <remarks>
/// <see cref="Default"/> is read from the <c>country-data.json</c> file embedded in this assembly; a host can load an
/// updated copy with <see cref="Parse(ReadOnlySpan{byte})"/> and pass it to <see cref="RopaChecker"/>. Instances are immutable.
/// </remarks>
public sealed class CountryData
{
    private static readonly Lazy<CountryData> LazyDefault = new(LoadDefault);
    private readonly FrozenSet<string> _eea;
    private readonly FrozenDictionary<string, AdequacyDecision> _adequacy;
    private readonly FrozenDictionary<string, DigitalConsentAge> _ages;

    /// <summary>Initializes country data from its parts.</summary>
    /// <param name="checkedOn">The date the data were last checked against their sources.</param>
    /// <param name="eea">The ISO 3166-1 alpha-2 codes of the EEA states.</param>
    /// <param name="adequacy">The adequacy decisions.</param>
    /// <param name="digitalConsentAges">The Art. 8 ages of digital consent.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public CountryData(LocalDate checkedOn, IEnumerable<string> eea, IEnumerable<AdequacyDecision> adequacy, IEnumerable<DigitalConsentAge> digitalConsentAges)
    {
        ArgumentNullException.ThrowIfNull(eea);
        ArgumentNullException.ThrowIfNull(adequacy);
        ArgumentNullException.ThrowIfNull(digitalConsentAges);
        CheckedOn = checkedOn;
        _eea = eea.Select(Normalize).ToFrozenSet(StringComparer.Ordinal);
        _adequacy = adequacy.ToFrozenDictionary(a => Normalize(a.Country), StringComparer.Ordinal);
        _ages = digitalConsentAges.ToFrozenDictionary(a => Normalize(a.Country), StringComparer.Ordinal);
    }

    /// <summary>Gets the data shipped with this version of the package.</summary>
    public static CountryData Default => LazyDefault.Value;

    /// <summary>Gets the date the data were last checked against their sources.</summary>
    public LocalDate CheckedOn { get; }

    /// <summary>Gets the EEA states' codes.</summary>
    public IReadOnlySet<string> EeaCountries => _eea;

    /// <summary>Gets the adequacy decisions, by country code.</summary>
    public IReadOnlyDictionary<string, AdequacyDecision> AdequacyDecisions => _adequacy;

    /// <summary>Gets the ages of digital consent, by country code.</summary>
    public IReadOnlyDictionary<string, DigitalConsentAge> DigitalConsentAges => _ages;

    /// <summary>Returns whether a country is in the EEA (transfers to it are not Chapter V transfers).</summary>
    /// <param name="country">An ISO 3166-1 alpha-2 code, any case.</param>
    /// <returns><see langword="true"/> for the 27 EU states, Iceland, Liechtenstein and Norway.</returns>
    public bool IsEea(string country)
    {
        ArgumentNullException.ThrowIfNull(country);
        return _eea.Contains(Normalize(country));
    }

    /// <summary>Finds the adequacy decision for a country that is in force on a date.</summary>
    /// <param name="country">An ISO 3166-1 alpha-2 code, any case.</param>
    /// <param name="on">The date of the transfer.</param>
    /// <param name="decision">The decision, when one is in force.</param>
    /// <returns><see langword="true"/> when a decision is in force on <paramref name="on"/>.</returns>
    public bool TryGetAdequacy(string country, LocalDate on, [NotNullWhen(true)] out AdequacyDecision? decision)
    {
        ArgumentNullException.ThrowIfNull(country);
        if (_adequacy.TryGetValue(Normalize(country), out decision) && decision.IsInForce(on))
        {
            return true;
        }

        decision = null;
        return false;
    }

    /// <summary>Returns the age of digital consent in a member state, if known.</summary>
    /// <param name="country">An ISO 3166-1 alpha-2 code, any case.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    public DigitalConsentAge? GetDigitalConsentAge(string country)
    {
        ArgumentNullException.ThrowIfNull(country);
        return _ages.GetValueOrDefault(Normalize(country));
    }

    /// <summary>Reads country data from UTF-8 JSON shaped like the embedded <c>country-data.json</c>.</summary>
    /// <param name="utf8Json">The JSON document.</param>
    /// <returns>The country data.</returns>
    /// <exception cref="FormatException">The document is not valid country data.</exception>
    public static CountryData Parse(ReadOnlySpan<byte> utf8Json)
    {
        CountryDataDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(utf8Json, RopaJsonContext.Default.CountryDataDocument);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Country data is not valid: {RopaJson.Describe(ex, RopaJsonContext.Default.CountryDataDocument)}", ex);
        }

        if (document?.CheckedOn is not { } checkedOn)
        {
            throw new FormatException("Country data must have a 'checkedOn' date.");
        }

        return new CountryData(checkedOn, document.Eea, document.Adequacy, document.DigitalConsentAge);
    }

    private static CountryData LoadDefault()
    {
        using var stream = typeof(CountryData).Assembly.GetManifestResourceStream("LmsPrivacy.Ropa.Countries.country-data.json")
            ?? throw new InvalidOperationException("The embedded country data is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray());
    }

    // The EU's own codes for Greece (EL) and the United Kingdom (UK) are not ISO 3166-1 but common in contracts and
    // sub-processor lists; they name the same states as GR and GB.
    private static string Normalize(string country) => country.Trim().ToUpperInvariant() switch
    {
        "EL" => "GR",
        "UK" => "GB",
        var code => code,
    };
}
