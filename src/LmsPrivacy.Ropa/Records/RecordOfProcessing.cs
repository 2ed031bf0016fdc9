namespace LmsPrivacy.Ropa.Records;

/// <summary>A record of processing activities under GDPR Art. 30: the organisation, its activities and who receives the data.</summary>
/// <remarks>
/// Read it with <see cref="RopaJson.ParseRecord(ReadOnlySpan{byte})"/> and check it with <see cref="RopaChecker"/>.
/// A controller's record answers Art. 30(1)(a)–(g); a processor's record answers Art. 30(2)(a)–(d) and has no purposes,
/// lawful bases or retention periods of its own. Instances are immutable.
/// </remarks>
public sealed record RecordOfProcessing
{
    /// <summary>Gets the JSON Schema the document claims to follow (informational).</summary>
    [System.Text.Json.Serialization.JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>Gets whose record this is.</summary>
    public RecordKind Kind { get; init; }

    /// <summary>Gets the organisation keeping the record: the controller, or for a processor record the processor (Art. 30(1)(a), 30(2)(a)).</summary>
    public Party? Organisation { get; init; }

    /// <summary>Gets the joint controllers, where applicable (Art. 26, 30(1)(a)).</summary>
    public IReadOnlyList<Party> JointControllers { get; init => field = value ?? []; } = [];

    /// <summary>Gets the representative in the Union, where applicable (Art. 27, 30(1)(a)).</summary>
    public Party? Representative { get; init; }

    /// <summary>Gets the data protection officer, where one is designated (Art. 37, 30(1)(a)).</summary>
    public Party? Dpo { get; init; }

    /// <summary>Gets a value indicating whether the organisation is a public authority or body (a DPO is then mandatory, Art. 37(1)(a)).</summary>
    public bool PublicAuthority { get; init; }

    /// <summary>Gets the head count of the organisation, for the Art. 30(5) exemption (informational).</summary>
    public int? EmployeeCount { get; init; }

    /// <summary>Gets the date the record was last reviewed.</summary>
    public NodaTime.LocalDate? LastReviewed { get; init; }

    /// <summary>Gets, for a processor record, each controller on whose behalf the processor acts (Art. 30(2)(a)).</summary>
    public IReadOnlyList<Party> Controllers { get; init => field = value ?? []; } = [];

    /// <summary>Gets the processing activities.</summary>
    public IReadOnlyList<ProcessingActivity> Activities { get; init => field = value ?? []; } = [];

    /// <summary>Gets every recipient, processor and sub-processor the activities refer to by id (Art. 30(1)(d)).</summary>
    public IReadOnlyList<Recipient> Recipients { get; init => field = value ?? []; } = [];

    /// <summary>Gets the general description of the technical and organisational security measures for the whole organisation (Art. 30(1)(g), 32(1)).</summary>
    public IReadOnlyList<string> SecurityMeasures { get; init => field = value ?? []; } = [];
}
