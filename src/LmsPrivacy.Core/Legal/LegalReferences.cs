using System.Diagnostics.CodeAnalysis;

namespace LmsPrivacy.Legal;

/// <summary>Article references, wire names and parsing for <see cref="LawfulBasis"/> and <see cref="SpecialCategoryCondition"/>.</summary>
public static class LegalReferences
{
    private static readonly string[] BasisCodes =
        ["consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"];

    private static readonly string[] ConditionCodes =
    [
        "explicit-consent", "employment-social-security", "vital-interests", "not-for-profit-body", "made-public",
        "legal-claims", "substantial-public-interest", "health-social-care", "public-health", "archiving-research-statistics",
    ];

    /// <summary>Returns the article reference of a lawful basis, such as <c>GDPR Art. 6(1)(a)</c>.</summary>
    /// <param name="basis">The lawful basis.</param>
    /// <returns>The article reference.</returns>
    public static string Article(this LawfulBasis basis) => $"GDPR Art. 6(1)({Letter((int)basis, BasisCodes.Length)})";

    /// <summary>Returns the article reference of a special-category condition, such as <c>GDPR Art. 9(2)(a)</c>.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The article reference.</returns>
    public static string Article(this SpecialCategoryCondition condition) => $"GDPR Art. 9(2)({Letter((int)condition, ConditionCodes.Length)})";

    /// <summary>Returns the kebab-case wire name of a lawful basis, such as <c>legitimate-interests</c>.</summary>
    /// <param name="basis">The lawful basis.</param>
    /// <returns>The wire name.</returns>
    public static string ToCode(this LawfulBasis basis) => BasisCodes[Check((int)basis, BasisCodes.Length)];

    /// <summary>Returns the kebab-case wire name of a special-category condition, such as <c>explicit-consent</c>.</summary>
    /// <param name="condition">The condition.</param>
    /// <returns>The wire name.</returns>
    public static string ToCode(this SpecialCategoryCondition condition) => ConditionCodes[Check((int)condition, ConditionCodes.Length)];

    /// <summary>Parses a lawful basis from its wire name, member name or article letter (<c>a</c>–<c>f</c>), ignoring case.</summary>
    /// <param name="text">The text.</param>
    /// <param name="basis">The basis, when recognised.</param>
    /// <returns><see langword="true"/> when the text names a basis.</returns>
    public static bool TryParseLawfulBasis([NotNullWhen(true)] string? text, out LawfulBasis basis)
    {
        var index = Find(text, BasisCodes, static i => ((LawfulBasis)i).ToString());
        basis = (LawfulBasis)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Parses a special-category condition from its wire name, member name or article letter (<c>a</c>–<c>j</c>), ignoring case.</summary>
    /// <param name="text">The text.</param>
    /// <param name="condition">The condition, when recognised.</param>
    /// <returns><see langword="true"/> when the text names a condition.</returns>
    public static bool TryParseSpecialCategoryCondition([NotNullWhen(true)] string? text, out SpecialCategoryCondition condition)
    {
        var index = Find(text, ConditionCodes, static i => ((SpecialCategoryCondition)i).ToString());
        condition = (SpecialCategoryCondition)Math.Max(index, 0);
        return index >= 0;
    }

    private static int Find(string? text, string[] codes, Func<int, string> memberName)
    {
        if (string.IsNullOrEmpty(text))
        {
            return -1;
        }

        for (var i = 0; i < codes.Length; i++)
        {
            if (string.Equals(text, codes[i], StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, memberName(i), StringComparison.OrdinalIgnoreCase)
                || (text.Length == 1 && char.ToLowerInvariant(text[0]) == (char)('a' + i)))
            {
                return i;
            }
        }

        return -1;
    }

    private static char Letter(int index, int count) => (char)('a' + Check(index, count));

    private static int Check(int index, int count) =>
        (uint)index < (uint)count ? index : throw new ArgumentOutOfRangeException(nameof(index), index, "Unknown value.");
}
