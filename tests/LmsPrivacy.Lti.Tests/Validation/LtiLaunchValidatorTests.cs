using System.Text.Json.Nodes;
using LmsPrivacy.Lti.Validation;
using NodaTime;
using static LmsPrivacy.Lti.Tests.Launches;

namespace LmsPrivacy.Lti.Tests.Validation;

public sealed class LtiLaunchValidatorTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    /// <summary>One case per validator rule: a mutation of a valid certification launch that must raise it.</summary>
    internal sealed record RuleCase(string Path, Action<JsonObject> Mutate, JsonObject? Header = null, LtiOptions? Options = null, LtiRegistration? Registration = null);

    internal static readonly Dictionary<string, RuleCase> RuleCases = new(StringComparer.Ordinal)
    {
        ["lti.payload.not_object"] = new("$", _ => { }),
        ["lti.claim.duplicate"] = new("$.nonce", _ => { }),
        ["lti.header.malformed"] = new("header:$", _ => { }),
        ["lti.header.not_checked"] = new("header:$", _ => { }),
        ["lti.header.kid.missing"] = new("header:$.kid", _ => { }, Header(kid: null)),
        ["lti.header.kid.unknown"] = new("header:$.kid", _ => { }, Header(kid: "imstester_66067")),
        ["lti.header.alg.missing"] = new("header:$.alg", _ => { }, Header(alg: null)),
        ["lti.header.alg.none"] = new("header:$.alg", _ => { }, Header(alg: "none")),
        ["lti.header.alg.not_approved"] = new("header:$.alg", _ => { }, Header(alg: "HS256")),
        ["lti.iss.missing"] = new("$.iss", p => p.Remove("iss")),
        ["lti.iss.not_registered"] = new("$.iss", p => p["iss"] = "https://LTIADVANTAGEVALIDATOR.imsglobal.org"),
        ["lti.iss.not_https"] = new("$.iss", p => p["iss"] = "http://platform.example.com", Registration: new LtiRegistration("http://platform.example.com", CertClientId, CertDeployment)),
        ["lti.aud.missing"] = new("$.aud", p => p.Remove("aud")),
        ["lti.aud.invalid"] = new("$.aud", p => p["aud"] = new JsonArray(CertClientId, 42)),
        ["lti.aud.client_id_absent"] = new("$.aud", p => p["aud"] = "someone-else"),
        ["lti.aud.untrusted"] = new("$.aud", p => { p["aud"] = new JsonArray(CertClientId, "other-party"); p["azp"] = CertClientId; }),
        ["lti.azp.missing"] = new("$.azp", p => p["aud"] = new JsonArray(CertClientId, "other-party")),
        ["lti.azp.mismatch"] = new("$.azp", p => p["azp"] = "someone-else"),
        ["lti.exp.missing"] = new("$.exp", p => p.Remove("exp")),
        ["lti.exp.invalid"] = new("$.exp", p => p["exp"] = "tomorrow"),
        ["lti.exp.expired"] = new("$.exp", p => p["exp"] = IssuedAt - 120),
        ["lti.iat.missing"] = new("$.iat", p => p.Remove("iat")),
        ["lti.iat.invalid"] = new("$.iat", p => p["iat"] = 1e300),
        ["lti.iat.in_future"] = new("$.iat", p => p["iat"] = IssuedAt + 3600),
        ["lti.iat.too_old"] = new("$.iat", p => { p["iat"] = IssuedAt - 7200; p["exp"] = IssuedAt + 60; }),
        ["lti.nonce.missing"] = new("$.nonce", p => p.Remove("nonce")),
        ["lti.nonce.replayed"] = new("$.nonce", _ => { }),
        ["lti.sub.empty"] = new("$.sub", p => p["sub"] = ""),
        ["lti.sub.too_long"] = new("$.sub", p => p["sub"] = new string('s', 256)),
        ["lti.anonymous.not_allowed"] = new("$.sub", p => p.Remove("sub")),
        ["lti.anonymous.identity_claims"] = new("$.email", p => p.Remove("sub"), Options: new LtiOptions { AllowAnonymous = true }),
        ["lti.identifier.not_ascii"] = new("$.sub", p => p["sub"] = "ünïcode-user"),
        ["lti.version.missing"] = new($"$['{L}version']", p => p.Remove(L + "version")),
        ["lti.version.unsupported"] = new($"$['{L}version']", p => p[L + "version"] = "11.3"),
        ["lti.message_type.missing"] = new($"$['{L}message_type']", p => p.Remove(L + "message_type")),
        ["lti.message_type.unknown"] = new($"$['{L}message_type']", p => p[L + "message_type"] = "LtiStartProctoring"),
        ["lti.deployment_id.missing"] = new($"$['{L}deployment_id']", p => p.Remove(L + "deployment_id")),
        ["lti.deployment_id.too_long"] = new($"$['{L}deployment_id']", p => p[L + "deployment_id"] = new string('d', 256)),
        ["lti.deployment_id.not_registered"] = new($"$['{L}deployment_id']", p => p[L + "deployment_id"] = "TESTDEPLOY"),
        ["lti.target_link_uri.missing"] = new($"$['{L}target_link_uri']", p => p.Remove(L + "target_link_uri")),
        ["lti.roles.missing"] = new($"$['{L}roles']", p => p.Remove(L + "roles")),
        ["lti.roles.invalid"] = new($"$['{L}roles']", p => p[L + "roles"] = "Learner"),
        ["lti.roles.short_name"] = new($"$['{L}roles'][0]", p => p[L + "roles"] = new JsonArray("Learner")),
        ["lti.roles.unknown"] = new($"$['{L}roles'][1]", p => p[L + "roles"] = new JsonArray("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner", "http://example.com/roles#Wizard")),
        ["lti.roles.no_vocabulary_role"] = new($"$['{L}roles']", p => p[L + "roles"] = new JsonArray("http://example.com/roles#Wizard")),
        ["lti.resource_link.missing"] = new($"$['{L}resource_link']", p => p.Remove(L + "resource_link")),
        ["lti.resource_link.id.missing"] = new($"$['{L}resource_link'].id", p => p[L + "resource_link"]!.AsObject().Remove("id")),
        ["lti.resource_link.id.too_long"] = new($"$['{L}resource_link'].id", p => p[L + "resource_link"]!["id"] = new string('r', 256)),
        ["lti.context.invalid"] = new($"$['{L}context']", p => p[L + "context"] = "COURSE_ID"),
        ["lti.context.id.missing"] = new($"$['{L}context'].id", p => p[L + "context"]!.AsObject().Remove("id")),
        ["lti.context.id.too_long"] = new($"$['{L}context'].id", p => p[L + "context"]!["id"] = new string('c', 300)),
        ["lti.tool_platform.guid.missing"] = new($"$['{L}tool_platform'].guid", p => p[L + "tool_platform"] = new JsonObject { ["name"] = "Validator" }),
        ["lti.tool_platform.guid.too_long"] = new($"$['{L}tool_platform'].guid", p => p[L + "tool_platform"] = new JsonObject { ["guid"] = new string('g', 256) }),
        ["lti.custom.invalid"] = new($"$['{L}custom']", p => p[L + "custom"] = new JsonArray("a")),
        ["lti.custom.value_not_string"] = new($"$['{L}custom'].count", p => p[L + "custom"] = new JsonObject { ["count"] = 3, ["empty"] = "" }),
        ["lti.role_scope_mentor.without_mentor_role"] = new($"$['{L}role_scope_mentor']", p => p[L + "role_scope_mentor"] = new JsonArray("STUDENT_ID")),
        ["lti.role_scope_mentor.invalid"] = new($"$['{L}role_scope_mentor']", p =>
        {
            p[L + "roles"] = new JsonArray(LtiClaimNames.MentorRole);
            p[L + "role_scope_mentor"] = "STUDENT_ID";
        }),
        ["lti.deep_linking_settings.missing"] = new("$['https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings']", p => p[L + "message_type"] = "LtiDeepLinkingRequest"),
        ["lti.deep_linking_settings.incomplete"] = new("$['https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings'].accept_types", p =>
        {
            p[L + "message_type"] = "LtiDeepLinkingRequest";
            p["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"] = new JsonObject
            {
                ["deep_link_return_url"] = "https://platform.example.com/dl",
                ["accept_types"] = new JsonArray(),
                ["accept_presentation_document_targets"] = new JsonArray("iframe"),
            };
        }),
        ["lti.for_user.missing"] = new($"$['{L}for_user']", p => p[L + "message_type"] = "LtiSubmissionReviewRequest"),
        ["lti.for_user.user_id.missing"] = new($"$['{L}for_user'].user_id", p =>
        {
            p[L + "message_type"] = "LtiDataPrivacyLaunchRequest";
            p.Remove(L + "resource_link");
            p.Remove(L + "context");
            p[L + "for_user"] = new JsonObject { ["email"] = "learner@example.org" };
        }),
        ["lti.for_user.id_alias"] = new($"$['{L}for_user'].id", p =>
        {
            p[L + "message_type"] = "DataPrivacyLaunchRequest";
            p.Remove(L + "resource_link");
            p.Remove(L + "context");
            p[L + "for_user"] = new JsonObject { ["id"] = "learner-1" };
        }),
        ["lti.submission_review.lineitem.missing"] = new("$['https://purl.imsglobal.org/spec/lti-ags/claim/endpoint'].lineitem", p =>
        {
            p[L + "message_type"] = "LtiSubmissionReviewRequest";
            p[L + "for_user"] = new JsonObject { ["user_id"] = "STUDENT_ID" };
        }),
        ["lti.privacy_launch.unexpected_claim"] = new($"$['{L}resource_link']", p =>
        {
            p[L + "message_type"] = "LtiDataPrivacyLaunchRequest";
            p[L + "for_user"] = new JsonObject { ["user_id"] = "learner-1" };
        }),
        ["lti.lti1p1.sign.missing"] = new($"$['{L}lti1p1'].oauth_consumer_key_sign", p => p[L + "lti1p1"] = new JsonObject { ["user_id"] = "old-1" },
            Registration: CertRegistration(CertKid) with { Lti11Secret = "secret" }),
        ["lti.lti1p1.sign.mismatch"] = new($"$['{L}lti1p1'].oauth_consumer_key_sign", p => p[L + "lti1p1"] = new JsonObject
        {
            ["oauth_consumer_key"] = "key",
            ["oauth_consumer_key_sign"] = Convert.ToBase64String(new byte[32]),
        }, Registration: CertRegistration(CertKid) with { Lti11Secret = "secret" }),
    };

    /// <summary>Rules raised by other components than the validator; they are tested in their own classes.</summary>
    private static readonly string[] NotValidatorRules =
    [
        "lti.jwt.malformed", "lti.payload.malformed", "lti.claim.unknown", "lti.claim.third_party", "lti.custom.direct_identifier",
        "lti.key.component_missing", "lti.key.anonymous",
    ];

    public static TheoryData<string> RuleCodes => [.. RuleCases.Keys];

    [Theory]
    [MemberData(nameof(RuleCodes))]
    public async Task ValidateAsync_RuleCase_ReportsTheRuleAtItsPath(string code)
    {
        var @case = RuleCases[code];
        var validator = Validator(@case.Options, @case.Registration);
        var payload = Student();
        @case.Mutate(payload);
        var header = @case.Header ?? Header();

        LtiLaunchValidationResult result;
        switch (code)
        {
            case "lti.payload.not_object":
                result = await validator.ValidateAsync(Element(new JsonArray(1)), Element(header), Ct);
                break;
            case "lti.claim.duplicate":
                var json = payload.ToJsonString()[..^1] + ",\"nonce\":\"again\"}";
                result = await validator.ValidateJsonAsync(System.Text.Encoding.UTF8.GetBytes(json), System.Text.Encoding.UTF8.GetBytes(header.ToJsonString()), Ct);
                break;
            case "lti.header.malformed":
                result = await validator.ValidateAsync(Element(payload), Element(JsonValue.Create("RS256")), Ct);
                break;
            case "lti.header.not_checked":
                result = await validator.ValidateAsync(Element(payload), null, Ct);
                break;
            case "lti.nonce.replayed":
                await validator.ValidateAsync(Element(payload), Element(header), Ct);
                result = await validator.ValidateAsync(Element(payload), Element(header), Ct);
                break;
            default:
                result = await validator.ValidateAsync(Element(payload), Element(header), Ct);
                break;
        }

        var matching = result.Findings.Where(f => f.Code == code).ToList();
        Assert.NotEmpty(matching);
        Assert.Contains(@case.Path, matching.Select(f => f.Path));
        Assert.All(matching, f => Assert.NotNull(f.Source));
    }

    [Fact]
    public void RuleCases_CoverEveryRule()
    {
        var covered = RuleCases.Keys.Concat(NotValidatorRules).Order(StringComparer.Ordinal);
        Assert.Equal(LtiRules.All.Select(r => r.Code).Order(StringComparer.Ordinal), covered);
    }

    [Fact]
    public async Task ValidateAsync_UnmutatedStudentLaunch_HasNoFinding()
    {
        var result = await Validator().ValidateAsync(Element(Student()), Element(Header()), Ct);

        Assert.Empty(result.Findings);
        Assert.True(result.IsValid);
        Assert.False(result.IsAnonymous);
        Assert.Equal("LtiResourceLinkRequest", result.MessageType);
        Assert.Equal(CertClientId, result.Registration?.ClientId);
    }

    public static TheoryData<string> KnownGood =>
    [
        "instructor", "student", "multiple roles", "short role", "unknown role", "no role", "only email", "only names",
        "no pii", "email no context", "student only resource link", "deep linking request",
    ];

    [Theory]
    [MemberData(nameof(KnownGood))]
    public async Task ValidateAsync_CertificationKnownGoodPayload_IsValid(string name)
    {
        var payload = name == "instructor" || name.StartsWith("no", StringComparison.Ordinal) || name.Contains("role", StringComparison.Ordinal) || name.Contains("only", StringComparison.Ordinal) || name.Contains("email", StringComparison.Ordinal)
            ? Teacher() : Student();
        switch (name)
        {
            case "student":
                payload = Student();
                break;
            case "multiple roles":
                payload[L + "roles"] = new JsonArray(
                    "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
                    "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Faculty",
                    "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor");
                break;
            case "short role":
                payload[L + "roles"] = new JsonArray("Instructor");
                break;
            case "unknown role":
                payload[L + "roles"] = new JsonArray("http://purl.imsglobal.org/vocab/lis/v2/unknown/unknown#Unknown");
                break;
            case "no role":
                payload[L + "roles"] = new JsonArray("");
                break;
            case "only email":
                foreach (var claim in (string[])["name", "given_name", "family_name", "middle_name"])
                {
                    payload.Remove(claim);
                }

                break;
            case "only names":
                payload.Remove("email");
                break;
            case "no pii":
                foreach (var claim in (string[])["name", "given_name", "family_name", "middle_name", "email"])
                {
                    payload.Remove(claim);
                }

                break;
            case "email no context":
                payload.Remove(L + "context");
                break;
            case "student only resource link":
                payload = Student();
                foreach (var claim in (string[])["name", "given_name", "family_name", "middle_name", "email", L + "context", L + "custom", "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice", "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"])
                {
                    payload.Remove(claim);
                }

                break;
            case "deep linking request":
                payload = DeepLinking();
                break;
        }

        var result = await Validator().ValidateAsync(Element(payload), Element(Header()), Ct);

        Assert.True(result.IsValid, string.Join("; ", result.Findings));
    }

    public static TheoryData<string, string> KnownBad => new()
    {
        { "no kid", "lti.header.kid.missing" },
        { "incorrect kid", "lti.header.kid.unknown" },
        { "wrong version", "lti.version.unsupported" },
        { "no version", "lti.version.missing" },
        { "invalid lti message", "lti.message_type.missing" },
        { "missing lti claims", "lti.roles.missing" },
        { "timestamps incorrect", "lti.exp.expired" },
        { "message type missing", "lti.message_type.missing" },
        { "role missing", "lti.roles.missing" },
        { "deployment id missing", "lti.deployment_id.missing" },
        { "resource link missing", "lti.resource_link.missing" },
        { "user claim empty", "lti.sub.empty" },
        { "user claim deleted", "lti.anonymous.not_allowed" },
    };

    [Theory]
    [MemberData(nameof(KnownBad))]
    public async Task ValidateAsync_CertificationKnownBadPayload_IsRejected(string name, string expectedCode)
    {
        var payload = Teacher();
        var header = Header();
        switch (name)
        {
            case "no kid": header.Remove("kid"); break;
            case "incorrect kid": header["kid"] = "imstester_66067"; break;
            case "wrong version": payload[L + "version"] = "11.3"; break;
            case "no version": payload.Remove(L + "version"); break;
            case "invalid lti message": payload = new JsonObject { ["name"] = "badltilaunch" }; break;
            case "missing lti claims":
                foreach (var claim in (string[])["aud", "iss", "sub", L + "deployment_id", L + "roles", L + "message_type", L + "version"])
                {
                    payload.Remove(claim);
                }

                break;
            case "timestamps incorrect": payload["iat"] = 11111; payload["exp"] = 22222; break;
            case "message type missing": payload.Remove(L + "message_type"); break;
            case "role missing": payload.Remove(L + "roles"); break;
            case "deployment id missing": payload.Remove(L + "deployment_id"); break;
            case "resource link missing": payload.Remove(L + "resource_link"); break;
            case "user claim empty": payload["sub"] = ""; break;
            case "user claim deleted": payload.Remove("sub"); break;
        }

        var result = await Validator().ValidateAsync(Element(payload), Element(header), Ct);

        Assert.False(result.IsValid);
        Assert.Contains(result.Findings, f => f.Code == expectedCode && f.IsError);
    }

    [Fact]
    public async Task ValidateAsync_MissingLtiClaims_ReportsEveryProblemInOnePassInStableOrder()
    {
        var payload = Teacher();
        foreach (var claim in (string[])["aud", "iss", L + "deployment_id", L + "roles", L + "version"])
        {
            payload.Remove(claim);
        }

        var first = await Validator().ValidateAsync(Element(payload), Element(Header()), Ct);
        var second = await Validator().ValidateAsync(Element(payload), Element(Header()), Ct);

        Assert.Equal(["lti.iss.missing", "lti.aud.missing", "lti.version.missing", "lti.deployment_id.missing", "lti.roles.missing"],
            first.Findings.Select(f => f.Code));
        Assert.Equal(first.Findings, second.Findings);
    }

    [Fact]
    public async Task ValidateAsync_AnonymousLaunchAllowed_IsValidAndReportedAnonymous()
    {
        var result = await new LtiLaunchValidator(
            new InMemoryLtiRegistrationStore([new LtiRegistration("https://canvas.instructure.com", "10000000000042", "42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb")]),
            new InMemoryLtiNonceStore(Clock()), Clock(), new LtiOptions { AllowAnonymous = true })
            .ValidateAsync(Sample("anonymous-resource-link.json"), null, Ct);

        Assert.True(result.IsValid, string.Join("; ", result.Findings));
        Assert.True(result.IsAnonymous);
        Assert.Equal(["lti.header.not_checked"], result.Findings.Select(f => f.Code));
    }

    [Fact]
    public async Task ValidateAsync_AnonymousLaunchNotAllowed_IsErrorButStillAnonymous()
    {
        var payload = Student();
        foreach (var claim in (string[])["sub", "name", "given_name", "family_name", "middle_name", "email"])
        {
            payload.Remove(claim);
        }

        var result = await Validator().ValidateAsync(Element(payload), Element(Header()), Ct);

        Assert.True(result.IsAnonymous);
        Assert.Equal(["lti.anonymous.not_allowed"], result.Findings.Select(f => f.Code));
    }

    [Theory]
    [InlineData("LtiDataPrivacyLaunchRequest")]
    [InlineData("DataPrivacyLaunchRequest")]
    public async Task ValidateAsync_PrivacyLaunchEitherSpelling_NormalizesMessageType(string type)
    {
        var payload = Teacher();
        payload[L + "message_type"] = type;
        payload.Remove(L + "resource_link");
        payload.Remove(L + "context");
        payload[L + "for_user"] = new JsonObject { ["user_id"] = "STUDENT_ID" };

        var result = await Validator().ValidateAsync(Element(payload), Element(Header()), Ct);

        Assert.True(result.IsValid, string.Join("; ", result.Findings));
        Assert.Equal(LtiMessageTypes.DataPrivacyLaunch, result.MessageType);
    }

    [Theory]
    [InlineData(60, 59, true)]
    [InlineData(60, 61, false)]
    [InlineData(0, 1, false)]
    public async Task ValidateAsync_ExpiredByLessOrMoreThanLeeway_DecidesByLeeway(int leewaySeconds, int secondsPastExp, bool valid)
    {
        var payload = Student();
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUnixTimeSeconds(IssuedAt + 60 + secondsPastExp));
        var options = new LtiOptions { Leeway = Duration.FromSeconds(leewaySeconds) };

        var result = await Validator(options, clock: clock).ValidateAsync(Element(payload), Element(Header()), Ct);

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(!valid, result.Findings.Any(f => f.Code == "lti.exp.expired"));
    }

    [Fact]
    public async Task ValidateAsync_SubWithEmail_MessagesNeverEchoTheValue()
    {
        var payload = Student();
        payload["sub"] = "secret.person@example.org" + new string('x', 300);
        payload[L + "context"]!["id"] = "secret.person@example.org";
        payload.Remove(L + "context");

        var result = await Validator().ValidateAsync(Element(payload), Element(Header()), Ct);

        Assert.Contains(result.Findings, f => f.Code == "lti.sub.too_long");
        Assert.All(result.Findings, f => Assert.DoesNotContain("secret.person", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ValidateAsync_AudienceArrayWithAzp_MatchesRegistrationByAzp()
    {
        var store = new InMemoryLtiRegistrationStore([
            new LtiRegistration(CertIssuer, "other-client", "d1"),
            CertRegistration(),
        ]);
        var payload = Student();
        payload["aud"] = new JsonArray("other-client", CertClientId);
        payload["azp"] = CertClientId;
        var options = new LtiOptions();
        options.TrustedAudiences.Add("other-client");

        var result = await new LtiLaunchValidator(store, new InMemoryLtiNonceStore(Clock()), Clock(), options)
            .ValidateAsync(Element(payload), Element(Header()), Ct);

        Assert.True(result.IsValid, string.Join("; ", result.Findings));
        Assert.Equal(CertClientId, result.Registration?.ClientId);
    }

    [Fact]
    public async Task ValidateJsonAsync_MalformedJson_IsOnePayloadMalformedFinding()
    {
        var result = await Validator().ValidateJsonAsync("{\"iss\": "u8.ToArray(), default, Ct);

        Assert.Equal("lti.payload.malformed", Assert.Single(result.Findings).Code);
        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task ValidateTokenAsync_MalformedToken_IsOneJwtMalformedFinding()
    {
        var result = await Validator().ValidateTokenAsync("only.two", Ct);

        Assert.Equal("lti.jwt.malformed", Assert.Single(result.Findings).Code);
    }

    [Fact]
    public async Task ValidateTokenAsync_UnsignedTokenWithAlgNone_ReportsAlgNone()
    {
        var header = Convert.ToBase64String("{\"alg\":\"none\",\"kid\":\"imstester_4ba76ab\"}"u8).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var body = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Student().ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var result = await Validator().ValidateTokenAsync($"{header}.{body}.", Ct);

        Assert.Equal(["lti.header.alg.none"], result.Findings.Select(f => f.Code));
    }

    [Fact]
    public async Task ValidateAsync_MigrationSignatureFromSample_Verifies()
    {
        // The sample's oauth_consumer_key_sign was computed with python3 hmac/hashlib (see samples/lti/README.md).
        var registration = new LtiRegistration("https://moodle.example.edu", "pQ7sLh3kZx9wE2r", "3") { Lti11Secret = "lti11-shared-secret" };

        var result = await Validator(registration: registration).ValidateAsync(Sample("moodle-resource-link.json"), null, Ct);

        Assert.DoesNotContain(result.Findings, f => f.Code.StartsWith("lti.lti1p1", StringComparison.Ordinal));
        Assert.True(result.IsValid, string.Join("; ", result.Findings));
    }

    [Fact]
    public void Constructor_AlgNoneAllowed_Throws()
    {
        var options = new LtiOptions();
        options.AllowedAlgorithms.Add("none");

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => Validator(options));
    }

    [Fact]
    public void Registration_ToString_HidesSecret()
    {
        var registration = CertRegistration() with { Lti11Secret = "very-secret-value" };

        Assert.DoesNotContain("very-secret-value", registration.ToString(), StringComparison.Ordinal);
        Assert.Contains(CertClientId, registration.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LtiRulesAll_CodesAreUnique()
    {
        Assert.Equal(LtiRules.All.Count, LtiRules.All.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
    }
}
