using System.Text.Json;
using System.Text.Json.Nodes;
using LmsPrivacy.Lti.Validation;
using NodaTime;
using NodaTime.Testing;

namespace LmsPrivacy.Lti.Tests;

/// <summary>
/// Launch payloads. The certification ones reproduce the facts of the 1EdTech LTI 1.3 certification suite's tool tests
/// (issuer https://ltiadvantagevalidator.imsglobal.org, client imstester_3dfad6d, deployment testdeploy, the teacher and
/// student payloads and the known-good / known-bad mutations listed at imsglobal.org/spec/lti/v1p3/cert/).
/// </summary>
internal static class Launches
{
    public const string L = "https://purl.imsglobal.org/spec/lti/claim/";
    public const string CertIssuer = "https://ltiadvantagevalidator.imsglobal.org";
    public const string CertClientId = "imstester_3dfad6d";
    public const string CertDeployment = "testdeploy";
    public const string CertKid = "imstester_4ba76ab";
    public const long IssuedAt = 1_764_000_000;

    public static Instant Now => Instant.FromUnixTimeSeconds(IssuedAt + 10);

    public static FakeClock Clock() => new(Now);

    public static LtiRegistration CertRegistration(params string[] keyIds) =>
        new(CertIssuer, CertClientId, CertDeployment) { KeyIds = keyIds };

    public static LtiLaunchValidator Validator(LtiOptions? options = null, LtiRegistration? registration = null, IClock? clock = null)
    {
        var store = new InMemoryLtiRegistrationStore([registration ?? CertRegistration(CertKid)]);
        clock ??= Clock();
        return new LtiLaunchValidator(store, new InMemoryLtiNonceStore(clock), clock, options);
    }

    public static JsonObject Common(string nonce) => new()
    {
        ["iss"] = CertIssuer,
        ["aud"] = CertClientId,
        ["exp"] = IssuedAt + 60,
        ["iat"] = IssuedAt,
        ["nonce"] = nonce,
        ["locale"] = "en-US",
        [L + "target_link_uri"] = "https://tool.example.com/lti/launch",
        [L + "deployment_id"] = CertDeployment,
        [L + "message_type"] = "LtiResourceLinkRequest",
        [L + "version"] = "1.3.0",
        [L + "context"] = new JsonObject
        {
            ["id"] = "COURSE_ID",
            ["label"] = "COURSE_LABEL",
            ["title"] = "COURSE_TITLE",
            ["type"] = new JsonArray("http://purl.imsglobal.org/vocab/lis/v2/course#CourseSection"),
        },
        [L + "resource_link"] = new JsonObject
        {
            ["id"] = "RESOURCE_ID",
            ["title"] = "Introduction Assignment",
            ["description"] = "This is the introduction assignment",
        },
        ["https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"] = new JsonObject
        {
            ["context_memberships_url"] = "https://ltiadvantagevalidator.imsglobal.org/ltitool/namesandroles.html?memberships=10843",
            ["service_versions"] = new JsonArray("2.0"),
        },
        ["https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"] = new JsonObject
        {
            ["scope"] = new JsonArray(
                "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
                "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
                "https://purl.imsglobal.org/spec/lti-ags/scope/score"),
            ["lineitems"] = "https://ltiadvantagevalidator.imsglobal.org/ltitool/rest/assignmentsgrades/10843/lineitems",
        },
        [L + "custom"] = new JsonObject { ["certification_guid"] = "GUID" },
    };

    public static JsonObject Teacher(string nonce = "6f889151-c368-4e32-91af-5fe831ee266b")
    {
        var payload = Common(nonce);
        payload["sub"] = "TEACHER_ID";
        payload["name"] = "TEACHER_FIRST_NAME TEACHER_MIDDLE_NAME TEACHER_LAST_NAME";
        payload["given_name"] = "TEACHER_FIRST_NAME";
        payload["family_name"] = "TEACHER_LAST_NAME";
        payload["middle_name"] = "TEACHER_MIDDLE_NAME";
        payload["email"] = "teacher@email.com";
        payload[L + "roles"] = new JsonArray("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor");
        return payload;
    }

    public static JsonObject Student(string nonce = "d45a2497-4389-45ea-8d61-b1fa7e407447")
    {
        var payload = Common(nonce);
        payload["sub"] = "STUDENT_ID";
        payload["name"] = "STUDENT_FIRST_NAME STUDENT_MIDDLE_NAME STUDENT_LAST_NAME";
        payload["given_name"] = "STUDENT_FIRST_NAME";
        payload["family_name"] = "STUDENT_LAST_NAME";
        payload["middle_name"] = "STUDENT_MIDDLE_NAME";
        payload["email"] = "student@email.com";
        payload[L + "roles"] = new JsonArray("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner");
        return payload;
    }

    public static JsonObject DeepLinking()
    {
        var payload = Teacher("dl-nonce-1");
        payload.Remove(L + "resource_link");
        payload[L + "message_type"] = "LtiDeepLinkingRequest";
        payload["https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"] = new JsonObject
        {
            ["accept_types"] = new JsonArray("ltiResourceLink"),
            ["accept_media_types"] = "image/*,text/html,application/json",
            ["accept_presentation_document_targets"] = new JsonArray("iframe", "window", "embed"),
            ["accept_multiple"] = true,
            ["auto_create"] = true,
            ["deep_link_return_url"] = "https://ltiadvantagevalidator.imsglobal.org/ltitool/deeplinkresponse.html",
            ["data"] = "opaque-data",
        };
        return payload;
    }

    public static JsonObject Header(string? kid = CertKid, string? alg = "RS256")
    {
        var header = new JsonObject { ["typ"] = "JWT" };
        if (kid is not null)
        {
            header["kid"] = kid;
        }

        if (alg is not null)
        {
            header["alg"] = alg;
        }

        return header;
    }

    public static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();

    public static JsonElement Sample(string name) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoRoot(), "samples", "lti", name))).RootElement.Clone();

    public static JsonObject SampleNode(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "samples", "lti", name)))!.AsObject();

    public static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
