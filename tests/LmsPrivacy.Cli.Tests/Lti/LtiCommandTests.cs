using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace LmsPrivacy.Cli.Tests.Lti;

public sealed class LtiCommandTests
{
    private const string CanvasIssuer = "https://canvas.instructure.com";
    private const string CanvasClient = "10000000000042";
    private const string CanvasDeployment = "42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb";
    private const string L = "https://purl.imsglobal.org/spec/lti/claim/";

    private static string Sample(string name, [CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "samples", name));

    private static string[] CanvasValidate(string payload, params string[] extra) =>
    [
        "lti", "validate", payload, "--issuer", CanvasIssuer, "--client-id", CanvasClient, "--deployment-id", CanvasDeployment,
        "--now", "1764000030", .. extra,
    ];

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public async Task Validate_CanvasSampleWithHeader_ValidJsonShape()
    {
        var result = await CliRunner.RunAsync([.. CanvasValidate(Sample("lti/canvas-resource-link.json"), "--header", Sample("lti/canvas-resource-link.header.json")), "--format", "json"]);

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json.GetProperty("valid").GetBoolean());
        Assert.False(result.Json.GetProperty("anonymous").GetBoolean());
        Assert.Equal("LtiResourceLinkRequest", result.Json.GetProperty("messageType").GetString());
        Assert.Equal(0, result.Json.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task Validate_AnonymousSample_AllowedIsValidAndAnonymous()
    {
        var denied = await CliRunner.RunAsync([.. CanvasValidate(Sample("lti/anonymous-resource-link.json")), "--format", "json"]);
        var allowed = await CliRunner.RunAsync([.. CanvasValidate(Sample("lti/anonymous-resource-link.json"), "--allow-anonymous"), "--format", "json"]);

        Assert.Equal(1, denied.ExitCode);
        Assert.Contains(denied.Json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "lti.anonymous.not_allowed");
        Assert.Equal(0, allowed.ExitCode);
        Assert.True(allowed.Json.GetProperty("anonymous").GetBoolean());
        Assert.True(allowed.Json.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task Validate_CompactJwtOnStandardInput_DecodesAndChecksItsHeader()
    {
        var payload = File.ReadAllText(Sample("lti/canvas-resource-link.json"));
        var token = $"{B64("{\"alg\":\"none\"}")}.{B64(payload)}.";

        var result = await CliRunner.RunWithInputAsync(token + "\n", [.. CanvasValidate("-"), "--format", "json"]);

        Assert.Equal(1, result.ExitCode);
        var codes = result.Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Equal(["lti.header.kid.missing", "lti.header.alg.none"], codes);
    }

    [Fact]
    public async Task Validate_SeenNonce_IsReplay()
    {
        var result = await CliRunner.RunAsync([.. CanvasValidate(Sample("lti/canvas-resource-link.json"), "--seen-nonce", "other", "--seen-nonce", "0b7c1e5a-6d2f-4a8e-9c3b-5f1d2e7a8b90"), "--format", "json"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "lti.nonce.replayed");
    }

    [Fact]
    public async Task Validate_ExpiredAtNow_ReportsExpiredUnlessLeewayCovers()
    {
        string[] args = ["lti", "validate", Sample("lti/canvas-resource-link.json"), "--issuer", CanvasIssuer, "--client-id", CanvasClient,
            "--deployment-id", "other", "--deployment-id", CanvasDeployment, "--now", "2025-11-24T17:01:30Z", "--format", "json"];

        var strict = await CliRunner.RunAsync(args);
        var lenient = await CliRunner.RunAsync([.. args, "--leeway", "120"]);

        Assert.Equal(1, strict.ExitCode);
        Assert.Contains(strict.Json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "lti.exp.expired");
        Assert.Equal(0, lenient.ExitCode);
    }

    [Theory]
    [InlineData("lti11-shared-secret", 0)]
    [InlineData("wrong-secret", 1)]
    public async Task Validate_Lti11Secret_VerifiesMigrationSignature(string secret, int exitCode)
    {
        var result = await CliRunner.RunAsync("lti", "validate", Sample("lti/moodle-resource-link.json"), "--issuer", "https://moodle.example.edu",
            "--client-id", "pQ7sLh3kZx9wE2r", "--deployment-id", "3", "--now", "1764000030", "--lti11-secret", secret, "--format", "json");

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(exitCode == 1, result.Json.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("code").GetString() == "lti.lti1p1.sign.mismatch"));
        Assert.DoesNotContain(secret, result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"iss\": ")]
    [InlineData("e30.!!.")]
    public async Task Validate_MalformedInput_Exit2WithOneLine(string input)
    {
        var result = await CliRunner.RunWithInputAsync(input, CanvasValidate("-"));

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("lmsprivacy:", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--now", "yesterday")]
    [InlineData("--leeway", "-5")]
    public async Task Validate_BadOption_Exit2(string option, string value)
    {
        var result = await CliRunner.RunAsync([.. CanvasValidate(Sample("lti/canvas-resource-link.json")), option, value]);

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Validate_MissingIssuer_Exit2()
    {
        var result = await CliRunner.RunAsync("lti", "validate", Sample("lti/canvas-resource-link.json"), "--client-id", "c", "--deployment-id", "d");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Classify_CanvasSample_PathsAndCategories()
    {
        var result = await CliRunner.RunAsync("lti", "classify", Sample("lti/canvas-resource-link.json"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var claims = result.Json.GetProperty("claims").EnumerateArray()
            .ToDictionary(c => c.GetProperty("path").GetString()!, c => c.GetProperty("category").GetString());
        Assert.Equal("direct-identifier", claims["$.email"]);
        Assert.Equal("pseudonymous-identifier", claims["$.sub"]);
        Assert.Equal("direct-identifier", claims[$"$['{L}custom'].login_email"]);
        Assert.Equal("lti.custom.direct_identifier", Assert.Single(result.Json.GetProperty("findings").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Classify_NotAnObject_Exit1()
    {
        var result = await CliRunner.RunWithInputAsync("[1,2]", "lti", "classify", "-", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(0, result.Json.GetProperty("claims").GetArrayLength());
    }

    [Fact]
    public async Task Minimize_KeepTechnicalAndPseudonymous_PrintsMinimizedPayload()
    {
        var result = await CliRunner.RunAsync("lti", "minimize", Sample("lti/moodle-resource-link.json"), "--keep", "technical", "--keep", "pseudonymous-identifier", "--drop-migration-claims");

        Assert.Equal(0, result.ExitCode);
        var payload = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal("340", payload.GetProperty("sub").GetString());
        Assert.False(payload.TryGetProperty("email", out _));
        Assert.False(payload.TryGetProperty(L + "lti1p1", out _));
        Assert.False(payload.TryGetProperty(L + "context", out _));
        Assert.DoesNotContain("kermit", result.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Minimize_Json_CarriesPayloadDroppedAndFindings()
    {
        var result = await CliRunner.RunAsync("lti", "minimize", Sample("lti/canvas-resource-link.json"), "--keep", "technical", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(JsonValueKind.Object, result.Json.GetProperty("payload").ValueKind);
        Assert.Contains("$.email", result.Json.GetProperty("dropped").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(JsonValueKind.Array, result.Json.GetProperty("findings").ValueKind);
    }

    [Fact]
    public async Task Minimize_UnknownCategory_Exit2()
    {
        var result = await CliRunner.RunAsync("lti", "minimize", Sample("lti/canvas-resource-link.json"), "--keep", "secret-stuff");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("secret-stuff", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    // Expected values computed with python3 (hmac/hashlib/base64/struct) over the canonical encoding of
    // ("lmsprivacy.lti.learner.v1", scope, iss, [client_id], [deployment_id], sub) with samples/keys/demo.key.
    [InlineData("issuer", "k1.dyppkaia2p5aqkaacvkb2pzm7qjr776nrxpcbctce2enhkg5knxq")]
    [InlineData("client", "k1.xvil2pem64ltjrrafpykf7wdy5pj34ll4l2oiafsxi4afvp2rnpq")]
    [InlineData("deployment", "k1.pck6z6ljivcumos6sgtcsavorlomgqhf24r3qo4jl5pbdhdv7llq")]
    public async Task Key_CanvasSample_MatchesIndependentVector(string scope, string expected)
    {
        var result = await CliRunner.RunAsync("lti", "key", Sample("lti/canvas-resource-link.json"), "--key-file", Sample("keys/demo.key"), "--scope", scope, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Json.GetProperty("key").GetString());
        Assert.Equal(scope, result.Json.GetProperty("scope").GetString());
        Assert.Equal("k1", result.Json.GetProperty("keyId").GetString());
        Assert.False(result.Json.GetProperty("anonymous").GetBoolean());
    }

    [Fact]
    public async Task Key_AnonymousLaunch_NullKeyExit0()
    {
        var result = await CliRunner.RunAsync("lti", "key", Sample("lti/anonymous-resource-link.json"), "--key-file", Sample("keys/demo.key"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(JsonValueKind.Null, result.Json.GetProperty("key").ValueKind);
        Assert.True(result.Json.GetProperty("anonymous").GetBoolean());
    }

    [Fact]
    public async Task Key_MissingKeyFile_Exit2()
    {
        var result = await CliRunner.RunAsync("lti", "key", Sample("lti/canvas-resource-link.json"), "--key-file", Sample("keys/nope.key"));

        Assert.Equal(2, result.ExitCode);
    }
}
