using System.Text.RegularExpressions;

namespace LmsPrivacy.Ropa.Tests;

public sealed partial class RopaRulesTests
{
    [Fact]
    public void All_CodesAreUniqueAndCiteASource()
    {
        Assert.Equal(RopaRules.All.Count, RopaRules.All.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(RopaRules.All, r => Assert.Matches("^(ropa|dpa)\\.", r.Code));
        Assert.All(RopaRules.All, r => Assert.Matches("GDPR|EDPB|Decision|SCC|ISO|CJEU", r.Source));
    }

    [Fact]
    public void All_MatchesTheCatalogInDocs()
    {
        var doc = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "ropa.md"));
        var catalog = doc[doc.IndexOf("## Rule catalog", StringComparison.Ordinal)..];
        var rows = CatalogRow().Matches(catalog).Select(m => (Code: m.Groups[1].Value, Severity: m.Groups[2].Value, Source: m.Groups[3].Value.Trim())).ToList();

        Assert.Equal(RopaRules.All.Select(r => r.Code).Order(StringComparer.Ordinal), rows.Select(r => r.Code).Order(StringComparer.Ordinal));
        foreach (var rule in RopaRules.All)
        {
            var row = rows.Single(r => r.Code == rule.Code);
            Assert.Equal(rule.DefaultSeverity.ToString().ToLowerInvariant(), row.Severity);
            Assert.Equal(rule.Source, row.Source);
        }
    }

    [GeneratedRegex(@"^\| `([a-z0-9_.]+)` \| (error|warning|info) \| ([^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex CatalogRow();
}
