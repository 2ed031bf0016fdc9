using LmsPrivacy.Retention.Registry;
using static LmsPrivacy.Retention.Tests.Build;

namespace LmsPrivacy.Retention.Tests.Registry;

public sealed class InMemoryContextTreeTests
{
    private static string[] Codes(params RetentionContext[] contexts)
    {
        Assert.False(InMemoryContextTree.TryCreate(contexts, out _, out var findings));
        return [.. findings.Select(f => f.Code)];
    }

    [Fact]
    public void TryCreate_DuplicateId_Finding() =>
        Assert.Equal(["retention.context.duplicate"], Codes(Site(), Course("c1", null), Course("c1", null)));

    [Fact]
    public void TryCreate_NoSystem_Finding() =>
        Assert.Contains("retention.context.root", Codes(Course("c1", null)));

    [Fact]
    public void TryCreate_UnknownParent_Finding() =>
        Assert.Equal(["retention.context.parent.unknown"], Codes(Site(), Module("m1", "nope")));

    [Fact]
    public void TryCreate_ModuleUnderUser_PlacementFinding() =>
        Assert.Equal(["retention.context.kind.placement"], Codes(Site(), User("u1", null), Module("m1", "u1")));

    [Fact]
    public void TryCreate_Cycle_Finding() =>
        Assert.Equal(
            ["retention.context.cycle", "retention.context.cycle"],
            Codes(Site(), Category("a", "b"), Category("b", "a")));

    [Fact]
    public void TryCreate_EnrolmentInUnknownCourse_Finding() =>
        Assert.Equal(["retention.context.enrolment.unknown"], Codes(Site(), User("u1", null, "c9")));

    [Fact]
    public void TryCreate_TooDeep_LimitFinding()
    {
        var contexts = new List<RetentionContext> { Site() };
        for (var i = 0; i <= InMemoryContextTree.MaximumDepth; i++)
        {
            contexts.Add(Category("k" + i, i == 0 ? "sys" : "k" + (i - 1)));
        }

        Assert.Equal(["retention.document.limit"], Codes([.. contexts]));
    }

    [Fact]
    public void TryCreate_BlockUnderUser_Allowed()
    {
        Assert.True(InMemoryContextTree.TryCreate([Site(), User("u1", null), Block("b1", "u1")], out var tree, out var findings));
        Assert.Empty(findings);
        Assert.Equal("b1", Assert.Single(tree.GetChildren("u1")).Id);
    }
}
