using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck.Xunit;
using LmsPrivacy.Lti.Claims;
using LmsPrivacy.Lti.Validation;
using NodaTime;
using static LmsPrivacy.Lti.Tests.Launches;

namespace LmsPrivacy.Lti.Tests.Validation;

/// <summary>InspectAsync walks a launch once; it must say exactly what ValidateAsync and Classify say apart.</summary>
public sealed class LtiLaunchInspectionTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    public static TheoryData<string> RuleCodes => [.. LtiLaunchValidatorTests.RuleCases.Keys];

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public async Task InspectAsync_EveryRuleCase_EqualsValidateThenClassify(string code)
    {
        var @case = LtiLaunchValidatorTests.RuleCases[code];
        var payload = Student();
        @case.Mutate(payload);
        var json = code == "lti.claim.duplicate" ? payload.ToJsonString()[..^1] + ",\"nonce\":\"again\"}" : payload.ToJsonString();
        var element = code == "lti.payload.not_object" ? Element(new JsonArray(1)) : JsonDocument.Parse(json).RootElement.Clone();
        JsonElement? header = code switch
        {
            "lti.header.not_checked" => null,
            "lti.header.malformed" => Element(JsonValue.Create("RS256")),
            _ => Element(@case.Header ?? Header()),
        };
        var replay = code == "lti.nonce.replayed";

        await AssertSameAsync(element, header, () => Validator(@case.Options, @case.Registration), replay);
    }

    [Theory]
    [InlineData("canvas-resource-link.json")]
    [InlineData("moodle-resource-link.json")]
    [InlineData("anonymous-resource-link.json")]
    [InlineData("privacy-launch.json")]
    public async Task InspectAsync_Samples_EqualsValidateThenClassify(string name) =>
        await AssertSameAsync(Sample(name), Element(Header()), () => Validator(new LtiOptions { AllowAnonymous = true }), replay: false);

    // Law: for any generated launch (identities, custom values, third-party and vendor claims in any order) the one walk
    // and the two separate calls agree.
    [Property(Arbitrary = [typeof(LtiArbitraries)], MaxTest = 100)]
    public void InspectAsync_AnyLaunch_EqualsValidateThenClassify(LaunchCase launch) =>
        AssertSameAsync(launch.Payload, Element(Header()), () => Validator(), replay: false).GetAwaiter().GetResult();

    [Fact]
    public async Task InspectAsync_StoresThatAwait_SameResultAsSynchronousStores()
    {
        var clock = Clock();
        var awaiting = new LtiLaunchValidator(new YieldingRegistrations(CertRegistration(CertKid)), new YieldingNonces(), clock);
        var payload = Element(Student());

        var slow = await awaiting.InspectAsync(payload, Element(Header()), cancellationToken: Ct);
        var fast = await Validator().InspectAsync(payload, Element(Header()), cancellationToken: Ct);

        Assert.Equal(fast.Validation.Findings, slow.Validation.Findings);
        Assert.Equal(fast.Classification.Claims, slow.Classification.Claims);
        Assert.Equal(CertClientId, slow.Validation.Registration?.ClientId);
    }

    [Fact]
    public async Task ValidateAsync_AfterLaunchWithDuplicates_NextLaunchStartsClean()
    {
        // The per-thread scratch state of one launch must not leak into the next.
        var validator = Validator();
        var duplicated = Student().ToJsonString()[..^1] + ",\"email\":\"again@example.org\"}";
        var first = await validator.ValidateJsonAsync(Encoding.UTF8.GetBytes(duplicated), Encoding.UTF8.GetBytes(Header().ToJsonString()), Ct);

        var second = await validator.ValidateAsync(Element(Student("another-nonce")), Element(Header()), Ct);

        Assert.Contains(first.Findings, f => f.Code == "lti.claim.duplicate");
        Assert.Empty(second.Findings);
    }

    [Theory]
    [InlineData("x-vendor-claim", "x-vendor\\u002dclaim")]
    [InlineData("locale", "\\u006cocale")]
    [InlineData("nonce", "n\\u006fnce")]
    public async Task ValidateAsync_NameRepeatedWithEscapes_IsDuplicate(string name, string escaped)
    {
        // One claim written twice, once with escapes: uncatalogued, catalogued, and one the validator reads.
        var json = $"{{\"{name}\":\"1\",\"{escaped}\":\"2\"}}";

        var result = await Validator().ValidateJsonAsync(Encoding.UTF8.GetBytes(json), Encoding.UTF8.GetBytes(Header().ToJsonString()), Ct);

        Assert.Single(result.Findings, f => f.Code == "lti.claim.duplicate" && f.Path == JsonPaths.Claim(name));
    }

    public static TheoryData<string, string> Unreadable => new()
    {
        { """{"\ud800": 1}""", "$" },
        { """{"https://purl.imsglobal.org/spec/lti/claim/custom": {"\udc00": "x"}}""", "$" },
        { """{"https://purl.imsglobal.org/spec/lti/claim/custom": {"a": "\ud800 and more"}}""", "$" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task AllEntryPoints_LoneSurrogateEscape_OneMalformedFindingNotAnException(string json, string path)
    {
        // The parser accepts "\ud800", but no string can be read from it. Every entry point that reads the text reports
        // the payload as malformed; ValidateAsync reads only the text its rules need (not custom names or values), and
        // must not throw either way.
        var payload = JsonDocument.Parse(json).RootElement.Clone();
        var validator = Validator();

        var validation = await validator.ValidateAsync(payload, Element(Header()), Ct);
        var inspection = await validator.InspectAsync(payload, Element(Header()), cancellationToken: Ct);
        var classification = LtiClaimClassifier.Default.Classify(payload);
        var fromBytes = await validator.ValidateJsonAsync(Encoding.UTF8.GetBytes(json), cancellationToken: Ct);

        Assert.False(validation.IsValid);
        foreach (var findings in new[] { inspection.Validation.Findings, inspection.Classification.Findings, classification.Findings, fromBytes.Findings })
        {
            var finding = Assert.Single(findings);
            Assert.Equal("lti.payload.malformed", finding.Code);
            Assert.Equal(path, finding.Path);
        }
    }

    [Fact]
    public async Task ValidateAsync_LoneSurrogateInTheNonce_Malformed()
    {
        var payload = Student();
        var json = payload.ToJsonString().Replace("\"nonce\":\"d45a2497-4389-45ea-8d61-b1fa7e407447\"", "\"nonce\":\"\\ud800\"", StringComparison.Ordinal);
        Assert.Contains("\\ud800", json, StringComparison.Ordinal);

        var result = await Validator().ValidateAsync(JsonDocument.Parse(json).RootElement.Clone(), Element(Header()), Ct);

        Assert.Equal("lti.payload.malformed", Assert.Single(result.Findings).Code);
    }

    [Fact]
    public async Task ValidateAsync_LoneSurrogateInTheHeaderKid_HeaderMalformed()
    {
        var header = JsonDocument.Parse("""{"alg": "RS256", "kid": "\ud800"}""").RootElement.Clone();

        var result = await Validator().ValidateAsync(Element(Student()), header, Ct);

        var finding = Assert.Single(result.Findings);
        Assert.Equal("lti.header.malformed", finding.Code);
        Assert.Equal("header:$", finding.Path);
    }

    [Fact]
    public void Classify_AfterLaunchWithAName_NextLaunchDoesNotRememberIt()
    {
        var withName = Element(new JsonObject { ["name"] = "Jane Doe", [L + "custom"] = new JsonObject { ["who"] = "Jane Doe" } });
        var withoutName = Element(new JsonObject { [L + "custom"] = new JsonObject { ["who"] = "Jane Doe" } });

        var first = LtiClaimClassifier.Default.Classify(withName);
        var second = LtiClaimClassifier.Default.Classify(withoutName);

        Assert.Equal(Classification.DataCategory.DirectIdentifier, first.Claims.Single(c => c.Member == "who").Category);
        Assert.Equal(Classification.DataCategory.QuasiIdentifier, second.Claims.Single(c => c.Member == "who").Category);
        Assert.Empty(second.Findings);
    }

    private static async Task AssertSameAsync(JsonElement payload, JsonElement? header, Func<LtiLaunchValidator> validator, bool replay)
    {
        // Fresh validators (and nonce stores) for each side, so the nonce is new to both or, for a replay, used before.
        var validating = validator();
        var inspecting = validator();
        if (replay)
        {
            await validating.ValidateAsync(payload, header, Ct);
            await inspecting.ValidateAsync(payload, header, Ct);
        }

        var validation = await validating.ValidateAsync(payload, header, Ct);
        var classification = LtiClaimClassifier.Default.Classify(payload);
        var inspection = await inspecting.InspectAsync(payload, header, cancellationToken: Ct);

        Assert.Equal(validation.Findings, inspection.Validation.Findings);
        Assert.Equal(validation.IsAnonymous, inspection.Validation.IsAnonymous);
        Assert.Equal(validation.MessageType, inspection.Validation.MessageType);
        Assert.Equal((validation.Registration?.Issuer, validation.Registration?.ClientId), (inspection.Validation.Registration?.Issuer, inspection.Validation.Registration?.ClientId));
        Assert.Equal(classification.Claims, inspection.Classification.Claims);
        Assert.Equal(classification.Findings, inspection.Classification.Findings);
    }

    private sealed class YieldingRegistrations(LtiRegistration registration) : ILtiRegistrationStore
    {
        public async ValueTask<IReadOnlyList<LtiRegistration>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return issuer == registration.Issuer ? [registration] : [];
        }
    }

    private sealed class YieldingNonces : ILtiNonceStore
    {
        private readonly HashSet<string> _used = [];

        public async ValueTask<bool> TryUseAsync(string nonce, Instant expiresAt, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            lock (_used)
            {
                return _used.Add(nonce);
            }
        }
    }
}
