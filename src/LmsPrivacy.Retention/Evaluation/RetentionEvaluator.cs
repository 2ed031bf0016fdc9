using LmsPrivacy.Findings;
using LmsPrivacy.Retention.Clock;
using LmsPrivacy.Retention.Registry;
using NodaTime;

namespace LmsPrivacy.Retention.Evaluation;

/// <summary>
/// Evaluates every context of a tree against a registry at one instant (research/moodle.md §2.5): the anchor, the
/// default and per-role expiry, children before parents, user-context eligibility and the recent-activity guard.
/// </summary>
/// <remarks>Runs in time linear in the number of contexts (plus role overrides); it reads the tree once.</remarks>
public sealed class RetentionEvaluator
{
    private readonly RetentionRegistry _registry;
    private readonly RetentionOptions _options;
    private readonly Dictionary<string, PurposePlan> _purposes;
    private readonly List<PurposePlan?> _plans = [null]; // by number; 0 is "no purpose"
    private readonly RoleUniverse _roles;

    /// <summary>Initializes an evaluator with default options (UTC).</summary>
    /// <param name="registry">The registry.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is <see langword="null"/>.</exception>
    public RetentionEvaluator(RetentionRegistry registry)
        : this(registry, new RetentionOptions())
    {
    }

    /// <summary>Initializes an evaluator.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="options">The options (time zone, open-ended courses, activity guard).</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid (unknown time zone).</exception>
    public RetentionEvaluator(RetentionRegistry registry, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _options = options;
        Clock = new RetentionClock(RetentionOptionsValidator.ZoneOf(options));
        _roles = new RoleUniverse(registry.Purposes);
        _purposes = new Dictionary<string, PurposePlan>(StringComparer.Ordinal);
        foreach (var purpose in registry.Purposes)
        {
            if (!_purposes.ContainsKey(purpose.Id))
            {
                var plan = new PurposePlan(purpose, _roles, _plans.Count);
                _purposes[purpose.Id] = plan;
                _plans.Add(plan);
            }
        }
    }

    /// <summary>Gets the clock (in the configured zone).</summary>
    public RetentionClock Clock { get; }

    /// <summary>Gets the registry.</summary>
    public RetentionRegistry Registry => _registry;

    /// <summary>Gets the options.</summary>
    internal RetentionOptions Options => _options;

    /// <summary>Gets every role the registry's purposes override, numbered as bits.</summary>
    internal RoleUniverse Roles => _roles;

    /// <summary>Gets the prepared purpose with an id (the first one, if the registry repeats an id), or <see langword="null"/>.</summary>
    internal PurposePlan? PlanOf(string purposeId) => _purposes.GetValueOrDefault(purposeId);

    /// <summary>Gets the prepared purpose by <see cref="PurposePlan.Number"/> (0: none).</summary>
    internal PurposePlan? PlanAt(int number) => _plans[number];

    /// <summary>Gets how many purposes there are.</summary>
    internal int PlanCount => _plans.Count - 1;

    /// <summary>Evaluates the whole tree at <paramref name="now"/>.</summary>
    /// <param name="tree">The host's tree.</param>
    /// <param name="now">The evaluation instant.</param>
    /// <returns>A row per context (parents first), the summary and findings. With registry errors, no rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> is <see langword="null"/>.</exception>
    public RetentionReport Evaluate(IContextTree tree, Instant now)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.Count < 0)
        {
            throw new ArgumentException($"The context tree reports a negative Count ({tree.Count}).", nameof(tree));
        }

        var findings = new List<Finding>(_registry.Validate().Findings);
        if (findings.Any(static f => f.IsError))
        {
            return new RetentionReport(now, [], findings);
        }

        var pass = new EvaluationPass(this, tree, now, findings);
        var rows = pass.Run();
        return new RetentionReport(now, rows, findings);
    }

    /// <summary>
    /// Lists the users whose data may be deleted from a partly expired context: users holding roles here or in an
    /// ancestor, all of whose roles have expired ("unexpired wins"; research/moodle.md §2.5.6).
    /// </summary>
    /// <param name="tree">The tree the evaluation came from.</param>
    /// <param name="evaluation">The context's row.</param>
    /// <returns>The user ids, in first-seen order; empty unless the context is expired or partly expired.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> UsersToDelete(IContextTree tree, ContextEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(evaluation);
        if (evaluation.Status is not (RetentionStatus.Expired or RetentionStatus.PartlyExpired))
        {
            return [];
        }

        var roles = RolesByUser(tree, evaluation.Id);
        var users = new List<string>();
        foreach (var (user, held) in roles)
        {
            if (held.All(evaluation.IsRoleExpired))
            {
                users.Add(user);
            }
        }

        return users;
    }

    /// <summary>Collects the roles each user holds in a context or its ancestors.</summary>
    internal static List<KeyValuePair<string, List<string>>> RolesByUser(IContextTree tree, string contextId)
    {
        var byUser = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        var depth = 0;
        for (var node = tree.Find(contextId); node is not null && depth <= InMemoryContextTree.MaximumDepth; node = node.ParentId is null ? null : tree.Find(node.ParentId), depth++)
        {
            foreach (var assignment in node.RoleAssignments)
            {
                if (!byUser.TryGetValue(assignment.UserId, out var list))
                {
                    list = [];
                    byUser[assignment.UserId] = list;
                    order.Add(assignment.UserId);
                }

                if (!list.Contains(assignment.Role, StringComparer.Ordinal))
                {
                    list.Add(assignment.Role);
                }
            }
        }

        return [.. order.Select(u => new KeyValuePair<string, List<string>>(u, byUser[u]))];
    }

    internal static string PathOf(string contextId) => $"$.contexts[?(@.id=='{contextId}')]";
}
