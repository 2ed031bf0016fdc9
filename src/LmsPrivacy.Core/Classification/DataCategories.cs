using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Compliance.Classification;

namespace LmsPrivacy.Classification;

/// <summary>Names, descriptions and compliance classifications for <see cref="DataCategory"/>.</summary>
public static class DataCategories
{
    /// <summary>The taxonomy name under which the categories are exposed as <see cref="DataClassification"/>s.</summary>
    public const string TaxonomyName = "LmsPrivacy";

    private static readonly DataCategory[] AllValues =
    [
        DataCategory.DirectIdentifier, DataCategory.PseudonymousIdentifier, DataCategory.QuasiIdentifier,
        DataCategory.Behavioural, DataCategory.AssessmentResult, DataCategory.LearnerContent,
        DataCategory.Preference, DataCategory.SpecialCategory, DataCategory.ThirdParty, DataCategory.Technical,
    ];

    private static readonly string[] Codes =
    [
        "direct-identifier", "pseudonymous-identifier", "quasi-identifier", "behavioural", "assessment-result",
        "learner-content", "preference", "special-category", "third-party", "technical",
    ];

    private static readonly string[] Descriptions =
    [
        "Identifies a person on its own (name, e-mail, institutional id, picture).",
        "Identifies a person only with additional information kept separately (GDPR Art. 4(5)).",
        "Context that can single a person out when combined with other data (Recital 26).",
        "Tracking and timing of what a learner did.",
        "Scores, grades, completion and success of a learner's work.",
        "Free text or files written by the learner; may hold anything.",
        "A learner's preferences (language, audio, speed, captions).",
        "Special-category data under GDPR Art. 9(1).",
        "Personal data of another person than the learner.",
        "Technical data that does not relate to a person.",
    ];

    private static readonly FrozenDictionary<string, DataCategory> ByCode = BuildLookup();

    /// <summary>Gets every category, in declaration order.</summary>
    public static IReadOnlyList<DataCategory> All => AllValues;

    /// <summary>Returns the kebab-case wire name of a category, such as <c>direct-identifier</c>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The code used in JSON documents and on the command line.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not defined.</exception>
    public static string ToCode(this DataCategory category) => Codes[Index(category)];

    /// <summary>Returns a one-sentence description of a category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not defined.</exception>
    public static string Describe(this DataCategory category) => Descriptions[Index(category)];

    /// <summary>Returns whether data of this category is personal data when it relates to a learner.</summary>
    /// <param name="category">The category.</param>
    /// <returns><see langword="false"/> only for <see cref="DataCategory.Technical"/>.</returns>
    public static bool IsPersonalData(this DataCategory category) => category != DataCategory.Technical;

    /// <summary>Returns whether this category names a person on its own and must be removed or replaced to pseudonymize.</summary>
    /// <param name="category">The category.</param>
    /// <returns><see langword="true"/> for direct identifiers, special-category data and third parties' data.</returns>
    public static bool IsDirectlyIdentifying(this DataCategory category) =>
        category is DataCategory.DirectIdentifier or DataCategory.ThirdParty;

    /// <summary>Returns the <see cref="DataClassification"/> of a category in the <see cref="TaxonomyName"/> taxonomy.</summary>
    /// <param name="category">The category.</param>
    /// <returns>A classification hosts can map to a redactor.</returns>
    public static DataClassification ToDataClassification(this DataCategory category) =>
        new(TaxonomyName, category.ToString());

    /// <summary>Parses a wire name (<c>direct-identifier</c>) or member name (<c>DirectIdentifier</c>), ignoring case.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="category">The category, when the text names one.</param>
    /// <returns><see langword="true"/> if the text names a category.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out DataCategory category)
    {
        if (text is not null && ByCode.TryGetValue(text, out category))
        {
            return true;
        }

        category = default;
        return false;
    }

    /// <summary>Parses a wire name or member name, ignoring case.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The category.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> names no category.</exception>
    public static DataCategory Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var category)
            ? category
            : throw new FormatException($"'{text}' is not a data category; expected one of: {string.Join(", ", Codes)}.");
    }

    private static int Index(DataCategory category)
    {
        var index = (int)category;
        if ((uint)index >= (uint)Codes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(category), category, "Unknown data category.");
        }

        return index;
    }

    private static FrozenDictionary<string, DataCategory> BuildLookup()
    {
        var map = new Dictionary<string, DataCategory>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < AllValues.Length; i++)
        {
            map[Codes[i]] = AllValues[i];
            map[AllValues[i].ToString()] = AllValues[i];
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
