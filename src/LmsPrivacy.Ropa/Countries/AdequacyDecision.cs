using System.Text.Json.Serialization;
using LmsPrivacy.Serialization;
using NodaTime;

namespace LmsPrivacy.Ropa.Countries;

/// <summary>A Commission adequacy decision under GDPR Art. 45 (or its Directive 95/46 predecessor kept in force by Art. 45(9)).</summary>
/// <remarks>Instances are immutable.</remarks>
public sealed record AdequacyDecision
{
    /// <summary>Gets the ISO 3166-1 alpha-2 code of the country or territory.</summary>
    public required string Country { get; init; }

    /// <summary>Gets the country's English name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the decision's reference.</summary>
    public string? Decision { get; init; }

    /// <summary>Gets the first day the decision applies, when it is recent enough to matter.</summary>
    public LocalDate? InForceFrom { get; init; }

    /// <summary>Gets the last day the decision applies, when it has an expiry (the United Kingdom's).</summary>
    public LocalDate? Expires { get; init; }

    /// <summary>Gets how much of the country the decision covers.</summary>
    public AdequacyScope Scope { get; init; }

    /// <summary>Gets what a partial or DPF scope covers, in plain words.</summary>
    public string? ScopeNote { get; init; }

    /// <summary>Gets whether the entry was checked against a primary source; <see langword="null"/> (not stated) counts as checked.</summary>
    public bool? Verified { get; init; }

    /// <summary>Returns whether the decision applies on a date.</summary>
    /// <param name="on">The date.</param>
    /// <returns><see langword="true"/> between <see cref="InForceFrom"/> and <see cref="Expires"/>, inclusive.</returns>
    public bool IsInForce(LocalDate on) => (InForceFrom is not { } from || on >= from) && (Expires is not { } until || on <= until);
}

/// <summary>How much of a country an adequacy decision covers.</summary>
[JsonConverter(typeof(StrictJsonStringEnumConverter<AdequacyScope>))]
public enum AdequacyScope
{
    /// <summary>All recipients in the country.</summary>
    [JsonStringEnumMemberName("full")]
    Full = 0,

    /// <summary>Only recipients within a sector or law (Canada's PIPEDA, Japan's APPI, Korea's PIPA): confirm the recipient is in scope.</summary>
    [JsonStringEnumMemberName("partial")]
    Partial = 1,

    /// <summary>Only organisations certified under the EU–US Data Privacy Framework.</summary>
    [JsonStringEnumMemberName("dpf")]
    DataPrivacyFramework = 2,
}
