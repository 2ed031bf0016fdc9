using NodaTime;

namespace LmsPrivacy.Retention.Registry;

/// <summary>
/// One node of the host's context tree with the facts retention needs (anchors, activity, enrolments, roles).
/// The host builds these from its own data; nothing here is stored by LmsPrivacy.
/// </summary>
public sealed record RetentionContext
{
    /// <summary>Gets the host's stable id of the context.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the kind of context.</summary>
    public required ContextKind Kind { get; init; }

    /// <summary>Gets the parent's id; <see langword="null"/> only for the system context.</summary>
    public string? ParentId { get; init; }

    /// <summary>Gets a display name for reports (never personal data: use a course short name, not a learner's name).</summary>
    public string? Name { get; init; }

    /// <summary>Gets the module type (for example <c>forum</c>), used for per-module-type defaults.</summary>
    public string? ModuleType { get; init; }

    /// <summary>Gets the course end date (courses only); <see langword="null"/> when the course has none.</summary>
    public Instant? EndDate { get; init; }

    /// <summary>Gets the user's last access (users only); <see langword="null"/> when the user never logged in.</summary>
    public Instant? LastAccess { get; init; }

    /// <summary>Gets when the user account was deleted (users only); the clock then runs from this instant.</summary>
    public Instant? DeletedAt { get; init; }

    /// <summary>Gets whether the user is a site administrator (never deleted by retention).</summary>
    public bool IsAdministrator { get; init; }

    /// <summary>Gets whether the user is the guest account (never deleted by retention).</summary>
    public bool IsGuest { get; init; }

    /// <summary>Gets the ids of the course contexts the user is enrolled in, active or not (users only).</summary>
    public IReadOnlyList<string> Enrolments { get; init; } = [];

    /// <summary>Gets the latest activity recorded in this context itself (posts, submissions, log entries), if known.</summary>
    public Instant? LastActivity { get; init; }

    /// <summary>Gets the host-provided anchor, used when the effective purpose's anchor rule is <see cref="AnchorRuleKind.Host"/>.</summary>
    public Instant? HostAnchor { get; init; }

    /// <summary>Gets the role assignments made in this context (they also apply in its descendants).</summary>
    public IReadOnlyList<RoleAssignment> RoleAssignments { get; init; } = [];
}

/// <summary>A user holding a role in a context.</summary>
/// <param name="UserId">The user's id (the id of their user context).</param>
/// <param name="Role">The role name, such as <c>student</c>.</param>
public readonly record struct RoleAssignment(string UserId, string Role);

/// <summary>The host's context tree, read by the evaluator. Implement it over your own tables, or use <see cref="InMemoryContextTree"/>.</summary>
public interface IContextTree
{
    /// <summary>Gets the system context (the root).</summary>
    RetentionContext Root { get; }

    /// <summary>Gets the number of contexts in the tree.</summary>
    int Count { get; }

    /// <summary>Finds a context by id.</summary>
    /// <param name="contextId">The id.</param>
    /// <returns>The context, or <see langword="null"/> if there is none.</returns>
    RetentionContext? Find(string contextId);

    /// <summary>Gets the direct children of a context, in a stable order.</summary>
    /// <param name="contextId">The parent's id.</param>
    /// <returns>The children (empty for a leaf or an unknown id).</returns>
    IReadOnlyList<RetentionContext> GetChildren(string contextId);
}
