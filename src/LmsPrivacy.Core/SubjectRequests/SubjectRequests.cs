using NodaTime;

namespace LmsPrivacy.SubjectRequests;

/// <summary>What a data subject asks for.</summary>
public enum SubjectRequestKind
{
    /// <summary>Right of access, GDPR Art. 15 (and portability, Art. 20): one package with everything held.</summary>
    Access,

    /// <summary>Right to erasure, GDPR Art. 17: every store erases or anonymises the subject's data.</summary>
    Erasure,
}

/// <summary>
/// A request as received: not yet checked (identity, scope), so no store accepts it. Call <see cref="Approve"/> to get
/// the <see cref="ApprovedSubjectRequest"/> that export and erasure require (Moodle's candidate vs approved lists).
/// </summary>
/// <param name="Id">The request id (used as the journal key); opaque, carries no personal data.</param>
/// <param name="Kind">Access or erasure.</param>
/// <param name="Subject">Who the request is about.</param>
/// <param name="ReceivedAt">When the controller received the request; the deadline runs from here.</param>
/// <param name="Due">The last day to answer, from an <see cref="ISubjectRequestDueDateCalculator"/>.</param>
public sealed record CandidateSubjectRequest(string Id, SubjectRequestKind Kind, DataSubject Subject, Instant ReceivedAt, LocalDate Due)
{
    /// <summary>Approves the request: the identity is verified and the request is in scope.</summary>
    /// <param name="approvedBy">Who approved (an operator id or a system name; not the subject's identity).</param>
    /// <param name="approvedAt">When it was approved.</param>
    /// <returns>The approved request stores accept.</returns>
    /// <exception cref="ArgumentException"><paramref name="approvedBy"/> is empty, or the request's fields are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="approvedAt"/> is before <see cref="ReceivedAt"/>.</exception>
    public ApprovedSubjectRequest Approve(string approvedBy, Instant approvedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(approvedBy);
        ArgumentException.ThrowIfNullOrEmpty(Id);
        ArgumentNullException.ThrowIfNull(Subject);
        if (approvedAt < ReceivedAt)
        {
            throw new ArgumentOutOfRangeException(nameof(approvedAt), "A request cannot be approved before it was received.");
        }

        return new ApprovedSubjectRequest(this, approvedBy, approvedAt);
    }
}

/// <summary>
/// A request that passed approval. It can only be created by <see cref="CandidateSubjectRequest.Approve"/>, so a store's
/// export and erase methods, which take this type, never run on an unchecked request.
/// </summary>
public sealed record ApprovedSubjectRequest
{
    internal ApprovedSubjectRequest(CandidateSubjectRequest candidate, string approvedBy, Instant approvedAt)
    {
        Candidate = candidate;
        ApprovedBy = approvedBy;
        ApprovedAt = approvedAt;
    }

    /// <summary>Gets the request as it was received.</summary>
    public CandidateSubjectRequest Candidate { get; }

    /// <summary>Gets the request id.</summary>
    public string Id => Candidate.Id;

    /// <summary>Gets whether this is an access or an erasure request.</summary>
    public SubjectRequestKind Kind => Candidate.Kind;

    /// <summary>Gets the subject.</summary>
    public DataSubject Subject => Candidate.Subject;

    /// <summary>Gets when the request was received.</summary>
    public Instant ReceivedAt => Candidate.ReceivedAt;

    /// <summary>Gets the last day to answer.</summary>
    public LocalDate Due => Candidate.Due;

    /// <summary>Gets who approved the request.</summary>
    public string ApprovedBy { get; }

    /// <summary>Gets when the request was approved.</summary>
    public Instant ApprovedAt { get; }
}

/// <summary>Computes the day by which a subject request must be answered.</summary>
/// <remarks>
/// The default, <see cref="OneMonthDueDateCalculator"/>, is received + one calendar month. Plug in Core's GDPR deadline
/// rules (Reg. 1182/71: the receipt day not counted, weekends and public holidays rolled forward) by implementing this
/// interface over them and registering it in DI before <c>AddLmsPrivacySubjectRequests</c>.
/// </remarks>
public interface ISubjectRequestDueDateCalculator
{
    /// <summary>Returns the last day to answer a request received at <paramref name="receivedAt"/>.</summary>
    /// <param name="receivedAt">When the request was received.</param>
    /// <param name="kind">The kind of request.</param>
    /// <returns>The due date, in the controller's time zone.</returns>
    LocalDate CalculateDue(Instant receivedAt, SubjectRequestKind kind);
}

/// <summary>Due date = the receipt date in a time zone plus one calendar month (a missing day becomes the month's last day).</summary>
/// <remarks>
/// A simple stand-in for GDPR Art. 12(3): it does not roll weekends or public holidays forward and never extends.
/// 31 January → 28/29 February; 5 March → 5 April.
/// </remarks>
public sealed class OneMonthDueDateCalculator : ISubjectRequestDueDateCalculator
{
    private readonly DateTimeZone _zone;

    /// <summary>Initializes the calculator in UTC.</summary>
    public OneMonthDueDateCalculator()
        : this(DateTimeZone.Utc)
    {
    }

    /// <summary>Initializes the calculator in the controller's time zone.</summary>
    /// <param name="zone">The zone in which the receipt date is read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public OneMonthDueDateCalculator(DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _zone = zone;
    }

    /// <inheritdoc/>
    public LocalDate CalculateDue(Instant receivedAt, SubjectRequestKind kind) =>
        receivedAt.InZone(_zone).Date.PlusMonths(1);
}

/// <summary>Receives subject requests: stamps the receipt time from the clock, an id and the due date.</summary>
public sealed class SubjectRequestIntake
{
    private readonly IClock _clock;
    private readonly ISubjectRequestDueDateCalculator _due;

    /// <summary>Initializes the intake.</summary>
    /// <param name="clock">The clock giving the receipt time.</param>
    /// <param name="dueDateCalculator">The due-date rule; <see langword="null"/> means <see cref="OneMonthDueDateCalculator"/> in UTC.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public SubjectRequestIntake(IClock clock, ISubjectRequestDueDateCalculator? dueDateCalculator = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _due = dueDateCalculator ?? new OneMonthDueDateCalculator();
    }

    /// <summary>Records a request received now.</summary>
    /// <param name="kind">Access or erasure.</param>
    /// <param name="subject">Who it is about.</param>
    /// <param name="requestId">The id to use; <see langword="null"/> creates a random one.</param>
    /// <returns>The candidate request, to be approved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/> is null.</exception>
    public CandidateSubjectRequest Receive(SubjectRequestKind kind, DataSubject subject, string? requestId = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var now = _clock.GetCurrentInstant();
        var id = requestId ?? $"dsr-{Guid.NewGuid():N}";
        ArgumentException.ThrowIfNullOrEmpty(id, nameof(requestId));
        return new CandidateSubjectRequest(id, kind, subject, now, _due.CalculateDue(now, kind));
    }
}
