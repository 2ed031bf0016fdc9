using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Xunit;
using LmsPrivacy.Lti.Keys;
using LmsPrivacy.Pseudonymization;
using static LmsPrivacy.Lti.Tests.Launches;

namespace LmsPrivacy.Lti.Tests.Keys;

public sealed class LtiLearnerKeyDeriverTests
{
    // The demo key of samples/keys/demo.key: bytes 0x00..0x1f.
    private static readonly Pseudonymizer Pseudonymizer = new(PseudonymKey.FromText("k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));

    // Expected values computed independently with python3 (hmac, hashlib, base64, struct):
    // HMAC-SHA256(key, uint32be(n) || per component uint32be(len) || utf8), base32 lower case without padding,
    // over ("lmsprivacy.lti.learner.v1", scope, iss, [aud], [deployment_id], sub) of samples/lti/canvas-resource-link.json.
    [Theory]
    [InlineData(LtiLearnerKeyScope.Issuer, "k1.dyppkaia2p5aqkaacvkb2pzm7qjr776nrxpcbctce2enhkg5knxq")]
    [InlineData(LtiLearnerKeyScope.Client, "k1.xvil2pem64ltjrrafpykf7wdy5pj34ll4l2oiafsxi4afvp2rnpq")]
    [InlineData(LtiLearnerKeyScope.Deployment, "k1.pck6z6ljivcumos6sgtcsavorlomgqhf24r3qo4jl5pbdhdv7llq")]
    public void Derive_CanvasSample_MatchesIndependentVector(LtiLearnerKeyScope scope, string expected)
    {
        var key = new LtiLearnerKeyDeriver(Pseudonymizer, scope).Derive(Sample("canvas-resource-link.json"));

        Assert.Equal(expected, key.Key);
        Assert.False(key.IsAnonymous);
        Assert.Empty(key.Report.Findings);
    }

    [Fact]
    public void Derive_AnonymousLaunch_NoKeyAndInfoFinding()
    {
        var key = new LtiLearnerKeyDeriver(Pseudonymizer).Derive(Sample("anonymous-resource-link.json"));

        Assert.Null(key.Key);
        Assert.True(key.IsAnonymous);
        Assert.Equal("lti.key.anonymous", Assert.Single(key.Report.Findings).Code);
    }

    [Fact]
    public void Derive_ClientScopeWithAmbiguousAudience_ReportsComponentMissing()
    {
        var payload = Student();
        payload["aud"] = new JsonArray("a", "b");

        var key = new LtiLearnerKeyDeriver(Pseudonymizer, LtiLearnerKeyScope.Client).Derive(Element(payload));

        Assert.Null(key.Key);
        var finding = Assert.Single(key.Report.Findings);
        Assert.Equal("lti.key.component_missing", finding.Code);
        Assert.Equal("$.aud", finding.Path);
    }

    [Fact]
    public void Derive_ExplicitClientId_WinsOverAudience()
    {
        var payload = Student();
        payload["aud"] = new JsonArray("a", "b");
        var deriver = new LtiLearnerKeyDeriver(Pseudonymizer, LtiLearnerKeyScope.Client);

        var key = deriver.Derive(Element(payload), "b");

        Assert.Equal(deriver.Derive(CertIssuer, "STUDENT_ID", "b"), key.Key);
    }

    [Fact]
    public void Derive_SubIsCaseSensitiveAndNotTrimmed()
    {
        var deriver = new LtiLearnerKeyDeriver(Pseudonymizer, LtiLearnerKeyScope.Issuer);

        var keys = new[] { "User1", "user1", "User1 " }.Select(sub => deriver.Derive(CertIssuer, sub)).ToList();

        Assert.Equal(3, keys.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Derive_IgnoresEmailAndName()
    {
        var deriver = new LtiLearnerKeyDeriver(Pseudonymizer);
        var withPii = Student();
        var withoutPii = Student();
        withoutPii.Remove("email");
        withoutPii.Remove("name");
        withPii["email"] = "changed@example.org";

        Assert.Equal(deriver.Derive(Element(withoutPii)).Key, deriver.Derive(Element(withPii)).Key);
    }

    [Fact]
    public void Derive_ScopeNeedsMissingComponent_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new LtiLearnerKeyDeriver(Pseudonymizer, LtiLearnerKeyScope.Deployment).Derive("https://i", "s", "c"));
    }

    [Property(Arbitrary = [typeof(LtiArbitraries)], MaxTest = 60)]
    public bool LearnerKeys_AreStableUnderClaimReordering(LaunchCase launch, int seed)
    {
        var original = JsonNode.Parse(launch.Json)!.AsObject();
        var random = new Random(seed);
        var shuffled = new JsonObject();
        foreach (var property in original.OrderBy(_ => random.Next()).ToList())
        {
            shuffled.Add(property.Key, property.Value?.DeepClone());
        }

        return Enum.GetValues<LtiLearnerKeyScope>().All(scope =>
        {
            var deriver = new LtiLearnerKeyDeriver(Pseudonymizer, scope);
            return deriver.Derive(launch.Payload).Key == deriver.Derive(Element(shuffled)).Key;
        });
    }

    [Property(MaxTest = 60)]
    public bool LearnerKeys_DifferAcrossScopesAndOnlyByTheConfiguredComponents(NonEmptyString sub, NonEmptyString client, NonEmptyString deployment)
    {
        var s = sub.Get;
        var c = client.Get;
        var d = deployment.Get;
        string Key(LtiLearnerKeyScope scope, string clientId, string deploymentId) =>
            new LtiLearnerKeyDeriver(Pseudonymizer, scope).Derive(CertIssuer, s, clientId, deploymentId);

        var issuer = Key(LtiLearnerKeyScope.Issuer, c, d);
        var perClient = Key(LtiLearnerKeyScope.Client, c, d);
        var perDeployment = Key(LtiLearnerKeyScope.Deployment, c, d);
        return issuer != perClient && perClient != perDeployment && issuer != perDeployment
            && issuer == Key(LtiLearnerKeyScope.Issuer, c + "x", d + "x")
            && perClient == Key(LtiLearnerKeyScope.Client, c, d + "x")
            && perClient != Key(LtiLearnerKeyScope.Client, c + "x", d)
            && perDeployment != Key(LtiLearnerKeyScope.Deployment, c, d + "x");
    }
}
