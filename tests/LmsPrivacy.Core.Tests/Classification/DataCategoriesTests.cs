using LmsPrivacy.Classification;
using LmsPrivacy.Pseudonymization;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.DependencyInjection;

namespace LmsPrivacy.Core.Tests.Classification;

public sealed class DataCategoriesTests
{
    [Fact]
    public void All_HasEveryEnumValueWithUniqueCodes()
    {
        Assert.Equal(Enum.GetValues<DataCategory>(), DataCategories.All);
        Assert.Equal(DataCategories.All.Count, DataCategories.All.Select(c => c.ToCode()).Distinct().Count());
    }

    [Theory]
    [InlineData("direct-identifier", DataCategory.DirectIdentifier)]
    [InlineData("DirectIdentifier", DataCategory.DirectIdentifier)]
    [InlineData("THIRD-PARTY", DataCategory.ThirdParty)]
    [InlineData("special-category", DataCategory.SpecialCategory)]
    public void TryParse_CodesAndNames(string text, DataCategory expected)
    {
        Assert.True(DataCategories.TryParse(text, out var category));
        Assert.Equal(expected, category);
    }

    [Fact]
    public void Parse_Unknown_ThrowsFormatExceptionListingCodes()
    {
        var ex = Assert.Throws<FormatException>(() => DataCategories.Parse("email"));
        Assert.Contains("direct-identifier", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoundTrip_CodeThenParse_IsIdentity()
    {
        foreach (var category in DataCategories.All)
        {
            Assert.Equal(category, DataCategories.Parse(category.ToCode()));
        }
    }

    [Fact]
    public void IsPersonalData_OnlyTechnicalIsNot()
        => Assert.Equal([DataCategory.Technical], DataCategories.All.Where(c => !c.IsPersonalData()));

    [Fact]
    public void Json_UsesKebabCodes()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(DataCategory.AssessmentResult, CategoryJsonContext.Default.DataCategory);
        Assert.Equal("\"assessment-result\"", json);
    }

    [Fact]
    public void Classification_IsInLmsPrivacyTaxonomy()
    {
        Assert.Equal(new DataClassification("LmsPrivacy", "DirectIdentifier"), LmsPrivacyClassifications.DirectIdentifier);
        Assert.Equal(LmsPrivacyClassifications.ThirdParty, new DataCategoryAttribute(DataCategory.ThirdParty).Classification);
    }

    [Fact]
    public void Redaction_HostRegistersPseudonymizingRedactorForDirectIdentifiers_ReplacesValue()
    {
        var services = new ServiceCollection();
        services.AddLmsPrivacyCore(o => o.Keys.Add(new PseudonymKeyOptions { Id = "k1", Secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" }));
        services.AddRedaction(b => b.SetRedactor<PseudonymizingRedactor>(LmsPrivacyClassifications.DirectIdentifier));
        using var provider = services.BuildServiceProvider();

        var redactor = provider.GetRequiredService<IRedactorProvider>().GetRedactor(LmsPrivacyClassifications.DirectIdentifier);
        var redacted = redactor.Redact("learner-42");

        // Published vector (docs/core.md).
        Assert.Equal("k1.lbwir7s2spxipndwjv75i44gchfkwzo675eab4todcuzrwazujta", redacted);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(DataCategory))]
internal sealed partial class CategoryJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
