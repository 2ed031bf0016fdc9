using System.Text.RegularExpressions;
using LmsPrivacy.Scorm.Packages;
using LmsPrivacy.Scorm.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LmsPrivacy.Scorm.Tests;

public sealed partial class ScormRulesTests
{
    [Fact]
    public void All_CodesUniqueAndScoped()
    {
        Assert.Equal(ScormRules.All.Length, ScormRules.All.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ScormRules.All, r => Assert.StartsWith("scorm.", r.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void All_IncludesEveryRuleProperty()
    {
        var properties = typeof(ScormRules).GetProperties().Where(p => p.PropertyType == typeof(LmsPrivacy.Findings.RuleDescriptor)).Select(p => p.GetValue(null)).ToHashSet();

        Assert.Equal(properties.Count, ScormRules.All.Length);
        Assert.All(ScormRules.All, r => Assert.Contains(r, properties));
    }

    [Fact]
    public void Docs_ListEveryCodeAndNoOther()
    {
        var doc = TestFiles.ReadRepositoryFile("docs/scorm.md");
        var documented = CodeInTable().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ScormRules.All.Select(r => r.Code).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Docs_CatalogTableHasEveryElementOfBothVersions()
    {
        var doc = TestFiles.ReadRepositoryFile("docs/scorm.md");

        foreach (var element in Scorm.DataModel.ScormDataModel.Scorm2004.Elements.Concat(Scorm.DataModel.ScormDataModel.Scorm12.Elements))
        {
            Assert.Contains($"| `{element.Pattern}` | {element.TypeName} | {element.AccessCode} |", doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AddLmsPrivacyScorm_ResolvesServicesAndValidatesOptions()
    {
        using var provider = new ServiceCollection().AddLmsPrivacyScorm().BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<ScormPackageAuditor>());
        Assert.NotNull(provider.GetRequiredService<ScormSnapshotValidator>());

        using var bad = new ServiceCollection().AddLmsPrivacyScorm(o => o.MaxCompressionRatio = 0).BuildServiceProvider();
        Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<ScormPackageAuditor>());
    }

    [GeneratedRegex(@"^\| `(scorm\.[a-z0-9_.]+)` \|", RegexOptions.Multiline)]
    private static partial Regex CodeInTable();
}
