using Microsoft.Extensions.Compliance.Classification;

namespace LmsPrivacy.Classification;

/// <summary>
/// Marks a property, field or parameter with a <see cref="DataCategory"/>, so that logging source generators and
/// redaction see it as a <see cref="DataClassification"/> in the <c>LmsPrivacy</c> taxonomy.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]
public sealed class DataCategoryAttribute : DataClassificationAttribute
{
    /// <summary>Initializes the attribute.</summary>
    /// <param name="category">The category of the marked member.</param>
    public DataCategoryAttribute(DataCategory category)
        : base(category.ToDataClassification())
    {
        Category = category;
    }

    /// <summary>Gets the category of the marked member.</summary>
    public DataCategory Category { get; }
}
