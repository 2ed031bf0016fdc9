using LmsPrivacy.Classification;
using LmsPrivacy.Lti.Claims;

namespace LmsPrivacy.Lti.Tests.Claims;

public sealed class LtiClaimCatalogTests
{
    [Theory]
    [InlineData("sub", DataCategory.PseudonymousIdentifier)]
    [InlineData("email", DataCategory.DirectIdentifier)]
    [InlineData("birthdate", DataCategory.QuasiIdentifier)]
    [InlineData("https://purl.imsglobal.org/spec/lti/claim/for_user", DataCategory.ThirdParty)]
    [InlineData("https://purl.imsglobal.org/spec/lti/claim/role_scope_mentor", DataCategory.ThirdParty)]
    [InlineData("https://www.instructure.com/lti_student_id", DataCategory.ThirdParty)]
    [InlineData("https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", DataCategory.Technical)]
    public void TryGetClaim_KnownClaim_HasCategory(string claim, DataCategory expected)
    {
        Assert.True(LtiClaimCatalog.TryGetClaim(claim, out var descriptor));
        Assert.Equal(expected, descriptor.Category);
    }

    [Fact]
    public void TryGetClaim_IsCaseSensitive()
    {
        Assert.False(LtiClaimCatalog.TryGetClaim("Email", out _));
    }

    [Theory]
    [InlineData("https://purl.imsglobal.org/spec/lti/claim/lis", "person_sourcedid", DataCategory.DirectIdentifier)]
    [InlineData("https://purl.imsglobal.org/spec/lti/claim/lis", "course_section_sourcedid", DataCategory.QuasiIdentifier)]
    [InlineData("https://purl.imsglobal.org/spec/lti/claim/tool_platform", "contact_email", DataCategory.ThirdParty)]
    [InlineData("https://purl.imsglobal.org/spec/lti/claim/tool_platform", "guid", DataCategory.Technical)]
    public void TryGetMemberCategory_FallsBackToTheClaim(string claim, string member, DataCategory expected)
    {
        Assert.True(LtiClaimCatalog.TryGetMemberCategory(claim, member, out var category));
        Assert.Equal(expected, category);
    }

    [Fact]
    public void IsMigrationClaim_AndIsIdentityClaim_MatchTheSpecLists()
    {
        Assert.True(LtiClaimCatalog.IsMigrationClaim(LtiClaimNames.Lti1p1));
        Assert.True(LtiClaimCatalog.IsMigrationClaim(LtiClaimNames.Lti11LegacyUserId));
        Assert.False(LtiClaimCatalog.IsMigrationClaim(LtiClaimNames.Subject));
        Assert.True(LtiClaimCatalog.IsIdentityClaim("picture"));
        Assert.False(LtiClaimCatalog.IsIdentityClaim("locale"));
    }

    [Fact]
    public void All_HasNoDuplicateEntries()
    {
        Assert.Equal(LtiClaimCatalog.All.Count, LtiClaimCatalog.All.Select(e => (e.Claim, e.Member)).Distinct().Count());
    }
}
