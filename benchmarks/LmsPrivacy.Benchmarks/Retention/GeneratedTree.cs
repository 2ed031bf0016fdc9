using LmsPrivacy.Legal;
using LmsPrivacy.Retention.Registry;
using NodaTime;

namespace LmsPrivacy.Benchmarks.Retention;

/// <summary>A deterministic, realistic-shaped context tree: categories, courses × modules, users with enrolments and roles.</summary>
public static class GeneratedTree
{
    private static readonly string[] ModuleTypes = ["forum", "assign", "quiz", "page", "resource", "url", "lesson", "wiki", "glossary", "data"];

    public static RetentionRegistry Registry() => new()
    {
        Purposes =
        [
            new Purpose { Id = "site", Name = "Site", LawfulBases = [LawfulBasis.PublicTask], Retention = Period.FromYears(1) },
            new Purpose
            {
                Id = "teaching", Name = "Teaching", LawfulBases = [LawfulBasis.PublicTask], Retention = Period.FromYears(2),
                RoleOverrides = [new RoleOverride { Role = "editingteacher", Retention = Period.FromYears(4), Protected = true }],
            },
            new Purpose { Id = "exams", Name = "Exams", LawfulBases = [LawfulBasis.LegalObligation], Retention = Period.FromYears(5), Protected = true },
            new Purpose { Id = "forums", Name = "Forums", LawfulBases = [LawfulBasis.PublicTask], Retention = Period.FromYears(1) },
            new Purpose { Id = "accounts", Name = "Accounts", LawfulBases = [LawfulBasis.PublicTask], Retention = Period.FromMonths(18) },
        ],
        KindDefaults = new Dictionary<ContextKind, SlotAssignment>
        {
            [ContextKind.System] = new(Assignment.Of("site"), Assignment.NotSet),
            [ContextKind.User] = new(Assignment.Of("accounts"), Assignment.NotSet),
            [ContextKind.Course] = new(Assignment.Of("teaching"), Assignment.NotSet),
        },
        ModuleTypeDefaults = new Dictionary<string, SlotAssignment>(StringComparer.Ordinal)
        {
            ["assign"] = new(Assignment.Of("exams"), Assignment.NotSet),
            ["quiz"] = new(Assignment.Of("exams"), Assignment.NotSet),
            ["forum"] = new(Assignment.Of("forums"), Assignment.NotSet),
        },
    };

    /// <summary>Builds <paramref name="courses"/> courses of 10 modules each, 2 users per course, 1 category per 1,000 courses.</summary>
    public static InMemoryContextTree Build(int courses)
    {
        var users = courses * 2;
        var contexts = new List<RetentionContext>(1 + (courses / 1000) + 1 + (courses * 11) + users)
        {
            new() { Id = "sys", Kind = ContextKind.System },
        };
        var categories = Math.Max(1, courses / 1000);
        for (var c = 0; c < categories; c++)
        {
            contexts.Add(new RetentionContext { Id = "cat" + c, Kind = ContextKind.Category, ParentId = "sys" });
        }

        var epoch = Instant.FromUtc(2015, 1, 1, 0, 0);
        for (var c = 0; c < courses; c++)
        {
            var id = "c" + c;
            Instant? end = c % 20 == 0 ? null : epoch + Duration.FromDays(c * 37 % 4380);
            contexts.Add(new RetentionContext
            {
                Id = id,
                Kind = ContextKind.Course,
                ParentId = "cat" + (c % categories),
                EndDate = end,
                LastActivity = c % 50 == 1 ? epoch + Duration.FromDays(4000) : null,
                RoleAssignments = [new RoleAssignment("u" + (c * 2), "student"), new RoleAssignment("u" + ((c * 2) + 1), c % 10 == 0 ? "editingteacher" : "student")],
            });
            for (var m = 0; m < 10; m++)
            {
                contexts.Add(new RetentionContext { Id = id + "m" + m, Kind = ContextKind.Module, ParentId = id, ModuleType = ModuleTypes[m] });
            }
        }

        for (var u = 0; u < users; u++)
        {
            contexts.Add(new RetentionContext
            {
                Id = "u" + u,
                Kind = ContextKind.User,
                ParentId = "sys",
                LastAccess = u % 33 == 0 ? null : epoch + Duration.FromDays(u * 13 % 4000),
                Enrolments = ["c" + (u / 2)],
            });
        }

        return InMemoryContextTree.Create(contexts);
    }
}
