using System.Text.RegularExpressions;
using LmsPrivacy.Retention.Tests.Documents;

namespace LmsPrivacy.Retention.Tests;

public sealed partial class RetentionRulesTests
{
    [Fact]
    public void All_CodesUniqueAndDotted()
    {
        var codes = RetentionRules.All.Select(r => r.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.StartsWith("retention.", c, StringComparison.Ordinal));
    }

    [Fact]
    public void All_MatchesTheCatalogInDocs()
    {
        var doc = File.ReadAllText(RetentionDocumentTests.RepoFile("docs/retention.md"));
        var documented = CatalogRow().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var coded = RetentionRules.All.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(coded.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| `(retention\.[a-z0-9_.]+)` \|", RegexOptions.Multiline)]
    private static partial Regex CatalogRow();
}
