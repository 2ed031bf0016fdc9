using LmsPrivacy.Classification;

namespace LmsPrivacy.Ropa.Records;

/// <summary>A category of personal data in an activity: an LmsPrivacy <see cref="DataCategory"/>, a free label, or both.</summary>
/// <remarks>Retention may be recorded per category, as the CNIL template does. Instances are immutable.</remarks>
public sealed record DataItem
{
    /// <summary>Gets the LmsPrivacy category, when one applies.</summary>
    public DataCategory? Category { get; init; }

    /// <summary>Gets the free label, such as <c>name and work e-mail</c> or <c>xAPI statements</c>.</summary>
    public string? Label { get; init; }

    /// <summary>Gets this category's own retention, overriding the activity's.</summary>
    public Retention? Retention { get; init; }
}
