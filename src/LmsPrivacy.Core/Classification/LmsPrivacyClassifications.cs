using Microsoft.Extensions.Compliance.Classification;

namespace LmsPrivacy.Classification;

/// <summary>
/// The <see cref="DataCategory"/> values as <see cref="DataClassification"/>s in the <c>LmsPrivacy</c> taxonomy,
/// so hosts can map them to redactors for their logs
/// (<c>services.AddRedaction(b =&gt; b.SetRedactor&lt;ErasingRedactor&gt;(LmsPrivacyClassifications.DirectIdentifier))</c>).
/// </summary>
public static class LmsPrivacyClassifications
{
    /// <summary>Gets the classification of <see cref="DataCategory.DirectIdentifier"/>.</summary>
    public static DataClassification DirectIdentifier { get; } = DataCategory.DirectIdentifier.ToDataClassification();

    /// <summary>Gets the classification of <see cref="DataCategory.PseudonymousIdentifier"/>.</summary>
    public static DataClassification PseudonymousIdentifier { get; } = DataCategory.PseudonymousIdentifier.ToDataClassification();

    /// <summary>Gets the classification of <see cref="DataCategory.QuasiIdentifier"/>.</summary>
    public static DataClassification QuasiIdentifier { get; } = DataCategory.QuasiIdentifier.ToDataClassification();

    /// <summary>Gets the classification of <see cref="DataCategory.Behavioural"/>.</summary>
    public static DataClassification Behavioural { get; } = DataCategory.Behavioural.ToDataClassification();

    /// <summary>Gets the classification of <see cref="DataCategory.AssessmentResult"/>.</summary>
    public static DataClassification AssessmentResult { get; } = DataCategory.AssessmentResult.ToDataClassification();

    /// <summary>Gets the classification of <see cref="DataCategory.LearnerContent"/>.</summary>
    public static DataClassification LearnerContent { get; } = DataCategory.LearnerContent.ToDataClassification();

    /// <summary>Gets the classification of <see cref="DataCategory.Preference"/>.</summary>
    public static DataClassification Preference { get; } = DataCategory.Preference.ToDataClassification();

    /// <summary>Gets the classification of <see cref="DataCategory.SpecialCategory"/>.</summary>
    public static DataClassification SpecialCategory { get; } = DataCategory.SpecialCategory.ToDataClassification();

    /// <summary>Gets the classification of <see cref="DataCategory.ThirdParty"/>.</summary>
    public static DataClassification ThirdParty { get; } = DataCategory.ThirdParty.ToDataClassification();

    /// <summary>Gets the classification of <see cref="DataCategory.Technical"/>.</summary>
    public static DataClassification Technical { get; } = DataCategory.Technical.ToDataClassification();

    /// <summary>Gets a classification set holding every personal-data category (all but technical).</summary>
    public static DataClassificationSet AllPersonal { get; } = new(
        DataCategories.All.Where(c => c.IsPersonalData()).Select(c => c.ToDataClassification()));
}
