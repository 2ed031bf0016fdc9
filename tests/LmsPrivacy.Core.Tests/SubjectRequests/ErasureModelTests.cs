using System.Text.Json;
using FsCheck.Xunit;
using LmsPrivacy.SubjectRequests;
using NodaTime;
using NodaTime.Testing;

namespace LmsPrivacy.Core.Tests.SubjectRequests;

/// <summary>Model test: random stores failing at random steps, random crashes of the run, random resumes.</summary>
public sealed class ErasureModelTests
{
    private static readonly string[] Subjects = ["42", "7", "13"];

    [Property(MaxTest = 80)]
    public void NoSubjectDataSurvivesInDoneStores_AndOtherSubjectsAreNeverTouched(int seed)
    {
        var random = new Random(seed);
        var stores = new List<FaultyStore>();
        var storeCount = random.Next(1, 6);
        for (var i = 0; i < storeCount; i++)
        {
            var method = random.Next(2) == 0 ? ErasureMethod.Delete : ErasureMethod.AnonymiseInPlace;
            var script = Enumerable.Range(0, random.Next(0, 7))
                .Select(_ => (Fault)new[] { 0, 1, 2, 4 }[random.Next(4)]).ToList();
            stores.Add(new FaultyStore(TestData.Store($"s{i}", method, Subjects), script));
        }

        var others = stores.ToDictionary(s => s.Name, s => OtherSubjects(s.Inner));
        var journal = new CrashingJournal();
        var clock = new FakeClock(Instant.FromUtc(2026, 2, 1, 0, 0), Duration.FromSeconds(1));
        var request = TestData.Request(SubjectRequestKind.Erasure);
        var options = new SubjectRequestOptions { MaxAttempts = random.Next(1, 4), InitialBackoff = TimeSpan.Zero, StoreTimeout = TimeSpan.FromSeconds(30) };
        ErasureReport? last = null;
        for (var run = 0; run < 30 && last?.State != SubjectRequestState.Completed; run++)
        {
            // Half of the early runs die at a random journal write (a process crash between or inside store steps).
            journal.CrashAt = run < 10 && random.Next(2) == 0 ? journal.Appends + random.Next(1, 12) : -1;
            var orchestrator = new SubjectRequestOrchestrator(new PersonalDataStoreRegistry(stores), journal, clock, options);
            try
            {
                last = orchestrator.EraseAsync(request, TestContext.Current.CancellationToken).GetAwaiter().GetResult();
            }
            catch (IOException ex) when (ex.Message == CrashingJournal.CrashMessage)
            {
                last = null;
                continue;
            }

            foreach (var line in last.Stores.Where(l => l.Status == StoreRunStatus.Done))
            {
                var store = stores.Single(s => s.Name == line.Store);
                Assert.False(store.Inner.FindAsync(new DataSubject("42"), TestContext.Current.CancellationToken).AsTask().GetAwaiter().GetResult().HasData);
            }

            foreach (var store in stores)
            {
                Assert.Equal(others[store.Name], OtherSubjects(store.Inner));
            }
        }

        // Scripts are finite, so enough resumes finish the request, and each store erased the subject's 2 records exactly once.
        Assert.NotNull(last);
        Assert.Equal(SubjectRequestState.Completed, last.State);
        Assert.All(stores, s => Assert.Equal(2, s.RecordsErased));
    }

    private static List<string> OtherSubjects(InMemoryPersonalDataStore store) =>
    [
        .. store.Snapshot()
            .Where(r => r.Data.GetProperty("userid") is { ValueKind: JsonValueKind.String } id && id.GetString() != "42")
            .Select(r => r.Data.GetRawText()),
    ];

    private sealed class CrashingJournal : ISubjectRequestJournal
    {
        public const string CrashMessage = "simulated crash";
        private readonly InMemorySubjectRequestJournal _inner = new();

        public int Appends { get; private set; }

        public int CrashAt { get; set; } = -1;

        public ValueTask AppendAsync(SubjectRequestJournalEntry entry, CancellationToken cancellationToken = default)
        {
            Appends++;
            if (Appends == CrashAt)
            {
                throw new IOException(CrashMessage);
            }

            return _inner.AppendAsync(entry, cancellationToken);
        }

        public ValueTask<IReadOnlyList<SubjectRequestJournalEntry>> ReadAsync(string requestId, CancellationToken cancellationToken = default) =>
            _inner.ReadAsync(requestId, cancellationToken);
    }
}
