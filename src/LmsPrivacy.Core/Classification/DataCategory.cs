using System.Text.Json.Serialization;
using LmsPrivacy.Serialization;

namespace LmsPrivacy.Classification;

/// <summary>What a piece of learning-platform data is, for GDPR purposes.</summary>
/// <remarks>
/// The wire names (JSON, CLI) are the kebab-case codes given by <see cref="DataCategories.ToCode"/>.
/// Every category except <see cref="Technical"/> is personal data when it relates to an identifiable learner
/// (GDPR Art. 4(1)); pseudonymous data is still personal data (Recital 26).
/// </remarks>
[JsonConverter(typeof(StrictJsonStringEnumConverter<DataCategory>))]
public enum DataCategory
{
    /// <summary>Identifies a person on its own: name, e-mail address, institutional id, picture (Art. 4(1)).</summary>
    [JsonStringEnumMemberName("direct-identifier")]
    DirectIdentifier = 0,

    /// <summary>An identifier that needs additional information held separately to name the person (Art. 4(5)).</summary>
    [JsonStringEnumMemberName("pseudonymous-identifier")]
    PseudonymousIdentifier = 1,

    /// <summary>Context that can single a person out when combined: course, group, role, locale, time zone (Recital 26).</summary>
    [JsonStringEnumMemberName("quasi-identifier")]
    QuasiIdentifier = 2,

    /// <summary>What a learner did and when: tracking, timing, navigation, attempts (Art. 4(4) profiling input).</summary>
    [JsonStringEnumMemberName("behavioural")]
    Behavioural = 3,

    /// <summary>Scores, grades, success and completion status, feedback on a learner's work.</summary>
    [JsonStringEnumMemberName("assessment-result")]
    AssessmentResult = 4,

    /// <summary>Free text or files the learner wrote; may contain anything, including special categories.</summary>
    [JsonStringEnumMemberName("learner-content")]
    LearnerContent = 5,

    /// <summary>A learner's preferences: language, audio level, delivery speed, captioning.</summary>
    [JsonStringEnumMemberName("preference")]
    Preference = 6,

    /// <summary>Special categories of personal data: health, disability, religion, ethnicity and the rest of Art. 9(1).</summary>
    [JsonStringEnumMemberName("special-category")]
    SpecialCategory = 7,

    /// <summary>Data about another person than the learner: a mentor, an instructor, the user a launch is for.</summary>
    [JsonStringEnumMemberName("third-party")]
    ThirdParty = 8,

    /// <summary>Technical data that does not relate to a person: versions, content ids, configuration.</summary>
    [JsonStringEnumMemberName("technical")]
    Technical = 9,
}
