using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace LmsPrivacy.Xapi.Tests;

public sealed partial class XapiRulesTests
{
    private static string DocsPage([CallerFilePath] string file = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "docs", "xapi.md"));

    [GeneratedRegex(@"^\| `(xapi\.[a-z0-9_.]+)` \|", RegexOptions.Multiline)]
    private static partial Regex CatalogRow();

    [Fact]
    public void All_CodesUniqueAndDotted()
    {
        var codes = XapiRules.All.Select(r => r.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.StartsWith("xapi.", c, StringComparison.Ordinal));
    }

    [Fact]
    public void All_MatchesDocsCatalogBothWays()
    {
        var documented = CatalogRow().Matches(DocsPage()).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var coded = XapiRules.All.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(coded.Except(documented));
        Assert.Empty(documented.Except(coded));
    }

    [Fact]
    public void All_ContainsEveryStaticRuleProperty()
    {
        var properties = typeof(XapiRules).GetProperties().Where(p => p.PropertyType == typeof(LmsPrivacy.Findings.RuleDescriptor)).Select(p => (LmsPrivacy.Findings.RuleDescriptor)p.GetValue(null)!);

        Assert.Equal(properties.Select(r => r.Code).Order(StringComparer.Ordinal), XapiRules.All.Select(r => r.Code).Order(StringComparer.Ordinal));
    }
}
