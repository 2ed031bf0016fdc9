using System.Collections.Frozen;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Retention.Registry;

/// <summary>An immutable <see cref="IContextTree"/> built from a flat list of contexts, checked for shape.</summary>
public sealed class InMemoryContextTree : IContextTree
{
    /// <summary>The deepest nesting accepted (system to the deepest block); deeper trees are refused as hostile.</summary>
    public const int MaximumDepth = 64;

    private static readonly IReadOnlyList<RetentionContext> NoChildren = [];

    private readonly Dictionary<string, RetentionContext> _byId;
    private readonly Dictionary<string, List<RetentionContext>> _children;
    private PreOrderLayout? _preOrder;

    private InMemoryContextTree(RetentionContext root, Dictionary<string, RetentionContext> byId, Dictionary<string, List<RetentionContext>> children)
    {
        Root = root;
        _byId = byId;
        _children = children;
    }

    /// <inheritdoc />
    public RetentionContext Root { get; }

    /// <summary>Gets the contexts in pre-order with their parents' positions, computed once (the tree never changes).</summary>
    internal PreOrderLayout PreOrder
    {
        get
        {
            var layout = Volatile.Read(ref _preOrder);
            if (layout is null)
            {
                layout = PreOrderLayout.Of(this);
                layout = Interlocked.CompareExchange(ref _preOrder, layout, null) ?? layout;
            }

            return layout;
        }
    }

    /// <inheritdoc />
    public int Count => _byId.Count;

    /// <inheritdoc />
    public RetentionContext? Find(string contextId)
    {
        ArgumentNullException.ThrowIfNull(contextId);
        return _byId.GetValueOrDefault(contextId);
    }

    /// <inheritdoc />
    public IReadOnlyList<RetentionContext> GetChildren(string contextId)
    {
        ArgumentNullException.ThrowIfNull(contextId);
        return _children.TryGetValue(contextId, out var list) ? list : NoChildren; // leaves are most of a tree: no allocation
    }

    /// <summary>Builds a tree, throwing when its shape is invalid.</summary>
    /// <param name="contexts">Every context, in any order; children keep the order given.</param>
    /// <returns>The tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contexts"/> is <see langword="null"/>.</exception>
    /// <exception cref="PrivacyValidationException">The tree is not a single system-rooted tree of allowed kinds.</exception>
    public static InMemoryContextTree Create(IEnumerable<RetentionContext> contexts)
    {
        if (TryCreate(contexts, out var tree, out var findings))
        {
            return tree;
        }

        new ValidationReport(findings).ThrowIfInvalid();
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Builds a tree, reporting every shape problem as a finding.</summary>
    /// <param name="contexts">Every context, in any order.</param>
    /// <param name="tree">The tree, when the method returns <see langword="true"/>.</param>
    /// <param name="findings">Every problem found, in input order.</param>
    /// <param name="pathPrefix">The JSON path of the context list, for finding paths.</param>
    /// <returns><see langword="true"/> if the tree is valid.</returns>
    public static bool TryCreate(
        IEnumerable<RetentionContext> contexts,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InMemoryContextTree? tree,
        out IReadOnlyList<Finding> findings,
        string pathPrefix = "$.contexts")
    {
        ArgumentNullException.ThrowIfNull(contexts);
        var list = contexts as IReadOnlyList<RetentionContext> ?? [.. contexts];
        var problems = new List<Finding>();
        var byId = new Dictionary<string, RetentionContext>(list.Count, StringComparer.Ordinal);
        var index = new Dictionary<string, int>(list.Count, StringComparer.Ordinal);
        RetentionContext? root = null;
        for (var i = 0; i < list.Count; i++)
        {
            var context = list[i];
            ArgumentNullException.ThrowIfNull(context);
            var path = Path(pathPrefix, i);
            if (!byId.TryAdd(context.Id, context))
            {
                problems.Add(RetentionRules.ContextDuplicate.At(path, "Another context already uses this id; ids must be unique."));
                continue;
            }

            index[context.Id] = i;
            if (context.Kind == ContextKind.System)
            {
                if (root is not null)
                {
                    problems.Add(RetentionRules.ContextRoot.At(path, "There must be exactly one system context."));
                }
                else if (context.ParentId is not null)
                {
                    problems.Add(RetentionRules.ContextRoot.At(path + ".parent", "The system context is the root and has no parent."));
                }
                else
                {
                    root = context;
                }
            }
        }

        if (root is null && list.Count > 0)
        {
            problems.Add(RetentionRules.ContextRoot.At(pathPrefix, "The tree has no system context; add one with kind 'system' as the root."));
        }
        else if (list.Count == 0)
        {
            problems.Add(RetentionRules.ContextRoot.At(pathPrefix, "The tree is empty; it needs at least the system context."));
        }

        var children = new Dictionary<string, List<RetentionContext>>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var context = list[i];
            if (context.Kind == ContextKind.System || !ReferenceEquals(byId[context.Id], context))
            {
                continue;
            }

            var path = Path(pathPrefix, i);
            if (context.ParentId is null || !byId.TryGetValue(context.ParentId, out var parent))
            {
                problems.Add(RetentionRules.ContextParentUnknown.At(path + ".parent", "The parent context does not exist in the tree."));
                continue;
            }

            if (!IsAllowedUnder(context.Kind, parent.Kind))
            {
                problems.Add(RetentionRules.ContextKindPlacement.At(
                    path,
                    $"A {context.Kind.ToCode()} context cannot sit under a {parent.Kind.ToCode()} context."));
            }

            if (!children.TryGetValue(parent.Id, out var siblings))
            {
                siblings = [];
                children[parent.Id] = siblings;
            }

            siblings.Add(context);
        }

        // Every context must be reachable from the root (no cycles), within the depth limit.
        if (root is not null)
        {
            var depth = new Dictionary<string, int>(byId.Count, StringComparer.Ordinal) { [root.Id] = 0 };
            var stack = new Stack<RetentionContext>();
            stack.Push(root);
            var tooDeepReported = false;
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                var d = depth[node.Id];
                if (!children.TryGetValue(node.Id, out var kids))
                {
                    continue;
                }

                foreach (var child in kids)
                {
                    if (d + 1 > MaximumDepth)
                    {
                        if (!tooDeepReported)
                        {
                            problems.Add(RetentionRules.DocumentLimit.At(Path(pathPrefix, index[child.Id]), $"The tree is deeper than {MaximumDepth} levels."));
                            tooDeepReported = true;
                        }

                        continue;
                    }

                    depth[child.Id] = d + 1;
                    stack.Push(child);
                }
            }

            if (!tooDeepReported)
            {
                foreach (var (id, i) in index.OrderBy(static p => p.Value))
                {
                    var context = list[i];
                    if (!depth.ContainsKey(id) && context.ParentId is not null && byId.ContainsKey(context.ParentId))
                    {
                        problems.Add(RetentionRules.ContextCycle.At(Path(pathPrefix, i) + ".parent", "The parent chain loops back on itself and never reaches the system context."));
                    }
                }
            }
        }

        for (var i = 0; i < list.Count; i++)
        {
            var context = list[i];
            for (var e = 0; e < context.Enrolments.Count; e++)
            {
                if (context.Kind != ContextKind.User)
                {
                    problems.Add(RetentionRules.ContextEnrolmentUnknown.At(Path(pathPrefix, i) + ".enrolments", "Only user contexts have enrolments."));
                    break;
                }

                if (!byId.TryGetValue(context.Enrolments[e], out var course) || course.Kind != ContextKind.Course)
                {
                    problems.Add(RetentionRules.ContextEnrolmentUnknown.At(
                        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Path(pathPrefix, i)}.enrolments[{e}]"),
                        "The enrolment names no course context in the tree."));
                }
            }
        }

        findings = problems;
        tree = problems.Any(static f => f.IsError) || root is null ? null : new InMemoryContextTree(root, byId, children);
        return tree is not null;
    }

    /// <summary>Gets whether a kind may sit directly under another kind.</summary>
    /// <param name="kind">The child's kind.</param>
    /// <param name="parent">The parent's kind.</param>
    /// <returns><see langword="true"/> if the placement is allowed.</returns>
    public static bool IsAllowedUnder(ContextKind kind, ContextKind parent) => kind switch
    {
        ContextKind.User => parent == ContextKind.System,
        ContextKind.Category => parent is ContextKind.System or ContextKind.Category,
        ContextKind.Course => parent is ContextKind.System or ContextKind.Category,
        ContextKind.Module => parent == ContextKind.Course,
        ContextKind.Block => parent is ContextKind.Course or ContextKind.Module or ContextKind.User or ContextKind.System,
        _ => false,
    };

    private static string Path(string prefix, int i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}[{i}]");
}

/// <summary>A tree's contexts in pre-order (children in their given order), each with its parent's position (-1 for the root).</summary>
internal sealed class PreOrderLayout
{
    private PreOrderLayout(RetentionContext[] nodes, int[] parents)
    {
        Nodes = nodes;
        Parents = parents;
        var courses = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i].Kind == ContextKind.Course)
            {
                courses[nodes[i].Id] = i;
            }
        }

        CourseIndex = courses.ToFrozenDictionary(StringComparer.Ordinal); // shared by concurrent evaluations: never written again

        // Each user's enrolments as course positions (compressed rows: user i's are [start[i], start[i + 1])).
        EnrolmentStart = new int[nodes.Length + 1];
        var enrolled = new List<int>();
        for (var i = 0; i < nodes.Length; i++)
        {
            EnrolmentStart[i] = enrolled.Count;
            if (nodes[i].Kind == ContextKind.User)
            {
                foreach (var courseId in nodes[i].Enrolments)
                {
                    if (courses.TryGetValue(courseId, out var c))
                    {
                        enrolled.Add(c);
                    }
                }
            }
        }

        EnrolmentStart[nodes.Length] = enrolled.Count;
        EnrolmentCourses = [.. enrolled];
    }

    public RetentionContext[] Nodes { get; }

    public int[] Parents { get; }

    /// <summary>Gets where each context's enrolments start in <see cref="EnrolmentCourses"/> (one more entry than contexts).</summary>
    public int[] EnrolmentStart { get; }

    /// <summary>Gets the course positions users are enrolled in, user by user.</summary>
    public int[] EnrolmentCourses { get; }

    /// <summary>Gets the pre-order position of every course by id (enrolments name courses).</summary>
    public FrozenDictionary<string, int> CourseIndex { get; }

    public static PreOrderLayout Of(IContextTree tree)
    {
        var nodes = new RetentionContext[tree.Count];
        var parents = new int[tree.Count];
        var count = 0;
        var stack = new Stack<(RetentionContext Node, int Parent)>();
        stack.Push((tree.Root, -1));
        while (stack.Count > 0 && count < nodes.Length)
        {
            var (node, parent) = stack.Pop();
            nodes[count] = node;
            parents[count] = parent;
            var children = tree.GetChildren(node.Id);
            for (var c = children.Count - 1; c >= 0; c--)
            {
                stack.Push((children[c], count));
            }

            count++;
        }

        return count == nodes.Length ? new PreOrderLayout(nodes, parents) : new PreOrderLayout(nodes[..count], parents[..count]);
    }
}
