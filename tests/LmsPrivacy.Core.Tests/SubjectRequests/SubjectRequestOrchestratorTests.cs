using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using LmsPrivacy.SubjectRequests;
using NodaTime;
using NodaTime.Testing;

namespace LmsPrivacy.Core.Tests.SubjectRequests;

public sealed class SubjectRequestOrchestratorTests
{
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 2, 1, 8, 0), Duration.FromSeconds(1));
    private readonly InMemorySubjectRequestJournal _journal = new();

    [Fact]
    public async Task ExportAsync_TwoStores_ZipHasManifestCountsAndChecksums()
    {
        var orchestrator = Create(TestData.Store("lms"), TestData.Store("forum", subjects: ["42", "42", "9"]), new NullStore("catalogue"));
        using var zip = new MemoryStream();

        var report = await orchestrator.ExportAsync(TestData.Request(SubjectRequestKind.Access), zip, TestContext.Current.CancellationToken);

        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        Assert.Equal(["stores/forum.json", "stores/lms.json", "manifest.json"], archive.Entries.Select(e => e.FullName));
        using var manifest = JsonDocument.Parse(archive.GetEntry("manifest.json")!.Open());
        var root = manifest.RootElement;
        Assert.Equal("42", root.GetProperty("subject").GetProperty("id").GetString());
        Assert.True(root.GetProperty("complete").GetBoolean());
        var stores = root.GetProperty("stores").EnumerateArray().ToList();
        Assert.Equal(["catalogue", "forum", "lms"], stores.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal("not-applicable", stores[0].GetProperty("status").GetString());
        // forum holds 2 records for each listed subject: "42" twice → 4 records of subject 42.
        Assert.Equal(4, stores[1].GetProperty("records").GetInt64());
        Assert.Equal(2, stores[2].GetProperty("records").GetInt64());
        foreach (var store in stores.Skip(1))
        {
            using var entry = archive.GetEntry(store.GetProperty("file").GetString()!)!.Open();
            using var copy = new MemoryStream();
            entry.CopyTo(copy);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())), store.GetProperty("sha256").GetString());
            using var part = JsonDocument.Parse(copy.ToArray());
            var records = part.RootElement.GetProperty("records").EnumerateArray().ToList();
            Assert.Equal(store.GetProperty("records").GetInt64(), records.Count);
            Assert.All(records, r => Assert.Equal("42", r.GetProperty("data").GetProperty("userid").GetString()));
            Assert.Equal("assessment-result", part.RootElement.GetProperty("collections")[0].GetProperty("fields")[2].GetProperty("category").GetString());
        }

        Assert.True(report.IsComplete);
    }

    [Fact]
    public async Task ExportAsync_StoreFailsThenRecovers_PackageHoldsOnlyTheGoodAttempt()
    {
        var flaky = new FaultyStore(TestData.Store("lms"), [Fault.ThrowAfter]);
        using var zip = new MemoryStream();

        var report = await Create(flaky).ExportAsync(TestData.Request(SubjectRequestKind.Access), zip, TestContext.Current.CancellationToken);

        var line = Assert.Single(report.Stores);
        Assert.Equal(StoreRunStatus.Done, line.Status);
        Assert.Equal(2, line.Attempts);
        Assert.Equal(2, line.Records);
    }

    [Fact]
    public async Task ExportAsync_StoreAlwaysFails_ListedAsFailedOthersExported()
    {
        var broken = new FaultyStore(TestData.Store("broken"), [Fault.ThrowBefore, Fault.ThrowBefore]);
        using var zip = new MemoryStream();

        var report = await Create(2, broken, TestData.Store("lms")).ExportAsync(TestData.Request(SubjectRequestKind.Access), zip, TestContext.Current.CancellationToken);

        Assert.False(report.IsComplete);
        Assert.Equal([StoreRunStatus.Failed, StoreRunStatus.Done], report.Stores.Select(s => s.Status));
        Assert.Contains("export broke", report.Stores[0].Error, StringComparison.Ordinal);
        Assert.Equal("dsr.export.store_failed", Assert.Single(report.ToValidationReport().Findings).Code);
        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        Assert.Null(archive.GetEntry("stores/broken.json"));
    }

    [Fact]
    public async Task ExportToFileAsync_WritesFinalFileOnly()
    {
        var folder = Directory.CreateTempSubdirectory("dsr-test-");
        try
        {
            var path = Path.Combine(folder.FullName, "package.zip");

            await Create(TestData.Store("lms")).ExportToFileAsync(TestData.Request(SubjectRequestKind.Access), path, TestContext.Current.CancellationToken);

            Assert.True(File.Exists(path));
            Assert.False(File.Exists(path + ".partial"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ExportAsync_ErasureRequest_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Create().ExportAsync(TestData.Request(SubjectRequestKind.Erasure), new MemoryStream(), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => Create().EraseAsync(TestData.Request(SubjectRequestKind.Access), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EraseAsync_OneStoreThrows_OthersStillErasedAndFailureReported()
    {
        var broken = new FaultyStore(TestData.Store("a-broken"), [Fault.ThrowBefore, Fault.ThrowBefore, Fault.ThrowBefore]);
        var good = TestData.Store("b-good");

        var report = await Create(broken, good).EraseAsync(TestData.Request(SubjectRequestKind.Erasure), TestContext.Current.CancellationToken);

        Assert.Equal([StoreRunStatus.Failed, StoreRunStatus.Done], report.Stores.Select(s => s.Status));
        Assert.Equal(3, report.Stores[0].Attempts);
        Assert.Contains("database unavailable", report.Stores[0].Error, StringComparison.Ordinal);
        Assert.Equal(SubjectRequestState.PartiallyCompleted, report.State);
        Assert.Equal(4, broken.Inner.Count);
        Assert.Equal(2, good.Count);
        Assert.Equal("dsr.erasure.store_failed", Assert.Single(report.ToValidationReport().Findings).Code);
    }

    [Fact]
    public async Task EraseAsync_TransientFault_RetriedAndDone()
    {
        var flaky = new FaultyStore(TestData.Store("lms"), [Fault.ThrowBefore, Fault.Unconfirmed]);

        var report = await Create(flaky).EraseAsync(TestData.Request(SubjectRequestKind.Erasure), TestContext.Current.CancellationToken);

        var line = Assert.Single(report.Stores);
        Assert.Equal(StoreRunStatus.Done, line.Status);
        Assert.Equal(3, line.Attempts);
        Assert.Equal(ErasureMethod.Delete, line.Method);
        Assert.Equal(2, line.RecordsAffected);
        Assert.Equal(
            [JournalStep.RequestStarted, JournalStep.StoreStarted, JournalStep.StoreAttemptFailed, JournalStep.StoreStarted, JournalStep.StoreAttemptFailed,
             JournalStep.StoreStarted, JournalStep.StoreDone, JournalStep.RequestFinished],
            _journal.Entries.Select(e => e.Step));
    }

    [Fact]
    public async Task EraseAsync_Unconfirmed_NeverReportedDone()
    {
        var store = new FaultyStore(TestData.Store("lms"), [Fault.Unconfirmed, Fault.Unconfirmed]);

        var report = await Create(2, store).EraseAsync(TestData.Request(SubjectRequestKind.Erasure), TestContext.Current.CancellationToken);

        Assert.Equal(StoreRunStatus.Failed, report.Stores[0].Status);
        Assert.Contains("did not confirm", report.Stores[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseAsync_StoreHangsIgnoringCancellation_TimedOutAndReported()
    {
        var hanging = new FaultyStore(TestData.Store("a-hangs"), [Fault.Hang]);
        var good = TestData.Store("b-good");
        var options = new SubjectRequestOptions { MaxAttempts = 1, InitialBackoff = TimeSpan.Zero, StoreTimeout = TimeSpan.FromMilliseconds(50) };
        var orchestrator = new SubjectRequestOrchestrator(new PersonalDataStoreRegistry([hanging, good]), _journal, _clock, options);

        var report = await orchestrator.EraseAsync(TestData.Request(SubjectRequestKind.Erasure), TestContext.Current.CancellationToken);

        Assert.Equal(StoreRunStatus.Failed, report.Stores[0].Status);
        Assert.Contains("did not answer within", report.Stores[0].Error, StringComparison.Ordinal);
        Assert.Equal(StoreRunStatus.Done, report.Stores[1].Status);
    }

    [Fact]
    public async Task EraseAsync_ProtectedAndNullStores_ReportedWithReason()
    {
        var report = await Create(new ProtectedStore("certs"), new NullStore("catalogue"), new ExportOnlyStore("reports"))
            .EraseAsync(TestData.Request(SubjectRequestKind.Erasure), TestContext.Current.CancellationToken);

        Assert.Equal([StoreRunStatus.NotApplicable, StoreRunStatus.SkippedProtected, StoreRunStatus.Failed], report.Stores.Select(s => s.Status));
        Assert.Contains("legal obligation", report.Stores[1].Reason, StringComparison.Ordinal);
        Assert.Equal(SubjectRequestState.PartiallyCompleted, report.State);
    }

    [Fact]
    public async Task EraseAsync_CrashBetweenStores_ResumeErasesEachStoreExactlyOnce()
    {
        using var crash = new CancellationTokenSource();
        var a = new FaultyStore(TestData.Store("a"), []);
        var c = new FaultyStore(TestData.Store("c"), []);
        var bWithCrash = new FaultyStore(TestData.Store("b"), [Fault.Crash], crash);
        var request = TestData.Request(SubjectRequestKind.Erasure);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Create(a, bWithCrash, c).EraseAsync(request, crash.Token));
        Assert.Equal(0, c.Calls);

        var report = await Create(a, bWithCrash, c).EraseAsync(request, TestContext.Current.CancellationToken);

        Assert.All(report.Stores, s => Assert.Equal(StoreRunStatus.Done, s.Status));
        Assert.Equal([true, false, false], report.Stores.Select(s => s.FromEarlierRun));
        Assert.Equal([1, 2, 1], new[] { a.Calls, bWithCrash.Calls, c.Calls });
        Assert.Equal([2L, 2L, 2L], new[] { a.RecordsErased, bWithCrash.RecordsErased, c.RecordsErased });
        Assert.All(new[] { a, bWithCrash, c }, s => Assert.Equal(2, s.Inner.Count));
    }

    [Fact]
    public async Task EraseAsync_ErasedButAckLost_RetryFindsNothingAndIsDone()
    {
        var store = new FaultyStore(TestData.Store("lms"), [Fault.ThrowAfter]);

        var report = await Create(store).EraseAsync(TestData.Request(SubjectRequestKind.Erasure), TestContext.Current.CancellationToken);

        Assert.Equal(StoreRunStatus.Done, report.Stores[0].Status);
        Assert.Equal(ErasureOutcome.NothingFound, report.Stores[0].Outcome);
        Assert.Equal(2, store.RecordsErased);
    }

    [Fact]
    public async Task EraseAsync_RepeatedRun_DoesNotCallStoresAgain()
    {
        var store = new FaultyStore(TestData.Store("lms"), []);
        var protectedStore = new ProtectedStore("certs");
        var request = TestData.Request(SubjectRequestKind.Erasure);
        var first = await Create(store, protectedStore).EraseAsync(request, TestContext.Current.CancellationToken);

        var second = await Create(store, protectedStore).EraseAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(1, store.Calls);
        Assert.Equal(1, protectedStore.Calls);
        Assert.Equal(first.Stores.Select(s => (s.Store, s.Status, s.RecordsAffected)), second.Stores.Select(s => (s.Store, s.Status, s.RecordsAffected)));
        Assert.All(second.Stores, s => Assert.True(s.FromEarlierRun));
    }

    [Fact]
    public async Task EraseAsync_AnonymiseInPlace_KeepsRecordsWithoutIdentifiers()
    {
        var store = TestData.Store("lrs", ErasureMethod.AnonymiseInPlace);

        var report = await Create(store).EraseAsync(TestData.Request(SubjectRequestKind.Erasure), TestContext.Current.CancellationToken);

        Assert.Equal(ErasureMethod.AnonymiseInPlace, report.Stores[0].Method);
        Assert.Equal(4, store.Count);
        Assert.Equal(2, store.Snapshot().Count(r => r.Data.GetProperty("userid").ValueKind == JsonValueKind.Null && r.Data.GetProperty("email").ValueKind == JsonValueKind.Null));
        Assert.False((await store.FindAsync(new DataSubject("42"), TestContext.Current.CancellationToken)).HasData);
    }

    [Fact]
    public async Task FindAsync_FailingStore_IsolatedAsNull()
    {
        var result = await Create(TestData.Store("lms"), new ThrowingFind("zz")).FindAsync(new DataSubject("42"), TestContext.Current.CancellationToken);

        Assert.Equal(2, result["lms"]!.Total);
        Assert.Null(result["zz"]);
    }

    [Fact]
    public void Options_Invalid_Throw()
    {
        Assert.Throws<ArgumentException>(() => new SubjectRequestOrchestrator(new PersonalDataStoreRegistry([]), _journal, _clock, new SubjectRequestOptions { MaxAttempts = 0 }));
        Assert.Equal(TimeSpan.FromSeconds(4), new SubjectRequestOptions().BackoffAfter(3));
        Assert.Equal(TimeSpan.FromMinutes(1), new SubjectRequestOptions().BackoffAfter(30));
    }

    private SubjectRequestOrchestrator Create(params IPersonalDataStore[] stores) => Create(3, stores);

    private SubjectRequestOrchestrator Create(int attempts, params IPersonalDataStore[] stores) =>
        new(new PersonalDataStoreRegistry(stores), _journal, _clock, TestData.FastOptions(attempts));

    private sealed class ThrowingFind(string name) : IPersonalDataStore
    {
        public string Name => name;

        public StoreDescription Describe() => TestData.Description();

        public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) => throw new InvalidOperationException("down");
    }
}

public sealed class SubjectRequestOrchestratorConcurrencyTests
{
    [Fact]
    public async Task EraseAsync_SameRequestTwiceAtOnce_SecondRefused()
    {
        var gate = new TaskCompletionSource();
        var store = new BlockingStore(gate.Task);
        var orchestrator = new SubjectRequestOrchestrator(
            new PersonalDataStoreRegistry([store]), new InMemorySubjectRequestJournal(), NodaTime.Testing.FakeClock.FromUtc(2026, 2, 1), TestData.FastOptions());
        var request = TestData.Request(SubjectRequestKind.Erasure);

        var first = orchestrator.EraseAsync(request, TestContext.Current.CancellationToken);
        await store.Entered.Task;
        await Assert.ThrowsAsync<InvalidOperationException>(() => orchestrator.EraseAsync(request, TestContext.Current.CancellationToken));
        gate.SetResult();

        Assert.Equal(StoreRunStatus.Done, (await first).Stores[0].Status);
    }

    private sealed class BlockingStore(Task gate) : IErasableStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Name => "slow";

        public StoreDescription Describe() => TestData.Description();

        public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) => ValueTask.FromResult(StoreFindResult.Empty);

        public async ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await gate;
            return ErasureResult.NothingFound();
        }
    }
}
