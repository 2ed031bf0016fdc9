using LmsPrivacy.SubjectRequests;
using NodaTime;

namespace LmsPrivacy.Core.Tests.SubjectRequests;

public sealed class ReportFindingsTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 2, 1, 8, 0);

    [Fact]
    public void ErasureReport_EveryStoreFoundNothing_WarnsNothingFound()
    {
        var report = new ErasureReport("r", At, At,
        [
            new StoreErasureReport("a", StoreRunStatus.Done) { Outcome = ErasureOutcome.NothingFound },
            new StoreErasureReport("b", StoreRunStatus.NotApplicable),
        ]);

        var finding = Assert.Single(report.ToValidationReport().Findings);

        Assert.Equal("dsr.erasure.nothing_found", finding.Code);
        Assert.Equal(LmsPrivacy.Findings.FindingSeverity.Warning, finding.Severity);
        Assert.Equal(SubjectRequestState.Completed, report.State);
    }

    [Theory]
    [InlineData(StoreRunStatus.Done, 1L)]
    [InlineData(StoreRunStatus.SkippedProtected, 0L)]
    [InlineData(StoreRunStatus.Failed, 0L)]
    public void ErasureReport_OneStoreHeldSomethingOrDidNotAnswer_NoNothingFound(StoreRunStatus status, long records)
    {
        var report = new ErasureReport("r", At, At,
        [
            new StoreErasureReport("a", StoreRunStatus.Done) { Outcome = ErasureOutcome.NothingFound },
            new StoreErasureReport("b", status) { Outcome = status == StoreRunStatus.Done ? ErasureOutcome.Erased : null, RecordsAffected = records },
        ]);

        Assert.DoesNotContain(report.ToValidationReport().Findings, f => f.Code == "dsr.erasure.nothing_found");
    }

    [Fact]
    public void AccessPackageReport_NoRecordInAnyStore_WarnsNothingFound()
    {
        var empty = new AccessPackageReport("r", At, At, [new StoreExportReport("a", StoreRunStatus.Done) { Records = 0 }]);
        var some = new AccessPackageReport("r", At, At, [new StoreExportReport("a", StoreRunStatus.Done) { Records = 2 }]);

        Assert.Equal("dsr.export.nothing_found", Assert.Single(empty.ToValidationReport().Findings).Code);
        Assert.Empty(some.ToValidationReport().Findings);
    }

    [Fact]
    public void SubjectRequestOrchestrator_TimeoutAboveOneDay_Throws()
    {
        var options = new SubjectRequestOptions { StoreTimeout = TimeSpan.FromHours(25) };

        Assert.Throws<ArgumentException>(() => new SubjectRequestOrchestrator(
            new PersonalDataStoreRegistry([]), new InMemorySubjectRequestJournal(), new NodaTime.Testing.FakeClock(At), options));
    }
}
