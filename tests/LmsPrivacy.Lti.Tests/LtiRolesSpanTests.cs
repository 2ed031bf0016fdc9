using FsCheck.Xunit;

namespace LmsPrivacy.Lti.Tests;

public sealed class LtiRolesSpanTests
{
    public static TheoryData<string> Roles() =>
    [
        "Learner", "Mentor", "learner", "Mentors", "", "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor",
        "http://purl.imsglobal.org/vocab/lis/v2/membership#", "http://purl.imsglobal.org/vocab/lis/v2/membership/Mentor#Advisor",
        "http://purl.imsglobal.org/vocab/lis/v2/membership/Mentor", "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student",
        "http://purl.imsglobal.org/vocab/lti/system/person#TestUser", "urn:lti:role:ims/lis/Learner", "Instructor",
    ];

    // The validator reads roles as spans (UTF-8 when unescaped); its checks must agree with the public string forms.
    [Theory]
    [MemberData(nameof(Roles))]
    public void SpanForms_KnownRoles_AgreeWithStringForms(string role) => AssertAgree(role);

    [Property(MaxTest = 200)]
    public void SpanForms_AnyRole_AgreeWithStringForms(string? role) => AssertAgree(role ?? string.Empty);

    private static void AssertAgree(string role)
    {
        Assert.Equal(LtiRoles.IsShortName(role), LtiRoles.IsShortName(role.AsSpan()));
        Assert.Equal(LtiRoles.IsVocabularyRole(role), LtiRoles.IsVocabularyRole(role.AsSpan()));
        Assert.Equal(LtiRoles.IsMentor(role), LtiRoles.IsMentor(role.AsSpan()));
        if (System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(role)) == role)
        {
            var traits = LtiRoles.Traits(System.Text.Encoding.UTF8.GetBytes(role));
            Assert.Equal(LtiRoles.IsShortName(role), traits.HasFlag(RoleTraits.ShortName));
            Assert.Equal(LtiRoles.IsVocabularyRole(role), traits.HasFlag(RoleTraits.Vocabulary));
            Assert.Equal(LtiRoles.IsMentor(role), traits.HasFlag(RoleTraits.Mentor));
        }
    }
}
