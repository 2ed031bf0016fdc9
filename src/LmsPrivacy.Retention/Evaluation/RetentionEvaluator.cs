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
    private readonly Dictionary<string, Purpose> _purposes;

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
        _purposes = new Dictionary<string, Purpose>(StringComparer.Ordinal);
        foreach (var purpose in registry.Purposes)
        {
            _purposes.TryAdd(purpose.Id, purpose);
        }
    }

    /// <summary>Gets the clock (in the configured zone).</summary>
    public RetentionClock Clock { get; }

    /// <summary>Gets the registry.</summary>
    public RetentionRegistry Registry => _registry;

    /// <summary>Evaluates the whole tree at <paramref name="now"/>.</summary>
    /// <param name="tree">The host's tree.</param>
    /// <param name="now">The evaluation instant.</param>
    /// <returns>A row per context (parents first), the summary and findings. With registry errors, no rows.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> is <see langword="null"/>.</exception>
    public RetentionReport Evaluate(IContextTree tree, Instant now)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var findings = new List<Finding>(_registry.Validate().Findings);
        if (findings.Any(static f => f.IsError))
        {
            return new RetentionReport(now, [], findings);
        }

        var pass = new Pass(this, tree, now, findings);
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

    /// <summary>One evaluation pass: arrays indexed by pre-order position.</summary>
    private sealed class Pass : IReasonRenderer
    {
        private readonly RetentionEvaluator _owner;
        private readonly IContextTree _tree;
        private readonly Instant _now;
        private readonly List<Finding> _findings;
        private readonly PurposeResolver _resolver;
        private readonly DateTimeZone _zone;
        private readonly List<RetentionContext> _nodes;
        private readonly List<int> _parent;
        private readonly List<int> _firstChild;
        private readonly List<int> _nextSibling;
        private readonly List<int> _user;
        private readonly List<int> _course;
        private readonly List<Purpose?> _purpose;
        private readonly List<Instant?> _hostAnchor;
        private readonly Dictionary<string, int> _index;
        private State[] _state = [];

        public Pass(RetentionEvaluator owner, IContextTree tree, Instant now, List<Finding> findings)
        {
            _owner = owner;
            _tree = tree;
            _now = now;
            _findings = findings;
            _resolver = new PurposeResolver(owner._registry, tree);
            _zone = owner.Clock.Zone;
            var count = tree.Count;
            _nodes = new List<RetentionContext>(count);
            _parent = new List<int>(count);
            _firstChild = new List<int>(count);
            _nextSibling = new List<int>(count);
            _user = new List<int>(count);
            _course = new List<int>(count);
            _purpose = new List<Purpose?>(count);
            _hostAnchor = new List<Instant?>(count);
            _walk = new List<ResolvedValue>(count);
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        public List<ContextEvaluation> Run()
        {
            BuildPreOrder();
            CheckAssignments();
            _state = new State[_nodes.Count];

            // Children before parents: reverse pre-order. User subtrees wait until every course is done, because a
            // user's eligibility depends on the courses they are enrolled in; the system context comes last.
            var deferred = new List<int>();
            for (var i = _nodes.Count - 1; i >= 1; i--)
            {
                if (_user[i] >= 0)
                {
                    deferred.Add(i);
                }
                else
                {
                    Process(i);
                }
            }

            foreach (var i in deferred)
            {
                Process(i);
            }

            if (_nodes.Count > 0)
            {
                Process(0);
            }

            var rows = new List<ContextEvaluation>(_nodes.Count);
            for (var i = 0; i < _nodes.Count; i++)
            {
                rows.Add(ToRow(i));
            }

            for (var i = 0; i < _nodes.Count; i++)
            {
                if (_state[i].Status == RetentionStatus.NoAnchor)
                {
                    _findings.Add(RetentionRules.AnchorMissing.At(PathOf(_nodes[i].Id), _state[i].Reason ?? BuildReason(i)));
                }
            }

            for (var i = 0; i < _nodes.Count; i++)
            {
                if (_state[i].Status == RetentionStatus.NeedsReview && _state[i].ActivityFlag)
                {
                    _findings.Add(RetentionRules.ActivityAfterAnchor.At(PathOf(_nodes[i].Id), "The retention period has run but there was activity after the anchor date: review before deleting (the anchor may be stale)."));
                }
            }

            return rows;
        }

        private void BuildPreOrder()
        {
            var stack = new Stack<(RetentionContext Node, int Parent)>();
            stack.Push((_tree.Root, -1));
            while (stack.Count > 0)
            {
                var (node, parent) = stack.Pop();
                if (_nodes.Count > _tree.Count)
                {
                    break; // a host "tree" with a loop or a shared node: stop rather than run forever
                }

                var i = _nodes.Count;
                _nodes.Add(node);
                if (node.Kind is ContextKind.Course or ContextKind.User)
                {
                    _index[node.Id] = i; // anchors and enrolments refer to courses and users only
                }
                _parent.Add(parent);
                _firstChild.Add(-1);
                _nextSibling.Add(-1);
                var user = node.Kind == ContextKind.User ? i : parent >= 0 ? _user[parent] : -1;
                var course = node.Kind == ContextKind.Course ? i : parent >= 0 ? _course[parent] : -1;
                _user.Add(user);
                _course.Add(course);
                _hostAnchor.Add(node.HostAnchor ?? (parent >= 0 ? _hostAnchor[parent] : null));
                _purpose.Add(ResolvePurpose(node, parent, user));
                if (parent >= 0)
                {
                    _nextSibling[i] = _firstChild[parent];
                    _firstChild[parent] = i;
                }

                var children = _tree.GetChildren(node.Id);
                for (var c = children.Count - 1; c >= 0; c--)
                {
                    stack.Push((children[c], i));
                }
            }
        }

        // Walk values W(n) (own inherit treated as not set), computed top-down.
        private readonly List<ResolvedValue> _walk;

        private Purpose? ResolvePurpose(RetentionContext node, int parent, int user)
        {
            var parentWalk = parent >= 0 ? _walk[parent] : default;
            var walk = _resolver.WalkStep(node, parentWalk, static s => s.Purpose, honourInherit: false);
            _walk.Add(walk);
            ResolvedValue effective;
            if (user >= 0)
            {
                effective = _resolver.UserLevel(static s => s.Purpose);
            }
            else
            {
                effective = _resolver.WalkStep(node, parentWalk, static s => s.Purpose, honourInherit: true);
            }

            return effective.Id is { } id && _owner._purposes.TryGetValue(id, out var purpose) ? purpose : null;
        }

        private void CheckAssignments()
        {
            foreach (var (contextId, _) in _owner._registry.ContextAssignments.OrderBy(static p => p.Key, StringComparer.Ordinal))
            {
                if (_tree.Find(contextId) is not { } assigned)
                {
                    _findings.Add(RetentionRules.AssignmentIgnored.At("$.assignments." + contextId, "The assignment names a context that is not in the tree; it has no effect."));
                }
                else if (InUserSubtree(assigned))
                {
                    _findings.Add(RetentionRules.AssignmentIgnored.At(PathOf(contextId), "Contexts in a user's subtree always use the user-level purpose; this assignment has no effect."));
                }
            }
        }

        private bool InUserSubtree(RetentionContext context)
        {
            var depth = 0;
            for (var node = context; node is not null && depth++ <= InMemoryContextTree.MaximumDepth; node = node.ParentId is null ? null : _tree.Find(node.ParentId))
            {
                if (node.Kind == ContextKind.User)
                {
                    return true;
                }
            }

            return false;
        }

        private void Process(int i)
        {
            ref var s = ref _state[i];
            var node = _nodes[i];
            var purpose = _purpose[i];
            s.Purpose = purpose;
            s.BlockedBy = -1;
            s.BlockingCourse = -1;
            s.Activity = node.LastActivity;

            // Latest activity in the subtree.
            for (var c = _firstChild[i]; c >= 0; c = _nextSibling[c])
            {
                if (_state[c].Activity is { } a && (s.Activity is null || a > s.Activity))
                {
                    s.Activity = a;
                }
            }

            if (Terminal(i, node, purpose, ref s))
            {
                return;
            }

            var period = purpose!.Retention;
            var anchorAt = s.Anchor.At!.Value;
            var expiry = SafeExpiry(anchorAt, period);
            s.ExpiresAt = expiry;
            s.OwnDefaultExpired = _now >= expiry;
            s.DefaultExpired = s.OwnDefaultExpired;
            s.DefaultProtected = purpose.Protected;
            List<string>? expired = null;
            HashSet<string>? unexpired = null;
            foreach (var roleOverride in purpose.RoleOverrides)
            {
                if (_now >= SafeExpiry(anchorAt, roleOverride.Retention))
                {
                    (expired ??= []).Add(roleOverride.Role);
                }
                else
                {
                    (unexpired ??= new HashSet<string>(StringComparer.Ordinal)).Add(roleOverride.Role);
                }
            }

            var ownStatus = s.OwnDefaultExpired && unexpired is null ? RetentionStatus.Expired
                : s.OwnDefaultExpired || expired is not null ? RetentionStatus.PartlyExpired
                : RetentionStatus.NotExpired;

            // Merge every child (already evaluated): nothing in a parent is deletable unless it is deletable in all children.
            for (var c = _firstChild[i]; c >= 0; c = _nextSibling[c])
            {
                ref var child = ref _state[c];
                if (child.Status == RetentionStatus.Expired)
                {
                    continue;
                }

                if (s.BlockedBy < 0 || Rank(child.Status) < Rank(_state[s.BlockedBy].Status))
                {
                    s.BlockedBy = c;
                }

                var childDefault = child.Status == RetentionStatus.PartlyExpired && child.DefaultExpired;
                var childExpired = child.Status == RetentionStatus.PartlyExpired ? child.ExpiredRoles : null;
                if (!childDefault)
                {
                    if (s.DefaultExpired)
                    {
                        // Parent default had run: its deletable roles become the child's expired roles.
                        s.DefaultExpired = false;
                        expired = childExpired is null ? null : [.. childExpired];
                    }
                    else if (expired is not null)
                    {
                        expired.RemoveAll(r => childExpired is null || !childExpired.Contains(r, StringComparer.Ordinal));
                    }
                }

                if (child.UnexpiredRoles is { Count: > 0 } childUnexpired)
                {
                    unexpired ??= new HashSet<string>(StringComparer.Ordinal);
                    unexpired.UnionWith(childUnexpired);
                }
            }

            if (unexpired is not null && expired is not null)
            {
                expired.RemoveAll(unexpired.Contains);
            }

            if (s.DefaultExpired)
            {
                expired = null; // as Moodle: with the default run, every role goes except the unexpired ones
            }

            s.ExpiredRoles = expired is { Count: > 0 } ? [.. expired] : [];
            s.UnexpiredRoles = unexpired is { Count: > 0 } ? [.. unexpired.Order(StringComparer.Ordinal)] : [];
            s.ProtectedRoles = unexpired is null
                ? []
                : [.. purpose.RoleOverrides.Where(o => o.Protected && unexpired.Contains(o.Role)).Select(static o => o.Role)];

            if (s.DefaultExpired && s.UnexpiredRoles.Count == 0)
            {
                s.Status = RetentionStatus.Expired;
            }
            else if (s.DefaultExpired || s.ExpiredRoles!.Count > 0)
            {
                s.Status = RetentionStatus.PartlyExpired;
            }
            else
            {
                s.Status = RetentionStatus.NotExpired;
            }

            s.OwnStatus = ownStatus;
            s.Lazy = LazyReason.Clock;

            if (node.Kind == ContextKind.User && s.Status is RetentionStatus.Expired or RetentionStatus.PartlyExpired)
            {
                if (s.Status == RetentionStatus.PartlyExpired)
                {
                    s.Status = RetentionStatus.NotExpired;
                    s.UserWaitsForRoles = true;
                }
                else if (UserDependency(node) is { Course: >= 0 } blocker)
                {
                    s.Status = RetentionStatus.Ineligible;
                    s.BlockingCourse = blocker.Course;
                    s.BlockingKind = blocker.Kind;
                    return;
                }
            }

            var heldByReview = s.OwnDefaultExpired && s.BlockedBy >= 0 && _state[s.BlockedBy].Status == RetentionStatus.NeedsReview;
            if (_owner._options.RecentActivityGuard && (s.Status is RetentionStatus.Expired or RetentionStatus.PartlyExpired || heldByReview)
                && s.Activity is { } activity && activity > anchorAt)
            {
                s.Status = RetentionStatus.NeedsReview;
                s.ActivityFlag = true;
            }
        }

        // Lower rank = reported first as the blocking child.
        private static int Rank(RetentionStatus status) => status switch
        {
            RetentionStatus.NeedsReview => 0,
            RetentionStatus.NoAnchor => 1,
            RetentionStatus.Ineligible => 2,
            RetentionStatus.NotExpired => 3,
            _ => 4,
        };

        private Instant SafeExpiry(Instant anchor, Period period)
        {
            try
            {
                return _owner.Clock.ExpiryOf(anchor, period);
            }
            catch (ArgumentOutOfRangeException)
            {
                return Instant.MaxValue; // beyond the calendar's range: never expires
            }
            catch (OverflowException)
            {
                return Instant.MaxValue;
            }
        }

        /// <summary>Sets the statuses that need no clock: ineligible kinds and users, missing purposes, missing anchors.</summary>
        private bool Terminal(int i, RetentionContext node, Purpose? purpose, ref State s)
        {
            switch (node.Kind)
            {
                case ContextKind.System:
                    s.Status = RetentionStatus.Ineligible;
                    s.Reason = "The system context holds the whole site; retention never deletes it (only what is under it).";
                    return true;
                case ContextKind.Category:
                    s.Status = RetentionStatus.Ineligible;
                    s.Reason = "Course categories are containers; retention never deletes them (only the courses in them).";
                    return true;
            }

            if (purpose is null)
            {
                s.Status = RetentionStatus.Ineligible;
                s.Reason = "No purpose applies to this context, so no retention period is known.";
                return true;
            }

            if (_user[i] >= 0)
            {
                var user = _nodes[_user[i]];
                if (user.IsAdministrator || user.IsGuest)
                {
                    s.Status = RetentionStatus.Ineligible;
                    s.Reason = user.IsAdministrator
                        ? "Site administrators are never deleted by retention."
                        : "The guest account is never deleted by retention.";
                    return true;
                }
            }

            s.Anchor = AnchorOf(i, purpose);
            if (s.Anchor.Kind == AnchorKind.None && s.Anchor.FromContextId is null)
            {
                s.Status = RetentionStatus.Ineligible;
                s.Reason = $"This {node.Kind.ToCode()} is neither in a course nor in a user's subtree and purpose '{purpose.Name}' has no fixed or host anchor, so retention does not apply.";
                return true;
            }

            if (s.Anchor.At is null)
            {
                s.Status = RetentionStatus.NoAnchor;
                s.Lazy = LazyReason.NoAnchor;
                return true;
            }

            return false;
        }

        private Anchor AnchorOf(int i, Purpose purpose)
        {
            var node = _nodes[i];
            switch (purpose.Anchor.Kind)
            {
                case AnchorRuleKind.FixedDate:
                    return new Anchor(AnchorKind.FixedDate, _owner.Clock.StartOf(purpose.Anchor.Date!.Value), node.Id);
                case AnchorRuleKind.Host:
                    return new Anchor(AnchorKind.Host, _hostAnchor[i], node.Id);
            }

            if (_user[i] >= 0)
            {
                var user = _nodes[_user[i]];
                return user.DeletedAt is { } deleted
                    ? new Anchor(AnchorKind.AccountDeleted, deleted, user.Id)
                    : new Anchor(AnchorKind.LastAccess, user.LastAccess, user.Id);
            }

            if (_course[i] >= 0)
            {
                var course = _nodes[_course[i]];
                return new Anchor(AnchorKind.CourseEnd, course.EndDate, course.Id);
            }

            return new Anchor(AnchorKind.None, null, null);
        }

        private string NoAnchorReason(int i, RetentionContext node, Purpose purpose, Anchor anchor)
        {
            var owner = anchor.FromContextId is { } from && _index.TryGetValue(from, out var at) ? _nodes[at] : node;
            var self = ReferenceEquals(owner, node);
            var what = anchor.Kind switch
            {
                AnchorKind.CourseEnd => self ? "The course has no end date" : $"Its {Describe(owner)} has no end date",
                AnchorKind.LastAccess => self ? "The user has never logged in" : $"Its {Describe(owner)} has never logged in",
                _ => "The host supplied no anchor date",
            };
            _ = i;
            return $"{what}, so the retention clock of purpose '{purpose.Name}' never starts: this data is kept indefinitely until the date is supplied.";
        }

        private string ExpiryReason(int i, RetentionContext node, Purpose purpose, ref State s, RetentionStatus ownStatus)
        {
            var anchorText = AnchorText(s.Anchor, node);
            var period = PeriodText.Describe(purpose.Retention);
            var expiry = PeriodText.When(s.ExpiresAt!.Value, _zone);
            string text = s.OwnDefaultExpired
                ? $"{anchorText}; purpose '{purpose.Name}' keeps data {period} after that, so its period ended on {expiry}."
                : $"{anchorText}; purpose '{purpose.Name}' keeps data {period} after that, so it expires on {expiry}.";
            if (s.BlockedBy >= 0 && ownStatus != s.Status)
            {
                var blocker = _nodes[s.BlockedBy];
                var status = _state[s.BlockedBy].Status.ToCode();
                text += $" But {Describe(blocker)} below it is still kept ({status}), and a context is deleted only once all its children can be.";
            }

            if (s.Status == RetentionStatus.PartlyExpired)
            {
                text += s.DefaultExpired
                    ? $" Data of users with the role(s) {string.Join(", ", s.UnexpiredRoles!)} is kept longer: only users holding none of those roles may be deleted here."
                    : $" The role(s) {string.Join(", ", s.ExpiredRoles!)} have shorter periods that have run: data of users holding only those roles may be deleted here.";
            }
            else if (s.Status == RetentionStatus.NotExpired && s.UnexpiredRoles!.Count > 0 && s.OwnDefaultExpired && ownStatus == RetentionStatus.PartlyExpired)
            {
                text += $" Data of users with the role(s) {string.Join(", ", s.UnexpiredRoles!)} is kept longer.";
            }

            _ = i;
            return text;
        }

        private string AnchorText(Anchor anchor, RetentionContext node)
        {
            var when = PeriodText.When(anchor.At!.Value, _zone);
            var owner = anchor.FromContextId is { } from && _index.TryGetValue(from, out var at) ? _nodes[at] : node;
            var self = ReferenceEquals(owner, node);
            return anchor.Kind switch
            {
                AnchorKind.CourseEnd => self ? $"The course ended on {when}" : $"Its {Describe(owner)} ended on {when}",
                AnchorKind.LastAccess => self ? $"The user last logged in on {when}" : $"Its {Describe(owner)} last logged in on {when}",
                AnchorKind.AccountDeleted => self ? $"The account was deleted on {when}" : $"Its {Describe(owner)} was deleted on {when}",
                AnchorKind.FixedDate => $"The clock started on the fixed date {when}",
                _ => $"The host's anchor date is {when}",
            };
        }

        private static string AnchorNoun(AnchorKind kind) => kind switch
        {
            AnchorKind.CourseEnd => "course end date",
            AnchorKind.LastAccess => "last access",
            AnchorKind.AccountDeleted => "account deletion",
            _ => "anchor date",
        };

        /// <summary>The first enrolment that keeps the user: (course index, 1 = no end date, 2 = ends later, 3 = not expired), or (-1, 0).</summary>
        private (int Course, byte Kind) UserDependency(RetentionContext user)
        {
            foreach (var courseId in user.Enrolments)
            {
                if (!_index.TryGetValue(courseId, out var c))
                {
                    continue;
                }

                var course = _nodes[c];
                if (course.EndDate is null)
                {
                    if (_owner._options.CoursesWithoutEndDateAreRunning)
                    {
                        return (c, 1);
                    }

                    continue;
                }

                if (course.EndDate.Value >= _now)
                {
                    return (c, 2);
                }

                if (_state[c].Status != RetentionStatus.Expired)
                {
                    return (c, 3);
                }
            }

            return (-1, 0);
        }

        /// <summary>Renders a row's reason from its state, on first read (most rows of a large tree are never read).</summary>
        public string BuildReason(int i)
        {
            ref var s = ref _state[i];
            var node = _nodes[i];
            if (s.Lazy == LazyReason.NoAnchor)
            {
                return NoAnchorReason(i, node, s.Purpose!, s.Anchor);
            }

            var text = ExpiryReason(i, node, s.Purpose!, ref s, s.OwnStatus);
            if (s.UserWaitsForRoles)
            {
                text += " A user's own context is deleted only as a whole, so it waits until every role's period has run.";
            }

            if (s.BlockingCourse >= 0)
            {
                var course = _nodes[s.BlockingCourse];
                text += s.BlockingKind switch
                {
                    1 => $" But the user is enrolled in {Describe(course)}, which has no end date and so counts as running: the account is kept.",
                    2 => $" But the user is enrolled in {Describe(course)}, which ends on {PeriodText.When(course.EndDate!.Value, _zone)}: the account is kept.",
                    _ => $" But the user is enrolled in {Describe(course)}, whose retention has not run out ({_state[s.BlockingCourse].Status.ToCode()}): the account is kept.",
                };
            }

            if (s.ActivityFlag && s.Activity is { } activity)
            {
                text += $" There was activity on {PeriodText.When(activity, _zone)}, after the {AnchorNoun(s.Anchor.Kind)}: a person must review it before anything is deleted (the anchor may be stale, e.g. a reused course).";
            }

            return text;
        }

        private static string Describe(RetentionContext context) => PurposeResolver.Describe(context);

        private ContextEvaluation ToRow(int i)
        {
            ref var s = ref _state[i];
            var node = _nodes[i];
            return new ContextEvaluation
            {
                Id = node.Id,
                Kind = node.Kind,
                ParentId = node.ParentId,
                Status = s.Status,
                PurposeId = s.Purpose?.Id,
                Anchor = s.Anchor,
                ExpiresAt = s.ExpiresAt,
                DefaultExpired = s.DefaultExpired,
                DefaultProtected = s.Purpose?.Protected ?? false,
                ExpiredRoles = s.ExpiredRoles ?? [],
                UnexpiredRoles = s.UnexpiredRoles ?? [],
                ProtectedRoles = s.ProtectedRoles ?? [],
                LastActivity = s.Activity,
                Reason = s.Reason!,
                Renderer = s.Reason is null ? this : null,
                RendererIndex = i,
            };
        }
    }

    private struct State
    {
        public RetentionStatus Status;
        public Purpose? Purpose;
        public Anchor Anchor;
        public Instant? ExpiresAt;
        public bool OwnDefaultExpired;
        public bool DefaultExpired;
        public bool DefaultProtected;
        public IReadOnlyList<string>? ExpiredRoles;
        public IReadOnlyList<string>? UnexpiredRoles;
        public IReadOnlyList<string>? ProtectedRoles;
        public Instant? Activity;
        public int BlockedBy;
        public bool ActivityFlag;
        public string? Reason;
        public LazyReason Lazy;
        public RetentionStatus OwnStatus;
        public bool UserWaitsForRoles;
        public int BlockingCourse;
        public byte BlockingKind;
    }

    private enum LazyReason : byte
    {
        None = 0,
        NoAnchor = 1,
        Clock = 2,
    }
}
