using System.Text.Json.Nodes;
using LmsPrivacy.Classification;
using LmsPrivacy.Lti.Claims;
using static LmsPrivacy.Lti.Tests.Launches;

namespace LmsPrivacy.Lti.Tests.Claims;

public sealed class LtiClaimClassifierTests
{
    private static DataCategory CategoryAt(LtiClaimClassification result, string path) =>
        Assert.Single(result.Claims, c => c.Path == path).Category;

    [Fact]
    public void Classify_CanvasSample_ClassifiesPerSection6OfTheResearch()
    {
        var result = LtiClaimClassifier.Default.Classify(Sample("canvas-resource-link.json"));

        Assert.Equal(DataCategory.Technical, CategoryAt(result, "$.iss"));
        Assert.Equal(DataCategory.PseudonymousIdentifier, CategoryAt(result, "$.sub"));
        Assert.Equal(DataCategory.DirectIdentifier, CategoryAt(result, "$.name"));
        Assert.Equal(DataCategory.DirectIdentifier, CategoryAt(result, "$.email"));
        Assert.Equal(DataCategory.DirectIdentifier, CategoryAt(result, "$.picture"));
        Assert.Equal(DataCategory.Preference, CategoryAt(result, "$.locale"));
        Assert.Equal(DataCategory.QuasiIdentifier, CategoryAt(result, $"$['{L}context']"));
        Assert.Equal(DataCategory.QuasiIdentifier, CategoryAt(result, $"$['{L}roles']"));
        Assert.Equal(DataCategory.DirectIdentifier, CategoryAt(result, $"$['{L}lis'].person_sourcedid"));
        Assert.Equal(DataCategory.QuasiIdentifier, CategoryAt(result, $"$['{L}lis'].course_offering_sourcedid"));
        Assert.Equal(DataCategory.Preference, CategoryAt(result, $"$['{L}launch_presentation'].locale"));
        Assert.Equal(DataCategory.Technical, CategoryAt(result, $"$['{L}launch_presentation'].document_target"));
        Assert.Equal(DataCategory.PseudonymousIdentifier, CategoryAt(result, $"$['{L}lti11_legacy_user_id']"));
        Assert.Equal(DataCategory.Technical, CategoryAt(result, "$['https://www.instructure.com/placement']"));
        Assert.Equal(DataCategory.Technical, CategoryAt(result, "$['https://purl.imsglobal.org/spec/lti-ags/claim/endpoint']"));
    }

    [Fact]
    public void Classify_CanvasSampleCustom_FlagsTheEmailAndTrustsNothing()
    {
        var result = LtiClaimClassifier.Default.Classify(Sample("canvas-resource-link.json"));

        Assert.Equal(DataCategory.DirectIdentifier, CategoryAt(result, $"$['{L}custom'].login_email"));
        Assert.Equal(DataCategory.QuasiIdentifier, CategoryAt(result, $"$['{L}custom'].course_term"));
        Assert.Equal(DataCategory.Technical, CategoryAt(result, $"$['{L}custom'].canvas_course_id"));
        var finding = Assert.Single(result.Findings, f => f.Code == "lti.custom.direct_identifier");
        Assert.Equal($"$['{L}custom'].login_email", finding.Path);
        Assert.DoesNotContain("jane.doe", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_MoodleSample_FindsNamesAndEmailInCustomAndUsernameInExt()
    {
        var result = LtiClaimClassifier.Default.Classify(Sample("moodle-resource-link.json"));

        Assert.Equal(DataCategory.DirectIdentifier, CategoryAt(result, $"$['{L}ext'].user_username"));
        Assert.Equal(DataCategory.Technical, CategoryAt(result, $"$['{L}ext'].lms"));
        Assert.Equal(DataCategory.ThirdParty, CategoryAt(result, $"$['{L}tool_platform'].contact_email"));
        Assert.Equal(DataCategory.PseudonymousIdentifier, CategoryAt(result, $"$['{L}lti1p1'].user_id"));
        Assert.Equal(DataCategory.Technical, CategoryAt(result, $"$['{L}lti1p1'].oauth_consumer_key_sign"));
        // "full_name" repeats the name claim; "learner_email" holds an address; "tutor" is another person's name but looks like any word.
        Assert.Equal(DataCategory.DirectIdentifier, CategoryAt(result, $"$['{L}custom'].full_name"));
        Assert.Equal(DataCategory.DirectIdentifier, CategoryAt(result, $"$['{L}custom'].learner_email"));
        Assert.Equal(DataCategory.QuasiIdentifier, CategoryAt(result, $"$['{L}custom'].section"));
        Assert.Equal(2, result.Findings.Count(f => f.Code == "lti.custom.direct_identifier"));
    }

    [Fact]
    public void Classify_PrivacyLaunch_ForUserIsThirdPartyWithFinding()
    {
        var result = LtiClaimClassifier.Default.Classify(Sample("privacy-launch.json"));

        Assert.Equal(DataCategory.ThirdParty, CategoryAt(result, $"$['{L}for_user']"));
        Assert.Equal($"$['{L}for_user']", Assert.Single(result.Findings, f => f.Code == "lti.claim.third_party").Path);
    }

    [Fact]
    public void Classify_RoleScopeMentor_IsThirdParty()
    {
        var payload = Student();
        payload[L + "role_scope_mentor"] = new JsonArray("a", "b");

        var result = LtiClaimClassifier.Default.Classify(Element(payload));

        Assert.Equal(DataCategory.ThirdParty, CategoryAt(result, $"$['{L}role_scope_mentor']"));
    }

    [Theory]
    [InlineData("https://vendor.example.com/claim/x", "\"plain value\"", DataCategory.QuasiIdentifier)]
    [InlineData("https://vendor.example.com/claim/x", "{\"owner\":{\"contact\":\"a.person@example.org\"}}", DataCategory.DirectIdentifier)]
    public void Classify_UnknownClaim_ConservativeCategoryAndInfoFinding(string claim, string json, DataCategory expected)
    {
        var payload = new JsonObject { [claim] = JsonNode.Parse(json) };

        var result = LtiClaimClassifier.Default.Classify(Element(payload));

        Assert.Equal(expected, CategoryAt(result, $"$['{claim}']"));
        var finding = Assert.Single(result.Findings);
        Assert.Equal("lti.claim.unknown", finding.Code);
        Assert.Equal(Findings.FindingSeverity.Info, finding.Severity);
    }

    [Theory]
    [InlineData("section", "B", DataCategory.QuasiIdentifier)]
    [InlineData("note", "write to someone@example.com", DataCategory.DirectIdentifier)]
    [InlineData("student_email", "$Person.email.primary", DataCategory.Technical)]
    [InlineData("user_name", "kfrog", DataCategory.DirectIdentifier)]
    [InlineData("canvas_user_sis_id", "", DataCategory.DirectIdentifier)]
    [InlineData("lti_user_id", "abc", DataCategory.PseudonymousIdentifier)]
    [InlineData("who", "TEACHER_FIRST_NAME", DataCategory.DirectIdentifier)]
    [InlineData("who2", "teacher@email.com", DataCategory.DirectIdentifier)]
    [InlineData("who3", "TEACHER_ID", DataCategory.PseudonymousIdentifier)]
    [InlineData("at_sign", "@handle", DataCategory.QuasiIdentifier)]
    public void Classify_CustomValue_IsInspected(string key, string value, DataCategory expected)
    {
        var payload = Teacher();
        payload[L + "custom"] = new JsonObject { [key] = value };

        var result = LtiClaimClassifier.Default.Classify(Element(payload));

        Assert.Equal(expected, CategoryAt(result, $"$['{L}custom'].{key}"));
        Assert.Equal(expected == DataCategory.DirectIdentifier, result.Findings.Any(f => f.Code == "lti.custom.direct_identifier"));
    }

    [Fact]
    public void Classify_NotAnObject_IsOneErrorAndNoClaims()
    {
        var result = LtiClaimClassifier.Default.Classify(Element(new JsonArray()));

        Assert.Empty(result.Claims);
        Assert.Equal("lti.payload.not_object", Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Classify_AdditionalClaims_WinOverTheBuiltInCatalogAndSplitMembers()
    {
        var classifier = new LtiClaimClassifier([
            new LtiClaimDescriptor("https://vendor.example.com/claim/x", null, DataCategory.Technical, "Vendor config."),
            new LtiClaimDescriptor("https://vendor.example.com/claim/x", "owner_email", DataCategory.DirectIdentifier, "Owner."),
            new LtiClaimDescriptor("locale", null, DataCategory.QuasiIdentifier, "Host policy."),
        ]);
        var payload = new JsonObject
        {
            ["https://vendor.example.com/claim/x"] = new JsonObject { ["mode"] = "a", ["owner_email"] = "o@example.org" },
            ["locale"] = "en",
        };

        var result = classifier.Classify(Element(payload));

        Assert.Equal(DataCategory.Technical, CategoryAt(result, "$['https://vendor.example.com/claim/x'].mode"));
        Assert.Equal(DataCategory.DirectIdentifier, CategoryAt(result, "$['https://vendor.example.com/claim/x'].owner_email"));
        Assert.Equal(DataCategory.QuasiIdentifier, CategoryAt(result, "$.locale"));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Categories_CanvasSample_ListsDistinctCategoriesInDeclarationOrder()
    {
        var result = LtiClaimClassifier.Default.Classify(Sample("canvas-resource-link.json"));

        Assert.Equal(
            [DataCategory.DirectIdentifier, DataCategory.PseudonymousIdentifier, DataCategory.QuasiIdentifier, DataCategory.Preference, DataCategory.Technical],
            result.Categories);
        Assert.All(result.OfCategory(DataCategory.Preference), c => Assert.Contains("locale", c.Path, StringComparison.Ordinal));
    }
}
