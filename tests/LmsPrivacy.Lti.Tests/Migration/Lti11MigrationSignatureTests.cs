using System.Text.Json.Nodes;
using LmsPrivacy.Lti.Migration;
using static LmsPrivacy.Lti.Tests.Launches;

namespace LmsPrivacy.Lti.Tests.Migration;

public sealed class Lti11MigrationSignatureTests
{
    // python3: base64.b64encode(hmac.new(b"shh-its-a-secret",
    //   b"consumer-key-1&deploy-9&https://platform.example.com&client-7&1764003600&nonce-xyz", hashlib.sha256).digest())
    private const string Expected = "NRnsZCf+vcXycHPaQhAVhpATFfzkU0PfrFF2gkaHirg=";

    [Fact]
    public void Compute_MatchesIndependentVector()
    {
        Assert.Equal(Expected, Lti11MigrationSignature.Compute("consumer-key-1", "deploy-9", "https://platform.example.com", "client-7", "1764003600", "nonce-xyz", "shh-its-a-secret"));
    }

    [Theory]
    [InlineData(Expected, "shh-its-a-secret", true)]
    [InlineData(Expected, "wrong-secret", false)]
    [InlineData("not base64!", "shh-its-a-secret", false)]
    [InlineData("", "shh-its-a-secret", false)]
    public void Verify_ChecksSignatureAndSecret(string signature, string secret, bool expected)
    {
        Assert.Equal(expected, Lti11MigrationSignature.Verify(signature, "consumer-key-1", "deploy-9", "https://platform.example.com", "client-7", "1764003600", "nonce-xyz", secret));
    }

    [Fact]
    public void Verify_Payload_UsesExpAsWrittenAndTheGivenClientId()
    {
        var payload = new JsonObject
        {
            ["iss"] = "https://platform.example.com",
            ["exp"] = 1764003600,
            ["nonce"] = "nonce-xyz",
            [L + "deployment_id"] = "deploy-9",
            [L + "lti1p1"] = new JsonObject { ["oauth_consumer_key"] = "consumer-key-1", ["oauth_consumer_key_sign"] = Expected },
        };

        Assert.True(Lti11MigrationSignature.Verify(Element(payload), "client-7", "shh-its-a-secret"));
        Assert.False(Lti11MigrationSignature.Verify(Element(payload), "client-8", "shh-its-a-secret"));
        payload.Remove(L + "lti1p1");
        Assert.False(Lti11MigrationSignature.Verify(Element(payload), "client-7", "shh-its-a-secret"));
    }

    [Fact]
    public void Verify_MoodleSample_VerifiesWithItsSecret()
    {
        // The sample's signature was made with python3 (samples/lti/README.md), secret "lti11-shared-secret".
        Assert.True(Lti11MigrationSignature.Verify(Sample("moodle-resource-link.json"), "pQ7sLh3kZx9wE2r", "lti11-shared-secret"));
    }
}
