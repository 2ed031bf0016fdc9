using LmsPrivacy.Retention.Registry;
using static LmsPrivacy.Retention.Tests.Build;

namespace LmsPrivacy.Retention.Tests.Registry;

// Expected values follow research/moodle.md §2.4: own instance > own level default > parent instance > parent level
// default > … > system; INHERIT on the context itself skips its own level default; the user subtree uses the user level.
public sealed class PurposeResolverTests
{
    private static readonly Purpose[] Purposes = [Purpose("site", "P1Y"), Purpose("teaching", "P5Y"), Purpose("forums", "P2Y"), Purpose("modules", "P3Y"), Purpose("own", "P6M"), Purpose("users", "P3Y"), Purpose("catp", "P4Y")];

    private static InMemoryContextTree SampleTree() => Tree(
        Site(),
        Category("cat"),
        Course("c1", "2020-01-01T00:00:00Z", "cat"),
        Module("m-forum", "c1", "forum"),
        Module("m-quiz", "c1", "quiz"),
        User("u1", "2020-01-01T00:00:00Z"),
        Block("b-user", "u1"));

    private static ResolvedValue Resolve(RetentionRegistry registry, string id)
    {
        var tree = SampleTree();
        return new PurposeResolver(registry, tree).ResolvePurpose(tree.Find(id)!);
    }

    [Fact]
    public void ResolvePurpose_NothingBelowSystem_UsesSystemLevel()
    {
        var value = Resolve(Reg(Purposes, "site"), "m-quiz");

        Assert.Equal("site", value.Id);
        Assert.Equal(ResolutionSource.SystemLevel, value.Source);
    }

    [Fact]
    public void ResolvePurpose_OwnAssignment_WinsOverOwnKindDefault()
    {
        var registry = Reg(Purposes, "site",
            new() { [ContextKind.Module] = Slot("modules") },
            new(StringComparer.Ordinal) { ["m-quiz"] = Slot("own") });

        Assert.Equal("own", Resolve(registry, "m-quiz").Id);
    }

    [Fact]
    public void ResolvePurpose_OwnKindDefault_WinsOverParentAssignment()
    {
        var registry = Reg(Purposes, "site",
            new() { [ContextKind.Module] = Slot("modules") },
            new(StringComparer.Ordinal) { ["c1"] = Slot("teaching") });

        var value = Resolve(registry, "m-quiz");

        Assert.Equal("modules", value.Id);
        Assert.Equal(ResolutionSource.KindDefault, value.Source);
    }

    [Fact]
    public void ResolvePurpose_ModuleTypeDefault_CheckedBeforeGenericModuleDefault()
    {
        var registry = Reg(Purposes, "site",
            new() { [ContextKind.Module] = Slot("modules") },
            moduleTypes: new(StringComparer.Ordinal) { ["forum"] = Slot("forums") });

        Assert.Equal("forums", Resolve(registry, "m-forum").Id);
        Assert.Equal("modules", Resolve(registry, "m-quiz").Id);
    }

    [Fact]
    public void ResolvePurpose_OwnInherit_SkipsOwnKindDefaultAndUsesParent()
    {
        var registry = Reg(Purposes, "site",
            new() { [ContextKind.Module] = Slot("modules") },
            new(StringComparer.Ordinal) { ["c1"] = Slot("teaching"), ["m-quiz"] = Slot("inherit") });

        Assert.Equal("teaching", Resolve(registry, "m-quiz").Id);
    }

    [Fact]
    public void ResolvePurpose_OwnNotSet_UsesOwnKindDefault()
    {
        var registry = Reg(Purposes, "site",
            new() { [ContextKind.Module] = Slot("modules") },
            new(StringComparer.Ordinal) { ["c1"] = Slot("teaching"), ["m-quiz"] = Slot(null) });

        Assert.Equal("modules", Resolve(registry, "m-quiz").Id);
    }

    [Fact]
    public void ResolvePurpose_AncestorInherit_TreatedAsNotSetSoItsKindDefaultApplies()
    {
        // In the walk only the starting context's INHERIT is a "forced" value; an ancestor's instance that is not a
        // real purpose falls through to that ancestor's level default.
        var registry = Reg(Purposes, "site",
            new() { [ContextKind.Course] = Slot("teaching") },
            new(StringComparer.Ordinal) { ["c1"] = Slot("inherit") });

        Assert.Equal("teaching", Resolve(registry, "m-quiz").Id);
    }

    [Fact]
    public void ResolvePurpose_ParentKindDefault_UsedWhenModuleHasNone()
    {
        var registry = Reg(Purposes, "site", new() { [ContextKind.Category] = Slot("catp") });

        var value = Resolve(registry, "m-quiz");

        Assert.Equal("catp", value.Id);
        Assert.Equal("cat", value.FromContextId);
    }

    [Fact]
    public void ResolvePurpose_UserContext_UsesUserLevel()
    {
        var registry = Reg(Purposes, "site", new() { [ContextKind.User] = Slot("users") });

        var value = Resolve(registry, "u1");

        Assert.Equal("users", value.Id);
        Assert.Equal(ResolutionSource.UserLevel, value.Source);
    }

    [Fact]
    public void ResolvePurpose_BlockUnderUser_UsesUserLevelEvenWithOwnAssignmentAndBlockDefault()
    {
        var registry = Reg(Purposes, "site",
            new() { [ContextKind.User] = Slot("users"), [ContextKind.Block] = Slot("modules") },
            new(StringComparer.Ordinal) { ["b-user"] = Slot("own") });

        Assert.Equal("users", Resolve(registry, "b-user").Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("inherit")]
    public void ResolvePurpose_UserLevelNotSetOrInherit_FallsBackToSystem(string? userLevel)
    {
        var registry = Reg(Purposes, "site", new() { [ContextKind.User] = Slot(userLevel) });

        Assert.Equal("site", Resolve(registry, "u1").Id);
    }

    [Fact]
    public void ResolveCategory_ResolvesLikePurpose()
    {
        var registry = Reg(Purposes, "site",
            new() { [ContextKind.Course] = Slot(null, "grades") },
            new(StringComparer.Ordinal) { ["m-forum"] = Slot(null, "posts") });
        var tree = SampleTree();
        var resolver = new PurposeResolver(registry, tree);

        Assert.Equal("posts", resolver.ResolveCategory(tree.Find("m-forum")!).Id);
        Assert.Equal("grades", resolver.ResolveCategory(tree.Find("m-quiz")!).Id);
    }

    [Fact]
    public void Explain_InheritThenParentAssignment_ListsEachStepInWords()
    {
        var registry = Reg(Purposes, "site",
            new() { [ContextKind.Module] = Slot("modules") },
            new(StringComparer.Ordinal) { ["c1"] = Slot("teaching"), ["m-quiz"] = Slot("inherit") });
        var tree = SampleTree();

        var explanation = new PurposeResolver(registry, tree).Explain(tree.Find("m-quiz")!);

        Assert.Equal("teaching", explanation.Purpose.Id);
        Assert.Equal(2, explanation.Steps.Count);
        Assert.Contains("inherit", explanation.Steps[0], StringComparison.Ordinal);
        Assert.Contains("own assignment", explanation.Steps[1], StringComparison.Ordinal);
    }
}
