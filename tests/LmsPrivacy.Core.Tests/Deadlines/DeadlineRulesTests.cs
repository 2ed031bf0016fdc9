using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using LmsPrivacy.Deadlines;

namespace LmsPrivacy.Core.Tests.Deadlines;

public sealed partial class DeadlineRulesTests
{
    [Fact]
    public void All_CodesAreUniqueAndCiteASource()
    {
        Assert.Equal(DeadlineRules.All.Count, DeadlineRules.All.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(DeadlineRules.All, r => Assert.StartsWith("deadline.", r.Code, StringComparison.Ordinal));
        Assert.All(DeadlineRules.All, r => Assert.Matches("GDPR|1182/71|EDPB", r.Source));
    }

    [Fact]
    public void All_MatchesTheCatalogInDocs()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "deadlines.md"));
        var documented = CodePattern().Matches(doc).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var catalog = DeadlineRules.All.Select(r => r.Code).Order(StringComparer.Ordinal);

        Assert.Equal(catalog, documented);
    }

    [GeneratedRegex(@"deadline\.(dsar|calendar|breach)\.[a-z_]+")]
    private static partial Regex CodePattern();

    private static string RepoRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
