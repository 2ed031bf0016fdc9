using System.Runtime.CompilerServices;

namespace LmsPrivacy.Cli.Tests.Retention;

public sealed class RetentionCommandTests
{
    private static string Sample([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "samples", "retention", "registry.json"));

    private const string Now = "2026-03-01T00:00:00Z";

    [Fact]
    public async Task Evaluate_SampleJson_RowShapeAndSummary()
    {
        var result = await CliRunner.RunAsync("retention", "evaluate", Sample(), "--now", Now, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        var rows = json.GetProperty("contexts").EnumerateArray().ToList();
        Assert.Equal(32, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal(
                ["id", "kind", "status", "expiresAt", "expiredRoles", "unexpiredRoles", "reason"],
                row.EnumerateObject().Select(p => p.Name));
        }

        var hist = rows.Single(r => r.GetProperty("id").GetString() == "hist110");
        Assert.Equal("no-anchor", hist.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, hist.GetProperty("expiresAt").ValueKind);
        var bio = rows.Single(r => r.GetProperty("id").GetString() == "bio101-2019");
        Assert.Equal("expired", bio.GetProperty("status").GetString());
        // 2019-07-31 00:00 Berlin (CEST, +2) + 2 years = 2021-07-31 00:00 CEST = 2021-07-30T22:00:00Z
        Assert.Equal("2021-07-30T22:00:00Z", bio.GetProperty("expiresAt").GetString());
        var lit = rows.Single(r => r.GetProperty("id").GetString() == "lit220-2023");
        Assert.Equal("partly-expired", lit.GetProperty("status").GetString());
        Assert.Equal("editingteacher", lit.GetProperty("unexpiredRoles")[0].GetString());

        var summary = json.GetProperty("summary");
        Assert.Equal(32, summary.GetProperty("contexts").GetInt32());
        Assert.Equal(3, summary.GetProperty("noAnchor").GetInt32());
        Assert.Equal(2, summary.GetProperty("needsReview").GetInt32());
        Assert.Equal(2, summary.GetProperty("partlyExpired").GetInt32());
        Assert.Contains(json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "retention.anchor.missing" && f.GetProperty("severity").GetString() == "warning");
    }

    [Fact]
    public async Task Evaluate_StandardInput_Text_ShowsSummary()
    {
        var input = await File.ReadAllTextAsync(Sample(), TestContext.Current.CancellationToken);

        var result = await CliRunner.RunWithInputAsync(input, "retention", "evaluate", "-", "--now", "2026-03-01");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 without anchor (clock never starts)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_MalformedJson_Exit2OneLine()
    {
        var result = await CliRunner.RunWithInputAsync("{\"version\": 1,", "retention", "evaluate", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Evaluate_RegistryError_Exit1WithFinding()
    {
        const string doc = """
            {"version":1,"purposes":[{"id":"p","name":"P","lawfulBases":[],"retention":"P1Y"}],
             "defaults":{"system":{"purpose":"p"}},"contexts":[{"id":"s","kind":"system"}]}
            """;

        var result = await CliRunner.RunWithInputAsync(doc, "retention", "evaluate", "-", "--now", Now, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.False(result.Json.GetProperty("valid").GetBoolean());
        Assert.Equal("retention.purpose.lawful_basis.missing", result.Json.GetProperty("findings")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Evaluate_BadNow_Exit2()
    {
        var result = await CliRunner.RunAsync("retention", "evaluate", Sample(), "--now", "yesterday");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Explain_Json_ResolutionAnchorAndStatus()
    {
        var result = await CliRunner.RunAsync("retention", "explain", Sample(), "chem201-2023-report", "--now", Now, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal("exam-records", json.GetProperty("purpose").GetProperty("id").GetString());
        Assert.Equal("module-type-default", json.GetProperty("purpose").GetProperty("source").GetString());
        Assert.Equal("course-end", json.GetProperty("anchor").GetProperty("kind").GetString());
        Assert.Equal("chem201-2023", json.GetProperty("anchor").GetProperty("fromContext").GetString());
        Assert.Equal("not-expired", json.GetProperty("status").GetString());
        // 2023-02-15 00:00 Berlin (CET, +1) + 5 years = 2028-02-15 00:00 CET = 2028-02-14T23:00:00Z
        Assert.Equal("2028-02-14T23:00:00Z", json.GetProperty("expiresAt").GetString());
        Assert.True(json.GetProperty("explanation").GetArrayLength() >= 5);
    }

    [Fact]
    public async Task Explain_Text_SaysWhereThePurposeCameFrom()
    {
        var result = await CliRunner.RunAsync("retention", "explain", Sample(), "hist110-forum", "--now", Now);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("the default for 'forum' modules is 'forum-discussions'", result.Output, StringComparison.Ordinal);
        Assert.Contains("never starts", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_UnknownContext_Exit2()
    {
        var result = await CliRunner.RunAsync("retention", "explain", Sample(), "no-such-context", "--now", Now);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}
