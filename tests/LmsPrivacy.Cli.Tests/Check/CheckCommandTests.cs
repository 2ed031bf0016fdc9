using System.Text.Json;
using System.Text.RegularExpressions;
using LmsPrivacy.Cli.Commands.Check;

namespace LmsPrivacy.Cli.Tests.Check;

public sealed partial class CheckCommandTests
{
    private static string SampleFolder => Path.Combine(CheckFixtures.RepoRoot(), "samples", "check");

    private const string Now = "2026-11-24T09:00:00Z";

    /// <summary>Every planted problem of samples/check (docs/check.md lists them), as code @ artifact suffix.</summary>
    private static readonly string[] Planted =
    [
        "check.xapi.mbox.plain @ exports/statements.ndjson",
        "check.xapi.name.present @ exports/statements.ndjson",
        "check.xapi.response.free_text @ exports/statements.ndjson",
        "scorm.package.learner_data_read @ packages/fire-safety",
        "scorm.package.learner_data_sent @ packages/fire-safety",
        "scorm.package.external_host @ packages/fire-safety",
        "check.lti.identity.sent @ launches/canvas-resource-link.json",
        "check.lti.jwt.not_verified @ launches/moodle-resource-link.jwt",
        "dpa.instructions.vendor_own_purposes @ agreements/quizforge.dpa.json",
        "dpa.breach.notice_too_slow @ agreements/quizforge.dpa.json",
        "dpa.clause.weak @ agreements/quizforge.dpa.json",
        "dpa.description.vague @ agreements/quizforge.dpa.json",
        "retention.anchor.missing @ retention/northwind-registry.json",
        "check.processor.undeclared @ packages/fire-safety",
        "check.host.undeclared @ packages/fire-safety",
        "check.processor.no_dpa @ records/northwind-academy.ropa.json",
    ];

    [Fact]
    public async Task Check_SampleFolder_NamesEveryPlantedProblemAndExits1()
    {
        var result = await CliRunner.RunAsync("check", SampleFolder, "--format", "json", "--now", Now);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Error); // not a terminal: no progress
        var json = result.Json;
        Assert.False(json.GetProperty("valid").GetBoolean());
        var found = json.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("code").GetString() + " @ " + f.GetProperty("artifact").GetString())
            .Select(s => s.Replace(SampleFolder.Replace('\\', '/') + "/", string.Empty, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(Planted.Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public async Task Check_SampleFolder_CleanArtifactsHaveNoWarningsOrErrors()
    {
        var result = await CliRunner.RunAsync("check", SampleFolder, "--format", "json", "--now", Now);

        var artifacts = result.Json.GetProperty("artifacts").EnumerateArray().ToDictionary(
            a => Path.GetFileName(a.GetProperty("path").GetString()!),
            a => a.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("severity").GetString()).ToList());
        Assert.Empty(artifacts["gdpr-basics-scorm12.zip"]);
        Assert.Empty(artifacts["acme-lrs.dpa.json"]);
        Assert.Empty(artifacts["northwind-academy.ropa.json"]);
        Assert.Equal(["info"], artifacts["moodle-resource-link.jwt"]);
        Assert.Equal("skipped", result.Json.GetProperty("artifacts").EnumerateArray().Single(a => a.GetProperty("path").GetString()!.EndsWith("README.md", StringComparison.Ordinal)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Check_Json_SummaryHostsFlowsDeadlinesShape()
    {
        var result = await CliRunner.RunAsync("check", SampleFolder, "--format", "json", "--now", Now);
        var json = result.Json;

        var summary = json.GetProperty("summary");
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(findings.Count(f => f.GetProperty("severity").GetString() == "error"), summary.GetProperty("errors").GetInt32());
        Assert.Equal(findings.Count(f => f.GetProperty("severity").GetString() == "warning"), summary.GetProperty("warnings").GetInt32());
        Assert.Equal(10, summary.GetProperty("artifacts").GetInt32()); // 9 artifacts + README
        Assert.Equal(1, summary.GetProperty("undeclaredProcessors").GetInt32());
        Assert.Equal(2, summary.GetProperty("clocksWithoutAnchor").GetInt32());
        var clocks = json.GetProperty("retentionClocks").EnumerateArray().ToDictionary(c => c.GetProperty("context").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("expired", clocks["course-090"]);    // ended 2019-12-20, kept one year
        Assert.Equal("not-expired", clocks["course-118"]); // ended 2026-06-30, kept five years
        Assert.Equal("no-anchor", clocks["course-204"]);
        Assert.Equal("no-anchor", clocks["user-4977"]);
        Assert.Equal(Now, json.GetProperty("now").GetString());

        var hosts = json.GetProperty("hosts").EnumerateArray().ToDictionary(h => h.GetProperty("host").GetString()!, h => h.GetProperty("declared").GetBoolean());
        Assert.Equal(new Dictionary<string, bool>
        {
            ["fonts.fontfarm.example"] = false,
            ["lrs.acmelrs.example"] = true,
            ["quizforge.example"] = true,
            ["telemetry.coursecraft.example"] = false,
        }, hosts);

        var deadline = json.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("rule").GetString() == "subject-request.response");
        Assert.Equal("2026-12-24", deadline.GetProperty("dueIfStartedNow").GetString()); // 24 Nov + one month, a Thursday
        var breach = json.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("rule").GetString() == "breach.notification");
        Assert.Equal("2026-11-27T09:00:00Z", breach.GetProperty("dueIfStartedNow").GetString());

        foreach (var finding in findings)
        {
            var doc = finding.GetProperty("doc").GetString()!;
            Assert.Matches("^[^:]*docs/[a-z-]+\\.md#[a-z0-9_.]+$", doc);
            Assert.EndsWith("#" + finding.GetProperty("code").GetString(), doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Check_Json_NeverEchoesPersonalData()
    {
        var result = await CliRunner.RunAsync("check", SampleFolder, "--format", "json", "--now", Now);

        Assert.DoesNotContain("@northwind.example", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Anouk", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("NW-004512", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text", "FAIL: ")]
    [InlineData("md", "# Privacy check of")]
    [InlineData("html", "<!DOCTYPE html>")]
    public async Task Check_Formats_Render(string format, string start)
    {
        var result = await CliRunner.RunAsync("check", SampleFolder, "--format", format, "--now", Now);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(start, result.Output, StringComparison.Ordinal);
        Assert.Contains("telemetry.coursecraft.example", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Out_WritesFourReportsAndLinksDocsRelativeToThem()
    {
        using var folder = new TempFolder();
        var outDir = Path.Combine(folder.Path, "report");

        var result = await CliRunner.RunAsync("check", SampleFolder, "--out", outDir, "--now", Now);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["check-report.html", "check-report.json", "check-report.md", "check-report.txt"],
            Directory.GetFiles(outDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var html = File.ReadAllText(Path.Combine(outDir, "check-report.html"));
        var href = HrefToCheckDocs().Match(html).Groups[1].Value;
        var target = Path.GetFullPath(Path.Combine(outDir, href.Split('#')[0]));
        Assert.True(File.Exists(target), $"the rule link {href} does not resolve from {outDir}");
    }

    [Fact]
    public async Task Check_ControllerCountry_HolidaysMoveTheSubjectRequestDeadline()
    {
        using var folder = new TempFolder();
        folder.Write("ropa.json", CheckFixtures.Ropa.Replace("\"NL\"", "\"DE\"", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("check", folder.Path, "--format", "json", "--now", "2026-11-25T10:00:00Z");

        // Received Wed 25 Nov 2026: one month ends Fri 25 Dec (Christmas), Sat 26 Dec (2nd day, and a Saturday),
        // Sun 27 Dec, so Mon 28 Dec 2026 (worked out by hand from the German holiday list).
        var due = result.Json.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("rule").GetString() == "subject-request.response");
        Assert.Equal("2026-12-28", due.GetProperty("dueIfStartedNow").GetString());
    }

    [Fact]
    public async Task Check_WholeSamplesFolder_RunsSkipsKeysAndConfigAndFailsNothing()
    {
        // The README's first command: every area's samples together.
        var samples = Path.Combine(CheckFixtures.RepoRoot(), "samples");

        var result = await CliRunner.RunAsync("check", samples, "--format", "json", "--now", Now);

        Assert.Equal(1, result.ExitCode);
        var artifacts = result.Json.GetProperty("artifacts").EnumerateArray().ToList();
        Assert.DoesNotContain(artifacts, a => a.GetProperty("status").GetString() == "failed");
        var key = artifacts.Single(a => a.GetProperty("path").GetString()!.EndsWith("keys/demo.key", StringComparison.Ordinal));
        Assert.Equal("skipped", key.GetProperty("status").GetString());
        Assert.Empty(key.GetProperty("findings").EnumerateArray());
        Assert.Contains(artifacts, a => a.GetProperty("path").GetString()!.Contains("/check/", StringComparison.Ordinal) && a.GetProperty("kind").GetString() == "scorm-package");
    }

    [Fact]
    public async Task Check_CleanFolder_Exit0()
    {
        using var folder = new TempFolder();
        folder.Write("ropa.json", CheckFixtures.Ropa);
        folder.Write("statements.ndjson", CheckFixtures.PseudonymousStatement);

        var result = await CliRunner.RunAsync("check", folder.Path, "--now", Now);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("lmsprivacy check", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--now", "yesterday")]
    [InlineData("--format", "pdf")]
    public async Task Check_BadOption_Exit2WithOneLine(string option, string value)
    {
        var result = await CliRunner.RunAsync("check", SampleFolder, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("lmsprivacy:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_MissingFolder_Exit2()
    {
        var result = await CliRunner.RunAsync("check", Path.Combine(SampleFolder, "no-such-folder"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a folder or file", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-24T09:00:00Z", 2026, 11, 24, 9)]
    [InlineData("2026-11-24T10:00:00+01:00", 2026, 11, 24, 9)]
    [InlineData("2026-11-24", 2026, 11, 24, 0)]
    public void ParseNow_Iso8601Forms(string text, int y, int m, int d, int h) =>
        Assert.Equal(NodaTime.Instant.FromUtc(y, m, d, h, 0), LmsPrivacy.Cli.Infrastructure.CliTime.ParseInstant(text));

    [Fact]
    public async Task Check_TerminalStandardError_ShowsProgress()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new LmsPrivacy.Cli.Infrastructure.CliContext(output, error, () => Stream.Null, errorIsTerminal: true);

        var exit = await LmsPrivacy.Cli.Infrastructure.CliApp.RunAsync(["check", SampleFolder, "--now", Now], context, TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.Contains("statements.ndjson", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("\r[", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_EveryCodeDocumentedInCheckMd_AndViceVersa()
    {
        var doc = File.ReadAllText(Path.Combine(CheckFixtures.RepoRoot(), "docs", "check.md"));
        var documented = DocumentedCode().Matches(doc).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var codes = CheckRules.All.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(codes.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        Assert.Equal(CheckRules.All.Count, codes.Count);
    }

    [GeneratedRegex("href=\"([^\"]*check\\.md#check\\.[a-z_.]+)\"")]
    private static partial Regex HrefToCheckDocs();

    [GeneratedRegex("<a id=\"(check\\.[a-z0-9_.]+)\"></a>")]
    private static partial Regex DocumentedCode();
}
