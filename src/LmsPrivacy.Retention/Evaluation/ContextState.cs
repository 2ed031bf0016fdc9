using NodaTime;

namespace LmsPrivacy.Retention.Evaluation;

/// <summary>Which sentence explains a row (rendered only when the row's reason is read).</summary>
internal enum ReasonKind : byte
{
    /// <summary>Not evaluated yet.</summary>
    None = 0,

    /// <summary>The clock ran: the anchor, the period and what the children, roles, enrolments and activity did to it.</summary>
    Clock,

    /// <summary>The purpose's clock never starts: the anchor date is missing.</summary>
    NoAnchor,

    /// <summary>The system context.</summary>
    System,

    /// <summary>A course category.</summary>
    Category,

    /// <summary>No purpose resolves.</summary>
    NoPurpose,

    /// <summary>A site administrator's subtree.</summary>
    Administrator,

    /// <summary>The guest account's subtree.</summary>
    Guest,

    /// <summary>Neither in a course nor in a user's subtree, with a natural anchor.</summary>
    NoCourseOrUser,
}

/// <summary>
/// What an evaluation keeps per context. Kept to 56 bytes, because a large site has a million of these: the anchor
/// instant, the expiry and the public lists are made again from it when a row is read. It also copies the two facts of
/// the host's context the children-first pass needs (kind, last activity), so that pass does not read the host's
/// objects again.
/// </summary>
internal struct ContextState
{
    /// <summary>The latest activity in the context or below it, when <see cref="HasActivity"/>.</summary>
    public Instant Activity;

    /// <summary>The expired overridden roles as bits (see <see cref="RoleSet"/>; the first 64 roles of the registry).</summary>
    public ulong ExpiredBits;

    /// <summary>The unexpired overridden roles as bits.</summary>
    public ulong UnexpiredBits;

    /// <summary>The context the anchor comes from (the user, the course, the context with the host anchor), or -1.</summary>
    public int AnchorFrom;

    /// <summary>The child that keeps this context from expiring with it, or -1.</summary>
    public int BlockedBy;

    /// <summary>The course whose enrolment keeps a user, or -1.</summary>
    public int BlockingCourse;

    /// <summary>The effective purpose's <see cref="PurposePlan.Number"/> (0: none), when the registry has at most 65,535 purposes.</summary>
    public ushort Purpose;

    /// <summary>Which sentence explains the row.</summary>
    public ReasonKind Reason;

    /// <summary>Why the enrolment in <see cref="BlockingCourse"/> keeps the user: 1 no end date, 2 ends later, 3 not expired.</summary>
    public byte BlockingKind;

    private byte _status;
    private byte _ownStatus;
    private byte _anchorKind;
    private byte _kind;
    private Flag _flags;

    [Flags]
    private enum Flag : ushort
    {
        None = 0,
        HasActivity = 1,
        OwnDefaultExpired = 2,
        DefaultExpired = 4,
        ActivityFlag = 8,
        UserWaitsForRoles = 16,
        Administrator = 32,
        Guest = 64,
        AccountDeleted = 128,
        NoEndDate = 256,
        EndsAfterNow = 512,
    }

    /// <summary>Gets or sets the outcome.</summary>
    public RetentionStatus Status
    {
        readonly get => (RetentionStatus)_status;
        set => _status = (byte)value;
    }

    /// <summary>Gets or sets the outcome of the context's own clock, before the children were merged.</summary>
    public RetentionStatus OwnStatus
    {
        readonly get => (RetentionStatus)_ownStatus;
        set => _ownStatus = (byte)value;
    }

    /// <summary>Gets or sets where the clock starts.</summary>
    public AnchorKind AnchorKind
    {
        readonly get => (AnchorKind)_anchorKind;
        set => _anchorKind = (byte)value;
    }

    /// <summary>Gets or sets the context's kind (copied from the host's context).</summary>
    public Registry.ContextKind Kind
    {
        readonly get => (Registry.ContextKind)_kind;
        set => _kind = (byte)value;
    }

    /// <summary>Gets or sets whether <see cref="Activity"/> is set.</summary>
    public bool HasActivity
    {
        readonly get => Get(Flag.HasActivity);
        set => Set(Flag.HasActivity, value);
    }

    /// <summary>Gets or sets whether the purpose's own period has run (before the children are merged).</summary>
    public bool OwnDefaultExpired
    {
        readonly get => Get(Flag.OwnDefaultExpired);
        set => Set(Flag.OwnDefaultExpired, value);
    }

    /// <summary>Gets or sets whether the purpose's period has run here and in every child.</summary>
    public bool DefaultExpired
    {
        readonly get => Get(Flag.DefaultExpired);
        set => Set(Flag.DefaultExpired, value);
    }

    /// <summary>Gets or sets whether activity after the anchor turned the row into <see cref="RetentionStatus.NeedsReview"/>.</summary>
    public bool ActivityFlag
    {
        readonly get => Get(Flag.ActivityFlag);
        set => Set(Flag.ActivityFlag, value);
    }

    /// <summary>Gets or sets whether a user context waits for its longer roles.</summary>
    public bool UserWaitsForRoles
    {
        readonly get => Get(Flag.UserWaitsForRoles);
        set => Set(Flag.UserWaitsForRoles, value);
    }

    /// <summary>Gets or sets whether this user context is a site administrator (copied from the host's context).</summary>
    public bool IsAdministrator
    {
        readonly get => Get(Flag.Administrator);
        set => Set(Flag.Administrator, value);
    }

    /// <summary>Gets or sets whether this user context is the guest account.</summary>
    public bool IsGuest
    {
        readonly get => Get(Flag.Guest);
        set => Set(Flag.Guest, value);
    }

    /// <summary>Gets or sets whether this user's account was deleted (the anchor is the deletion).</summary>
    public bool AccountDeleted
    {
        readonly get => Get(Flag.AccountDeleted);
        set => Set(Flag.AccountDeleted, value);
    }

    /// <summary>Gets or sets whether this course has no end date.</summary>
    public bool NoEndDate
    {
        readonly get => Get(Flag.NoEndDate);
        set => Set(Flag.NoEndDate, value);
    }

    /// <summary>Gets or sets whether this course ends at or after the evaluation instant.</summary>
    public bool EndsAfterNow
    {
        readonly get => Get(Flag.EndsAfterNow);
        set => Set(Flag.EndsAfterNow, value);
    }

    /// <summary>Gets the latest activity, or <see langword="null"/>.</summary>
    public readonly Instant? LastActivity => HasActivity ? Activity : null;

    private readonly bool Get(Flag flag) => (_flags & flag) != 0;

    private void Set(Flag flag, bool value) => _flags = value ? _flags | flag : _flags & ~flag;
}
