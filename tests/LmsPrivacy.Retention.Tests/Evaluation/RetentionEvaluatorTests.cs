using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;
using NodaTime;
using static LmsPrivacy.Retention.Tests.Build;

namespace LmsPrivacy.Retention.Tests.Evaluation;

// Each test is built from a behaviour research/moodle.md §2.5 documents (or a deliberate difference it lists).
public sealed class RetentionEvaluatorTests
{
    private static readonly Instant Now = At("2026-01-01T00:00:00Z");

    private static RetentionReport Evaluate(RetentionRegistry registry, RetentionOptions? options, params RetentionContext[] contexts) =>
        new RetentionEvaluator(registry, options ?? new RetentionOptions()).Evaluate(Tree(contexts), Now);

    private static RetentionReport Evaluate(RetentionRegistry registry, params RetentionContext[] contexts) => Evaluate(registry, null, contexts);

    private static RetentionRegistry FiveYears(params RoleOverride[] overrides) => Reg([Purpose("teaching", "P5Y", false, overrides)], "teaching");

    [Fact]
    public void Evaluate_CourseEndPlusPeriodPassed_Expired()
    {
        var report = Evaluate(FiveYears(), Site(), Course("c1", "2020-06-30T00:00:00Z"), Module("m1", "c1"));

        Assert.Equal(RetentionStatus.Expired, report.Find("c1")!.Status);
        Assert.Equal(RetentionStatus.Expired, report.Find("m1")!.Status);
        Assert.Equal(At("2025-06-30T00:00:00Z"), report.Find("c1")!.ExpiresAt);
    }

    [Fact]
    public void Evaluate_ExpiryExactlyNow_ExpiredBecauseInclusive()
    {
        var report = Evaluate(FiveYears(), Site(), Course("c1", "2021-01-01T00:00:00Z"));

        Assert.Equal(RetentionStatus.Expired, report.Find("c1")!.Status);
    }

    [Fact]
    public void Evaluate_CourseEndPlusPeriodInFuture_NotExpired()
    {
        var report = Evaluate(FiveYears(), Site(), Course("c1", "2021-01-01T00:00:01Z"));

        Assert.Equal(RetentionStatus.NotExpired, report.Find("c1")!.Status);
        Assert.Contains("expires on 2026-01-01", report.Find("c1")!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SystemAndCategory_Ineligible()
    {
        var report = Evaluate(FiveYears(), Site(), Category("cat"), Course("c1", "2000-01-01T00:00:00Z", "cat"));

        Assert.Equal(RetentionStatus.Ineligible, report.Find("sys")!.Status);
        Assert.Equal(RetentionStatus.Ineligible, report.Find("cat")!.Status);
        Assert.Equal(RetentionStatus.Expired, report.Find("c1")!.Status);
    }

    [Fact]
    public void Evaluate_CourseWithoutEndDate_NoAnchorWithFindingPerContextAndCount()
    {
        var report = Evaluate(FiveYears(), Site(), Course("c1", null), Module("m1", "c1"));

        Assert.Equal(RetentionStatus.NoAnchor, report.Find("c1")!.Status);
        Assert.Equal(RetentionStatus.NoAnchor, report.Find("m1")!.Status);
        Assert.Null(report.Find("c1")!.ExpiresAt);
        Assert.Equal(2, report.Summary.NoAnchor);
        Assert.Equal(2, report.Findings.Count(f => f.Code == "retention.anchor.missing"));
        Assert.Contains("never starts", report.Find("c1")!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoAnchorWithRoleOverrides_StillNoAnchor_NotTreatedAs1970()
    {
        // Moodle's override branch has no empty-date guard and computes everything as expired (§2.5.1 quirk).
        var report = Evaluate(FiveYears(Role("student", "P1Y")), Site(), Course("c1", null));

        var row = report.Find("c1")!;
        Assert.Equal(RetentionStatus.NoAnchor, row.Status);
        Assert.Empty(row.ExpiredRoles);
        Assert.False(row.DefaultExpired);
    }

    [Fact]
    public void Evaluate_UserNeverLoggedIn_NoAnchor()
    {
        var report = Evaluate(FiveYears(), Site(), User("u1", null));

        Assert.Equal(RetentionStatus.NoAnchor, report.Find("u1")!.Status);
        Assert.Contains("never logged in", report.Find("u1")!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ShorterStudentOverrideRun_PartlyExpiredWithExpiredRole()
    {
        // Default P5Y from 2023-06-30 still runs; the student override P1Y has run.
        var report = Evaluate(FiveYears(Role("student", "P1Y"), Role("editingteacher", "P10Y")), Site(), Course("c1", "2023-06-30T00:00:00Z"));

        var row = report.Find("c1")!;
        Assert.Equal(RetentionStatus.PartlyExpired, row.Status);
        Assert.Equal(["student"], row.ExpiredRoles);
        Assert.Equal(["editingteacher"], row.UnexpiredRoles);
    }

    [Fact]
    public void Evaluate_DefaultRunButLongerRoleRunning_PartlyExpiredAndExpiredRolesEmptied()
    {
        // §2.5.2: the expired-roles list is emptied when the default has expired; the unexpired role keeps it partial.
        var report = Evaluate(FiveYears(Role("student", "P1Y"), Role("editingteacher", "P10Y")), Site(), Course("c1", "2019-06-30T00:00:00Z"));

        var row = report.Find("c1")!;
        Assert.Equal(RetentionStatus.PartlyExpired, row.Status);
        Assert.True(row.DefaultExpired);
        Assert.Empty(row.ExpiredRoles);
        Assert.Equal(["editingteacher"], row.UnexpiredRoles);
    }

    [Fact]
    public void Evaluate_DefaultAndAllRolesRun_FullyExpired()
    {
        var report = Evaluate(FiveYears(Role("student", "P1Y"), Role("editingteacher", "P6Y")), Site(), Course("c1", "2019-06-30T00:00:00Z"));

        Assert.Equal(RetentionStatus.Expired, report.Find("c1")!.Status);
        Assert.Empty(report.Find("c1")!.UnexpiredRoles);
    }

    [Fact]
    public void Evaluate_ChildNotExpired_HoldsBackParent()
    {
        // §2.5.3: nothing in a parent can be deleted unless it is deletable in all children.
        var registry = Reg([Purpose("teaching", "P1Y"), Purpose("exams", "P10Y")], "teaching",
            assignments: new(StringComparer.Ordinal) { ["m-exam"] = Slot("exams") });

        var report = Evaluate(registry, Site(), Course("c1", "2020-01-01T00:00:00Z"), Module("m-exam", "c1"), Module("m-forum", "c1"));

        Assert.Equal(RetentionStatus.NotExpired, report.Find("m-exam")!.Status);
        Assert.Equal(RetentionStatus.Expired, report.Find("m-forum")!.Status);
        var course = report.Find("c1")!;
        Assert.Equal(RetentionStatus.NotExpired, course.Status);
        Assert.False(course.DefaultExpired);
        Assert.Contains("m-exam", course.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_ChildWithoutAnchor_HoldsBackParent()
    {
        var registry = Reg([Purpose("teaching", "P1Y"), Purpose("hosted", "P1Y") with { Anchor = AnchorRule.Host }], "teaching",
            assignments: new(StringComparer.Ordinal) { ["m1"] = Slot("hosted") });

        var report = Evaluate(registry, Site(), Course("c1", "2020-01-01T00:00:00Z"), Module("m1", "c1"));

        Assert.Equal(RetentionStatus.NoAnchor, report.Find("m1")!.Status);
        Assert.Equal(RetentionStatus.NotExpired, report.Find("c1")!.Status);
    }

    [Fact]
    public void Evaluate_ChildExpiredRoleSubset_ParentKeepsOnlyRolesExpiredInChild()
    {
        // Parent (course) purpose: P10Y with student P1Y and teacher P2Y; child module purpose P10Y with only student P1Y:
        // teacher is not expired in the child (it follows the child's P10Y default), so it is dropped from the parent.
        var registry = Reg(
            [Purpose("course", "P10Y", false, Role("student", "P1Y"), Role("teacher", "P2Y")), Purpose("module", "P10Y", false, Role("student", "P1Y"))],
            "course",
            assignments: new(StringComparer.Ordinal) { ["m1"] = Slot("module") });

        var report = Evaluate(registry, Site(), Course("c1", "2020-01-01T00:00:00Z"), Module("m1", "c1"));

        Assert.Equal(["student"], report.Find("m1")!.ExpiredRoles);
        Assert.Equal(["student"], report.Find("c1")!.ExpiredRoles);
        Assert.Equal(RetentionStatus.PartlyExpired, report.Find("c1")!.Status);
    }

    [Fact]
    public void Evaluate_ChildUnexpiredRole_AbsorbedByParent_DifferenceFromMoodle()
    {
        // Moodle's merge computes this union and throws it away (dead array_merge, §2.5.3); we keep it, so the course
        // is not reported fully expired while a module still keeps the teacher's data.
        var registry = Reg(
            [Purpose("course", "P1Y"), Purpose("module", "P1Y", false, Role("teacher", "P20Y"))],
            "course",
            assignments: new(StringComparer.Ordinal) { ["m1"] = Slot("module") });

        var report = Evaluate(registry, Site(), Course("c1", "2020-01-01T00:00:00Z"), Module("m1", "c1"));

        var course = report.Find("c1")!;
        Assert.Equal(RetentionStatus.PartlyExpired, course.Status);
        Assert.Equal(["teacher"], course.UnexpiredRoles);
    }

    [Fact]
    public void Evaluate_AdministratorAndGuest_IneligibleEvenIfExpired()
    {
        var admin = User("admin", "2000-01-01T00:00:00Z") with { IsAdministrator = true };
        var guest = User("guest", "2000-01-01T00:00:00Z") with { IsGuest = true };

        var report = Evaluate(FiveYears(), Site(), admin, guest);

        Assert.Equal(RetentionStatus.Ineligible, report.Find("admin")!.Status);
        Assert.Equal(RetentionStatus.Ineligible, report.Find("guest")!.Status);
    }

    [Fact]
    public void Evaluate_UserLastAccessPlusPeriodRun_NotEnrolled_Expired()
    {
        var report = Evaluate(FiveYears(), Site(), User("u1", "2020-01-01T00:00:00Z"));

        Assert.Equal(RetentionStatus.Expired, report.Find("u1")!.Status);
    }

    [Fact]
    public void Evaluate_UserEnrolledInCourseWithoutEndDate_IneligibleByDefault()
    {
        var report = Evaluate(FiveYears(), Site(), Course("c1", null), User("u1", "2020-01-01T00:00:00Z", "c1"));

        Assert.Equal(RetentionStatus.Ineligible, report.Find("u1")!.Status);
        Assert.Contains("no end date", report.Find("u1")!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UserEnrolledInCourseWithoutEndDate_SettingOff_Expired()
    {
        var options = new RetentionOptions { CoursesWithoutEndDateAreRunning = false };

        var report = Evaluate(FiveYears(), options, Site(), Course("c1", null), User("u1", "2020-01-01T00:00:00Z", "c1"));

        Assert.Equal(RetentionStatus.Expired, report.Find("u1")!.Status);
    }

    [Fact]
    public void Evaluate_UserEnrolledInCourseEndingInFuture_Ineligible()
    {
        var report = Evaluate(FiveYears(), Site(), Course("c1", "2026-07-01T00:00:00Z"), User("u1", "2020-01-01T00:00:00Z", "c1"));

        Assert.Equal(RetentionStatus.Ineligible, report.Find("u1")!.Status);
    }

    [Fact]
    public void Evaluate_UserEnrolledInEndedButNotExpiredCourse_Ineligible()
    {
        // Course ended 2024 + P5Y runs to 2029: the user's data is still needed with the course.
        var report = Evaluate(FiveYears(), Site(), Course("c1", "2024-01-01T00:00:00Z"), User("u1", "2020-01-01T00:00:00Z", "c1"));

        Assert.Equal(RetentionStatus.NotExpired, report.Find("c1")!.Status);
        Assert.Equal(RetentionStatus.Ineligible, report.Find("u1")!.Status);
    }

    [Fact]
    public void Evaluate_UserEnrolledOnlyInExpiredCourse_Expired()
    {
        var report = Evaluate(FiveYears(), Site(), Course("c1", "2019-01-01T00:00:00Z"), User("u1", "2020-01-01T00:00:00Z", "c1"));

        Assert.Equal(RetentionStatus.Expired, report.Find("u1")!.Status);
    }

    [Fact]
    public void Evaluate_DeletedUser_ClockRunsFromDeletion()
    {
        var user = User("u1", "2025-12-01T00:00:00Z") with { DeletedAt = At("2020-01-01T00:00:00Z") };

        var report = Evaluate(FiveYears(), Site(), user);

        Assert.Equal(AnchorKind.AccountDeleted, report.Find("u1")!.Anchor.Kind);
        Assert.Equal(RetentionStatus.Expired, report.Find("u1")!.Status);
    }

    [Fact]
    public void Evaluate_BlockUnderUser_UsesUserPurposeAndLastAccess()
    {
        var registry = Reg([Purpose("site", "P10Y"), Purpose("accounts", "P1Y")], "site",
            new() { [ContextKind.User] = Slot("accounts") });

        var report = Evaluate(registry, Site(), User("u1", "2024-06-01T00:00:00Z"), Block("b1", "u1"));

        var block = report.Find("b1")!;
        Assert.Equal("accounts", block.PurposeId);
        Assert.Equal(AnchorKind.LastAccess, block.Anchor.Kind);
        Assert.Equal(RetentionStatus.Expired, block.Status);
        Assert.Equal(RetentionStatus.Expired, report.Find("u1")!.Status);
    }

    [Fact]
    public void Evaluate_RecentActivityAfterCourseEnd_NeedsReviewUpTheCourse()
    {
        // MDL-71316: a reused course whose end date was never moved; students worked in it last month.
        var report = Evaluate(FiveYears(), Site(), Course("c1", "2019-06-30T00:00:00Z"), Module("m1", "c1", "assign", "2025-12-01T10:00:00Z"), Module("m2", "c1"));

        Assert.Equal(RetentionStatus.NeedsReview, report.Find("m1")!.Status);
        Assert.Equal(RetentionStatus.Expired, report.Find("m2")!.Status);
        Assert.Equal(RetentionStatus.NeedsReview, report.Find("c1")!.Status);
        Assert.Equal(2, report.Summary.NeedsReview);
        Assert.Contains(report.Findings, f => f.Code == "retention.activity.after_anchor");
    }

    [Fact]
    public void Evaluate_RecentActivityGuardOff_Expired()
    {
        var report = Evaluate(FiveYears(), new RetentionOptions { RecentActivityGuard = false }, Site(), Course("c1", "2019-06-30T00:00:00Z", activity: "2025-12-01T10:00:00Z"));

        Assert.Equal(RetentionStatus.Expired, report.Find("c1")!.Status);
    }

    [Fact]
    public void Evaluate_ActivityBeforeAnchor_NotFlagged()
    {
        var report = Evaluate(FiveYears(), Site(), Course("c1", "2019-06-30T00:00:00Z", activity: "2019-06-01T10:00:00Z"));

        Assert.Equal(RetentionStatus.Expired, report.Find("c1")!.Status);
    }

    [Fact]
    public void Evaluate_FixedDateAnchor_CountsFromStartOfThatDay()
    {
        var registry = Reg([Purpose("records", "P2Y") with { Anchor = AnchorRule.Fixed(new LocalDate(2023, 12, 31)) }], "records");

        var report = Evaluate(registry, Site(), Course("c1", null));

        Assert.Equal(AnchorKind.FixedDate, report.Find("c1")!.Anchor.Kind);
        Assert.Equal(At("2025-12-31T00:00:00Z"), report.Find("c1")!.ExpiresAt);
        Assert.Equal(RetentionStatus.Expired, report.Find("c1")!.Status);
    }

    [Fact]
    public void Evaluate_HostAnchor_InheritedByChildren()
    {
        var registry = Reg([Purpose("hosted", "P1Y") with { Anchor = AnchorRule.Host }], "hosted");
        var course = Course("c1", null) with { HostAnchor = At("2024-01-01T00:00:00Z") };

        var report = Evaluate(registry, Site(), course, Module("m1", "c1"));

        Assert.Equal(RetentionStatus.Expired, report.Find("m1")!.Status);
        Assert.Equal(AnchorKind.Host, report.Find("m1")!.Anchor.Kind);
        Assert.Equal(new Anchor(AnchorKind.Host, At("2024-01-01T00:00:00Z"), "m1"), report.Find("m1")!.Anchor); // the instant is the course's; the row names itself
        Assert.Equal(At("2025-01-01T00:00:00Z"), report.Find("m1")!.ExpiresAt);
        Assert.StartsWith("The host's anchor date is 2024-01-01", report.Find("m1")!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_RegistryWithErrors_NoRowsOnlyFindings()
    {
        var registry = new RetentionRegistry { Purposes = [Purpose("teaching", "P1Y")] };

        var report = Evaluate(registry, Site(), Course("c1", "2020-01-01T00:00:00Z"));

        Assert.Empty(report.Contexts);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Evaluate_AssignmentInUserSubtree_IgnoredWarning()
    {
        var registry = Reg([Purpose("teaching", "P1Y")], "teaching", assignments: new(StringComparer.Ordinal) { ["b1"] = Slot("teaching") });

        var report = Evaluate(registry, Site(), User("u1", "2025-01-01T00:00:00Z"), Block("b1", "u1"));

        Assert.Contains(report.Findings, f => f.Code == "retention.context.assignment.ignored");
    }

    [Fact]
    public void Evaluate_Summary_CountsEveryStatus()
    {
        var report = Evaluate(FiveYears(), Site(), Course("old", "2019-01-01T00:00:00Z"), Course("open", null), Course("live", "2025-01-01T00:00:00Z"));

        Assert.Equal(new RetentionSummary(4, 1, 0, 1, 1, 1, 0), report.Summary);
    }

    [Fact]
    public void UsersToDelete_PartlyExpired_OnlyUsersAllOfWhoseRolesExpired()
    {
        // §2.5.6: a user must have all their roles expired; unexpired wins; a role without override follows the default.
        var course = Course("c1", "2023-06-30T00:00:00Z", roles:
        [
            new RoleAssignment("alice", "student"),
            new RoleAssignment("bob", "student"), new RoleAssignment("bob", "editingteacher"),
            new RoleAssignment("carol", "student"), new RoleAssignment("carol", "observer"),
        ]);
        var tree = Tree(Site(), course, Module("m1", "c1"));
        var report = new RetentionEvaluator(FiveYears(Role("student", "P1Y"), Role("editingteacher", "P10Y"))).Evaluate(tree, Now);

        var users = RetentionEvaluator.UsersToDelete(tree, report.Find("m1")!);

        Assert.Equal(["alice"], users);
    }

    [Fact]
    public void UsersToDelete_NotExpired_Empty()
    {
        var tree = Tree(Site(), Course("c1", "2025-06-30T00:00:00Z", roles: new RoleAssignment("alice", "student")));
        var report = new RetentionEvaluator(FiveYears()).Evaluate(tree, Now);

        Assert.Empty(RetentionEvaluator.UsersToDelete(tree, report.Find("c1")!));
    }
}
