using LmsPrivacy.Ropa.Records;
using NodaTime;

namespace LmsPrivacy.Ropa.Dpa;

/// <summary>The facts of a controller–processor contract that GDPR Art. 28(3) requires, in structured form.</summary>
/// <remarks>
/// Read it with <see cref="RopaJson.ParseDpa(ReadOnlySpan{byte})"/> and assess it with <see cref="DpaChecker"/>. Each section
/// answers one paragraph of Art. 28(3); a missing section means the contract is silent on it. Instances are immutable.
/// </remarks>
public sealed record DataProcessingAgreement
{
    /// <summary>Gets the JSON Schema the document claims to follow (informational).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Gets the contract's title or reference.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the controller.</summary>
    public Party? Controller { get; init; }

    /// <summary>Gets the processor.</summary>
    public Party? Processor { get; init; }

    /// <summary>Gets the date the contract was signed.</summary>
    public LocalDate? SignedOn { get; init; }

    /// <summary>Gets the subject-matter of the processing (Art. 28(3), first subparagraph).</summary>
    public string? SubjectMatter { get; init; }

    /// <summary>Gets the duration of the processing.</summary>
    public string? Duration { get; init; }

    /// <summary>Gets the nature of the processing (hosting, analytics, support…).</summary>
    public string? Nature { get; init; }

    /// <summary>Gets the purpose of the processing.</summary>
    public string? Purpose { get; init; }

    /// <summary>Gets the types of personal data.</summary>
    public IReadOnlyList<string> DataTypes { get; init => field = value ?? []; } = [];

    /// <summary>Gets the categories of data subjects.</summary>
    public IReadOnlyList<string> DataSubjectCategories { get; init => field = value ?? []; } = [];

    /// <summary>Gets the processing-on-instructions clause (Art. 28(3)(a)).</summary>
    public DpaInstructions? Instructions { get; init; }

    /// <summary>Gets the confidentiality clause (Art. 28(3)(b)).</summary>
    public DpaConfidentiality? Confidentiality { get; init; }

    /// <summary>Gets the security clause (Art. 28(3)(c), 32).</summary>
    public DpaSecurity? Security { get; init; }

    /// <summary>Gets the sub-processor clause (Art. 28(2), 28(3)(d), 28(4)).</summary>
    public DpaSubProcessing? SubProcessors { get; init; }

    /// <summary>Gets the data-subject-rights assistance clause (Art. 28(3)(e)).</summary>
    public DpaRightsAssistance? DataSubjectRights { get; init; }

    /// <summary>Gets the Art. 32–36 assistance clause, including breach notification (Art. 28(3)(f), 33(2)).</summary>
    public DpaComplianceAssistance? Assistance { get; init; }

    /// <summary>Gets the end-of-contract clause (Art. 28(3)(g)).</summary>
    public DpaEndOfContract? EndOfContract { get; init; }

    /// <summary>Gets the audit and information clause (Art. 28(3)(h)).</summary>
    public DpaAudits? Audits { get; init; }
}

/// <summary>Art. 28(3)(a): processing only on documented instructions.</summary>
public sealed record DpaInstructions
{
    /// <summary>Gets a value indicating whether the processor processes only on the controller's documented instructions.</summary>
    public bool DocumentedInstructionsOnly { get; init; }

    /// <summary>Gets a value indicating whether the instructions also govern transfers to third countries.</summary>
    public bool CoversTransfers { get; init; }

    /// <summary>Gets a value indicating whether the processor must tell the controller at once when an instruction infringes the law (Art. 28(3), last sentence).</summary>
    public bool NotifiesUnlawfulInstructions { get; init; }

    /// <summary>Gets the carve-outs letting the vendor use the data for its own purposes, such as <c>product analytics</c> or <c>AI model training</c>.</summary>
    public IReadOnlyList<string> VendorOwnPurposes { get; init => field = value ?? []; } = [];
}

/// <summary>Art. 28(3)(b): confidentiality of the people authorised to process.</summary>
public sealed record DpaConfidentiality
{
    /// <summary>Gets a value indicating whether everyone authorised to process is bound by confidentiality (contract or statute).</summary>
    public bool StaffBound { get; init; }
}

/// <summary>Art. 28(3)(c): the Art. 32 security measures.</summary>
public sealed record DpaSecurity
{
    /// <summary>Gets a value indicating whether the contract includes or references concrete measures (an annex), not just "appropriate measures".</summary>
    public bool MeasuresAnnex { get; init; }

    /// <summary>Gets a value indicating whether data are encrypted at rest.</summary>
    public bool EncryptionAtRest { get; init; }

    /// <summary>Gets a value indicating whether data are encrypted in transit.</summary>
    public bool EncryptionInTransit { get; init; }

    /// <summary>Gets the minimum TLS version, such as <c>1.2</c>.</summary>
    public string? MinimumTlsVersion { get; init; }

    /// <summary>Gets the measures listed, in plain words.</summary>
    public IReadOnlyList<string> Measures { get; init => field = value ?? []; } = [];
}

/// <summary>Art. 28(2) and 28(4): engaging sub-processors.</summary>
public sealed record DpaSubProcessing
{
    /// <summary>Gets the kind of prior written authorisation the controller gives.</summary>
    public SubProcessorAuthorisation? Authorisation { get; init; }

    /// <summary>Gets the days of advance notice of an intended addition or replacement, under general authorisation.</summary>
    public int? NoticeDays { get; init; }

    /// <summary>Gets a value indicating whether the controller may object to a change before it takes effect.</summary>
    public bool RightToObject { get; init; }

    /// <summary>Gets a value indicating whether the same data protection obligations are imposed on sub-processors by contract (Art. 28(4)).</summary>
    public bool FlowDown { get; init; }

    /// <summary>Gets a value indicating whether the processor remains fully liable for its sub-processors (Art. 28(4), second sentence).</summary>
    public bool ProcessorRemainsLiable { get; init; }

    /// <summary>Gets the sub-processors authorised when the contract was signed.</summary>
    public IReadOnlyList<Recipient> List { get; init => field = value ?? []; } = [];
}

/// <summary>Art. 28(3)(e): assistance with data-subject requests.</summary>
public sealed record DpaRightsAssistance
{
    /// <summary>Gets a value indicating whether the processor assists with requests under Chapter III.</summary>
    public bool Assists { get; init; }

    /// <summary>Gets the days within which the processor answers or forwards a request.</summary>
    public int? ResponseDays { get; init; }
}

/// <summary>Art. 28(3)(f): assistance with Art. 32–36, including breach notification to the controller (Art. 33(2)).</summary>
public sealed record DpaComplianceAssistance
{
    /// <summary>Gets a value indicating whether the processor assists with security, breach notification, DPIAs and prior consultation.</summary>
    public bool Assists { get; init; }

    /// <summary>Gets the hours within which the processor notifies the controller of a personal data breach.</summary>
    public int? BreachNotificationHours { get; init; }
}

/// <summary>Art. 28(3)(g): deletion or return at the end of the services.</summary>
public sealed record DpaEndOfContract
{
    /// <summary>Gets what happens to the data at the end.</summary>
    public EndOfContractChoice? Choice { get; init; }

    /// <summary>Gets the days after the end within which data are deleted or returned.</summary>
    public int? Days { get; init; }

    /// <summary>Gets the format data are returned in, such as <c>CSV</c> or <c>xAPI statements</c>.</summary>
    public string? ReturnFormat { get; init; }

    /// <summary>Gets a value indicating whether deletion is certified in writing.</summary>
    public bool DeletionCertificate { get; init; }

    /// <summary>Gets a value indicating whether the processor may keep data for its own purposes after the end (beyond what Union or member-state law requires).</summary>
    public bool RetainsForOwnPurposes { get; init; }
}

/// <summary>Art. 28(3)(h): information and audits.</summary>
public sealed record DpaAudits
{
    /// <summary>Gets a value indicating whether the controller (or an auditor it mandates) may audit.</summary>
    public bool RightToAudit { get; init; }

    /// <summary>Gets a value indicating whether audits include on-site inspections.</summary>
    public bool Inspections { get; init; }

    /// <summary>Gets the third-party reports offered, such as <c>soc2-type2</c> or <c>iso27001</c>.</summary>
    public IReadOnlyList<string> Reports { get; init => field = value ?? []; } = [];
}
