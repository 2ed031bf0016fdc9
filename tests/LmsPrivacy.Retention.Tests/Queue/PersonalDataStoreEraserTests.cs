using LmsPrivacy.Classification;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Queue;
using LmsPrivacy.Retention.Registry;
using LmsPrivacy.SubjectRequests;
using NodaTime;
using NodaTime.Testing;
using static LmsPrivacy.Retention.Tests.Build;

namespace LmsPrivacy.Retention.Tests.Queue;

// The deletion queue reaching the host's stores through Core's store registry (issue 7 item 5).
public sealed class PersonalDataStoreEraserTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly StoreDescription Personal = new([new StoreTable("rows", [new StoreField("user", DataCategory.DirectIdentifier)])]);

    /// <summary>An in-memory host store of (context, user) rows that erases by context and by subject.</summary>
    private sealed class RowStore(string name, params (string Context, string User)[] rows) : IContextScopedStore, IErasableStore
    {
        public List<(string Context, string User)> Rows { get; } = [.. rows];

        public List<string> Calls { get; } = [];

        /// <summary>Contexts (or "subject:" + user) for which the store answers with the given result instead of erasing.</summary>
        public Dictionary<string, Func<ErasureResult>> Overrides { get; } = new(StringComparer.Ordinal);

        public string Name => name;

        public StoreDescription Describe() => Personal;

        public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(StoreFindResult.Empty);

        public ValueTask<ErasureResult> EraseInContextAsync(ContextErasureRequest request, CancellationToken cancellationToken = default)
        {
            Calls.Add(request.IsWholeContext ? "all:" + request.Context.Id : $"users:{request.Context.Id}:{string.Join(",", request.UserIds!)}");
            if (Overrides.TryGetValue(request.Context.Id, out var answer))
            {
                return ValueTask.FromResult(answer());
            }

            var removed = Rows.RemoveAll(r => r.Context == request.Context.Id && (request.UserIds is null || request.UserIds.Contains(r.User)));
            return ValueTask.FromResult(removed == 0 ? ErasureResult.NothingFound() : ErasureResult.Erased(ErasureMethod.Delete, removed));
        }

        public ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
        {
            Calls.Add("subject:" + request.Subject.Id);
            if (Overrides.TryGetValue("subject:" + request.Subject.Id, out var answer))
            {
                return ValueTask.FromResult(answer());
            }

            var removed = Rows.RemoveAll(r => r.User == request.Subject.Id);
            return ValueTask.FromResult(removed == 0 ? ErasureResult.NothingFound() : ErasureResult.Erased(ErasureMethod.Delete, removed));
        }
    }

    /// <summary>A store holding personal data that only knows Core's subject-wide erasure.</summary>
    private sealed class SubjectOnlyStore(string name) : IErasableStore
    {
        public string Name => name;

        public StoreDescription Describe() => Personal;

        public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(StoreFindResult.Empty);

        public ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ErasureResult.NothingFound());
    }

    /// <summary>A store that declares it holds no personal data and implements no erasure.</summary>
    private sealed class NoPersonalDataStore(string name) : IPersonalDataStore
    {
        public string Name => name;

        public StoreDescription Describe() => StoreDescription.NoPersonalData("Course settings only.");

        public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(StoreFindResult.Empty);
    }

    private sealed class Fixture
    {
        public Fixture(RetentionRegistry registry, IPersonalDataStore[] stores, params RetentionContext[] contexts)
        {
            Tree = Build.Tree(contexts);
            Eraser = new PersonalDataStoreEraser(new PersonalDataStoreRegistry(stores), Clock);
            Manager = new DeletionQueueManager(Queue, Eraser, new RetentionEvaluator(registry), Tree, Clock);
        }

        public FakeClock Clock { get; } = new(At("2026-01-01T00:00:00Z"));

        public InMemoryDeletionQueueStore Queue { get; } = new();

        public InMemoryContextTree Tree { get; }

        public PersonalDataStoreEraser Eraser { get; }

        public DeletionQueueManager Manager { get; }

        public async Task<DeletionRunResult> FlagApproveProcess(string contextId)
        {
            await Manager.FlagAsync("flag-job", Ct);
            var approval = await Manager.ApproveAsync([contextId], "dpo", null, Ct);
            Assert.True(approval.Succeeded);
            return await Manager.ProcessAsync("delete-job", Ct);
        }

        public async Task<DeletionState?> StateOf(string id) => (await Queue.FindAsync(id, Ct))?.State;
    }

    private static RetentionRegistry FiveYears(params RoleOverride[] overrides) => Reg([Purpose("teaching", "P5Y", false, overrides)], "teaching");

    // A course that ended 2019-06-30 with two modules: five years ran out on 2024-06-30, before "now" (2026-01-01).
    private static RetentionContext[] ExpiredCourse() =>
        [Site(), Course("c1", "2019-06-30T00:00:00Z"), Module("m1", "c1"), Module("m2", "c1"), Course("live", "2025-06-30T00:00:00Z")];

    private static RowStore Forum() => new("forum", ("m1", "alice"), ("m2", "bob"), ("c1", "alice"), ("live", "alice"));

    private static RowStore Grades() => new("grades", ("c1", "alice"), ("c1", "bob"), ("live", "bob"));

    [Fact]
    public async Task Process_EveryStoreConfirms_ContextsCleanedAndDataGoneFromEveryStore()
    {
        var forum = Forum();
        var grades = Grades();
        var f = new Fixture(FiveYears(), [forum, grades, new NoPersonalDataStore("settings")], ExpiredCourse());

        var result = await f.FlagApproveProcess("c1");

        Assert.Equal(["m1", "m2", "c1"], result.Cleaned);
        Assert.Empty(result.Failed);
        Assert.Equal([("live", "alice")], forum.Rows);
        Assert.Equal([("live", "bob")], grades.Rows);
        Assert.Equal(["all:m1", "all:m2", "all:c1"], forum.Calls);
        Assert.Equal(DeletionState.Cleaned, await f.StateOf("c1"));
        Assert.Equal(DeletionAuditAction.Cleaned, (await f.Queue.ReadAuditAsync("c1", Ct))[^1].Action);
    }

    [Fact]
    public async Task Process_OneStoreFails_EntryStaysApprovedFailureAudited()
    {
        var forum = Forum();
        var grades = Grades();
        grades.Overrides["c1"] = static () => throw new TimeoutException("The grade service did not answer.");
        var f = new Fixture(FiveYears(), [forum, grades], ExpiredCourse());

        var result = await f.FlagApproveProcess("c1");

        Assert.Equal(["m1", "m2"], result.Cleaned);
        Assert.Equal(["c1"], result.Failed);
        Assert.Equal(DeletionState.Approved, await f.StateOf("c1"));
        var audit = (await f.Queue.ReadAuditAsync("c1", Ct))[^1];
        Assert.Equal(DeletionAuditAction.ErasureFailed, audit.Action);
        Assert.Equal("delete-job", audit.Actor);
        Assert.Contains("store 'grades' failed: TimeoutException", audit.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("'forum'", audit.Reason, StringComparison.Ordinal);
        // The other store still did its part (erasure is idempotent; the next run asks both again).
        Assert.DoesNotContain(("c1", "alice"), forum.Rows);
    }

    [Fact]
    public async Task Process_StoreFailedEarlier_NextRunRetriesAndCleans()
    {
        var grades = Grades();
        grades.Overrides["c1"] = static () => ErasureResult.Unconfirmed("Replica lag.");
        var f = new Fixture(FiveYears(), [Forum(), grades], ExpiredCourse());
        await f.FlagApproveProcess("c1");
        grades.Overrides.Clear();

        var second = await f.Manager.ProcessAsync("delete-job", Ct);

        Assert.Equal(["c1"], second.Cleaned);
        Assert.Equal([("live", "bob")], grades.Rows);
        Assert.Equal(
            [DeletionAuditAction.Flagged, DeletionAuditAction.Approved, DeletionAuditAction.ErasureFailed, DeletionAuditAction.Cleaned],
            (await f.Queue.ReadAuditAsync("c1", Ct)).Select(r => r.Action));
    }

    [Fact]
    public async Task Process_StoreKeepsDataAsProtected_NotCleanedReasonAudited()
    {
        var grades = Grades();
        grades.Overrides["c1"] = static () => ErasureResult.Protected("Legal hold: grade appeal pending.");
        var f = new Fixture(FiveYears(), [Forum(), grades], ExpiredCourse());

        var result = await f.FlagApproveProcess("c1");

        Assert.Equal(["c1"], result.Failed);
        Assert.DoesNotContain("c1", result.Cleaned);
        Assert.Equal(DeletionState.Approved, await f.StateOf("c1"));
        var audit = (await f.Queue.ReadAuditAsync("c1", Ct))[^1];
        Assert.Equal(DeletionAuditAction.ErasureFailed, audit.Action);
        Assert.Contains("store 'grades' kept the data (protected): Legal hold: grade appeal pending.", audit.Reason, StringComparison.Ordinal);
        Assert.Equal([("c1", "alice"), ("c1", "bob"), ("live", "bob")], grades.Rows);
    }

    [Fact]
    public async Task Process_ChildNotConfirmed_ParentDeferredAndUntouched()
    {
        var forum = Forum();
        var grades = Grades();
        forum.Overrides["m1"] = static () => ErasureResult.Unconfirmed("Attachment volume offline.");
        var f = new Fixture(FiveYears(), [forum, grades], ExpiredCourse());

        var result = await f.FlagApproveProcess("c1");

        Assert.Equal(["m2"], result.Cleaned);
        Assert.Equal(["m1"], result.Failed);
        Assert.Equal(["c1"], result.Deferred);
        Assert.DoesNotContain("all:c1", forum.Calls);
        Assert.DoesNotContain("all:c1", grades.Calls);
        Assert.Contains(("c1", "alice"), forum.Rows);
        Assert.Equal([("c1", "alice"), ("c1", "bob"), ("live", "bob")], grades.Rows);
        Assert.Equal(DeletionState.Approved, await f.StateOf("m1"));
        Assert.Equal(DeletionState.Approved, await f.StateOf("c1"));
    }

    [Fact]
    public async Task Process_PartlyExpired_ListedUsersErasedInThatContextOnly()
    {
        // Students' data is kept 1 year after the course end (2023-06-30 → 2024-06-30, expired); teachers' 5 years (not expired).
        var course = Course("c1", "2023-06-30T00:00:00Z", roles: [new RoleAssignment("alice", "student"), new RoleAssignment("bob", "editingteacher")]);
        var grades = new RowStore("grades", ("c1", "alice"), ("c1", "bob"), ("live", "alice"));
        var f = new Fixture(FiveYears(Role("student", "P1Y")), [grades], Site(), course, Course("live", "2025-06-30T00:00:00Z"));

        var result = await f.FlagApproveProcess("c1");

        Assert.Equal(["c1"], result.Cleaned);
        Assert.Equal(["users:c1:alice"], grades.Calls);
        Assert.Equal([("c1", "bob"), ("live", "alice")], grades.Rows);
    }

    [Fact]
    public async Task Process_UserContext_BlocksByContextThenUserAsSubjectEverywhere()
    {
        var profile = new RowStore("profile", ("b1", "u1"), ("u1", "u1"), ("c9", "u1"), ("u2", "u2"));
        var f = new Fixture(FiveYears(), [profile], Site(), User("u1", "2019-01-01T00:00:00Z"), Block("b1", "u1"), User("u2", "2025-12-01T00:00:00Z"));

        var result = await f.FlagApproveProcess("u1");

        Assert.Equal(["u1"], result.Cleaned);
        Assert.Equal(["all:b1", "subject:u1"], profile.Calls);
        Assert.Equal([("u2", "u2")], profile.Rows);
    }

    [Fact]
    public async Task EraseAsync_StoreWithoutContextScope_FailedNotAssumedClean()
    {
        var f = new Fixture(FiveYears(), [new SubjectOnlyStore("lrs"), new NoPersonalDataStore("settings"), Grades()], ExpiredCourse());

        var report = await f.Eraser.EraseAsync(ContextErasureRequest.WholeContext(f.Tree.Find("c1")!), Ct);

        Assert.False(report.IsConfirmed);
        Assert.Equal(
            [("grades", StoreRunStatus.Done), ("lrs", StoreRunStatus.Failed), ("settings", StoreRunStatus.NotApplicable)],
            report.Stores.Select(s => (s.Store, s.Status)));
        Assert.Contains("IContextScopedStore", report.Stores[1].Error, StringComparison.Ordinal);
        Assert.Equal(2, report.Stores[0].RecordsAffected);
    }

    [Fact]
    public async Task DeleteContextAsync_UserAndStoreWithoutSubjectErasure_Throws()
    {
        var f = new Fixture(FiveYears(), [new NoPersonalDataStore("settings"), new RowStore("forum")], Site(), User("u1", "2019-01-01T00:00:00Z"));

        await f.Eraser.DeleteContextAsync(f.Tree.Find("u1")!, Ct);
        var failing = new PersonalDataStoreEraser(new PersonalDataStoreRegistry([new ContextOnlyStore("wiki")]), f.Clock);
        var ex = await Assert.ThrowsAsync<ContextErasureException>(async () => await failing.DeleteContextAsync(f.Tree.Find("u1")!, Ct));

        Assert.Contains("IErasableStore", ex.Message, StringComparison.Ordinal);
        Assert.Equal("1 of 1 store(s) did not confirm the erasure: store 'wiki' failed: The store holds personal data but does not implement IErasableStore.", ex.Message);
    }

    [Fact]
    public async Task EraseAsync_UserSubjectRequest_ApprovedByRetentionAtNow()
    {
        var store = new CapturingStore();
        var clock = new FakeClock(At("2026-01-01T10:00:00Z"));
        var eraser = new PersonalDataStoreEraser(new PersonalDataStoreRegistry([store]), clock, "retention-policy");

        var report = await eraser.EraseAsync(ContextErasureRequest.WholeContext(new RetentionContext { Id = "u7", Kind = ContextKind.User }), Ct);

        Assert.True(report.IsConfirmed);
        var request = Assert.IsType<ApprovedSubjectRequest>(store.Request);
        Assert.Equal("u7", request.Subject.Id);
        Assert.Equal(SubjectRequestKind.Erasure, request.Kind);
        Assert.Equal("retention-policy", request.ApprovedBy);
        Assert.Equal(At("2026-01-01T10:00:00Z"), request.ApprovedAt);
    }

    [Fact]
    public void Users_NoUsers_Throws()
    {
        var course = new RetentionContext { Id = "c1", Kind = ContextKind.Course };

        Assert.Throws<ArgumentException>(() => ContextErasureRequest.Users(course, []));
        Assert.Throws<ArgumentException>(() => ContextErasureRequest.Users(course, ["alice", ""]));
        Assert.False(ContextErasureRequest.Users(course, ["alice"]).IsWholeContext);
        Assert.True(ContextErasureRequest.WholeContext(course).IsWholeContext);
    }

    private sealed class ContextOnlyStore(string name) : IContextScopedStore
    {
        public string Name => name;

        public StoreDescription Describe() => Personal;

        public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(StoreFindResult.Empty);

        public ValueTask<ErasureResult> EraseInContextAsync(ContextErasureRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(ErasureResult.NothingFound());
    }

    private sealed class CapturingStore : IErasableStore
    {
        public ApprovedSubjectRequest? Request { get; private set; }

        public string Name => "capture";

        public StoreDescription Describe() => Personal;

        public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(StoreFindResult.Empty);

        public ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
        {
            Request = request;
            return ValueTask.FromResult(ErasureResult.NothingFound());
        }
    }
}
