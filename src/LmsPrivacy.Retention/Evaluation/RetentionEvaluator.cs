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
                _purposes[purpose.Id] = new PurposePlan(purpose, _roles);
            }
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
    private sealed class Pass : IReasonRenderer, IRowSource
    {
        private readonly RetentionEvaluator _owner;
        private readonly IContextTree _tree;
        private readonly Instant _now;
        private readonly List<Finding> _findings;
        private readonly PurposeResolver _resolver;
        private readonly DateTimeZone _zone;
        private readonly RoleLists _roleLists;

        // Per-context facts, indexed by pre-order position (arrays, not objects: a large tree stays a few big blocks).
        private readonly RetentionContext[] _nodes;
        private readonly int[] _firstChild;
        private readonly int[] _nextSibling;
        private readonly int[] _user;
        private readonly int[] _course;
        private readonly PurposePlan?[] _purpose;
        private readonly int[] _hostAnchorFrom; // the nearest context (self or ancestor) with a host anchor, or -1
        private readonly string?[] _walk; // the purpose id of the walk W(n) (own inherit treated as not set), computed top-down
        private readonly Dictionary<string, int> _index;
        private int _count;
        private State[] _state = [];

        public Pass(RetentionEvaluator owner, IContextTree tree, Instant now, List<Finding> findings)
        {
            _owner = owner;
            _tree = tree;
            _now = now;
            _findings = findings;
            _resolver = new PurposeResolver(owner._registry, tree);
            _zone = owner.Clock.Zone;
            _roleLists = new RoleLists(owner._roles);
            var count = Math.Max(tree.Count, 1);
            _nodes = new RetentionContext[count];
            _firstChild = new int[count];
            _nextSibling = new int[count];
            _user = new int[count];
            _course = new int[count];
            _purpose = new PurposePlan?[count];
            _hostAnchorFrom = new int[count];
            _walk = new string?[count];
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        public int Count => _count;

        public string IdAt(int index) => _nodes[index].Id;

        public ContextEvaluation RowAt(int index) => ToRow(index);

        public EvaluationRows Run()
        {
            BuildPreOrder();
            CheckAssignments();
            _state = new State[_count];

            // Children before parents: reverse pre-order. User subtrees wait until every course is done, because a
            // user's eligibility depends on the courses they are enrolled in; the system context comes last.
            var deferred = new List<int>();
            for (var i = _count - 1; i >= 1; i--)
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

            if (_count > 0)
            {
                Process(0);
            }

            int expired = 0, partly = 0, notExpired = 0, noAnchor = 0, ineligible = 0, review = 0;
            for (var i = 0; i < _count; i++)
            {
                switch (_state[i].Status)
                {
                    case RetentionStatus.Expired: expired++; break;
                    case RetentionStatus.PartlyExpired: partly++; break;
                    case RetentionStatus.NotExpired: notExpired++; break;
                    case RetentionStatus.NoAnchor: noAnchor++; break;
                    case RetentionStatus.Ineligible: ineligible++; break;
                    default: review++; break;
                }
            }

            for (var i = 0; i < _count; i++)
            {
                if (_state[i].Status == RetentionStatus.NoAnchor)
                {
                    _findings.Add(RetentionRules.AnchorMissing.At(PathOf(_nodes[i].Id), _state[i].Reason ?? BuildReason(i)));
                }
            }

            for (var i = 0; i < _count; i++)
            {
                if (_state[i].Status == RetentionStatus.NeedsReview && _state[i].ActivityFlag)
                {
                    _findings.Add(RetentionRules.ActivityAfterAnchor.At(PathOf(_nodes[i].Id), "The retention period has run but there was activity after the anchor date: review before deleting (the anchor may be stale)."));
                }
            }

            // Rows are made when read: the state above is all an evaluation needs to keep.
            return new EvaluationRows(this, new RetentionSummary(_count, expired, partly, notExpired, noAnchor, ineligible, review));
        }

        private void BuildPreOrder()
        {
            if (_tree is InMemoryContextTree memory)
            {
                // An immutable tree keeps its pre-order once: no child lookups by id on every evaluation.
                var layout = memory.PreOrder;
                for (var n = 0; n < layout.Nodes.Length && _count < _nodes.Length; n++)
                {
                    Visit(layout.Nodes[n], layout.Parents[n]);
                }

                return;
            }

            var stack = new Stack<(RetentionContext Node, int Parent)>();
            stack.Push((_tree.Root, -1));
            while (stack.Count > 0)
            {
                var (node, parent) = stack.Pop();
                if (_count == _nodes.Length)
                {
                    break; // a host "tree" with a loop or a shared node: stop rather than run forever
                }

                var i = Visit(node, parent);
                var children = _tree.GetChildren(node.Id);
                for (var c = children.Count - 1; c >= 0; c--)
                {
                    stack.Push((children[c], i));
                }
            }
        }

        /// <summary>Records the next context in pre-order; returns its position.</summary>
        private int Visit(RetentionContext node, int parent)
        {
            var i = _count++;
            _nodes[i] = node;
            if (node.Kind == ContextKind.Course)
            {
                _index[node.Id] = i; // for enrolments, which name courses
            }

            _firstChild[i] = -1;
            _nextSibling[i] = -1;
            var user = node.Kind == ContextKind.User ? i : parent >= 0 ? _user[parent] : -1;
            var course = node.Kind == ContextKind.Course ? i : parent >= 0 ? _course[parent] : -1;
            _user[i] = user;
            _course[i] = course;
            _hostAnchorFrom[i] = node.HostAnchor is not null ? i : parent >= 0 ? _hostAnchorFrom[parent] : -1;
            _purpose[i] = ResolvePurpose(i, node, parent, user);
            if (parent >= 0)
            {
                _nextSibling[i] = _firstChild[parent];
                _firstChild[parent] = i;
            }

            return i;
        }

        private PurposePlan? ResolvePurpose(int i, RetentionContext node, int parent, int user)
        {
            // Only the id of a walk value matters here (its source is for explanations), so only the id is kept.
            var parentWalk = parent >= 0 ? new ResolvedValue(_walk[parent], ResolutionSource.None, null) : default;
            _walk[i] = _resolver.WalkStep(node, parentWalk, static s => s.Purpose, honourInherit: false).Id;
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
            var plan = _purpose[i];
            var purpose = plan?.Purpose;
            s.BlockedBy = -1;
            s.BlockingCourse = -1;
            s.AnchorFrom = -1;
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
            var anchorAt = s.AnchorAt;
            var expiry = SafeExpiry(anchorAt, period);
            s.ExpiresAt = expiry; // meaningful once Lazy is Clock
            s.OwnDefaultExpired = _now >= expiry;
            s.DefaultExpired = s.OwnDefaultExpired;

            // Role sets are bit sets over the registry's overridden roles: no per-context collections.
            var expired = RoleSet.Empty;
            var unexpired = RoleSet.Empty;
            foreach (var (bit, retention) in plan!.Overrides)
            {
                if (_now >= SafeExpiry(anchorAt, retention))
                {
                    expired = expired.Union(RoleSet.Of(bit));
                }
                else
                {
                    unexpired = unexpired.Union(RoleSet.Of(bit));
                }
            }

            var ownStatus = s.OwnDefaultExpired && unexpired.IsEmpty ? RetentionStatus.Expired
                : s.OwnDefaultExpired || !expired.IsEmpty ? RetentionStatus.PartlyExpired
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
                var childExpired = child.Status == RetentionStatus.PartlyExpired ? child.ExpiredRoles : RoleSet.Empty;
                if (!childDefault)
                {
                    // A parent whose default had run keeps only what the child may lose; otherwise the roles
                    // deletable here are those deletable in the child too.
                    expired = s.DefaultExpired ? childExpired : expired.Intersect(childExpired);
                    s.DefaultExpired = false;
                }

                unexpired = unexpired.Union(child.UnexpiredRoles);
            }

            expired = expired.Except(unexpired);
            if (s.DefaultExpired)
            {
                expired = RoleSet.Empty; // as Moodle: with the default run, every role goes except the unexpired ones
            }

            s.ExpiredRoles = expired;
            s.UnexpiredRoles = unexpired;

            if (s.DefaultExpired && s.UnexpiredRoles.IsEmpty)
            {
                s.Status = RetentionStatus.Expired;
            }
            else if (s.DefaultExpired || !s.ExpiredRoles.IsEmpty)
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

        // The contexts of one course share its anchor and a few periods, and are evaluated one after another: a small
        // round-robin memo of recent (anchor, period) → expiry spares most calendar computations of a real tree.
        private readonly (Instant Anchor, Period? Period, Instant Expiry)[] _expiryMemo = new (Instant, Period?, Instant)[8];
        private int _expiryMemoNext;

        private Instant SafeExpiry(Instant anchor, Period period)
        {
            foreach (ref readonly var memo in _expiryMemo.AsSpan())
            {
                if (ReferenceEquals(memo.Period, period) && memo.Anchor == anchor)
                {
                    return memo.Expiry;
                }
            }

            var expiry = ComputeExpiry(anchor, period);
            _expiryMemo[_expiryMemoNext] = (anchor, period, expiry);
            _expiryMemoNext = (_expiryMemoNext + 1) % _expiryMemo.Length;
            return expiry;
        }

        private Instant ComputeExpiry(Instant anchor, Period period)
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

            var (anchorKind, anchorAt, anchorFrom) = AnchorOf(i, purpose);
            s.AnchorKind = anchorKind;
            s.AnchorFrom = anchorFrom;
            if (anchorKind == AnchorKind.None && anchorFrom < 0)
            {
                s.Status = RetentionStatus.Ineligible;
                s.Reason = $"This {node.Kind.ToCode()} is neither in a course nor in a user's subtree and purpose '{purpose.Name}' has no fixed or host anchor, so retention does not apply.";
                return true;
            }

            if (anchorAt is not { } at)
            {
                s.Status = RetentionStatus.NoAnchor;
                s.Lazy = LazyReason.NoAnchor;
                return true;
            }

            s.AnchorAt = at;
            s.HasAnchorAt = true;

            return false;
        }

        /// <summary>Where the clock of context <paramref name="i"/> starts: the kind, the instant, and the context it comes from (-1: none).</summary>
        private (AnchorKind Kind, Instant? At, int From) AnchorOf(int i, Purpose purpose)
        {
            switch (purpose.Anchor.Kind)
            {
                case AnchorRuleKind.FixedDate:
                    return (AnchorKind.FixedDate, _owner.Clock.StartOf(purpose.Anchor.Date!.Value), i);
                case AnchorRuleKind.Host:
                    return (AnchorKind.Host, _hostAnchorFrom[i] >= 0 ? _nodes[_hostAnchorFrom[i]].HostAnchor : null, i);
            }

            if (_user[i] >= 0)
            {
                var user = _nodes[_user[i]];
                return user.DeletedAt is { } deleted
                    ? (AnchorKind.AccountDeleted, deleted, _user[i])
                    : (AnchorKind.LastAccess, user.LastAccess, _user[i]);
            }

            if (_course[i] >= 0)
            {
                return (AnchorKind.CourseEnd, _nodes[_course[i]].EndDate, _course[i]);
            }

            return (AnchorKind.None, null, -1);
        }

        /// <summary>The public anchor of a row, made from the compact state.</summary>
        private Anchor AnchorOfRow(ref State s) =>
            new(s.AnchorKind, s.HasAnchorAt ? s.AnchorAt : null, s.AnchorFrom >= 0 ? _nodes[s.AnchorFrom].Id : null);

        private string NoAnchorReason(RetentionContext node, Purpose purpose, ref State s)
        {
            var owner = s.AnchorFrom >= 0 ? _nodes[s.AnchorFrom] : node;
            var self = ReferenceEquals(owner, node);
            var what = s.AnchorKind switch
            {
                AnchorKind.CourseEnd => self ? "The course has no end date" : $"Its {Describe(owner)} has no end date",
                AnchorKind.LastAccess => self ? "The user has never logged in" : $"Its {Describe(owner)} has never logged in",
                _ => "The host supplied no anchor date",
            };
            return $"{what}, so the retention clock of purpose '{purpose.Name}' never starts: this data is kept indefinitely until the date is supplied.";
        }

        private string ExpiryReason(int i, RetentionContext node, Purpose purpose, ref State s, RetentionStatus ownStatus)
        {
            var anchorText = AnchorText(ref s, node);
            var period = PeriodText.Describe(purpose.Retention);
            var expiry = PeriodText.When(s.ExpiresAt, _zone);
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
                    ? $" Data of users with the role(s) {string.Join(", ", _roleLists.Of(s.UnexpiredRoles))} is kept longer: only users holding none of those roles may be deleted here."
                    : $" The role(s) {string.Join(", ", _roleLists.Of(s.ExpiredRoles))} have shorter periods that have run: data of users holding only those roles may be deleted here.";
            }
            else if (s.Status == RetentionStatus.NotExpired && !s.UnexpiredRoles.IsEmpty && s.OwnDefaultExpired && ownStatus == RetentionStatus.PartlyExpired)
            {
                text += $" Data of users with the role(s) {string.Join(", ", _roleLists.Of(s.UnexpiredRoles))} is kept longer.";
            }

            _ = i;
            return text;
        }

        private string AnchorText(ref State s, RetentionContext node)
        {
            var anchor = AnchorOfRow(ref s);
            var when = PeriodText.When(s.AnchorAt, _zone);
            var owner = s.AnchorFrom >= 0 ? _nodes[s.AnchorFrom] : node;
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
            var enrolments = user.Enrolments;
            for (var e = 0; e < enrolments.Count; e++) // by index: a boxed enumerator per user adds up over a large site
            {
                if (!_index.TryGetValue(enrolments[e], out var c))
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
                return NoAnchorReason(node, _purpose[i]!.Purpose, ref s);
            }

            var text = ExpiryReason(i, node, _purpose[i]!.Purpose, ref s, s.OwnStatus);
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
                text += $" There was activity on {PeriodText.When(activity, _zone)}, after the {AnchorNoun(s.AnchorKind)}: a person must review it before anything is deleted (the anchor may be stale, e.g. a reused course).";
            }

            return text;
        }

        private static string Describe(RetentionContext context) => PurposeResolver.Describe(context);

        private ContextEvaluation ToRow(int i)
        {
            ref var s = ref _state[i];
            var node = _nodes[i];
            var purpose = _purpose[i]?.Purpose;
            return new ContextEvaluation
            {
                Id = node.Id,
                Kind = node.Kind,
                ParentId = node.ParentId,
                Status = s.Status,
                PurposeId = purpose?.Id,
                Anchor = AnchorOfRow(ref s),
                ExpiresAt = s.Lazy == LazyReason.Clock ? s.ExpiresAt : null,
                DefaultExpired = s.DefaultExpired,
                DefaultProtected = purpose?.Protected ?? false,
                ExpiredRoles = _roleLists.Of(s.ExpiredRoles),
                UnexpiredRoles = _roleLists.Of(s.UnexpiredRoles),
                ProtectedRoles = _roleLists.Of(s.UnexpiredRoles.Intersect(_purpose[i]?.ProtectedRoles ?? RoleSet.Empty)),
                LastActivity = s.Activity,
                Reason = s.Reason!,
                Renderer = s.Reason is null ? this : null,
                RendererIndex = i,
            };
        }
    }

    private struct State
    {
        // Kept small (a large tree has a million of these); the public Anchor and role lists are made per row read.
        public Instant AnchorAt; // when HasAnchorAt
        public Instant ExpiresAt; // when Lazy is Clock
        public Instant? Activity;
        public RoleSet ExpiredRoles;
        public RoleSet UnexpiredRoles;
        public string? Reason;
        public int AnchorFrom; // the context the anchor comes from, or -1
        public int BlockedBy;
        public int BlockingCourse;
        public RetentionStatus Status;
        public RetentionStatus OwnStatus;
        public AnchorKind AnchorKind;
        public bool HasAnchorAt;
        public bool OwnDefaultExpired;
        public bool DefaultExpired;
        public bool ActivityFlag;
        public bool UserWaitsForRoles;
        public LazyReason Lazy;
        public byte BlockingKind;
    }

    private enum LazyReason : byte
    {
        None = 0,
        NoAnchor = 1,
        Clock = 2,
    }
}
