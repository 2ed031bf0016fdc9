namespace LmsPrivacy.Retention.Registry;

/// <summary>Where an effective purpose or category came from.</summary>
public enum ResolutionSource
{
    /// <summary>Nothing resolved (the system level is not set).</summary>
    None = 0,

    /// <summary>The context's own assignment.</summary>
    Assignment = 1,

    /// <summary>The default for the context's module type.</summary>
    ModuleTypeDefault = 2,

    /// <summary>The default for the context's kind.</summary>
    KindDefault = 3,

    /// <summary>The user-level value, which governs every user context and everything under one.</summary>
    UserLevel = 4,

    /// <summary>The system-level value.</summary>
    SystemLevel = 5,
}

/// <summary>One resolved value and where it came from.</summary>
/// <param name="Id">The purpose or category id, or <see langword="null"/> if nothing resolved.</param>
/// <param name="Source">Which rule supplied it.</param>
/// <param name="FromContextId">The context whose assignment or kind default supplied it.</param>
public readonly record struct ResolvedValue(string? Id, ResolutionSource Source, string? FromContextId);

/// <summary>A full explanation of how a context's purpose and category were resolved.</summary>
/// <param name="ContextId">The context explained.</param>
/// <param name="Purpose">The effective purpose.</param>
/// <param name="Category">The effective category.</param>
/// <param name="Steps">The steps of the purpose resolution, nearest first, in words.</param>
public sealed record ResolutionExplanation(string ContextId, ResolvedValue Purpose, ResolvedValue Category, IReadOnlyList<string> Steps);

/// <summary>
/// Resolves a context's effective purpose and category exactly as research/moodle.md §2.4 describes:
/// own assignment &gt; own kind default (module type first) &gt; parent assignment &gt; parent kind default … &gt; system;
/// an own assignment of "inherit" skips the context's own kind default; a user context and everything under it use the
/// user-level value (which falls back to the system value when not set or inherit).
/// </summary>
public sealed class PurposeResolver
{
    private readonly RetentionRegistry _registry;
    private readonly IContextTree _tree;

    /// <summary>Initializes a resolver over a registry and a tree.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="tree">The host's context tree.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public PurposeResolver(RetentionRegistry registry, IContextTree tree)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(tree);
        _registry = registry;
        _tree = tree;
    }

    /// <summary>Resolves a context's effective purpose.</summary>
    /// <param name="context">The context (must be in the tree).</param>
    /// <returns>The purpose id and where it came from.</returns>
    public ResolvedValue ResolvePurpose(RetentionContext context) => Resolve(context, static s => s.Purpose, null);

    /// <summary>Resolves a context's effective (descriptive) category.</summary>
    /// <param name="context">The context (must be in the tree).</param>
    /// <returns>The category id and where it came from.</returns>
    public ResolvedValue ResolveCategory(RetentionContext context) => Resolve(context, static s => s.Category, null);

    /// <summary>Explains the resolution of a context's purpose in words, step by step.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The explanation.</returns>
    public ResolutionExplanation Explain(RetentionContext context)
    {
        var steps = new List<string>();
        var purpose = Resolve(context, static s => s.Purpose, steps);
        return new ResolutionExplanation(context.Id, purpose, ResolveCategory(context), [.. steps.Select(static s => char.ToUpperInvariant(s[0]) + s[1..])]);
    }

    /// <summary>Gets the user-level value: the user kind default, or the system value when that is not set or inherit.</summary>
    internal ResolvedValue UserLevel(Func<SlotAssignment, Assignment> select)
    {
        var user = Default(ContextKind.User, select);
        return user.HasValue ? new ResolvedValue(user.Id, ResolutionSource.UserLevel, null) : SystemLevel(select);
    }

    /// <summary>Gets the system-level value.</summary>
    internal ResolvedValue SystemLevel(Func<SlotAssignment, Assignment> select)
    {
        var system = Default(ContextKind.System, select);
        return system.HasValue ? new ResolvedValue(system.Id, ResolutionSource.SystemLevel, _tree.Root.Id) : default;
    }

    /// <summary>
    /// The walk W(n) with the node's own "inherit" treated as not set: assignment, then kind default, then W(parent).
    /// Exposed for the evaluator, which computes it top-down in O(1) per node from the parent's value.
    /// </summary>
    internal ResolvedValue WalkStep(RetentionContext node, ResolvedValue parentWalk, Func<SlotAssignment, Assignment> select, bool honourInherit)
    {
        if (node.Kind == ContextKind.System)
        {
            return SystemLevel(select);
        }

        var own = _registry.ContextAssignments.Count > 0 && _registry.ContextAssignments.TryGetValue(node.Id, out var slot) ? select(slot) : Assignment.NotSet;
        if (own.HasValue)
        {
            return new ResolvedValue(own.Id, ResolutionSource.Assignment, node.Id);
        }

        if (honourInherit && own.Mode == AssignmentMode.Inherit)
        {
            return parentWalk;
        }

        if (node.Kind == ContextKind.Module && node.ModuleType is { } type
            && _registry.ModuleTypeDefaults.TryGetValue(type, out var typeSlot) && select(typeSlot).HasValue)
        {
            return new ResolvedValue(select(typeSlot).Id, ResolutionSource.ModuleTypeDefault, node.Id);
        }

        var kindDefault = Default(node.Kind, select);
        return kindDefault.HasValue ? new ResolvedValue(kindDefault.Id, ResolutionSource.KindDefault, node.Id) : parentWalk;
    }

    private Assignment Default(ContextKind kind, Func<SlotAssignment, Assignment> select) =>
        _registry.KindDefaults.TryGetValue(kind, out var slot) ? select(slot) : Assignment.NotSet;

    private ResolvedValue Resolve(RetentionContext context, Func<SlotAssignment, Assignment> select, List<string>? steps)
    {
        ArgumentNullException.ThrowIfNull(context);
        var chain = new List<RetentionContext>();
        for (var node = context; node is not null; node = node.ParentId is null ? null : _tree.Find(node.ParentId))
        {
            chain.Add(node);
            if (chain.Count > InMemoryContextTree.MaximumDepth + 1)
            {
                break;
            }
        }

        // User subtree rule: a user context or any context under one uses the user-level value.
        var user = chain.FirstOrDefault(static c => c.Kind == ContextKind.User);
        if (user is not null)
        {
            if (steps is not null)
            {
                if (!ReferenceEquals(user, context))
                {
                    steps.Add($"{Describe(context)} sits under {Describe(user)}: everything in a user's subtree uses the user-level purpose; its own settings are not used.");
                }

                var level = Default(ContextKind.User, select);
                steps.Add(level.HasValue
                    ? $"The user level names purpose '{level.Id}'."
                    : $"The user level is {(level.Mode == AssignmentMode.Inherit ? "set to inherit" : "not set")}, so the system level applies.");
            }

            var value = UserLevel(select);
            if (steps is not null && value.Source == ResolutionSource.SystemLevel)
            {
                steps.Add($"The system level names purpose '{value.Id}'.");
            }

            return value;
        }

        for (var i = 0; i < chain.Count; i++)
        {
            var node = chain[i];
            if (node.Kind == ContextKind.System)
            {
                var system = SystemLevel(select);
                steps?.Add(system.Id is null ? "The system level is not set: nothing resolves." : $"The system level names '{system.Id}'.");
                return system;
            }

            var own = _registry.ContextAssignments.TryGetValue(node.Id, out var slot) ? select(slot) : Assignment.NotSet;
            if (own.HasValue)
            {
                steps?.Add($"{Describe(node)} has its own assignment: '{own.Id}'.");
                return new ResolvedValue(own.Id, ResolutionSource.Assignment, node.Id);
            }

            if (i == 0 && own.Mode == AssignmentMode.Inherit)
            {
                steps?.Add($"{Describe(node)} is set to inherit: its kind default is skipped and the parent decides.");
                continue;
            }

            if (node.Kind == ContextKind.Module && node.ModuleType is { } type)
            {
                var typeDefault = _registry.ModuleTypeDefaults.TryGetValue(type, out var typeSlot) ? select(typeSlot) : Assignment.NotSet;
                if (typeDefault.HasValue)
                {
                    steps?.Add($"{Describe(node)} has no own assignment; the default for '{type}' modules is '{typeDefault.Id}'.");
                    return new ResolvedValue(typeDefault.Id, ResolutionSource.ModuleTypeDefault, node.Id);
                }
            }

            var kindDefault = Default(node.Kind, select);
            if (kindDefault.HasValue)
            {
                steps?.Add($"{Describe(node)} has no own assignment; the {node.Kind.ToCode()} default is '{kindDefault.Id}'.");
                return new ResolvedValue(kindDefault.Id, ResolutionSource.KindDefault, node.Id);
            }

            steps?.Add($"{Describe(node)} has no own assignment and no {node.Kind.ToCode()} default: the parent decides.");
        }

        return default;
    }

    internal static string Describe(RetentionContext context) =>
        context.Name is { Length: > 0 } name ? $"{context.Kind.ToCode()} '{name}' ({context.Id})" : $"{context.Kind.ToCode()} {context.Id}";
}
