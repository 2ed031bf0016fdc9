using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LmsPrivacy.Cli.Tests.Xapi;

public sealed class XapiCommandTests : IDisposable
{
    private const string Minimal = """{"actor":{"mbox":"mailto:xapi@adlnet.gov","name":"Ann Example"},"verb":{"id":"http://adlnet.gov/expapi/verbs/attended"},"object":{"id":"http://www.example.com/meetings/34534"}}""";
    private readonly string _dir = Directory.CreateTempSubdirectory("lmsprivacy-xapi-cli-").FullName;

    private static string Repo([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    private static string Sample(string name) => Path.Combine(Repo(), "samples", "xapi", name);

    private static string KeyFile => Path.Combine(Repo(), "samples", "keys", "demo.key");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Validate_ValidSample_Exit0WithShape()
    {
        var result = await CliRunner.RunAsync("xapi", "validate", Sample("statements.json"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(0, json.GetProperty("findings").GetArrayLength());
        var statements = json.GetProperty("statements");
        Assert.Equal(2, statements.GetArrayLength());
        Assert.Equal(1, statements[1].GetProperty("index").GetInt32());
        Assert.True(statements[1].GetProperty("valid").GetBoolean());
        Assert.Equal(0, statements[1].GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task Validate_InvalidSample_Exit1WithFindingsAndNoEcho()
    {
        var result = await CliRunner.RunAsync("xapi", "validate", Sample("invalid-statement.json"), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var statement = result.Json.GetProperty("statements")[0];
        Assert.False(statement.GetProperty("valid").GetBoolean());
        var codes = statement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("xapi.agent.ifi.multiple", codes);
        Assert.Contains("xapi.timestamp.negative_zero_offset", codes);
        Assert.DoesNotContain("ada.learner", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NdJsonMalformedInMiddle_TopLevelFindingWithIndex()
    {
        var input = Minimal + "\n" + Minimal + "\n{\"actor\": tru}\n" + Minimal + "\n";

        var result = await CliRunner.RunWithInputAsync(input, "xapi", "validate", "-", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.Json.GetProperty("statements").GetArrayLength());
        var top = Assert.Single(result.Json.GetProperty("findings").EnumerateArray());
        Assert.Equal("xapi.json.malformed", top.GetProperty("code").GetString());
        Assert.Equal("$[2]", top.GetProperty("path").GetString());
        Assert.Contains("byte offset", top.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Version200_AcceptsContextAgents()
    {
        var statement = Minimal[..^1] + ""","version":"2.0.0","context":{"contextAgents":[{"objectType":"contextAgent","agent":{"mbox":"mailto:t@example.org"}}]}}""";

        Assert.Equal(1, (await CliRunner.RunWithInputAsync(statement, "xapi", "validate", "-")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunWithInputAsync(statement, "xapi", "validate", "-", "--xapi-version", "2.0.0")).ExitCode);
    }

    [Fact]
    public async Task Validate_EmptyArray_WarningExit0()
    {
        var result = await CliRunner.RunWithInputAsync("[]", "xapi", "validate", "-", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("xapi.container.empty", result.Json.GetProperty("findings")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Validate_MissingFile_Exit2OneLine()
    {
        var result = await CliRunner.RunAsync("xapi", "validate", Path.Combine(_dir, "nope.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("mailto:xapi@adlnet.gov")]
    [InlineData("xapi@adlnet.gov")]
    public async Task Sha1_Json_SpecVector(string input)
    {
        var result = await CliRunner.RunAsync("xapi", "sha1", input, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("mailto:xapi@adlnet.gov", result.Json.GetProperty("mbox").GetString());
        // sha1("mailto:xapi@adlnet.gov"), the ADL conformance suite's hash-identified agent.
        Assert.Equal("cd9b00a5611f94eaa7b1661edab976068e364975", result.Json.GetProperty("mbox_sha1sum").GetString());
    }

    [Fact]
    public async Task Sha1_LowercaseDomain_HashesLoweredDomain()
    {
        var result = await CliRunner.RunAsync("xapi", "sha1", "mailto:Alice@Example.COM", "--lowercase-domain", "--format", "json");

        // python3: hashlib.sha1(b"mailto:Alice@example.com").hexdigest()
        Assert.Equal("80d8977d5e1919a394c831e4e2065c3a8e419ccb", result.Json.GetProperty("mbox_sha1sum").GetString());
    }

    [Fact]
    public async Task Sha1_TrailingSpace_Exit1NeverTrimmed()
    {
        var result = await CliRunner.RunAsync("xapi", "sha1", "mailto:xapi@adlnet.gov ", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(JsonValueKind.Null, result.Json.GetProperty("mbox_sha1sum").ValueKind);
        Assert.Equal("xapi.mbox.whitespace", result.Json.GetProperty("findings")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Pseudonymize_ToFile_NoIdentifiersLeftAndSummary()
    {
        var output = Path.Combine(_dir, "out.json");
        var mapFile = Path.Combine(_dir, "map.ndjson");

        var result = await CliRunner.RunAsync("xapi", "pseudonymize", Sample("statements.json"), "--out", output, "--key-file", KeyFile,
            "--home-page", "https://lms.example.org/pseudonyms", "--map", mapFile, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Json.GetProperty("statements").GetInt32());
        Assert.Equal("array", result.Json.GetProperty("container").GetString());
        var text = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("mailto:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada Learner", text, StringComparison.Ordinal);
        Assert.DoesNotContain("openid.example.org", text, StringComparison.Ordinal);
        Assert.Equal(2, JsonDocument.Parse(text).RootElement.GetArrayLength());
        var map = await File.ReadAllLinesAsync(mapFile, TestContext.Current.CancellationToken);
        Assert.Contains(map, l => l.Contains("cd9b00a5611f94eaa7b1661edab976068e364975", StringComparison.Ordinal));
        Assert.DoesNotContain(map, l => l.Contains("mailto:", StringComparison.Ordinal));

        var validation = await CliRunner.RunAsync("xapi", "validate", output);
        Assert.Equal(0, validation.ExitCode);
    }

    [Fact]
    public async Task Pseudonymize_StandardOutput_NdJsonSameShape()
    {
        var result = await CliRunner.RunWithInputAsync(Minimal + "\n" + Minimal + "\n", "xapi", "pseudonymize", "-", "--key-file", KeyFile, "--home-page", "https://lms.example.org/p");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(lines[0], lines[1]);
        Assert.DoesNotContain("Ann Example", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pseudonymize_MalformedInMiddle_Exit2AndNoOutputFile()
    {
        var input = Minimal + "\n{\"actor\":\n" + Minimal + "\n";
        var output = Path.Combine(_dir, "out.ndjson");

        var result = await CliRunner.RunWithInputAsync(input, "xapi", "pseudonymize", "-", "--out", output, "--key-file", KeyFile, "--home-page", "https://lms.example.org/p");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("statement 1", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task Pseudonymize_MalformedToStandardOutput_PrintsNothing()
    {
        var result = await CliRunner.RunWithInputAsync(Minimal + "\n[1,", "xapi", "pseudonymize", "-", "--key-file", KeyFile, "--home-page", "https://lms.example.org/p");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Pseudonymize_BadHomePage_Exit2()
    {
        var result = await CliRunner.RunWithInputAsync(Minimal, "xapi", "pseudonymize", "-", "--key-file", KeyFile, "--home-page", "not an irl");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--home-page", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_Sample_FindingsWithCategory()
    {
        var result = await CliRunner.RunAsync("xapi", "scan", Sample("statements.json"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var findings = result.Json.GetProperty("findings").EnumerateArray().ToList();
        Assert.All(findings, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("category").GetString())));
        Assert.Contains(findings, f => f.GetProperty("code").GetString() == "xapi.pii.mbox" && f.GetProperty("path").GetString() == "$[0].actor.mbox" && f.GetProperty("category").GetString() == "direct-identifier");
        Assert.Contains(findings, f => f.GetProperty("code").GetString() == "xapi.pii.email_in_text" && f.GetProperty("path").GetString() == "$[0].result.response");
        Assert.DoesNotContain("ada.private", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_Truncated_Exit2()
    {
        var result = await CliRunner.RunWithInputAsync("[" + Minimal + ",", "xapi", "scan", "-");

        Assert.Equal(2, result.ExitCode);
    }
}

public sealed class XapiHostileInputTests
{
    [Fact]
    public async Task Validate_InvalidUtf8File_TopLevelFindingNotCrash()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lmsprivacy-badutf8-{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(path, [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xFF, 0xFE, (byte)'"', (byte)'}'], TestContext.Current.CancellationToken);
        try
        {
            var result = await CliRunner.RunAsync("xapi", "validate", path, "--format", "json");

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("xapi.json.invalid_utf8", result.Json.GetProperty("findings")[0].GetProperty("code").GetString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Validate_DeepNesting_FindingNotCrash()
    {
        var result = await CliRunner.RunWithInputAsync(new string('[', 100_000), "xapi", "validate", "-", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("xapi.json.too_deep", result.Json.GetProperty("findings")[0].GetProperty("code").GetString());
    }
}
