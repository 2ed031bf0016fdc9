using LmsPrivacy.Retention.Clock;
using LmsPrivacy.Retention.Registry;
using NodaTime;

namespace LmsPrivacy.Retention.Evaluation;

/// <summary>The rows and reasons of an evaluation, made from its compact state when they are read.</summary>
internal sealed partial class EvaluationPass
{
    /// <inheritdoc />
    public ContextEvaluation RowAt(int index)
    {
        ref var s = ref _state[index];
        var node = _nodes[index];
        var plan = PurposeAt(index);
        return new ContextEvaluation
        {
            Id = node.Id,
            Kind = node.Kind,
            ParentId = node.ParentId,
            Status = s.Status,
            PurposeId = plan?.Purpose.Id,
            Anchor = new Anchor(s.AnchorKind, AnchorInstant(index, ref s), AnchorContextId(index, ref s)),
            ExpiresAt = ExpiresAt(index, ref s),
            DefaultExpired = s.DefaultExpired,
            DefaultProtected = plan?.Purpose.Protected ?? false,
            ExpiredRoles = _roleLists.Of(ExpiredRolesOf(index)),
            UnexpiredRoles = _roleLists.Of(UnexpiredRolesOf(index)),
            ProtectedRoles = _roleLists.Of(UnexpiredRolesOf(index).Intersect(plan?.ProtectedRoles ?? RoleSet.Empty)),
            LastActivity = s.LastActivity,
            Renderer = this,
            RendererIndex = index,
        };
    }

    /// <summary>Renders a row's reason from its state, on first read (most rows of a large tree are never read).</summary>
    public string BuildReason(int index)
    {
        ref var s = ref _state[index];
        var node = _nodes[index];
        switch (s.Reason)
        {
            case ReasonKind.System:
                return "The system context holds the whole site; retention never deletes it (only what is under it).";
            case ReasonKind.Category:
                return "Course categories are containers; retention never deletes them (only the courses in them).";
            case ReasonKind.NoPurpose:
                return "No purpose applies to this context, so no retention period is known.";
            case ReasonKind.Administrator:
                return "Site administrators are never deleted by retention.";
            case ReasonKind.Guest:
                return "The guest account is never deleted by retention.";
            case ReasonKind.NoCourseOrUser:
                return $"This {node.Kind.ToCode()} is neither in a course nor in a user's subtree and purpose '{PurposeAt(index)!.Purpose.Name}' has no fixed or host anchor, so retention does not apply.";
            case ReasonKind.NoAnchor:
                return NoAnchorReason(node, PurposeAt(index)!.Purpose, ref s);
            case ReasonKind.None:
                return string.Empty;
        }

        var text = ExpiryReason(index, node, PurposeAt(index)!.Purpose, ref s);
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

        if (s.ActivityFlag && s.LastActivity is { } activity)
        {
            text += $" There was activity on {PeriodText.When(activity, _zone)}, after the {AnchorNoun(s.AnchorKind)}: a person must review it before anything is deleted (the anchor may be stale, e.g. a reused course).";
        }

        return text;
    }

    /// <summary>The context the row names as the anchor's: the user or course it comes from; the context itself for fixed and host anchors.</summary>
    private string? AnchorContextId(int index, ref ContextState s) => s.AnchorKind switch
    {
        AnchorKind.None => null,
        AnchorKind.FixedDate or AnchorKind.Host => _nodes[index].Id,
        _ => _nodes[s.AnchorFrom].Id,
    };

    /// <summary>When the purpose's own period ends: computed again (the same calendar arithmetic) rather than stored.</summary>
    private Instant? ExpiresAt(int index, ref ContextState s) =>
        s.Reason == ReasonKind.Clock && AnchorInstant(index, ref s) is { } anchor ? ComputeExpiry(anchor, PurposeAt(index)!.Purpose.Retention) : null;

    private string NoAnchorReason(RetentionContext node, Purpose purpose, ref ContextState s)
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

    private string ExpiryReason(int index, RetentionContext node, Purpose purpose, ref ContextState s)
    {
        var anchorText = AnchorText(index, ref s, node);
        var period = PeriodText.Describe(purpose.Retention);
        var expiry = PeriodText.When(ExpiresAt(index, ref s)!.Value, _zone);
        var text = s.OwnDefaultExpired
            ? $"{anchorText}; purpose '{purpose.Name}' keeps data {period} after that, so its period ended on {expiry}."
            : $"{anchorText}; purpose '{purpose.Name}' keeps data {period} after that, so it expires on {expiry}.";
        if (s.BlockedBy >= 0 && s.OwnStatus != s.Status)
        {
            var blocker = _nodes[s.BlockedBy];
            var status = _state[s.BlockedBy].Status.ToCode();
            text += $" But {Describe(blocker)} below it is still kept ({status}), and a context is deleted only once all its children can be.";
        }

        var unexpired = UnexpiredRolesOf(index);
        if (s.Status == RetentionStatus.PartlyExpired)
        {
            text += s.DefaultExpired
                ? $" Data of users with the role(s) {string.Join(", ", _roleLists.Of(unexpired))} is kept longer: only users holding none of those roles may be deleted here."
                : $" The role(s) {string.Join(", ", _roleLists.Of(ExpiredRolesOf(index)))} have shorter periods that have run: data of users holding only those roles may be deleted here.";
        }
        else if (s.Status == RetentionStatus.NotExpired && !unexpired.IsEmpty && s.OwnDefaultExpired && s.OwnStatus == RetentionStatus.PartlyExpired)
        {
            text += $" Data of users with the role(s) {string.Join(", ", _roleLists.Of(unexpired))} is kept longer.";
        }

        return text;
    }

    private string AnchorText(int index, ref ContextState s, RetentionContext node)
    {
        var when = PeriodText.When(AnchorInstant(index, ref s)!.Value, _zone);
        var owner = s.AnchorFrom >= 0 ? _nodes[s.AnchorFrom] : node;
        var self = ReferenceEquals(owner, node);
        return s.AnchorKind switch
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

    private static string Describe(RetentionContext context) => PurposeResolver.Describe(context);
}
