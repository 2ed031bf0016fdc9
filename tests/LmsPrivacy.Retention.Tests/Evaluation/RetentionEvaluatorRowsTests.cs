using FsCheck.Xunit;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;
using NodaTime;
using static LmsPrivacy.Retention.Tests.Build;

namespace LmsPrivacy.Retention.Tests.Evaluation;

/// <summary>The report's rows are made on read from compact state; these tests pin what that must not change.</summary>
public sealed class RetentionEvaluatorRowsTests
{
    private static readonly Instant Now = At("2026-03-01T00:00:00Z");

    private static readonly RetentionRegistry Registry = Reg(
        [
            Purpose("teaching", "P2Y", false, Role("editingteacher", "P4Y", isProtected: true), Role("student", "P1Y")),
            Purpose("exams", "P5Y", true),
            Purpose("forums", "P1Y", false, Role("student", "P6M"), Role("teacher", "P3Y", isProtected: true)),
            Purpose("accounts", "P18M"),
        ],
        "teaching",
        new() { [ContextKind.Course] = Slot("teaching"), [ContextKind.User] = Slot("accounts") },
        moduleTypes: new(StringComparer.Ordinal) { ["assign"] = Slot("exams"), ["forum"] = Slot("forums") });

    private static readonly string[] Types = ["forum", "assign", "page"];

    /// <summary>A host's own tree: the evaluator cannot use the in-memory tree's cached pre-order.</summary>
    private sealed class HostTree(InMemoryContextTree inner) : IContextTree
    {
        public RetentionContext Root => inner.Root;

        public int Count => inner.Count;

        public RetentionContext? Find(string contextId) => inner.Find(contextId);

        public IReadOnlyList<RetentionContext> GetChildren(string contextId) => inner.GetChildren(contextId);
    }

    private static InMemoryContextTree Generate(byte[] shape)
    {
        var epoch = At("2018-01-01T00:00:00Z");
        var contexts = new List<RetentionContext> { Site(), Category("cat") };
        var courses = Math.Max(1, shape.Length / 4);
        for (var c = 0; c < courses; c++)
        {
            var b = shape.Length == 0 ? 0 : shape[c % shape.Length];
            contexts.Add(new RetentionContext
            {
                Id = "c" + c,
                Kind = ContextKind.Course,
                ParentId = c % 2 == 0 ? "sys" : "cat",
                EndDate = b % 9 == 0 ? null : epoch + Duration.FromDays(b * 11),
                LastActivity = b % 13 == 0 ? epoch + Duration.FromDays(b * 17) : null,
                RoleAssignments = [new RoleAssignment("u" + c, b % 3 == 0 ? "editingteacher" : "student")],
            });
            for (var m = 0; m < b % 5; m++)
            {
                contexts.Add(Module($"c{c}m{m}", "c" + c, Types[(b + m) % Types.Length], m == 1 && b % 2 == 0 ? "2025-12-01T00:00:00Z" : null));
            }

            contexts.Add(User("u" + c, b % 7 == 0 ? null : (epoch + Duration.FromDays(b * 5)).ToString(), "c" + c));
        }

        return Tree([.. contexts]);
    }

    private static string Describe(ContextEvaluation r) => string.Join(
        " | ",
        r.Id, r.Kind, r.ParentId, r.Status, r.PurposeId, r.Anchor, r.ExpiresAt, r.DefaultExpired, r.DefaultProtected,
        string.Join(",", r.ExpiredRoles), string.Join(",", r.UnexpiredRoles), string.Join(",", r.ProtectedRoles), r.LastActivity, r.Reason);

    [Property(MaxTest = 150)]
    public bool HostTree_GivesTheSameReportAsTheInMemoryTree(byte[] shape)
    {
        var tree = Generate(shape ?? []);
        var evaluator = new RetentionEvaluator(Registry);

        var cached = evaluator.Evaluate(tree, Now);
        var host = evaluator.Evaluate(new HostTree(tree), Now);

        return cached.Contexts.Select(Describe).SequenceEqual(host.Contexts.Select(Describe))
            && cached.Summary == host.Summary
            && cached.Findings.Select(f => f.Code + f.Path + f.Message).SequenceEqual(host.Findings.Select(f => f.Code + f.Path + f.Message));
    }

    [Property(MaxTest = 150)]
    public bool Summary_MatchesTheRowsWhenTheyAreRead(byte[] shape)
    {
        var report = new RetentionEvaluator(Registry).Evaluate(Generate(shape ?? []), Now);
        var statuses = report.Contexts.Select(r => r.Status).ToList();

        return report.Summary.Expired == statuses.Count(s => s == RetentionStatus.Expired)
            && report.Summary.PartlyExpired == statuses.Count(s => s == RetentionStatus.PartlyExpired)
            && report.Summary.NotExpired == statuses.Count(s => s == RetentionStatus.NotExpired)
            && report.Summary.NoAnchor == statuses.Count(s => s == RetentionStatus.NoAnchor)
            && report.Summary.Ineligible == statuses.Count(s => s == RetentionStatus.Ineligible)
            && report.Summary.NeedsReview == statuses.Count(s => s == RetentionStatus.NeedsReview);
    }

    [Fact]
    public void Rows_ReadTwice_AreTheSameObject()
    {
        var report = new RetentionEvaluator(Registry).Evaluate(Generate([1, 2, 3, 4, 5, 6, 7, 8]), Now);

        Assert.Same(report.Contexts[1], report.Contexts[1]);
        Assert.Same(report.Find("c0"), report.Contexts.First(r => r.Id == "c0"));
    }

    [Fact]
    public void Rows_OfTwoEvaluations_AreEqual_WhetherOrNotTheirReasonsWereRead()
    {
        var tree = Generate([150, 160, 170, 180, 190, 200, 4, 5]);
        var evaluator = new RetentionEvaluator(Registry);
        var first = evaluator.Evaluate(tree, Now);
        var second = evaluator.Evaluate(tree, Now);
        _ = first.Contexts.Select(r => r.Reason).ToList(); // rendered in the first report only

        Assert.Equal(first.Contexts, second.Contexts);
        Assert.Equal(first.Contexts.Select(r => r.GetHashCode()), second.Contexts.Select(r => r.GetHashCode()));
        Assert.Contains(first.Contexts, r => r.UnexpiredRoles.Count > 0 || r.ExpiredRoles.Count > 0); // role lists compared by content
        Assert.NotEqual(first.Contexts[1], first.Contexts[1] with { Status = RetentionStatus.NeedsReview });
        Assert.NotEqual(first.Contexts[1], first.Contexts[1] with { ExpiredRoles = ["someone"] });
    }

    [Fact]
    public void HostTree_WithALoop_StopsAndSaysSo()
    {
        var inner = Generate([1, 2, 3, 4, 5, 6, 7, 8]);
        var report = new RetentionEvaluator(Registry).Evaluate(new LoopingTree(inner), Now);

        Assert.Equal(inner.Count, report.Contexts.Count);
        var finding = Assert.Single(report.Findings, f => f.Code == "retention.context.cycle");
        Assert.Contains("more contexts than its Count", finding.Message, StringComparison.Ordinal);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void HostTree_WithANegativeCount_IsRefused()
    {
        var inner = Generate([1, 2]);

        var error = Assert.Throws<ArgumentException>(() => new RetentionEvaluator(Registry).Evaluate(new NegativeCountTree(inner), Now));
        Assert.Contains("negative Count", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A host tree whose course lists the system context among its children: a loop.</summary>
    private sealed class LoopingTree(InMemoryContextTree inner) : IContextTree
    {
        public RetentionContext Root => inner.Root;

        public int Count => inner.Count;

        public RetentionContext? Find(string contextId) => inner.Find(contextId);

        public IReadOnlyList<RetentionContext> GetChildren(string contextId) =>
            contextId == "c0" ? [.. inner.GetChildren(contextId), inner.Root] : inner.GetChildren(contextId);
    }

    private sealed class NegativeCountTree(InMemoryContextTree inner) : IContextTree
    {
        public RetentionContext Root => inner.Root;

        public int Count => -1;

        public RetentionContext? Find(string contextId) => inner.Find(contextId);

        public IReadOnlyList<RetentionContext> GetChildren(string contextId) => inner.GetChildren(contextId);
    }

    [Fact]
    public void Rows_IndexOutOfRange_Throws()
    {
        var report = new RetentionEvaluator(Registry).Evaluate(Generate([1, 2, 3, 4]), Now);

        Assert.Throws<ArgumentOutOfRangeException>(() => report.Contexts[report.Contexts.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => report.Contexts[-1]);
    }

    [Fact]
    public void Rows_ReadFromSeveralThreads_AreOneObjectPerContext()
    {
        var report = new RetentionEvaluator(Registry).Evaluate(Generate([.. Enumerable.Range(0, 400).Select(i => (byte)i)]), Now);

        var seen = new ContextEvaluation[4][];
        Parallel.For(0, 4, t => seen[t] = [.. report.Contexts]);

        for (var i = 0; i < report.Contexts.Count; i++)
        {
            Assert.All(seen, rows => Assert.Same(seen[0][i], rows[i]));
        }
    }

    [Fact]
    public void RoleLists_AreInOrdinalOrder()
    {
        // Overrides declared out of order; the row lists them in ordinal order whatever the registry order.
        var registry = Reg([Purpose("teaching", "P5Y", false, Role("zeta", "P10Y", isProtected: true), Role("alpha", "P10Y", isProtected: true), Role("mid", "P1Y"), Role("beta", "P1Y"))], "teaching");
        var report = new RetentionEvaluator(registry).Evaluate(Tree(Site(), Course("c1", "2023-06-30T00:00:00Z")), Now);

        var row = report.Find("c1")!;
        Assert.Equal(["beta", "mid"], row.ExpiredRoles);
        Assert.Equal(["alpha", "zeta"], row.UnexpiredRoles);
        Assert.Equal(["alpha", "zeta"], row.ProtectedRoles);
    }

    [Fact]
    public void ManyPurposes_BeyondWhatAStateHolds_AreStillResolved()
    {
        // 70,000 purposes: more than the 16-bit purpose number kept per context.
        var purposes = Enumerable.Range(0, 70_000).Select(p => Purpose($"p{p}", p == 69_999 ? "P1Y" : "P50Y")).ToList();
        var registry = Reg(purposes, "p0", new() { [ContextKind.Course] = Slot("p69999") });
        var report = new RetentionEvaluator(registry).Evaluate(Tree(Site(), Course("c1", "2020-06-30T00:00:00Z"), Module("m1", "c1")), Now);

        Assert.Equal("p69999", report.Find("m1")!.PurposeId);
        Assert.Equal(RetentionStatus.Expired, report.Find("c1")!.Status);
        Assert.Equal(At("2021-06-30T00:00:00Z"), report.Find("c1")!.ExpiresAt);
    }

    [Fact]
    public void ManyOverriddenRoles_BeyondSixtyFour_AreStillTracked()
    {
        // 70 roles: the role sets spill past one 64-bit word.
        var overrides = Enumerable.Range(0, 70).Select(r => Role($"role{r:D2}", r % 2 == 0 ? "P1Y" : "P10Y", isProtected: r == 69)).ToArray();
        var registry = Reg([Purpose("teaching", "P5Y", false, overrides)], "teaching");
        var report = new RetentionEvaluator(registry).Evaluate(Tree(Site(), Course("c1", "2023-06-30T00:00:00Z"), Module("m1", "c1")), Now);

        var course = report.Find("c1")!;
        Assert.Equal(RetentionStatus.PartlyExpired, course.Status);
        Assert.Equal(Enumerable.Range(0, 70).Where(r => r % 2 == 0).Select(r => $"role{r:D2}"), course.ExpiredRoles);
        Assert.Equal(Enumerable.Range(0, 70).Where(r => r % 2 == 1).Select(r => $"role{r:D2}"), course.UnexpiredRoles);
        Assert.Equal(["role69"], course.ProtectedRoles);
        Assert.True(course.IsRoleExpired("role68"));
        Assert.False(course.IsRoleExpired("role69"));
    }
}
