using DocumentFormat.OpenXml.Packaging;

namespace LmsPrivacy.Cli.Tests.Ropa;

public sealed class RopaCommandTests
{
    internal static string Sample(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "samples", "ropa")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "samples", "ropa", name);
    }

    [Fact]
    public async Task Check_SampleJson_ValidWithRecipientsAndHosts()
    {
        var result = await CliRunner.RunAsync("ropa", "check", Sample("lms-controller.ropa.json"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal("controller", json.GetProperty("kind").GetString());
        Assert.Equal(7, json.GetProperty("activities").GetInt32());
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("code").GetString() == "ropa.basis.consent_in_employment" && f.GetProperty("severity").GetString() == "warning");
        Assert.DoesNotContain(findings, f => f.GetProperty("severity").GetString() == "error");
        var video = json.GetProperty("recipients").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "VidStream Inc.");
        Assert.Equal("processor", video.GetProperty("role").GetString());
        Assert.Equal(["player.vidstream.example", "vidstream-cdn.example"], video.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()));
    }

    [Fact]
    public async Task Check_SampleText_SummarisesAndListsFindings()
    {
        var result = await CliRunner.RunAsync("ropa", "check", Sample("lms-controller.ropa.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("controller record (Art. 30(1)), 7 activities, 5 recipients, 4 sub-processors", result.Output, StringComparison.Ordinal);
        Assert.Contains("ropa.basis.consent_in_employment", result.Output, StringComparison.Ordinal);
        Assert.Contains("0 error(s)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_RecordWithErrors_Exit1()
    {
        const string record = """{"kind":"controller","activities":[{"id":"a","purposes":[{"description":"Fire safety","lawfulBasis":"consent","mandatory":true}]}]}""";

        var result = await CliRunner.RunWithInputAsync(record, "ropa", "check", "-", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.False(result.Json.GetProperty("valid").GetBoolean());
        var codes = result.Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("ropa.basis.consent_for_mandatory", codes);
        Assert.Contains("ropa.organisation.missing", codes);
    }

    [Theory]
    [InlineData("{\"kind\":\"auditor\"}")]
    [InlineData("not json")]
    [InlineData("{\"unknownField\":1}")]
    public async Task Check_MalformedRecord_Exit2WithOneLine(string input)
    {
        var result = await CliRunner.RunWithInputAsync(input, "ropa", "check", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("lmsprivacy: '-' is not a valid record of processing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MissingFile_Exit2() =>
        Assert.Equal(2, (await CliRunner.RunAsync("ropa", "check", "/no/such/file.json")).ExitCode);

    [Theory]
    [InlineData("md", "# Record of processing activities")]
    [InlineData("csv", "Activity id,Business function,Activity,Purpose of processing")]
    [InlineData("jsonld", "\"@context\"")]
    public async Task Export_TextFormats_GoToStandardOutput(string to, string start)
    {
        var result = await CliRunner.RunAsync("ropa", "export", Sample("lms-controller.ropa.json"), "--to", to);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(start, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Xlsx_WritesAWorkbookThatOpens()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ropa-{Guid.NewGuid():N}.xlsx");
        try
        {
            var result = await CliRunner.RunAsync("ropa", "export", Sample("lms-controller.ropa.json"), "--to", "xlsx", "--out", file, "--format", "json");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("xlsx", result.Json.GetProperty("to").GetString());
            using var document = SpreadsheetDocument.Open(file, false);
            Assert.Equal(3, document.WorkbookPart!.WorksheetParts.Count());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_XlsxWithoutOut_Exit2()
    {
        var result = await CliRunner.RunAsync("ropa", "export", Sample("lms-controller.ropa.json"), "--to", "xlsx");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_UnknownFormat_Exit2() =>
        Assert.Equal(2, (await CliRunner.RunAsync("ropa", "export", Sample("lms-controller.ropa.json"), "--to", "pdf")).ExitCode);

    [Theory]
    [InlineData("{\"kind\":5}", "$.kind")]
    [InlineData("{\"kind\":\"controller\",\"activities\":[{\"purposes\":[{\"lawfulBasis\":99}]}]}", "$.activities[0].purposes[0].lawfulBasis")]
    public async Task Check_NumericEnumValue_Exit2NamingThePath(string input, string path)
    {
        var result = await CliRunner.RunWithInputAsync(input, "ropa", "check", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains($" at {path}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_NumericLawfulBasis_Exit2NotACrash()
    {
        var result = await CliRunner.RunWithInputAsync("{\"kind\":\"controller\",\"activities\":[{\"purposes\":[{\"lawfulBasis\":99}]}]}", "ropa", "export", "-", "--to", "md");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("$.activities[0].purposes[0].lawfulBasis", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WrongJsonKind_MessageHasNoDotNetTypeName()
    {
        var result = await CliRunner.RunWithInputAsync("{\"activities\":{}}", "ropa", "check", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Expected a JSON array at $.activities", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("`", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("md")]
    [InlineData("jsonld")]
    public async Task Export_ToStdoutWithFormatJson_Exit2OneLine(string to)
    {
        var result = await CliRunner.RunAsync("ropa", "export", Sample("lms-controller.ropa.json"), "--to", to, "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains("--format json", result.Error, StringComparison.Ordinal);
    }
}
