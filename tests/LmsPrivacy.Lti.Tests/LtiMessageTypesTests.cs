namespace LmsPrivacy.Lti.Tests;

public sealed class LtiMessageTypesTests
{
    [Theory]
    [InlineData("LtiResourceLinkRequest", "LtiResourceLinkRequest")]
    [InlineData("LtiDeepLinkingRequest", "LtiDeepLinkingRequest")]
    [InlineData("LtiSubmissionReviewRequest", "LtiSubmissionReviewRequest")]
    [InlineData("LtiDataPrivacyLaunchRequest", "LtiDataPrivacyLaunchRequest")]
    [InlineData("DataPrivacyLaunchRequest", "LtiDataPrivacyLaunchRequest")]
    public void TryNormalize_KnownSpelling_Normalizes(string input, string expected)
    {
        Assert.True(LtiMessageTypes.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
        Assert.Equal(expected, LtiMessageTypes.Normalize(input));
    }

    [Theory]
    [InlineData("ltiresourcelinkrequest")]
    [InlineData("LtiStartProctoring")]
    [InlineData("")]
    [InlineData(null)]
    public void TryNormalize_Unknown_ReturnsFalse(string? input)
    {
        Assert.False(LtiMessageTypes.TryNormalize(input, out _));
    }

    [Fact]
    public void Normalize_Unknown_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => LtiMessageTypes.Normalize("Nope"));
    }
}

public sealed class LtiRolesTests
{
    [Theory]
    [InlineData("Learner", true, "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner")]
    [InlineData("learner", false, "learner")]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student", false, "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student")]
    public void Normalize_ShortNames_BecomeMembershipUris(string role, bool isShort, string expected)
    {
        Assert.Equal(isShort, LtiRoles.IsShortName(role));
        Assert.Equal(expected, LtiRoles.Normalize(role));
    }

    [Theory]
    [InlineData("Instructor", true)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant", true)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator", true)]
    [InlineData("http://purl.imsglobal.org/vocab/lti/system/person#TestUser", true)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/unknown/unknown#Unknown", false)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#", false)]
    public void IsVocabularyRole_RecognizesTheVocabularies(string role, bool expected)
    {
        Assert.Equal(expected, LtiRoles.IsVocabularyRole(role));
    }

    [Theory]
    [InlineData("Mentor", true)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor", true)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership/Mentor#Advisor", true)]
    [InlineData("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", false)]
    public void IsMentor_RecognizesMentorAndSubRoles(string role, bool expected)
    {
        Assert.Equal(expected, LtiRoles.IsMentor(role));
    }
}
