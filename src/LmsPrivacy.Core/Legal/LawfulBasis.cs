using System.Text.Json.Serialization;
using LmsPrivacy.Serialization;

namespace LmsPrivacy.Legal;

/// <summary>The six lawful bases for processing personal data, GDPR Art. 6(1)(a)–(f).</summary>
[JsonConverter(typeof(StrictJsonStringEnumConverter<LawfulBasis>))]
public enum LawfulBasis
{
    /// <summary>Art. 6(1)(a): the data subject has given consent for one or more specific purposes.</summary>
    [JsonStringEnumMemberName("consent")]
    Consent = 0,

    /// <summary>Art. 6(1)(b): necessary for a contract with the data subject, or steps before entering one.</summary>
    [JsonStringEnumMemberName("contract")]
    Contract = 1,

    /// <summary>Art. 6(1)(c): necessary for a legal obligation of the controller.</summary>
    [JsonStringEnumMemberName("legal-obligation")]
    LegalObligation = 2,

    /// <summary>Art. 6(1)(d): necessary to protect the vital interests of the data subject or another person.</summary>
    [JsonStringEnumMemberName("vital-interests")]
    VitalInterests = 3,

    /// <summary>Art. 6(1)(e): necessary for a task in the public interest or in official authority (e.g. public education).</summary>
    [JsonStringEnumMemberName("public-task")]
    PublicTask = 4,

    /// <summary>Art. 6(1)(f): necessary for legitimate interests, unless overridden by the data subject's rights; not for public authorities' tasks.</summary>
    [JsonStringEnumMemberName("legitimate-interests")]
    LegitimateInterests = 5,
}
