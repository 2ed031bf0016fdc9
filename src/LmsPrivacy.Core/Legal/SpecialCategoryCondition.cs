using System.Text.Json.Serialization;
using LmsPrivacy.Serialization;

namespace LmsPrivacy.Legal;

/// <summary>The conditions under which special-category data may be processed, GDPR Art. 9(2)(a)–(j).</summary>
[JsonConverter(typeof(StrictJsonStringEnumConverter<SpecialCategoryCondition>))]
public enum SpecialCategoryCondition
{
    /// <summary>Art. 9(2)(a): explicit consent.</summary>
    [JsonStringEnumMemberName("explicit-consent")]
    ExplicitConsent = 0,

    /// <summary>Art. 9(2)(b): employment, social security and social protection law.</summary>
    [JsonStringEnumMemberName("employment-social-security")]
    EmploymentSocialSecurity = 1,

    /// <summary>Art. 9(2)(c): vital interests where the subject cannot consent.</summary>
    [JsonStringEnumMemberName("vital-interests")]
    VitalInterests = 2,

    /// <summary>Art. 9(2)(d): a not-for-profit body's legitimate activities, about its members.</summary>
    [JsonStringEnumMemberName("not-for-profit-body")]
    NotForProfitBody = 3,

    /// <summary>Art. 9(2)(e): data manifestly made public by the data subject.</summary>
    [JsonStringEnumMemberName("made-public")]
    ManifestlyMadePublic = 4,

    /// <summary>Art. 9(2)(f): legal claims or courts acting in their judicial capacity.</summary>
    [JsonStringEnumMemberName("legal-claims")]
    LegalClaims = 5,

    /// <summary>Art. 9(2)(g): substantial public interest on the basis of Union or member-state law.</summary>
    [JsonStringEnumMemberName("substantial-public-interest")]
    SubstantialPublicInterest = 6,

    /// <summary>Art. 9(2)(h): preventive or occupational medicine, health or social care.</summary>
    [JsonStringEnumMemberName("health-social-care")]
    HealthOrSocialCare = 7,

    /// <summary>Art. 9(2)(i): public interest in the area of public health.</summary>
    [JsonStringEnumMemberName("public-health")]
    PublicHealth = 8,

    /// <summary>Art. 9(2)(j): archiving in the public interest, scientific or historical research, statistics.</summary>
    [JsonStringEnumMemberName("archiving-research-statistics")]
    ArchivingResearchStatistics = 9,
}
