using System.Runtime.CompilerServices;
using System.Text;
using LmsPrivacy.Retention.Documents;
using LmsPrivacy.Retention.Evaluation;
using static LmsPrivacy.Retention.Tests.Build;

namespace LmsPrivacy.Retention.Tests.Documents;

public sealed class RetentionDocumentTests
{
    internal static string RepoFile(string relative) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "..", "..", relative));

    private static string ThisFile([CallerFilePath] string here = "") => here;

    private static byte[] Sample() => File.ReadAllBytes(RepoFile("samples/retention/registry.json"));

    private const string Minimal = """
        {"version":1,"timeZone":"Europe/Berlin",
         "purposes":[{"id":"p","name":"P","lawfulBases":["public-task"],"retention":"P1Y"}],
         "defaults":{"system":{"purpose":"p"}},
         "contexts":[{"id":"s","kind":"system"},{"id":"c","kind":"course","parent":"s","endDate":"2024-07-31"} __EXTRA__]}
        """;

    private static byte[] Doc(string extra = "", string? replace = null, string? with = null)
    {
        var text = Minimal.Replace("__EXTRA__", extra, StringComparison.Ordinal);
        if (replace is not null)
        {
            text = text.Replace(replace, with, StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(text);
    }

    [Fact]
    public void Evaluate_Sample_ReadsAsDesigned()
    {
        // Statuses worked out by hand from the sample's dates (docs/retention.md, worked example), evaluated on 1 March 2026.
        var report = RetentionDocument.Evaluate(Sample(), At("2026-03-01T00:00:00Z"));

        var expected = new Dictionary<string, RetentionStatus>
        {
            ["site"] = RetentionStatus.Ineligible,
            ["bio101-2019"] = RetentionStatus.Expired,
            ["bio101-2019-exam"] = RetentionStatus.Expired, // 2019-07-31 + 5 years
            ["chem201-2023"] = RetentionStatus.NotExpired, // its graded report is kept to 2028
            ["chem201-2023-report"] = RetentionStatus.NotExpired,
            ["chem201-2023-forum"] = RetentionStatus.Expired,
            ["phys150-2020"] = RetentionStatus.NeedsReview, // forum posts in February 2026
            ["phys150-2020-forum"] = RetentionStatus.NeedsReview,
            ["phys150-2020-notes"] = RetentionStatus.Expired,
            ["hist110"] = RetentionStatus.NoAnchor,
            ["hist110-forum"] = RetentionStatus.NoAnchor,
            ["lit220-2023"] = RetentionStatus.PartlyExpired, // teachers' data kept 4 years
            ["lit220-2023-forum"] = RetentionStatus.Expired,
            ["support-2024-register"] = RetentionStatus.NotExpired,
            ["sleep-study"] = RetentionStatus.Expired, // fixed date 2024-12-31 + 1 year
            ["sleep-study-diary"] = RetentionStatus.Expired,
            ["u1001"] = RetentionStatus.Expired,
            ["u1002"] = RetentionStatus.Ineligible, // enrolled in CHEM201, not expired
            ["u1003"] = RetentionStatus.NoAnchor, // never logged in
            ["u1004"] = RetentionStatus.NotExpired,
            ["u1005"] = RetentionStatus.Ineligible, // enrolled in HIST110 without end date
            ["u1006"] = RetentionStatus.Ineligible, // deleted, but LIT220 is only partly expired
            ["u9000"] = RetentionStatus.Ineligible,
            ["guest"] = RetentionStatus.Ineligible,
        };
        foreach (var (id, status) in expected)
        {
            Assert.True(status == report.Find(id)!.Status, $"{id}: expected {status}, got {report.Find(id)!.Status}");
        }

        Assert.Equal(32, report.Summary.Contexts);
        Assert.Equal(3, report.Summary.NoAnchor);
        Assert.Equal(["editingteacher"], report.Find("lit220-2023")!.UnexpiredRoles);
        Assert.True(report.IsValid);
    }

    [Fact]
    public void TryParse_DateOnly_IsStartOfDayInDocumentZone()
    {
        Assert.True(RetentionDocument.TryParse(Doc(), out var document, out _));

        Assert.Equal(At("2024-07-30T22:00:00Z"), document.Tree.Find("c")!.EndDate);
    }

    [Fact]
    public void TryParse_MalformedJson_MalformedFinding()
    {
        Assert.False(RetentionDocument.TryParse("{\"version\":1,"u8, out _, out var findings));

        Assert.Equal("retention.document.malformed", Assert.Single(findings).Code);
    }

    [Fact]
    public void TryParse_TooDeep_MalformedFindingNoCrash()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);

        Assert.False(RetentionDocument.TryParse(Encoding.UTF8.GetBytes(deep), out _, out var findings));
        Assert.Equal("retention.document.malformed", Assert.Single(findings).Code);
    }

    [Fact]
    public void TryParse_UnknownMember_InvalidWithPath()
    {
        Assert.False(RetentionDocument.TryParse(Doc(replace: "\"endDate\"", with: "\"enddate\""), out _, out var findings));

        var finding = Assert.Single(findings);
        Assert.Equal("retention.document.invalid", finding.Code);
        Assert.Equal("$.contexts[1]", finding.Path);
    }

    [Fact]
    public void TryParse_BadDuration_PeriodInvalid()
    {
        Assert.False(RetentionDocument.TryParse(Doc(replace: "\"P1Y\"", with: "\"five years\""), out _, out var findings));

        Assert.Equal("retention.purpose.period.invalid", Assert.Single(findings).Code);
        Assert.DoesNotContain("five years", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_UnknownTimeZone_Finding()
    {
        Assert.False(RetentionDocument.TryParse(Doc(replace: "Europe/Berlin", with: "Mars/Olympus"), out _, out var findings));

        Assert.Equal("retention.document.time_zone.unknown", Assert.Single(findings).Code);
    }

    [Fact]
    public void TryParse_BrokenTree_TreeFindings()
    {
        Assert.False(RetentionDocument.TryParse(Doc(",{\"id\":\"m\",\"kind\":\"module\",\"parent\":\"nowhere\"}"), out _, out var findings));

        Assert.Equal("retention.context.parent.unknown", Assert.Single(findings).Code);
    }

    [Fact]
    public void Evaluate_MissingLawfulBasis_ErrorNoRows()
    {
        var report = RetentionDocument.Evaluate(Doc(replace: "[\"public-task\"]", with: "[]"), At("2026-01-01T00:00:00Z"));

        Assert.Empty(report.Contexts);
        Assert.Contains(report.Findings, f => f.Code == "retention.purpose.lawful_basis.missing");
    }

    [Fact]
    public void Explain_ModuleInheritingFromCourse_ChainInWords()
    {
        var document = RetentionDocument.Parse(Sample());

        var explanation = document.Explain("sleep-study-diary", At("2026-03-01T00:00:00Z"))!;

        Assert.Equal("research-cohort", explanation.Purpose!.Id);
        Assert.Contains(explanation.Lines, l => l.Contains("set to inherit", StringComparison.Ordinal));
        Assert.Contains(explanation.Lines, l => l.StartsWith("Anchor: fixed date 2024-12-31", StringComparison.Ordinal));
        Assert.Contains(explanation.Lines, l => l.Contains("archiving-research-statistics", StringComparison.Ordinal));
        Assert.Null(document.Explain("nope", At("2026-03-01T00:00:00Z")));
    }
}
