using LmsPrivacy.Pseudonymization;
using LmsPrivacy.SubjectRequests;
using LmsPrivacy.Xapi.Lrs;
using LmsPrivacy.Xapi.SubjectAccess;
using NodaTime;
using static LmsPrivacy.Xapi.Tests.Lrs.Statements;

namespace LmsPrivacy.Xapi.Tests.Lrs;

public sealed class LrsStatementStoreTests
{
    private const string PseudonymHome = "https://lms.example.org/pseudonyms";

    [Fact]
    public async Task ExportAsync_OwnIfisAndPseudonyms_AllStatements()
    {
        var lrs = new FakeLrs();
        lrs.Add(Make(Id(1), Ada)).Add(Make(Id(2), Pseudonym("k1.AAAA"))).Add(Make(Id(3), Bob));
        var map = new InMemoryPseudonymMap();
        await map.SetAsync("k1.AAAA", "42", TestContext.Current.CancellationToken);
        var store = Store(lrs, map);

        var records = await store.ExportAsync(Request(SubjectRequestKind.Access, Ada), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([Id(1), Id(2)], records.Select(r => r.Data.GetProperty("id").GetString()));
        Assert.All(records, r => Assert.Equal(LrsStatementStore.StatementsCollection, r.Collection));
    }

    [Fact]
    public async Task EraseAsync_PseudonymousStatementsOnly_DeletesMappingAndConfirms()
    {
        var lrs = new FakeLrs();
        lrs.Add(Make(Id(2), Pseudonym("k1.AAAA"))).Add(Make(Id(3), Bob));
        var map = new InMemoryPseudonymMap();
        await map.SetAsync("k1.AAAA", "42", TestContext.Current.CancellationToken);
        var store = Store(lrs, map);

        var result = await store.EraseAsync(Request(SubjectRequestKind.Erasure), TestContext.Current.CancellationToken);
        var after = await store.FindAsync(new DataSubject("42"), TestContext.Current.CancellationToken);
        var again = await store.EraseAsync(Request(SubjectRequestKind.Erasure), TestContext.Current.CancellationToken);

        Assert.Equal(ErasureOutcome.Erased, result.Outcome);
        Assert.Equal(ErasureMethod.DeletePseudonymMapping, result.Method);
        Assert.Equal(1, result.RecordsAffected);
        Assert.Equal(0, map.Count);
        Assert.False(after.HasData);
        Assert.Equal(ErasureOutcome.NothingFound, again.Outcome);
    }

    [Fact]
    public async Task EraseAsync_MapFilledByStatementPseudonymizer_DeletesTheIfiIdentity()
    {
        // StatementPseudonymizer records pseudonym → IFI identity ({"mbox_sha1sum":…}), not the host's subject id.
        var map = new InMemoryPseudonymMap();
        var pseudonymizer = new LmsPrivacy.Xapi.Streaming.StatementPseudonymizer(new Pseudonymizer(PseudonymKey.FromText("k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")), PseudonymHome, map);
        var lrs = new FakeLrs();
        lrs.Add(await pseudonymizer.PseudonymizeAsync(Make(Id(1), Ada), TestContext.Current.CancellationToken)).Add(Make(Id(2), Bob));
        var store = Store(lrs, map);

        var exported = await store.ExportAsync(Request(SubjectRequestKind.Access, Ada), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var result = await store.EraseAsync(Request(SubjectRequestKind.Erasure, Ada), TestContext.Current.CancellationToken);

        Assert.Equal([Id(1)], exported.Select(r => r.Data.GetProperty("id").GetString()));
        Assert.Equal(ErasureOutcome.Erased, result.Outcome);
        Assert.Equal(ErasureMethod.DeletePseudonymMapping, result.Method);
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public async Task EraseAsync_StatementsCarryRealIfi_Unconfirmed()
    {
        var lrs = new FakeLrs();
        lrs.Add(Make(Id(1), Ada));

        var result = await Store(lrs, null).EraseAsync(Request(SubjectRequestKind.Erasure, Ada), TestContext.Current.CancellationToken);

        Assert.Equal(ErasureOutcome.Unconfirmed, result.Outcome);
        Assert.Contains("ILrsStatementEraser", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseAsync_VendorEraserRemovesStatements_Confirmed()
    {
        var lrs = new FakeLrs();
        lrs.Add(Make(Id(1), Ada)).Add(Make(Id(2), Bob));
        var eraser = new RemovingEraser(lrs);

        var result = await Store(lrs, null, eraser).EraseAsync(Request(SubjectRequestKind.Erasure, Ada), TestContext.Current.CancellationToken);

        Assert.Equal(ErasureOutcome.Erased, result.Outcome);
        Assert.Equal(ErasureMethod.Delete, result.Method);
        Assert.Equal(1, result.RecordsAffected);
    }

    [Fact]
    public async Task EraseAsync_VendorEraserLies_StillUnconfirmed()
    {
        var lrs = new FakeLrs();
        lrs.Add(Make(Id(1), Ada));

        var result = await Store(lrs, null, new LyingEraser()).EraseAsync(Request(SubjectRequestKind.Erasure, Ada), TestContext.Current.CancellationToken);

        Assert.Equal(ErasureOutcome.Unconfirmed, result.Outcome);
    }

    [Fact]
    public async Task Orchestrator_LrsDown_ReportedFailedNotErased()
    {
        var lrs = new FakeLrs { Fault = LrsFault.ServerError };
        var orchestrator = new SubjectRequestOrchestrator(
            new PersonalDataStoreRegistry([Store(lrs, null)]), new InMemorySubjectRequestJournal(), NodaTime.Testing.FakeClock.FromUtc(2026, 2, 1),
            new SubjectRequestOptions { MaxAttempts = 2, InitialBackoff = TimeSpan.Zero });

        var report = await orchestrator.EraseAsync(Request(SubjectRequestKind.Erasure, Ada), TestContext.Current.CancellationToken);

        Assert.Equal(StoreRunStatus.Failed, report.Stores[0].Status);
        Assert.Equal("LrsException: GET statements answered HTTP 500.", report.Stores[0].Error);
    }

    [Fact]
    public void Describe_IsCovered()
    {
        var report = StoreCoverage.Analyze([Store(new FakeLrs(), new InMemoryPseudonymMap())]);

        Assert.True(report.IsValid, report.ToString());
    }

    private static string Pseudonym(string name) => $$$"""{"account":{"homePage":"{{{PseudonymHome}}}","name":"{{{name}}}"}}""";

    private static LrsStatementStore Store(FakeLrs lrs, IPseudonymMap? map, ILrsStatementEraser? eraser = null) =>
        new(new HttpLrsClient(lrs.Client()), new LrsStatementStoreOptions { Endpoint = new Uri("http://lrs.test/xAPI/"), PseudonymHomePage = PseudonymHome }, map, eraser);

    private static ApprovedSubjectRequest Request(SubjectRequestKind kind, params string[] agents)
    {
        var subject = agents.Aggregate(new DataSubject("42"), (s, a) => s.WithIdentifier(SubjectIdentifier.XapiAgentKind, a));
        var at = Instant.FromUtc(2026, 2, 1, 0, 0);
        return new CandidateSubjectRequest("r1", kind, subject, at, new LocalDate(2026, 3, 1)).Approve("dpo", at);
    }

    private sealed class RemovingEraser(FakeLrs lrs) : ILrsStatementEraser
    {
        public ValueTask<ErasureResult> EraseAsync(IReadOnlyList<SubjectAgent> agents, CancellationToken cancellationToken = default)
        {
            lrs.RemoveWhere(s => (string?)s["actor"]?["mbox"] == "mailto:ada@example.org");
            return ValueTask.FromResult(ErasureResult.Erased(ErasureMethod.Delete, 1));
        }
    }

    private sealed class LyingEraser : ILrsStatementEraser
    {
        public ValueTask<ErasureResult> EraseAsync(IReadOnlyList<SubjectAgent> agents, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ErasureResult.Erased(ErasureMethod.Delete, 1));
    }
}
