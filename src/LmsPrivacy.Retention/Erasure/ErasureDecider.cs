using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;

namespace LmsPrivacy.Retention.Erasure;

/// <summary>Whether a subject's data in one context may go now under an erasure request, and why.</summary>
/// <param name="ContextId">The context.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="MayDelete"><see langword="true"/> when the data may be erased now; <see langword="false"/> when it must be kept.</param>
/// <param name="Reason">The rule that decided, in words.</param>
public sealed record ErasureDecision(string ContextId, ContextKind Kind, bool MayDelete, string Reason);

/// <summary>
/// Decides, for a data subject's erasure request (GDPR Art. 17), per context whether the subject's data may be erased
/// now or must be kept because retention still protects it (research/moodle.md §2.5.7): protected data survives an
/// erasure request while its clock runs, and goes when it ends.
/// </summary>
public sealed class ErasureDecider
{
    private readonly RetentionRegistry _registry;
    private readonly RetentionOptions _options;

    /// <summary>Initializes a decider.</summary>
    /// <param name="registry">The registry the report was evaluated with.</param>
    /// <param name="options">The options the report was evaluated with.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public ErasureDecider(RetentionRegistry registry, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _options = options;
    }

    /// <summary>
    /// Decides for every context holding the subject's data: their own user context and everything under it, and every
    /// context where they hold a role, with everything under those.
    /// </summary>
    /// <param name="tree">The tree.</param>
    /// <param name="report">A current evaluation of the tree (must be valid).</param>
    /// <param name="userId">The subject (the id of their user context).</param>
    /// <returns>A decision per context, parents before children.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The report has errors, so nothing can be decided.</exception>
    public IReadOnlyList<ErasureDecision> Decide(IContextTree tree, RetentionReport report, string userId)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(userId);
        if (!report.IsValid)
        {
            throw new ArgumentException("The evaluation has errors; fix the registry before deciding erasure requests.", nameof(report));
        }

        var decisions = new List<ErasureDecision>();
        var stack = new Stack<(RetentionContext Node, bool Included, bool InUser)>();
        stack.Push((tree.Root, false, false));
        var visited = 0;
        while (stack.Count > 0 && visited++ <= tree.Count)
        {
            var (node, included, inUser) = stack.Pop();
            var isSubject = node.Kind == ContextKind.User && string.Equals(node.Id, userId, StringComparison.Ordinal);
            var holdsRole = node.RoleAssignments.Any(a => string.Equals(a.UserId, userId, StringComparison.Ordinal));
            var include = included || isSubject || holdsRole;
            var userSubtree = inUser || isSubject;
            if (include && report.Find(node.Id) is { } row)
            {
                decisions.Add(userSubtree ? DecideInUserSubtree(tree, report, node, userId) : DecideInCourse(tree, row, node, userId));
            }

            if (node.Kind == ContextKind.User && !isSubject)
            {
                continue; // another user's subtree holds none of this subject's data as far as the tree says
            }

            var children = tree.GetChildren(node.Id);
            for (var c = children.Count - 1; c >= 0; c--)
            {
                stack.Push((children[c], include, userSubtree));
            }
        }

        return decisions;
    }

    private ErasureDecision DecideInUserSubtree(IContextTree tree, RetentionReport report, RetentionContext node, string userId)
    {
        var user = tree.Find(userId)!;
        if (user.IsAdministrator || user.IsGuest)
        {
            return new(node.Id, node.Kind, false, user.IsAdministrator
                ? "Site administrators' accounts are not erased; remove the administrator role first."
                : "The guest account is not erased.");
        }

        foreach (var courseId in user.Enrolments)
        {
            if (tree.Find(courseId) is not { } course || report.Find(courseId) is not { } row)
            {
                continue;
            }

            if (course.EndDate is null)
            {
                if (_options.CoursesWithoutEndDateAreRunning)
                {
                    return new(node.Id, node.Kind, false, $"Kept: the user is enrolled in {PurposeResolver.Describe(course)}, which has no end date and counts as running.");
                }

                continue;
            }

            if (course.EndDate.Value >= report.EvaluatedAt || row.Status != RetentionStatus.Expired)
            {
                return new(node.Id, node.Kind, false, $"Kept: the user is enrolled in {PurposeResolver.Describe(course)}, whose retention has not run out.");
            }
        }

        return new(node.Id, node.Kind, true, "No course the user is enrolled in still needs the account: it may be erased.");
    }

    private ErasureDecision DecideInCourse(IContextTree tree, ContextEvaluation row, RetentionContext node, string userId)
    {
        // 1. Fully expired: goes anyway.
        if (row.Status == RetentionStatus.Expired)
        {
            return new(node.Id, node.Kind, true, "The retention period has run: the data may be erased.");
        }

        var purpose = row.PurposeId is null ? null : _registry.FindPurpose(row.PurposeId);
        var roles = RetentionEvaluator.RolesByUser(tree, node.Id)
            .FirstOrDefault(p => string.Equals(p.Key, userId, StringComparison.Ordinal)).Value ?? [];
        var clockRunning = row.Status == RetentionStatus.NoAnchor || row.ExpiresAt is null;
        var overrides = purpose?.RoleOverrides ?? [];

        // 2. An unexpired protected role the user holds (here or in an ancestor) keeps the data.
        foreach (var role in roles)
        {
            var roleOverride = overrides.FirstOrDefault(o => string.Equals(o.Role, role, StringComparison.Ordinal));
            if (roleOverride is { Protected: true } && (clockRunning || row.UnexpiredRoles.Contains(role, StringComparer.Ordinal) || !row.IsRoleExpired(role)))
            {
                return new(node.Id, node.Kind, false, $"Kept: the user's role '{role}' is protected and its retention period is still running.");
            }
        }

        // 3. Every role the user holds is an overridden, unprotected role.
        if (roles.Count > 0 && roles.All(r => overrides.Any(o => string.Equals(o.Role, r, StringComparison.Ordinal) && !o.Protected)))
        {
            return new(node.Id, node.Kind, true, "Every role the user holds here has an unprotected retention override: the data may be erased.");
        }

        // 4. The purpose's own period has run.
        if (row.DefaultExpired)
        {
            return new(node.Id, node.Kind, true, "The purpose's retention period has run: the data may be erased.");
        }

        // 5. Otherwise the purpose's protection decides.
        return purpose is { Protected: true }
            ? new(node.Id, node.Kind, false, $"Kept: purpose '{purpose.Name}' is protected and its retention period is still running.")
            : new(node.Id, node.Kind, true, $"Purpose '{purpose?.Name ?? "(none)"}' is not protected: the data may be erased now.");
    }
}
