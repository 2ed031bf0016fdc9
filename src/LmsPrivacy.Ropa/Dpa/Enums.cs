using System.Text.Json.Serialization;
using LmsPrivacy.Serialization;

namespace LmsPrivacy.Ropa.Dpa;

/// <summary>The kind of prior written authorisation for sub-processors (Art. 28(2)).</summary>
[JsonConverter(typeof(StrictJsonStringEnumConverter<SubProcessorAuthorisation>))]
public enum SubProcessorAuthorisation
{
    /// <summary>The contract is silent or lets the processor engage sub-processors freely.</summary>
    [JsonStringEnumMemberName("none")]
    None = 0,

    /// <summary>Each sub-processor needs the controller's prior specific written authorisation.</summary>
    [JsonStringEnumMemberName("specific")]
    Specific = 1,

    /// <summary>General written authorisation, with notice of changes and a chance to object.</summary>
    [JsonStringEnumMemberName("general")]
    General = 2,
}

/// <summary>What happens to the personal data when the services end (Art. 28(3)(g)).</summary>
[JsonConverter(typeof(StrictJsonStringEnumConverter<EndOfContractChoice>))]
public enum EndOfContractChoice
{
    /// <summary>The contract is silent.</summary>
    [JsonStringEnumMemberName("none")]
    None = 0,

    /// <summary>The controller chooses deletion or return.</summary>
    [JsonStringEnumMemberName("delete-or-return")]
    DeleteOrReturn = 1,

    /// <summary>Deletion only, without the controller's choice of return.</summary>
    [JsonStringEnumMemberName("delete")]
    Delete = 2,

    /// <summary>Return only, without deletion of the copies.</summary>
    [JsonStringEnumMemberName("return")]
    Return = 3,
}

/// <summary>How far a contract meets one Art. 28 requirement.</summary>
[JsonConverter(typeof(StrictJsonStringEnumConverter<ClauseStatus>))]
public enum ClauseStatus
{
    /// <summary>The requirement is met in substance.</summary>
    [JsonStringEnumMemberName("met")]
    Met = 0,

    /// <summary>The clause exists but misses a practical threshold or leaves a loophole.</summary>
    [JsonStringEnumMemberName("weak")]
    Weak = 1,

    /// <summary>The contract does not deal with the requirement.</summary>
    [JsonStringEnumMemberName("missing")]
    Missing = 2,
}
