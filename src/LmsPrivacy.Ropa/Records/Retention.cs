using NodaTime;

namespace LmsPrivacy.Ropa.Records;

/// <summary>The envisaged time limit for erasure (Art. 30(1)(f)): a period after a trigger, or a rule pointing at a retention purpose.</summary>
/// <remarks>Instances are immutable.</remarks>
public sealed record Retention
{
    /// <summary>Gets the period as an ISO 8601 duration, such as <c>P6Y</c> or <c>P13M</c>.</summary>
    public Period? Period { get; init; }

    /// <summary>Gets the event the period runs from, such as <c>end of employment</c>.</summary>
    public string? Trigger { get; init; }

    /// <summary>Gets the name of a retention purpose in the organisation's retention policy (LmsPrivacy.Retention) that decides erasure.</summary>
    public string? Rule { get; init; }

    /// <summary>Gets a free description, such as the statute that fixes the period.</summary>
    public string? Description { get; init; }

    /// <summary>Gets a value indicating whether the retention says when data are erased (a period or a rule).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsDefined => Period is not null || !string.IsNullOrWhiteSpace(Rule);
}
