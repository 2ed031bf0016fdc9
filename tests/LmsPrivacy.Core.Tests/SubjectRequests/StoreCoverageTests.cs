using LmsPrivacy.Classification;
using LmsPrivacy.SubjectRequests;

namespace LmsPrivacy.Core.Tests.SubjectRequests;

public sealed class StoreCoverageTests
{
    [Fact]
    public void Analyze_CompleteStore_NoFindings()
    {
        var report = StoreCoverage.Analyze([TestData.Store("lms"), new NullStore("catalogue")]);

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Analyze_ExportOnlyStore_CannotErase()
    {
        var report = StoreCoverage.Analyze([new ExportOnlyStore("reports")]);

        var finding = Assert.Single(report.Findings);
        Assert.Equal("dsr.store.cannot_erase", finding.Code);
        Assert.Equal("stores['reports']", finding.Path);
    }

    [Fact]
    public void Analyze_EraseOnlyStore_CannotExport()
    {
        var report = StoreCoverage.Analyze([new ProtectedStore("certs")]);

        Assert.Equal(["dsr.store.cannot_export"], report.Findings.Select(f => f.Code));
    }

    [Fact]
    public void Analyze_UncategorisedField_IsReportedAndCountsAsPersonal()
    {
        var description = new StoreDescription([new StoreTable("log", [new StoreField("ip", null)])]);
        var store = new DescribedOnly("log", description);

        var codes = StoreCoverage.Analyze([store]).Findings.Select(f => f.Code).ToList();

        Assert.Equal(["dsr.field.uncategorised", "dsr.store.cannot_export", "dsr.store.cannot_erase"], codes);
    }

    [Fact]
    public void Analyze_TechnicalOnlyStore_NeedsNoExportOrErase()
    {
        var description = new StoreDescription([new StoreTable("config", [new StoreField("key", DataCategory.Technical)])]);

        Assert.Empty(StoreCoverage.Analyze([new DescribedOnly("config", description)]).Findings);
    }

    [Fact]
    public void Analyze_EmptyDescription_Undescribed()
    {
        var report = StoreCoverage.Analyze([new DescribedOnly("x", new StoreDescription([]))]);

        Assert.Equal(["dsr.store.undescribed"], report.Findings.Select(f => f.Code));
    }

    [Fact]
    public void Analyze_Schema_FindsUndeclaredTablesAndColumns()
    {
        SchemaTable[] schema =
        [
            new("grades", [new("id"), new("userid"), new("email"), new("score"), new("last_ip")]),
            new("ranking_points", [new("id"), new("owner", ReferencesTable: "users"), new("points")]),
            new("course", [new("id"), new("title")]),
            new("users", [new("id"), new("email")]),
        ];

        var findings = StoreCoverage.Analyze([TestData.Store("lms")], schema).Findings;

        Assert.Equal(
            [("dsr.column.undeclared", "schema.grades.last_ip"), ("dsr.table.undeclared", "schema.ranking_points"), ("dsr.table.undeclared", "schema.users")],
            findings.Select(f => (f.Code, f.Path)));
    }

    [Fact]
    public void Analyze_CustomHeuristics_AddsColumnNames()
    {
        var heuristics = new PersonalDataColumnHeuristics();
        heuristics.ColumnNames.Add("matriculation");

        var findings = StoreCoverage.Analyze([], [new SchemaTable("enrolment", [new("matriculation_")])], heuristics).Findings;

        Assert.Equal("dsr.table.undeclared", Assert.Single(findings).Code);
    }

    [Fact]
    public void Rules_All_HaveUniqueDottedCodes()
    {
        Assert.Equal(SubjectRequestRules.All.Count, SubjectRequestRules.All.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(SubjectRequestRules.All, r => Assert.StartsWith("dsr.", r.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_All_AreListedInDocs()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "subject-requests.md"));
        var documented = System.Text.RegularExpressions.Regex.Matches(docs, @"`(dsr\.[a-z_.]+)`").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(SubjectRequestRules.All.Select(r => r.Code).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    private sealed class DescribedOnly(string name, StoreDescription description) : IPersonalDataStore
    {
        public string Name => name;

        public StoreDescription Describe() => description;

        public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) => ValueTask.FromResult(StoreFindResult.Empty);
    }
}
