using LmsPrivacy.Legal;
using LmsPrivacy.Retention.Registry;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Retention.Tests;

/// <summary>Small builders for registries and trees used across the tests.</summary>
internal static class Build
{
    public static Instant At(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    public static Period P(string iso) => PeriodPattern.NormalizingIso.Parse(iso).Value;

    public static Purpose Purpose(string id, string period, bool isProtected = false, params RoleOverride[] overrides) => new()
    {
        Id = id,
        Name = id,
        LawfulBases = [LawfulBasis.PublicTask],
        Retention = P(period),
        Protected = isProtected,
        RoleOverrides = overrides,
    };

    public static RoleOverride Role(string role, string period, bool isProtected = false) => new() { Role = role, Retention = P(period), Protected = isProtected };

    public static SlotAssignment Slot(string? purpose, string? category = null) =>
        new(purpose is null ? Assignment.NotSet : purpose == "inherit" ? Assignment.Inherit : Assignment.Of(purpose),
            category is null ? Assignment.NotSet : category == "inherit" ? Assignment.Inherit : Assignment.Of(category));

    public static RetentionRegistry Reg(
        IEnumerable<Purpose> purposes,
        string systemPurpose,
        Dictionary<ContextKind, SlotAssignment>? defaults = null,
        Dictionary<string, SlotAssignment>? assignments = null,
        Dictionary<string, SlotAssignment>? moduleTypes = null)
    {
        var kinds = defaults ?? [];
        kinds[ContextKind.System] = Slot(systemPurpose);
        return new RetentionRegistry
        {
            Purposes = [.. purposes],
            KindDefaults = kinds,
            ContextAssignments = assignments ?? new Dictionary<string, SlotAssignment>(StringComparer.Ordinal),
            ModuleTypeDefaults = moduleTypes ?? new Dictionary<string, SlotAssignment>(StringComparer.Ordinal),
        };
    }

    public static RetentionContext Site() => new() { Id = "sys", Kind = ContextKind.System };

    public static RetentionContext Category(string id, string parent = "sys") => new() { Id = id, Kind = ContextKind.Category, ParentId = parent };

    public static RetentionContext Course(string id, string? end, string parent = "sys", string? activity = null, params RoleAssignment[] roles) => new()
    {
        Id = id,
        Kind = ContextKind.Course,
        ParentId = parent,
        EndDate = end is null ? null : At(end),
        LastActivity = activity is null ? null : At(activity),
        RoleAssignments = roles,
    };

    public static RetentionContext Module(string id, string parent, string? type = null, string? activity = null) => new()
    {
        Id = id,
        Kind = ContextKind.Module,
        ParentId = parent,
        ModuleType = type,
        LastActivity = activity is null ? null : At(activity),
    };

    public static RetentionContext User(string id, string? lastAccess, params string[] enrolments) => new()
    {
        Id = id,
        Kind = ContextKind.User,
        ParentId = "sys",
        LastAccess = lastAccess is null ? null : At(lastAccess),
        Enrolments = enrolments,
    };

    public static RetentionContext Block(string id, string parent) => new() { Id = id, Kind = ContextKind.Block, ParentId = parent };

    public static InMemoryContextTree Tree(params RetentionContext[] contexts) => InMemoryContextTree.Create(contexts);
}
