using System.Buffers;
using LmsPrivacy.Findings;
using LmsPrivacy.Retention.Registry;
using NodaTime;

namespace LmsPrivacy.Retention.Evaluation;

/// <summary>
/// One evaluation of a tree (research/moodle.md §2.5): purposes resolved top-down in pre-order, then every context
/// evaluated children-first in reverse pre-order. Everything lives in arrays indexed by pre-order position, so a large
/// tree costs a few big blocks rather than a million objects; the arrays only the run needs come from the shared pool.
/// After <see cref="Run"/> the pass is the read-only source of the report's rows and reasons (safe from several threads).
/// </summary>
internal sealed partial class EvaluationPass : IReasonRenderer, IRowSource
{
    private readonly RetentionEvaluator _owner;
    private readonly IContextTree _tree;
    private readonly Instant _now;
    private readonly List<Finding> _findings;
    private readonly PurposeResolver _resolver;
    private readonly DateTimeZone _zone;
    private readonly RoleLists _roleLists;

    // Kept with the report: what rows and reasons are made from.
    private readonly RetentionContext[] _nodes; // an in-memory tree's own pre-order array, or filled by the walk
    private readonly ContextState[] _state;
    private readonly PurposePlan?[]? _purposeSpill; // the purposes, when the registry has more than fits in a state
    private RoleSet[]? _expiredSpill; // the role sets, when the registry overrides more than 64 roles
    private RoleSet[]? _unexpiredSpill;
    private int _count;

    // Needed by the run only: rented, and returned when it ends.
    private int[] _firstChild;
    private int[] _nextSibling;
    private int[] _user;
    private int[] _course;
    private int[] _hostAnchorFrom; // the nearest context (self or ancestor) with a host anchor, or -1
    private string?[] _walk; // the purpose id of the walk W(n) (own inherit treated as not set), computed top-down
    private PurposePlan? _userPlan; // the user-level purpose's plan, resolved on the first context under a user
    private bool _userPlanKnown;
    private readonly IReadOnlyDictionary<string, int> _courseIndex; // enrolments name courses
    private readonly PreOrderLayout? _layout; // an in-memory tree's cached pre-order

    public EvaluationPass(RetentionEvaluator owner, IContextTree tree, Instant now, List<Finding> findings)
    {
        _owner = owner;
        _tree = tree;
        _now = now;
        _findings = findings;
        _resolver = new PurposeResolver(owner.Registry, tree);
        _zone = owner.Clock.Zone;
        _roleLists = new RoleLists(owner.Roles);
        var count = Math.Max(tree.Count, 1);
        if (tree is InMemoryContextTree memory)
        {
            _layout = memory.PreOrder;
            _nodes = _layout.Nodes;
            _courseIndex = _layout.CourseIndex;
        }
        else
        {
            _nodes = new RetentionContext[count];
            _courseIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        }
        _state = GC.AllocateUninitializedArray<ContextState>(count); // every entry is written whole when its context is visited
        _purposeSpill = owner.PlanCount > ushort.MaxValue ? new PurposePlan?[count] : null;
        _hostAnchorFrom = ArrayPool<int>.Shared.Rent(count);
        _firstChild = ArrayPool<int>.Shared.Rent(count);
        _nextSibling = ArrayPool<int>.Shared.Rent(count);
        _user = ArrayPool<int>.Shared.Rent(count);
        _course = ArrayPool<int>.Shared.Rent(count);
        _walk = ArrayPool<string?>.Shared.Rent(count);
    }

    /// <inheritdoc />
    public int Count => _count;

    /// <inheritdoc />
    public string IdAt(int index) => _nodes[index].Id;

    /// <summary>Evaluates every context and returns the rows (made on read) with the summary.</summary>
    public EvaluationRows Run()
    {
        try
        {
            BuildPreOrder();
            CheckAssignments();
            if (!_owner.Roles.FitsOneWord)
            {
                _expiredSpill = new RoleSet[_count];
                _unexpiredSpill = new RoleSet[_count];
            }

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
        }
        finally
        {
            ArrayPool<int>.Shared.Return(_firstChild);
            ArrayPool<int>.Shared.Return(_nextSibling);
            ArrayPool<int>.Shared.Return(_user);
            ArrayPool<int>.Shared.Return(_course);
            ArrayPool<int>.Shared.Return(_hostAnchorFrom);
            ArrayPool<string?>.Shared.Return(_walk, clearArray: true);
            _firstChild = _nextSibling = _user = _course = _hostAnchorFrom = [];
            _walk = [];
        }

        AddFindings();
        return new EvaluationRows(this, Summarize());
    }

    private RetentionSummary Summarize()
    {
        var counter = default(StatusCounter);
        for (var i = 0; i < _count; i++)
        {
            counter.Add(_state[i].Status);
        }

        return counter.ToSummary();
    }

    private void AddFindings()
    {
        for (var i = 0; i < _count; i++)
        {
            if (_state[i].Status == RetentionStatus.NoAnchor)
            {
                _findings.Add(RetentionRules.AnchorMissing.At(RetentionEvaluator.PathOf(_nodes[i].Id), SharedNoAnchorReason(i)));
            }
        }

        for (var i = 0; i < _count; i++)
        {
            if (_state[i].Status == RetentionStatus.NeedsReview && _state[i].ActivityFlag)
            {
                _findings.Add(RetentionRules.ActivityAfterAnchor.At(RetentionEvaluator.PathOf(_nodes[i].Id), "The retention period has run but there was activity after the anchor date: review before deleting (the anchor may be stale)."));
            }
        }
    }

    // The contexts of a course without end date all say "Its course … has no end date": one string for all of them.
    private (int From, PurposePlan? Plan, string Text) _lastNoAnchorReason = (-1, null, string.Empty);

    private string SharedNoAnchorReason(int i)
    {
        var from = _state[i].AnchorFrom;
        if (from == i)
        {
            return BuildReason(i); // the owner speaks of itself ("The course has no end date")
        }

        if (_lastNoAnchorReason.From != from || !ReferenceEquals(_lastNoAnchorReason.Plan, PurposeAt(i)))
        {
            _lastNoAnchorReason = (from, PurposeAt(i), BuildReason(i));
        }

        return _lastNoAnchorReason.Text;
    }

    private void BuildPreOrder()
    {
        if (_layout is { } layout)
        {
            // An immutable tree keeps its pre-order, nodes and course index once: no child lookups by id per evaluation.
            for (var n = 0; n < layout.Nodes.Length; n++)
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
                // A host "tree" with a loop or a shared node, or a Count that is too small: stop rather than run
                // forever, and say so (the rows cover only part of the tree).
                _findings.Add(RetentionRules.ContextCycle.At("$.contexts", string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"The host's tree has more contexts than its Count ({_nodes.Length}) says: a loop, a context reached twice or a wrong Count. Only the first {_nodes.Length} contexts in pre-order were evaluated.")));
                break;
            }

            // A host's tree: recorded and indexed as it is walked.
            _nodes[_count] = node;
            if (node.Kind == ContextKind.Course)
            {
                ((Dictionary<string, int>)_courseIndex)[node.Id] = _count;
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
        _firstChild[i] = -1;
        _nextSibling[i] = -1;
        var user = node.Kind == ContextKind.User ? i : parent >= 0 ? _user[parent] : -1;
        _user[i] = user;
        _course[i] = node.Kind == ContextKind.Course ? i : parent >= 0 ? _course[parent] : -1;
        _hostAnchorFrom[i] = node.HostAnchor is not null ? i : parent >= 0 ? _hostAnchorFrom[parent] : -1;
        var plan = ResolvePurpose(i, node, parent, user);
        ref var s = ref _state[i];
        s = new ContextState { Kind = node.Kind, Purpose = _purposeSpill is null ? (ushort)(plan?.Number ?? 0) : default };
        if (_purposeSpill is not null)
        {
            _purposeSpill[i] = plan;
        }

        if (node.LastActivity is { } activity)
        {
            s.Activity = activity;
            s.HasActivity = true;
        }

        // What the children-first pass asks of users and courses, copied now while the context is at hand.
        switch (node.Kind)
        {
            case ContextKind.User:
                s.IsAdministrator = node.IsAdministrator;
                s.IsGuest = node.IsGuest;
                s.AccountDeleted = node.DeletedAt is not null;
                break;
            case ContextKind.Course:
                s.NoEndDate = node.EndDate is null;
                s.EndsAfterNow = node.EndDate >= _now;
                break;
        }

        if (parent >= 0)
        {
            _nextSibling[i] = _firstChild[parent];
            _firstChild[parent] = i;
        }

        return i;
    }

    private PurposePlan? ResolvePurpose(int i, RetentionContext node, int parent, int user)
    {
        if (user >= 0)
        {
            // Everything under a user takes the user-level purpose, the same for every such context; nothing below a
            // user reads its walk value, so none is computed.
            if (!_userPlanKnown)
            {
                _userPlan = _resolver.UserLevel(static s => s.Purpose).Id is { } userPurpose ? _owner.PlanOf(userPurpose) : null;
                _userPlanKnown = true;
            }

            return _userPlan;
        }

        // Only the id of a walk value matters here (its source is for explanations), so only the id is kept.
        var parentWalk = parent >= 0 ? new ResolvedValue(_walk[parent], ResolutionSource.None, null) : default;
        _walk[i] = _resolver.WalkStep(node, parentWalk, static s => s.Purpose, honourInherit: false).Id;
        var effective = _resolver.WalkStep(node, parentWalk, static s => s.Purpose, honourInherit: true);
        return effective.Id is { } id ? _owner.PlanOf(id) : null;
    }

    private void CheckAssignments()
    {
        foreach (var (contextId, _) in _owner.Registry.ContextAssignments.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            if (_tree.Find(contextId) is not { } assigned)
            {
                _findings.Add(RetentionRules.AssignmentIgnored.At("$.assignments." + contextId, "The assignment names a context that is not in the tree; it has no effect."));
            }
            else if (InUserSubtree(assigned))
            {
                _findings.Add(RetentionRules.AssignmentIgnored.At(RetentionEvaluator.PathOf(contextId), "Contexts in a user's subtree always use the user-level purpose; this assignment has no effect."));
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
        // Reads the state only (the visit copied the context's kind and activity): the host's objects are not read
        // again, which matters once a tree no longer fits in the processor's caches.
        ref var s = ref _state[i];
        var plan = PurposeAt(i);
        s.BlockedBy = -1;
        s.BlockingCourse = -1;
        s.AnchorFrom = -1;

        // Latest activity in the subtree.
        for (var c = _firstChild[i]; c >= 0; c = _nextSibling[c])
        {
            ref var child = ref _state[c];
            if (child.HasActivity && (!s.HasActivity || child.Activity > s.Activity))
            {
                s.Activity = child.Activity;
                s.HasActivity = true;
            }
        }

        if (Terminal(i, plan?.Purpose, ref s, out var anchorAt))
        {
            return;
        }

        var expiry = SafeExpiry(anchorAt, plan!.Purpose.Retention);
        s.OwnDefaultExpired = _now >= expiry;
        s.DefaultExpired = s.OwnDefaultExpired;

        // Role sets are bit sets over the registry's overridden roles: no per-context collections.
        var expired = RoleSet.Empty;
        var unexpired = RoleSet.Empty;
        foreach (var (bit, retention) in plan.Overrides)
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
            var childExpired = child.Status == RetentionStatus.PartlyExpired ? ExpiredRolesOf(c) : RoleSet.Empty;
            if (!childDefault)
            {
                // A parent whose default had run keeps only what the child may lose; otherwise the roles
                // deletable here are those deletable in the child too.
                expired = s.DefaultExpired ? childExpired : expired.Intersect(childExpired);
                s.DefaultExpired = false;
            }

            unexpired = unexpired.Union(UnexpiredRolesOf(c));
        }

        expired = expired.Except(unexpired);
        if (s.DefaultExpired)
        {
            expired = RoleSet.Empty; // as Moodle: with the default run, every role goes except the unexpired ones
        }

        SetRoles(i, ref s, expired, unexpired);
        s.Status = s.DefaultExpired && unexpired.IsEmpty ? RetentionStatus.Expired
            : s.DefaultExpired || !expired.IsEmpty ? RetentionStatus.PartlyExpired
            : RetentionStatus.NotExpired;
        s.OwnStatus = ownStatus;
        s.Reason = ReasonKind.Clock;

        if (s.Kind == ContextKind.User && s.Status is RetentionStatus.Expired or RetentionStatus.PartlyExpired)
        {
            if (s.Status == RetentionStatus.PartlyExpired)
            {
                s.Status = RetentionStatus.NotExpired;
                s.UserWaitsForRoles = true;
            }
            else if (UserDependency(i) is { Course: >= 0 } blocker)
            {
                s.Status = RetentionStatus.Ineligible;
                s.BlockingCourse = blocker.Course;
                s.BlockingKind = blocker.Kind;
                return;
            }
        }

        var heldByReview = s.OwnDefaultExpired && s.BlockedBy >= 0 && _state[s.BlockedBy].Status == RetentionStatus.NeedsReview;
        if (_owner.Options.RecentActivityGuard && (s.Status is RetentionStatus.Expired or RetentionStatus.PartlyExpired || heldByReview)
            && s.HasActivity && s.Activity > anchorAt)
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

    private PurposePlan? PurposeAt(int i) => _purposeSpill is { } spill ? spill[i] : _owner.PlanAt(_state[i].Purpose);

    private RoleSet ExpiredRolesOf(int i) => _expiredSpill is { } spill ? spill[i] : RoleSet.FromBits(_state[i].ExpiredBits);

    private RoleSet UnexpiredRolesOf(int i) => _unexpiredSpill is { } spill ? spill[i] : RoleSet.FromBits(_state[i].UnexpiredBits);

    private void SetRoles(int i, ref ContextState s, RoleSet expired, RoleSet unexpired)
    {
        if (_expiredSpill is not null)
        {
            _expiredSpill[i] = expired;
            _unexpiredSpill![i] = unexpired;
        }
        else
        {
            s.ExpiredBits = expired.LowBits;
            s.UnexpiredBits = unexpired.LowBits;
        }
    }

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
    private bool Terminal(int i, Purpose? purpose, ref ContextState s, out Instant anchorAt)
    {
        anchorAt = default;
        s.Status = RetentionStatus.Ineligible;
        switch (s.Kind)
        {
            case ContextKind.System:
                s.Reason = ReasonKind.System;
                return true;
            case ContextKind.Category:
                s.Reason = ReasonKind.Category;
                return true;
        }

        if (purpose is null)
        {
            s.Reason = ReasonKind.NoPurpose;
            return true;
        }

        if (_user[i] >= 0)
        {
            ref var user = ref _state[_user[i]];
            if (user.IsAdministrator || user.IsGuest)
            {
                s.Reason = user.IsAdministrator ? ReasonKind.Administrator : ReasonKind.Guest;
                return true;
            }
        }

        var (anchorKind, from) = AnchorSource(i, purpose);
        s.AnchorKind = anchorKind;
        s.AnchorFrom = from;
        if (anchorKind == AnchorKind.None)
        {
            s.Reason = ReasonKind.NoCourseOrUser;
            return true;
        }

        if (AnchorInstant(i, ref s) is not { } at)
        {
            s.Status = RetentionStatus.NoAnchor;
            s.Reason = ReasonKind.NoAnchor;
            return true;
        }

        anchorAt = at;
        return false;
    }

    /// <summary>Where the clock of context <paramref name="i"/> starts: the kind, and the context it comes from (-1: none).</summary>
    private (AnchorKind Kind, int From) AnchorSource(int i, Purpose purpose)
    {
        switch (purpose.Anchor.Kind)
        {
            case AnchorRuleKind.FixedDate:
                return (AnchorKind.FixedDate, i);
            case AnchorRuleKind.Host:
                return (AnchorKind.Host, _hostAnchorFrom[i]); // the row still names this context as the anchor's
        }

        if (_user[i] >= 0)
        {
            return (_state[_user[i]].AccountDeleted ? AnchorKind.AccountDeleted : AnchorKind.LastAccess, _user[i]);
        }

        return _course[i] >= 0 ? (AnchorKind.CourseEnd, _course[i]) : (AnchorKind.None, -1);
    }

    /// <summary>The instant the clock of context <paramref name="i"/> starts at, read again from the tree (not stored per context).</summary>
    private Instant? AnchorInstant(int i, ref ContextState s) => s.AnchorKind switch
    {
        AnchorKind.FixedDate => _owner.Clock.StartOf(PurposeAt(i)!.Purpose.Anchor.Date!.Value),
        AnchorKind.Host => s.AnchorFrom >= 0 ? _nodes[s.AnchorFrom].HostAnchor : null,
        AnchorKind.AccountDeleted => _nodes[s.AnchorFrom].DeletedAt,
        AnchorKind.LastAccess => _nodes[s.AnchorFrom].LastAccess,
        AnchorKind.CourseEnd => _nodes[s.AnchorFrom].EndDate,
        _ => null,
    };

    /// <summary>The first enrolment that keeps user <paramref name="i"/>: (course index, 1 = no end date, 2 = ends later, 3 = not expired), or (-1, 0).</summary>
    private (int Course, byte Kind) UserDependency(int i)
    {
        if (_layout is { } layout)
        {
            // An in-memory tree resolved its enrolments to positions once.
            for (var e = layout.EnrolmentStart[i]; e < layout.EnrolmentStart[i + 1]; e++)
            {
                var c = layout.EnrolmentCourses[e];
                if (KeepsUser(c) is var kind and > 0)
                {
                    return (c, kind);
                }
            }

            return (-1, 0);
        }

        var enrolments = _nodes[i].Enrolments;
        for (var e = 0; e < enrolments.Count; e++) // by index: a boxed enumerator per user adds up over a large site
        {
            if (_courseIndex.TryGetValue(enrolments[e], out var c) && KeepsUser(c) is var kind and > 0)
            {
                return (c, kind);
            }
        }

        return (-1, 0);
    }

    /// <summary>Why an enrolment in course <paramref name="c"/> keeps its user: 1 no end date (when that counts as running), 2 ends later, 3 not expired; 0 when it does not.</summary>
    private byte KeepsUser(int c)
    {
        ref var course = ref _state[c];
        if (course.NoEndDate)
        {
            return _owner.Options.CoursesWithoutEndDateAreRunning ? (byte)1 : (byte)0;
        }

        return course.EndsAfterNow ? (byte)2 : course.Status != RetentionStatus.Expired ? (byte)3 : (byte)0;
    }
}
