using NodaTime;

namespace LmsPrivacy.Ropa.Records;

/// <summary>How a transfer to a third country is made lawful: the mechanism and its supporting documents (Art. 30(1)(e), 44–49).</summary>
/// <remarks>Instances are immutable.</remarks>
public sealed record TransferSafeguard
{
    /// <summary>Gets the transfer mechanism.</summary>
    public TransferMechanism? Mechanism { get; init; }

    /// <summary>Gets the module of the 2021/914 SCCs: 1 controller to controller, 2 controller to processor, 3 processor to processor, 4 processor to controller.</summary>
    public int? SccModule { get; init; }

    /// <summary>Gets the date of the transfer impact assessment (EDPB Recommendations 01/2020; SCC Clause 14), if one was made.</summary>
    public LocalDate? TiaDate { get; init; }

    /// <summary>Gets a link or reference to the transfer impact assessment.</summary>
    public string? TiaReference { get; init; }

    /// <summary>Gets the supplementary measures adopted, such as <c>encryption with keys held in the EEA</c>.</summary>
    public IReadOnlyList<string> SupplementaryMeasures { get; init => field = value ?? []; } = [];

    /// <summary>Gets the Art. 49 derogation relied on, such as <c>49(1)(a)</c> or <c>49(1)-second-subparagraph</c>.</summary>
    public string? Derogation { get; init; }

    /// <summary>Gets the documentation of suitable safeguards required for the Art. 49(1) second-subparagraph derogation (Art. 30(1)(e)).</summary>
    public string? SafeguardsDocumentation { get; init; }

    /// <summary>Gets a link or reference to the transfer instrument (the signed SCCs, the BCR approval).</summary>
    public string? Reference { get; init; }

    /// <summary>Gets a value indicating whether a transfer impact assessment is recorded.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasTia => TiaDate is not null || !string.IsNullOrWhiteSpace(TiaReference);
}
