using System.Text.Json.Serialization;
using LmsPrivacy.Serialization;

namespace LmsPrivacy.Ropa.Records;

/// <summary>The legal ground for a transfer of personal data outside the EEA (GDPR Chapter V).</summary>
[JsonConverter(typeof(StrictJsonStringEnumConverter<TransferMechanism>))]
public enum TransferMechanism
{
    /// <summary>An adequacy decision for the destination (Art. 45).</summary>
    [JsonStringEnumMemberName("adequacy")]
    Adequacy = 0,

    /// <summary>The recipient's EU–US Data Privacy Framework certification (Art. 45, Decision (EU) 2023/1795).</summary>
    [JsonStringEnumMemberName("dpf")]
    Dpf = 1,

    /// <summary>Standard contractual clauses of Decision (EU) 2021/914 (Art. 46(2)(c)).</summary>
    [JsonStringEnumMemberName("scc")]
    Scc = 2,

    /// <summary>Binding corporate rules (Art. 46(2)(b), 47).</summary>
    [JsonStringEnumMemberName("bcr")]
    BindingCorporateRules = 3,

    /// <summary>Contractual clauses authorised by a supervisory authority (Art. 46(3)(a)).</summary>
    [JsonStringEnumMemberName("ad-hoc-clauses")]
    AdHocClauses = 4,

    /// <summary>An approved code of conduct with binding commitments (Art. 46(2)(e)).</summary>
    [JsonStringEnumMemberName("code-of-conduct")]
    CodeOfConduct = 5,

    /// <summary>An approved certification mechanism with binding commitments (Art. 46(2)(f)).</summary>
    [JsonStringEnumMemberName("certification")]
    Certification = 6,

    /// <summary>A derogation for a specific situation (Art. 49), for occasional transfers only.</summary>
    [JsonStringEnumMemberName("derogation")]
    Derogation = 7,
}
