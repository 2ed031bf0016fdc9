using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace LmsPrivacy.Cli.Tests.Scorm;

public sealed class ScormCommandTests
{
    private static string Repo([CallerFilePath] string caller = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(caller)!, "..", "..", ".."));

    private static string Sample(string relative) => Path.Combine(Repo(), "samples", "scorm", relative);

    [Fact]
    public async Task Classify_Json_ElementsShapeAndCategories()
    {
        var result = await CliRunner.RunAsync("scorm", "classify", "cmi.learner_name", "cmi.interactions.12.result", "cmi.nope", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var elements = result.Json.GetProperty("elements");
        Assert.Equal(3, elements.GetArrayLength());
        var name = elements[0];
        Assert.Equal("cmi.learner_name", name.GetProperty("element").GetString());
        Assert.Equal("cmi.learner_name", name.GetProperty("pattern").GetString());
        Assert.True(name.GetProperty("known").GetBoolean());
        Assert.Equal("localized_string_type", name.GetProperty("type").GetString());
        Assert.Equal("RO", name.GetProperty("access").GetString());
        Assert.Equal("direct-identifier", name.GetProperty("category").GetString());
        Assert.False(string.IsNullOrEmpty(name.GetProperty("reason").GetString()));
        Assert.Equal("cmi.interactions.n.result", elements[1].GetProperty("pattern").GetString());
        Assert.Equal("assessment-result", elements[1].GetProperty("category").GetString());
        Assert.False(elements[2].GetProperty("known").GetBoolean());
        Assert.Equal(JsonValueKind.Null, elements[2].GetProperty("category").ValueKind);
        Assert.Contains(result.Json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "scorm.element.unknown" && f.GetProperty("severity").GetString() == "warning");
    }

    [Fact]
    public async Task Classify_Scorm12_KnowsCoreElements()
    {
        var result = await CliRunner.RunAsync("scorm", "classify", "--scorm-version", "1.2", "cmi.core.student_id", "--format", "json");

        Assert.Equal("direct-identifier", result.Json.GetProperty("elements")[0].GetProperty("category").GetString());
        Assert.Equal("CMIIdentifier", result.Json.GetProperty("elements")[0].GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("cmi.score.scaled", "0.5", 0, null)]
    [InlineData("cmi.score.scaled", "1.5", 1, 407)]
    [InlineData("cmi.completion_status", "done", 1, 406)]
    [InlineData("cmi.learner_name", "Jane", 1, 404)]
    [InlineData("cmi.no_such_element", "x", 1, 401)]
    public async Task Validate_SingleValue_ShapeAndErrorCode(string element, string value, int exitCode, int? errorCode)
    {
        var result = await CliRunner.RunAsync("scorm", "validate", element, value, "--format", "json");

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(exitCode == 0, result.Json.GetProperty("valid").GetBoolean());
        Assert.Equal(element, result.Json.GetProperty("element").GetString());
        Assert.Equal(value, result.Json.GetProperty("value").GetString());
        var code = result.Json.GetProperty("errorCode");
        Assert.Equal(errorCode, code.ValueKind == JsonValueKind.Null ? null : code.GetInt32());
        Assert.Equal(errorCode is null ? 0 : 1, result.Json.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task Validate_Scorm12LengthHardLimit_Exit1With405()
    {
        var result = await CliRunner.RunAsync("scorm", "validate", "--scorm-version", "1.2", "cmi.suspend_data", new string('x', 4097), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(405, result.Json.GetProperty("errorCode").GetInt32());
    }

    [Fact]
    public async Task Validate_Scorm2004OverSpm_Exit0WithWarning()
    {
        var result = await CliRunner.RunAsync("scorm", "validate", "cmi.location", new string('x', 1001), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.True(result.Json.GetProperty("valid").GetBoolean());
        Assert.Equal("warning", result.Json.GetProperty("findings")[0].GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Validate_SampleSnapshot_TypeGovernsResponseInDocumentOrder()
    {
        var result = await CliRunner.RunAsync("scorm", "validate", "--snapshot", Sample("snapshot-2004.json"), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.False(result.Json.GetProperty("valid").GetBoolean());
        var elements = result.Json.GetProperty("elements").EnumerateArray().ToList();
        Assert.Equal(14, elements.Count);
        var bad = Assert.Single(elements, e => !e.GetProperty("valid").GetBoolean());
        Assert.Equal("cmi.interactions.1.learner_response", bad.GetProperty("element").GetString());
        Assert.Equal(406, bad.GetProperty("errorCode").GetInt32());
        Assert.Equal("scorm.value.type_mismatch", Assert.Single(result.Json.GetProperty("findings").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Validate_SnapshotFromStandardInput_DependencyOrder()
    {
        var result = await CliRunner.RunWithInputAsync("""{"cmi.interactions.0.type":"choice","cmi.interactions.0.id":"q1"}""",
            "scorm", "validate", "--snapshot", "-", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(408, result.Json.GetProperty("elements")[0].GetProperty("errorCode").GetInt32());
        Assert.Equal(JsonValueKind.Null, result.Json.GetProperty("elements")[1].GetProperty("errorCode").ValueKind);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("{\"cmi.location\": true}")]
    [InlineData("{broken")]
    public async Task Validate_MalformedSnapshot_Exit2(string json)
    {
        var result = await CliRunner.RunWithInputAsync(json, "scorm", "validate", "--snapshot", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Validate_NoArguments_Exit2()
    {
        Assert.Equal(2, (await CliRunner.RunAsync("scorm", "validate")).ExitCode);
    }

    [Fact]
    public async Task Redact_SamplePolicyWithKey_PseudonymizesAndDrops()
    {
        var result = await CliRunner.RunAsync("scorm", "redact", "--snapshot", Sample("lms-snapshot-2004.json"), "--policy", Sample("redaction-policy.json"),
            "--key-file", Path.Combine(Repo(), "samples", "keys", "demo.key"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var snapshot = result.Json.GetProperty("snapshot");
        Assert.StartsWith("k1.", snapshot.GetProperty("cmi.learner_name").GetString(), StringComparison.Ordinal);
        Assert.False(snapshot.TryGetProperty("cmi.suspend_data", out _));
        Assert.False(snapshot.TryGetProperty("cmi.comments_from_learner.0.comment", out _));
        Assert.Equal("0.84", snapshot.GetProperty("cmi.score.scaled").GetString());
        Assert.DoesNotContain("Jane", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("dyslexia", result.Output, StringComparison.Ordinal);
        var actions = result.Json.GetProperty("elements").EnumerateArray().ToDictionary(e => e.GetProperty("element").GetString()!, e => e.GetProperty("action").GetString());
        Assert.Equal("pseudonymize", actions["cmi.learner_id"]);
        Assert.Equal("drop", actions["cmi.learner_preference.language"]);
        Assert.Equal(0, result.Json.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task Redact_StatisticsPreset_NoKeyNeeded()
    {
        var result = await CliRunner.RunAsync("scorm", "redact", "--snapshot", Sample("lms-snapshot-2004.json"), "--policy", "statistics", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["cmi.success_status", "cmi.score.scaled", "cmi.interactions.0.id", "cmi._version"],
            result.Json.GetProperty("snapshot").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Redact_PseudonymizingPresetWithoutKey_Exit2()
    {
        var result = await CliRunner.RunAsync("scorm", "redact", "--snapshot", Sample("lms-snapshot-2004.json"), "--policy", "pseudonymize");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--key-file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redact_BadPolicy_Exit2()
    {
        var result = await CliRunner.RunWithInputAsync("{\"default\":\"shred\"}", "scorm", "redact", "--snapshot", Sample("lms-snapshot-2004.json"), "--policy", "-");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Audit_SampleFolder_JsonShape()
    {
        var result = await CliRunner.RunAsync("scorm", "audit", Sample("package"), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var json = result.Json;
        Assert.Equal("2004", json.GetProperty("scormVersion").GetString());
        Assert.Equal("Privacy demo course", json.GetProperty("organizations")[0].GetProperty("title").GetString());
        Assert.Equal("content/index.html", json.GetProperty("scos")[0].GetProperty("launch").GetString());
        Assert.Equal(2, json.GetProperty("resources").GetArrayLength());
        var hosts = json.GetProperty("externalHosts").EnumerateArray().ToList();
        Assert.Equal(["cdn.tracker-analytics.example", "collect.tracker-analytics.example", "fonts.googleapis.com", "help.vendor.example"], hosts.Select(h => h.GetProperty("host").GetString()));
        var beacon = hosts[1].GetProperty("references")[0];
        Assert.Equal(("content/tracking.js", 6, "beacon"), (beacon.GetProperty("file").GetString(), beacon.GetProperty("line").GetInt32(), beacon.GetProperty("kind").GetString()));
        var read = Assert.Single(json.GetProperty("learnerDataRead").EnumerateArray());
        Assert.Equal("cmi.learner_name", read.GetProperty("element").GetString());
        Assert.Contains(json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "scorm.package.learner_data_sent");
    }

    [Fact]
    public async Task Audit_ZipSlipZip_Exit1Refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lmsprivacy-zipslip-{Guid.NewGuid():N}.zip");
        try
        {
            using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                using var writer = new StreamWriter(archive.CreateEntry("../../outside.txt").Open(), Encoding.UTF8);
                writer.Write("escape");
            }

            var result = await CliRunner.RunAsync("scorm", "audit", path, "--format", "json");

            Assert.Equal(1, result.ExitCode);
            Assert.True(result.Json.GetProperty("refused").GetBoolean());
            Assert.Equal("scorm.package.zip.unsafe_path", result.Json.GetProperty("findings")[0].GetProperty("code").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Audit_MissingPath_Exit2()
    {
        var result = await CliRunner.RunAsync("scorm", "audit", Path.Combine(Path.GetTempPath(), "no-such-package-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Audit_NotAZip_Exit2()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lmsprivacy-notzip-{Guid.NewGuid():N}.zip");
        await File.WriteAllTextAsync(path, "plain text", TestContext.Current.CancellationToken);
        try
        {
            Assert.Equal(2, (await CliRunner.RunAsync("scorm", "audit", path)).ExitCode);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Audit_Text_ListsHostsAndSummary()
    {
        var result = await CliRunner.RunAsync("scorm", "audit", Sample("package"));

        Assert.Contains("collect.tracker-analytics.example", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 error(s)", result.Output, StringComparison.Ordinal);
    }
}
