using FsCheck.Xunit;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;
using NodaTime;
using static LmsPrivacy.Retention.Tests.Build;

namespace LmsPrivacy.Retention.Tests.Evaluation;

public sealed class RetentionEvaluatorPropertyTests
{
    private static readonly string[] Types = ["forum", "assign", "page"];

    private static readonly RetentionRegistry Registry = Reg(
        [Purpose("teaching", "P2Y", false, Role("editingteacher", "P4Y")), Purpose("exams", "P5Y"), Purpose("forums", "P1Y", false, Role("student", "P6M"))],
        "teaching",
        new() { [ContextKind.Course] = Slot("teaching") },
        moduleTypes: new(StringComparer.Ordinal) { ["assign"] = Slot("exams"), ["forum"] = Slot("forums") });

    private static (InMemoryContextTree Tree, Instant Now) Generate(byte[] shape, int endDays, int nowDays)
    {
        var contexts = new List<RetentionContext> { Site() };
        var end = Instant.FromUtc(2015, 1, 1, 0, 0) + Duration.FromDays(Math.Abs(endDays % 4000));
        contexts.Add(new RetentionContext { Id = "c", Kind = ContextKind.Course, ParentId = "sys", EndDate = shape.Length % 7 == 0 ? null : end });
        for (var m = 0; m < Math.Min(shape.Length, 12); m++)
        {
            contexts.Add(new RetentionContext
            {
                Id = "m" + m,
                Kind = ContextKind.Module,
                ParentId = "c",
                ModuleType = Types[shape[m] % Types.Length],
                LastActivity = shape[m] % 5 == 0 ? end + Duration.FromDays(shape[m]) : null,
            });
        }

        return (Tree([.. contexts]), Instant.FromUtc(2015, 1, 1, 0, 0) + Duration.FromDays(Math.Abs(nowDays % 6000)));
    }

    [Property(MaxTest = 200)]
    public bool ParentExpired_OnlyIfEveryChildExpired(byte[] shape, int endDays, int nowDays)
    {
        var (tree, now) = Generate(shape ?? [], endDays, nowDays);
        var report = new RetentionEvaluator(Registry).Evaluate(tree, now);

        var course = report.Find("c")!;
        var children = report.Contexts.Where(r => r.ParentId == "c").ToList();
        return course.Status != RetentionStatus.Expired || children.All(c => c.Status == RetentionStatus.Expired);
    }

    [Property(MaxTest = 200)]
    public bool ParentRoleExpired_OnlyIfExpiredInEveryChild(byte[] shape, int endDays, int nowDays)
    {
        var (tree, now) = Generate(shape ?? [], endDays, nowDays);
        var report = new RetentionEvaluator(Registry).Evaluate(tree, now);

        var course = report.Find("c")!;
        var children = report.Contexts.Where(r => r.ParentId == "c").ToList();
        return new[] { "student", "editingteacher", "teacher" }.All(role =>
            !course.IsRoleExpired(role) || children.All(c => c.IsRoleExpired(role)));
    }

    [Property(MaxTest = 200)]
    public bool Summary_CountsEveryContextOnce(byte[] shape, int endDays, int nowDays)
    {
        var (tree, now) = Generate(shape ?? [], endDays, nowDays);
        var s = new RetentionEvaluator(Registry).Evaluate(tree, now).Summary;

        return s.Contexts == tree.Count
            && s.Expired + s.PartlyExpired + s.NotExpired + s.NoAnchor + s.Ineligible + s.NeedsReview == s.Contexts;
    }
}
