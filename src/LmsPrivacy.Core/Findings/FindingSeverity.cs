using System.Text.Json.Serialization;
using LmsPrivacy.Serialization;

namespace LmsPrivacy.Findings;

/// <summary>How serious a <see cref="Finding"/> is.</summary>
/// <remarks>A report is valid if and only if it has no <see cref="Error"/> finding.</remarks>
[JsonConverter(typeof(StrictJsonStringEnumConverter<FindingSeverity>))]
public enum FindingSeverity
{
    /// <summary>Worth knowing; no action is required.</summary>
    [JsonStringEnumMemberName("info")]
    Info = 0,

    /// <summary>Likely a problem; the input is still usable.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning = 1,

    /// <summary>The input breaks a rule and must not be accepted as it is.</summary>
    [JsonStringEnumMemberName("error")]
    Error = 2,
}
