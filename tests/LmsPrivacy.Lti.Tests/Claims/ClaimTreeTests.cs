using System.Text.Json;
using FsCheck.Xunit;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;
using LmsPrivacy.Lti.Claims;

namespace LmsPrivacy.Lti.Tests.Claims;

public sealed class ClaimTreeTests
{
    // The classifier's direct walk must give exactly what the node walk (used by the minimizer and redactor) gives.
    [Property(Arbitrary = [typeof(LtiArbitraries)], MaxTest = 100)]
    public bool Classify_AnyLaunch_AgreesWithNodeWalk(LaunchCase launch)
    {
        var payload = launch.Payload;
        var nodeFindings = new List<Finding>();
        var expected = new List<(string, DataCategory, string, string?)>();
        foreach (var node in ClaimTree.Build(payload, nodeFindings))
        {
            if (node.Members is null)
            {
                expected.Add((node.Path, node.Category, node.Name, null));
                continue;
            }

            expected.AddRange(node.Members.Select(m => (m.Path, m.Category, node.Name, (string?)m.Name)));
        }

        var classification = ClaimTree.Classify(payload, null);
        var actual = classification.Claims.Select(c => (c.Path, c.Category, c.Claim, c.Member));
        return actual.SequenceEqual(expected) && classification.Findings.SequenceEqual(nodeFindings);
    }

    [Fact]
    public void Classify_EscapedClaimAndMemberNames_ReadAsTheirDecodedNames()
    {
        // \u0065mail is "email"; lis.person\u005fsourcedid is lis.person_sourcedid (both direct identifiers).
        var payload = JsonDocument.Parse("""
            {"\u0065mail": "x@example.org", "https://purl.imsglobal.org/spec/lti/claim/lis": {"person\u005fsourcedid": "S1"}}
            """).RootElement;

        var claims = LtiClaimClassifier.Default.Classify(payload).Claims;

        Assert.Equal(2, claims.Count);
        Assert.Equal(new LtiClassifiedClaim("$.email", DataCategory.DirectIdentifier, "email", null), claims[0]);
        Assert.Equal(
            new LtiClassifiedClaim("$['https://purl.imsglobal.org/spec/lti/claim/lis'].person_sourcedid", DataCategory.DirectIdentifier, "https://purl.imsglobal.org/spec/lti/claim/lis", "person_sourcedid"),
            claims[1]);
    }

    [Fact]
    public void Classify_EscapedCustomValueRepeatingTheName_IsDirectIdentifier()
    {
        // The custom value is "Jane Doe" written with an escape; it repeats the name claim.
        var payload = JsonDocument.Parse("""
            {"name": "Jane Doe", "https://purl.imsglobal.org/spec/lti/claim/custom": {"who": "Jane\u0020Doe"}}
            """).RootElement;

        var result = LtiClaimClassifier.Default.Classify(payload);

        Assert.Equal(DataCategory.DirectIdentifier, result.Claims[1].Category);
        Assert.Equal("lti.custom.direct_identifier", Assert.Single(result.Findings).Code);
    }
}
