using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Queue;
using LmsPrivacy.Retention.Registry;
using NodaTime;
using NodaTime.Testing;
using static LmsPrivacy.Retention.Tests.Build;

namespace LmsPrivacy.Retention.Tests.Queue;

// Behaviour from research/moodle.md §2.5.4–§2.5.6, plus the issue's rejected state and audit trail.
public sealed class DeletionQueueManagerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private sealed class SwappableTree(InMemoryContextTree tree) : IContextTree
    {
        public InMemoryContextTree Current { get; set; } = tree;

        public RetentionContext Root => Current.Root;

        public int Count => Current.Count;

        public RetentionContext? Find(string contextId) => Current.Find(contextId);

        public IReadOnlyList<RetentionContext> GetChildren(string contextId) => Current.GetChildren(contextId);
    }

    private sealed class RecordingEraser : IContextDataEraser
    {
        public List<string> Calls { get; } = [];

        public ValueTask DeleteContextAsync(RetentionContext context, CancellationToken cancellationToken = default)
        {
            Calls.Add("all:" + context.Id);
            return ValueTask.CompletedTask;
        }

        public ValueTask DeleteUsersInContextAsync(RetentionContext context, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default)
        {
            Calls.Add($"users:{context.Id}:{string.Join(",", userIds)}");
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Fixture
    {
        public Fixture(RetentionRegistry registry, int batchLimit, params RetentionContext[] contexts)
        {
            Tree = new SwappableTree(Build.Tree(contexts));
            Manager = new DeletionQueueManager(Store, Eraser, new RetentionEvaluator(registry), Tree, Clock, batchLimit);
        }

        public FakeClock Clock { get; } = new(At("2026-01-01T00:00:00Z"));

        public InMemoryDeletionQueueStore Store { get; } = new();

        public RecordingEraser Eraser { get; } = new();

        public SwappableTree Tree { get; }

        public DeletionQueueManager Manager { get; }

        public async Task<DeletionState?> StateOf(string id) => (await Store.FindAsync(id, Ct))?.State;
    }

    private static RetentionRegistry FiveYears(params RoleOverride[] overrides) => Reg([Purpose("teaching", "P5Y", false, overrides)], "teaching");

    private static Fixture ExpiredCourse(int batchLimit = 200) =>
        new(FiveYears(), batchLimit, Site(), Course("c1", "2019-06-30T00:00:00Z"), Module("m1", "c1"), Module("m2", "c1"), Course("live", "2025-06-30T00:00:00Z"));

    [Fact]
    public async Task Flag_ExpiredContexts_PendingWithAuditLine()
    {
        var f = ExpiredCourse();

        var result = await f.Manager.FlagAsync("flag-job", Ct);

        Assert.Equal(["c1", "m1", "m2"], result.Flagged.Order(StringComparer.Ordinal));
        Assert.Equal(DeletionState.Pending, await f.StateOf("c1"));
        Assert.Null(await f.StateOf("live"));
        var audit = Assert.Single(await f.Store.ReadAuditAsync("c1", Ct));
        Assert.Equal(DeletionAuditAction.Flagged, audit.Action);
        Assert.Equal("flag-job", audit.Actor);
    }

    [Fact]
    public async Task Flag_BlockUnderUser_NotQueuedOnItsOwn()
    {
        var f = new Fixture(FiveYears(), 200, Site(), User("u1", "2019-01-01T00:00:00Z"), Block("b1", "u1"));

        var result = await f.Manager.FlagAsync("flag-job", Ct);

        Assert.Equal(["u1"], result.Flagged);
    }

    [Fact]
    public async Task Approve_Course_ApprovesPendingChildrenWithIt()
    {
        var f = ExpiredCourse();
        await f.Manager.FlagAsync("flag-job", Ct);

        var result = await f.Manager.ApproveAsync(["c1"], "dpo", "checked with the faculty", Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(["c1", "m1", "m2"], result.Approved.Order(StringComparer.Ordinal));
        Assert.Equal(DeletionState.Approved, await f.StateOf("m2"));
        Assert.Equal("checked with the faculty", (await f.Store.ReadAuditAsync("m2", Ct))[^1].Reason);
    }

    [Fact]
    public async Task Approve_ChildNotQueued_WholeBatchRefused()
    {
        var f = ExpiredCourse();
        await f.Manager.FlagAsync("flag-job", Ct);
        await f.Manager.RejectAsync("m1", "dpo", "Exam scripts under appeal.", Ct);

        var result = await f.Manager.ApproveAsync(["m2", "c1"], "dpo", null, Ct);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Approved);
        Assert.Equal(DeletionState.Pending, await f.StateOf("m2"));
    }

    [Fact]
    public async Task Approve_NotPending_Refused()
    {
        var f = ExpiredCourse();

        var result = await f.Manager.ApproveAsync(["c1"], "dpo", null, Ct);

        Assert.Equal("c1", Assert.Single(result.Refused).Key);
    }

    [Fact]
    public async Task Reject_BlankReason_Throws()
    {
        var f = ExpiredCourse();
        await f.Manager.FlagAsync("flag-job", Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => f.Manager.RejectAsync("c1", "dpo", " ", Ct));
    }

    [Fact]
    public async Task Reject_StaysRejectedOnReflagWithSameExpiry()
    {
        var f = ExpiredCourse();
        await f.Manager.FlagAsync("flag-job", Ct);
        await f.Manager.RejectAsync("m1", "dpo", "Exam scripts under appeal.", Ct);

        await f.Manager.FlagAsync("flag-job", Ct);

        var entry = await f.Store.FindAsync("m1", Ct);
        Assert.Equal(DeletionState.Rejected, entry!.State);
        Assert.Equal("Exam scripts under appeal.", entry.RejectionReason);
    }

    [Fact]
    public async Task Flag_ExpiryChanged_ApprovedGoesBackToPending()
    {
        var f = ExpiredCourse();
        await f.Manager.FlagAsync("flag-job", Ct);
        await f.Manager.ApproveAsync(["c1"], "dpo", null, Ct);
        f.Tree.Current = Tree(Site(), Course("c1", "2019-12-31T00:00:00Z"), Module("m1", "c1"), Module("m2", "c1"), Course("live", "2025-06-30T00:00:00Z"));

        var result = await f.Manager.FlagAsync("flag-job", Ct);

        Assert.Equal(["c1", "m1", "m2"], result.Reset.Order(StringComparer.Ordinal));
        Assert.Equal(DeletionState.Pending, await f.StateOf("c1"));
    }

    [Fact]
    public async Task Flag_NoLongerExpired_WithdrawnWithAuditLine()
    {
        var f = ExpiredCourse();
        await f.Manager.FlagAsync("flag-job", Ct);
        f.Tree.Current = Tree(Site(), Course("c1", "2025-12-31T00:00:00Z"), Module("m1", "c1"), Module("m2", "c1"), Course("live", "2025-06-30T00:00:00Z"));

        var result = await f.Manager.FlagAsync("flag-job", Ct);

        Assert.Contains("c1", result.Withdrawn);
        Assert.Null(await f.StateOf("c1"));
        Assert.Equal(DeletionAuditAction.Withdrawn, (await f.Store.ReadAuditAsync("c1", Ct))[^1].Action);
    }

    [Fact]
    public async Task Process_Approved_ChildrenDeletedBeforeParentAndCleaned()
    {
        var f = ExpiredCourse();
        await f.Manager.FlagAsync("flag-job", Ct);
        await f.Manager.ApproveAsync(["c1"], "dpo", null, Ct);

        var result = await f.Manager.ProcessAsync("delete-job", Ct);

        Assert.Equal(["all:m1", "all:m2", "all:c1"], f.Eraser.Calls);
        Assert.Equal(["m1", "m2", "c1"], result.Cleaned);
        Assert.Equal(DeletionState.Cleaned, await f.StateOf("c1"));
        Assert.Equal(
            [DeletionAuditAction.Flagged, DeletionAuditAction.Approved, DeletionAuditAction.Cleaned],
            (await f.Store.ReadAuditAsync("c1", Ct)).Select(r => r.Action));
    }

    [Fact]
    public async Task Process_ReValidationFindsContextLive_NothingDeleted()
    {
        var f = ExpiredCourse();
        await f.Manager.FlagAsync("flag-job", Ct);
        await f.Manager.ApproveAsync(["c1"], "dpo", null, Ct);
        // After approval, a teacher reused the course: someone posted in m1 after the end date.
        f.Tree.Current = Tree(Site(), Course("c1", "2019-06-30T00:00:00Z"), Module("m1", "c1", activity: "2025-12-20T09:00:00Z"), Module("m2", "c1"), Course("live", "2025-06-30T00:00:00Z"));

        var result = await f.Manager.ProcessAsync("delete-job", Ct);

        Assert.DoesNotContain("all:m1", f.Eraser.Calls);
        Assert.DoesNotContain("all:c1", f.Eraser.Calls);
        Assert.Contains("m1", result.Withdrawn);
        Assert.Contains("c1", result.Withdrawn);
    }

    [Fact]
    public async Task Process_ExpiryChangedSinceApproval_BackToPendingNothingDeleted()
    {
        var f = ExpiredCourse();
        await f.Manager.FlagAsync("flag-job", Ct);
        await f.Manager.ApproveAsync(["c1"], "dpo", null, Ct);
        f.Tree.Current = Tree(Site(), Course("c1", "2019-12-31T00:00:00Z"), Module("m1", "c1"), Module("m2", "c1"), Course("live", "2025-06-30T00:00:00Z"));

        var result = await f.Manager.ProcessAsync("delete-job", Ct);

        Assert.Empty(f.Eraser.Calls);
        Assert.Equal(3, result.Reset.Count);
        Assert.Equal(DeletionState.Pending, await f.StateOf("m1"));
    }

    [Fact]
    public async Task Process_BatchLimit_DefersTheRest()
    {
        var f = ExpiredCourse(batchLimit: 2);
        await f.Manager.FlagAsync("flag-job", Ct);
        await f.Manager.ApproveAsync(["c1"], "dpo", null, Ct);

        var first = await f.Manager.ProcessAsync("delete-job", Ct);
        var second = await f.Manager.ProcessAsync("delete-job", Ct);

        Assert.Equal(["m1", "m2"], first.Cleaned);
        Assert.Equal(["c1"], first.Deferred);
        Assert.Equal(["c1"], second.Cleaned);
    }

    [Fact]
    public async Task Process_PartlyExpired_DeletesOnlyUsersAllOfWhoseRolesExpired()
    {
        var course = Course("c1", "2023-06-30T00:00:00Z", roles: [new RoleAssignment("alice", "student"), new RoleAssignment("bob", "student"), new RoleAssignment("bob", "editingteacher")]);
        var f = new Fixture(FiveYears(Role("student", "P1Y")), 200, Site(), course);
        await f.Manager.FlagAsync("flag-job", Ct);
        await f.Manager.ApproveAsync(["c1"], "dpo", null, Ct);

        await f.Manager.ProcessAsync("delete-job", Ct);

        Assert.Equal(["users:c1:alice"], f.Eraser.Calls);
    }

    [Fact]
    public async Task Process_UserContext_DeletesChildrenThenUser()
    {
        var f = new Fixture(FiveYears(), 200, Site(), User("u1", "2019-01-01T00:00:00Z"), Block("b1", "u1"), Block("b2", "u1"));
        await f.Manager.FlagAsync("flag-job", Ct);
        await f.Manager.ApproveAsync(["u1"], "dpo", null, Ct);

        await f.Manager.ProcessAsync("delete-job", Ct);

        Assert.Equal(["all:b2", "all:b1", "all:u1"], f.Eraser.Calls);
    }

    private sealed class FailingEraser : IContextDataEraser
    {
        public ValueTask DeleteContextAsync(RetentionContext context, CancellationToken cancellationToken = default) =>
            context.Id == "m1" ? throw new IOException("Disk full.") : ValueTask.CompletedTask;

        public ValueTask DeleteUsersInContextAsync(RetentionContext context, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default) =>
            ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Process_HostEraserThrows_EntryStaysApprovedParentDeferredFailureAudited()
    {
        var store = new InMemoryDeletionQueueStore();
        var clock = new FakeClock(At("2026-01-01T00:00:00Z"));
        var tree = Tree(Site(), Course("c1", "2019-06-30T00:00:00Z"), Module("m1", "c1"), Module("m2", "c1"));
        var manager = new DeletionQueueManager(store, new FailingEraser(), new RetentionEvaluator(FiveYears()), tree, clock);
        await manager.FlagAsync("flag-job", Ct);
        await manager.ApproveAsync(["c1"], "dpo", null, Ct);

        var result = await manager.ProcessAsync("delete-job", Ct);

        Assert.Equal(["m2"], result.Cleaned);
        Assert.Equal(["m1"], result.Failed);
        Assert.Equal(["c1"], result.Deferred);
        Assert.Equal(DeletionState.Approved, (await store.FindAsync("m1", Ct))?.State);
        var audit = (await store.ReadAuditAsync("m1", Ct))[^1];
        Assert.Equal(DeletionAuditAction.ErasureFailed, audit.Action);
        Assert.Contains("IOException: Disk full.", audit.Reason, StringComparison.Ordinal);
    }
}
