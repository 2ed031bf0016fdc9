using LmsPrivacy.Retention.Erasure;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;
using NodaTime;
using static LmsPrivacy.Retention.Tests.Build;

namespace LmsPrivacy.Retention.Tests.Erasure;

// Rules of research/moodle.md §2.5.7, in their order.
public sealed class ErasureDeciderTests
{
    private static readonly Instant Now = At("2026-01-01T00:00:00Z");

    private static IReadOnlyList<ErasureDecision> Decide(RetentionRegistry registry, string user, params RetentionContext[] contexts)
    {
        var tree = Tree(contexts);
        var options = new RetentionOptions();
        var report = new RetentionEvaluator(registry, options).Evaluate(tree, Now);
        return new ErasureDecider(registry, options).Decide(tree, report, user);
    }

    private static ErasureDecision For(IReadOnlyList<ErasureDecision> decisions, string id) => decisions.Single(d => d.ContextId == id);

    private static RetentionContext Enrolled(string id, string? end, string role = "student") => Course(id, end, roles: new RoleAssignment("u1", role));

    [Fact]
    public void Decide_FullyExpiredCourse_MayDeleteEvenIfProtected()
    {
        var registry = Reg([Purpose("teaching", "P1Y", isProtected: true)], "teaching");

        var decisions = Decide(registry, "u1", Site(), Enrolled("c1", "2020-01-01T00:00:00Z"), User("u1", "2025-12-01T00:00:00Z", "c1"));

        Assert.True(For(decisions, "c1").MayDelete);
    }

    [Fact]
    public void Decide_RunningCourseProtectedPurpose_Kept()
    {
        var registry = Reg([Purpose("teaching", "P1Y", isProtected: true)], "teaching");

        var decisions = Decide(registry, "u1", Site(), Enrolled("c1", "2026-07-01T00:00:00Z"), Module("m1", "c1"), User("u1", "2025-12-01T00:00:00Z", "c1"));

        Assert.False(For(decisions, "c1").MayDelete);
        Assert.False(For(decisions, "m1").MayDelete);
        Assert.Contains("protected", For(decisions, "m1").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RunningCourseUnprotectedPurpose_MayDelete()
    {
        var registry = Reg([Purpose("teaching", "P1Y")], "teaching");

        var decisions = Decide(registry, "u1", Site(), Enrolled("c1", "2026-07-01T00:00:00Z"), User("u1", "2025-12-01T00:00:00Z", "c1"));

        Assert.True(For(decisions, "c1").MayDelete);
    }

    [Fact]
    public void Decide_ProtectedPurposeButAllRolesUnprotectedOverrides_MayDelete()
    {
        var registry = Reg([Purpose("teaching", "P5Y", true, Role("student", "P3Y"))], "teaching");

        var decisions = Decide(registry, "u1", Site(), Enrolled("c1", "2025-07-01T00:00:00Z"), User("u1", "2025-12-01T00:00:00Z"));

        Assert.True(For(decisions, "c1").MayDelete);
    }

    [Fact]
    public void Decide_UnexpiredProtectedRole_KeptEvenIfPurposeUnprotected()
    {
        var registry = Reg([Purpose("teaching", "P1Y", false, Role("editingteacher", "P10Y", isProtected: true))], "teaching");

        var decisions = Decide(registry, "u1", Site(), Enrolled("c1", "2025-07-01T00:00:00Z", "editingteacher"), User("u1", "2025-12-01T00:00:00Z"));

        Assert.False(For(decisions, "c1").MayDelete);
        Assert.Contains("editingteacher", For(decisions, "c1").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DefaultExpiredOtherRoleUnexpired_MayDelete()
    {
        // Course partly expired (teacher override longer); the subject is a student without override: default has run.
        var registry = Reg([Purpose("teaching", "P1Y", true, Role("editingteacher", "P10Y"))], "teaching");

        var decisions = Decide(registry, "u1", Site(), Enrolled("c1", "2024-07-01T00:00:00Z"), User("u1", "2025-12-01T00:00:00Z"));

        Assert.True(For(decisions, "c1").MayDelete);
    }

    [Fact]
    public void Decide_UserContextWhileEnrolledInRunningCourse_Kept()
    {
        var registry = Reg([Purpose("teaching", "P1Y")], "teaching");

        var decisions = Decide(registry, "u1", Site(), Enrolled("c1", "2026-07-01T00:00:00Z"), User("u1", "2025-12-01T00:00:00Z", "c1"), Block("b1", "u1"));

        Assert.False(For(decisions, "u1").MayDelete);
        Assert.False(For(decisions, "b1").MayDelete);
    }

    [Fact]
    public void Decide_UserContextNotEnrolled_MayDelete_OtherUsersUntouched()
    {
        var registry = Reg([Purpose("teaching", "P1Y")], "teaching");

        var decisions = Decide(registry, "u1", Site(), User("u1", "2025-12-01T00:00:00Z"), User("u2", "2025-12-01T00:00:00Z"));

        Assert.True(Assert.Single(decisions).MayDelete);
    }

    [Fact]
    public void Decide_Administrator_Kept()
    {
        var registry = Reg([Purpose("teaching", "P1Y")], "teaching");

        var decisions = Decide(registry, "u1", Site(), User("u1", "2025-12-01T00:00:00Z") with { IsAdministrator = true });

        Assert.False(Assert.Single(decisions).MayDelete);
    }
}
