using System.Text.Json;
using FsCheck.Xunit;
using LmsPrivacy.Classification;
using LmsPrivacy.Lti.Claims;
using LmsPrivacy.Lti.Minimization;
using LmsPrivacy.Pseudonymization;
using static LmsPrivacy.Lti.Tests.Launches;

namespace LmsPrivacy.Lti.Tests.Minimization;

public sealed class LtiLogRedactorTests
{
    [Fact]
    public void Redact_CanvasSample_ReplacesDirectIdentifiersKeepsSubAndStructure()
    {
        var text = new LtiLogRedactor().Redact(Sample("canvas-resource-link.json"));
        var redacted = JsonDocument.Parse(text).RootElement;

        Assert.DoesNotContain("jane.doe", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jane", text, StringComparison.Ordinal);
        Assert.DoesNotContain("S20250117", text, StringComparison.Ordinal);
        Assert.Equal(LtiLogRedactor.Placeholder, redacted.GetProperty("email").GetString());
        Assert.Equal(LtiLogRedactor.Placeholder, redacted.GetProperty(L + "custom").GetProperty("login_email").GetString());
        Assert.Equal("Fall 2025", redacted.GetProperty(L + "custom").GetProperty("course_term").GetString());
        Assert.Equal("4c0a7b2e-9f31-4d6a-8b52-1f0e6c3d2a97", redacted.GetProperty("sub").GetString());
        Assert.Equal(JsonValueKind.Null, redacted.GetProperty(L + "resource_link").GetProperty("description").ValueKind);
    }

    [Fact]
    public void Redact_WithPseudonymizingRedactor_SameValueSameReplacement()
    {
        var pseudonymizer = new Pseudonymizer(PseudonymKey.FromText("k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
        var redactor = new LtiLogRedactor(new PseudonymizingRedactor(pseudonymizer));

        var redacted = JsonDocument.Parse(redactor.Redact(Sample("canvas-resource-link.json"))).RootElement;

        var expected = pseudonymizer.Pseudonymize("jane.doe@example.edu");
        Assert.Equal(expected, redacted.GetProperty("email").GetString());
        Assert.Equal(expected, redacted.GetProperty(L + "custom").GetProperty("login_email").GetString());
    }

    [Fact]
    public void Redact_PrivacyLaunch_ReplacesForUserIncludingItsId()
    {
        var text = new LtiLogRedactor().Redact(Sample("privacy-launch.json"));

        Assert.DoesNotContain("learner-7781", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", text, StringComparison.Ordinal);
        Assert.Contains("admin-0001", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_ExtraCategory_AlsoReplacesIt()
    {
        var redactor = new LtiLogRedactor(null, [DataCategory.PseudonymousIdentifier], null);

        var text = redactor.Redact(Sample("canvas-resource-link.json"));

        Assert.DoesNotContain("4c0a7b2e", text, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", text, StringComparison.Ordinal);
        Assert.Contains(DataCategory.DirectIdentifier, redactor.Categories);
    }

    [Property(Arbitrary = [typeof(LtiArbitraries)], MaxTest = 100)]
    public bool Redaction_LeavesNoDirectIdentifier(LaunchCase launch)
    {
        var text = new LtiLogRedactor().Redact(launch.Payload);
        var redacted = JsonDocument.Parse(text).RootElement;
        var classification = LtiClaimClassifier.Default.Classify(redacted);

        var directValuesRedacted = classification.Claims
            .Where(c => c.Category is DataCategory.DirectIdentifier or DataCategory.ThirdParty)
            .All(c => Leaves(Resolve(redacted, c)).All(v => v == LtiLogRedactor.Placeholder));
        var noIdentifierText = launch.Identifiers.All(id => !text.Contains(id, StringComparison.Ordinal));
        return directValuesRedacted && noIdentifierText;
    }

    private static JsonElement Resolve(JsonElement root, LtiClassifiedClaim claim)
    {
        var value = root.GetProperty(claim.Claim);
        return claim.Member is null ? value : value.GetProperty(claim.Member);
    }

    private static IEnumerable<string?> Leaves(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().SelectMany(p => Leaves(p.Value)),
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Leaves),
        JsonValueKind.Null => [],
        JsonValueKind.String => [value.GetString()],
        _ => [value.GetRawText()],
    };
}
