using System.Text.Json;
using FsCheck.Xunit;
using LmsPrivacy.Classification;
using LmsPrivacy.Lti.Claims;
using LmsPrivacy.Lti.Minimization;
using static LmsPrivacy.Lti.Tests.Launches;

namespace LmsPrivacy.Lti.Tests.Minimization;

public sealed class LtiMinimizerTests
{
    [Fact]
    public void Minimize_PseudonymousPolicyOnMoodleSample_DropsIdentityAndMigrationKeepsTheRest()
    {
        var result = new LtiMinimizer(LtiMinimizationPolicy.Pseudonymous).Minimize(Sample("moodle-resource-link.json"));
        var payload = result.Payload;

        foreach (var claim in (string[])["name", "given_name", "family_name", "email", L + "lti1p1"])
        {
            Assert.False(payload.TryGetProperty(claim, out _), claim);
        }

        Assert.Equal("340", payload.GetProperty("sub").GetString());
        Assert.False(payload.GetProperty(L + "lis").TryGetProperty("person_sourcedid", out _));
        Assert.Equal("PSY-201-A", payload.GetProperty(L + "lis").GetProperty("course_section_sourcedid").GetString());
        Assert.False(payload.GetProperty(L + "ext").TryGetProperty("user_username", out _));
        Assert.False(payload.GetProperty(L + "tool_platform").TryGetProperty("contact_email", out _));
        Assert.Equal(["section", "tutor"], payload.GetProperty(L + "custom").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Contains("$.email", result.Dropped);
        Assert.Contains($"$['{L}lti1p1']", result.Dropped);
    }

    [Fact]
    public void Minimize_KeepEverything_IsIdentityButForMigrationClaims()
    {
        var sample = Sample("canvas-resource-link.json");

        var kept = new LtiMinimizer(new LtiMinimizationPolicy(DataCategories.All)).Minimize(sample);
        var migrated = new LtiMinimizer(new LtiMinimizationPolicy(DataCategories.All) { DropMigrationClaims = true }).Minimize(sample);

        Assert.True(JsonElement.DeepEquals(sample, kept.Payload));
        Assert.Empty(kept.Dropped);
        Assert.Equal([$"$['{L}lti11_legacy_user_id']"], migrated.Dropped);
    }

    [Fact]
    public void Minimize_ObjectLeftEmpty_IsDropped()
    {
        var result = new LtiMinimizer(new LtiMinimizationPolicy(DataCategory.Technical)).Minimize(Sample("canvas-resource-link.json"));

        Assert.False(result.Payload.TryGetProperty(L + "lis", out _));
        Assert.True(result.Payload.TryGetProperty(L + "tool_platform", out _));
    }

    [Fact]
    public void Minimize_NotAnObject_EmptyObjectWithFinding()
    {
        var result = new LtiMinimizer(LtiMinimizationPolicy.Pseudonymous).Minimize(JsonDocument.Parse("[1]").RootElement);

        Assert.Equal("{}", result.Payload.GetRawText());
        Assert.Equal("lti.payload.not_object", Assert.Single(result.Report.Findings).Code);
    }

    [Property(Arbitrary = [typeof(LtiArbitraries)], MaxTest = 100)]
    public bool Minimization_NeverLeavesAClaimOfADroppedCategory(LaunchCase launch, KeepSet keep)
    {
        var policy = new LtiMinimizationPolicy(keep.Categories);
        var original = LtiClaimClassifier.Default.Classify(launch.Payload);
        var result = new LtiMinimizer(policy).Minimize(launch.Payload);
        var after = LtiClaimClassifier.Default.Classify(result.Payload);

        var droppedPaths = original.Claims.Where(c => !policy.Keep.Contains(c.Category)).Select(c => c.Path);
        return after.Claims.All(c => policy.Keep.Contains(c.Category))
            && droppedPaths.All(p => !after.Claims.Any(c => c.Path == p));
    }
}
