using LmsPrivacy.Legal;

namespace LmsPrivacy.Core.Tests.Legal;

public sealed class LegalReferencesTests
{
    [Theory]
    [InlineData(LawfulBasis.Consent, "GDPR Art. 6(1)(a)", "consent")]
    [InlineData(LawfulBasis.Contract, "GDPR Art. 6(1)(b)", "contract")]
    [InlineData(LawfulBasis.LegalObligation, "GDPR Art. 6(1)(c)", "legal-obligation")]
    [InlineData(LawfulBasis.VitalInterests, "GDPR Art. 6(1)(d)", "vital-interests")]
    [InlineData(LawfulBasis.PublicTask, "GDPR Art. 6(1)(e)", "public-task")]
    [InlineData(LawfulBasis.LegitimateInterests, "GDPR Art. 6(1)(f)", "legitimate-interests")]
    public void LawfulBasis_ArticleAndCode(LawfulBasis basis, string article, string code)
    {
        Assert.Equal(article, basis.Article());
        Assert.Equal(code, basis.ToCode());
        Assert.True(LegalReferences.TryParseLawfulBasis(code, out var parsed));
        Assert.Equal(basis, parsed);
        Assert.True(LegalReferences.TryParseLawfulBasis(article[^2..^1], out parsed));
        Assert.Equal(basis, parsed);
    }

    [Theory]
    [InlineData(SpecialCategoryCondition.ExplicitConsent, "GDPR Art. 9(2)(a)")]
    [InlineData(SpecialCategoryCondition.EmploymentSocialSecurity, "GDPR Art. 9(2)(b)")]
    [InlineData(SpecialCategoryCondition.VitalInterests, "GDPR Art. 9(2)(c)")]
    [InlineData(SpecialCategoryCondition.NotForProfitBody, "GDPR Art. 9(2)(d)")]
    [InlineData(SpecialCategoryCondition.ManifestlyMadePublic, "GDPR Art. 9(2)(e)")]
    [InlineData(SpecialCategoryCondition.LegalClaims, "GDPR Art. 9(2)(f)")]
    [InlineData(SpecialCategoryCondition.SubstantialPublicInterest, "GDPR Art. 9(2)(g)")]
    [InlineData(SpecialCategoryCondition.HealthOrSocialCare, "GDPR Art. 9(2)(h)")]
    [InlineData(SpecialCategoryCondition.PublicHealth, "GDPR Art. 9(2)(i)")]
    [InlineData(SpecialCategoryCondition.ArchivingResearchStatistics, "GDPR Art. 9(2)(j)")]
    public void SpecialCategoryCondition_Article(SpecialCategoryCondition condition, string article)
    {
        Assert.Equal(article, condition.Article());
        Assert.True(LegalReferences.TryParseSpecialCategoryCondition(condition.ToCode(), out var parsed));
        Assert.Equal(condition, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("g")]
    [InlineData("consentish")]
    public void TryParseLawfulBasis_Unknown_IsFalse(string text)
        => Assert.False(LegalReferences.TryParseLawfulBasis(text, out _));
}
