using System.Text.RegularExpressions;

namespace LmsPrivacy.Lti.Tests;

public sealed partial class LtiRulesTests
{
    [GeneratedRegex(@"^\| `(?<code>lti\.[a-z0-9_.]+)` \| (?<severity>info|warning|error) \|", RegexOptions.Multiline)]
    private static partial Regex CatalogRow();

    [Fact]
    public void DocsCatalog_ListsEveryRuleWithItsSeverity_AndNothingElse()
    {
        var doc = File.ReadAllText(Path.Combine(Launches.RepoRoot(), "docs", "lti.md"));
        var documented = CatalogRow().Matches(doc).Select(m => (m.Groups["code"].Value, m.Groups["severity"].Value)).ToList();

        var defined = LtiRules.All.Select(r => (r.Code, Findings.FindingSeverityExtensions.ToCode(r.DefaultSeverity))).ToList();

        Assert.Equal(defined.Order(), documented.Order());
    }

    [Fact]
    public void All_EveryRuleCitesASourceAndUsesTheLtiPrefix()
    {
        Assert.All(LtiRules.All, rule =>
        {
            Assert.StartsWith("lti.", rule.Code, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(rule.Source));
        });
    }
}
