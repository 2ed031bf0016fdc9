using LmsPrivacy.Deadlines;
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
    /// <summary>
    /// Gets the last day on which the subject must be told of an extension and its reasons (the end of the first month,
    /// Art. 12(3)); equal to <see cref="Due"/> unless <see cref="Extended"/>.
    /// </summary>
    public LocalDate ExtensionNoticeDue { get; init; } = Due;

    /// <summary>Gets a value indicating whether <see cref="Due"/> includes the two-month extension of Art. 12(3).</summary>
    public bool Extended { get; init; }

    /// <summary>Gets how <see cref="Due"/> was counted, in words (rule, holidays skipped), or <see langword="null"/> when the caller set it.</summary>
    public string? DueReason { get; init; }

    /// <summary>Creates a request whose due date, extension-notice date and reason come from a computed deadline.</summary>
    /// <param name="id">The request id.</param>
    /// <param name="kind">Access or erasure.</param>
    /// <param name="subject">Who the request is about.</param>
    /// <param name="receivedAt">When the request was received.</param>
    /// <param name="deadline">The deadline, e.g. from <see cref="GdprDueDateCalculator"/>.</param>
    /// <returns>The candidate request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="deadline"/> or <paramref name="subject"/> is null.</exception>
    public static CandidateSubjectRequest FromDeadline(string id, SubjectRequestKind kind, DataSubject subject, Instant receivedAt, SubjectRequestDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(deadline);
        return new CandidateSubjectRequest(id, kind, subject, receivedAt, deadline.Due)
        {
            ExtensionNoticeDue = deadline.ExtensionNoticeDue,
            Extended = deadline.Extended,
            DueReason = deadline.Reason,
        };
    }

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

    /// <summary>Gets the last day to tell the subject of an extension (see <see cref="CandidateSubjectRequest.ExtensionNoticeDue"/>).</summary>
    public LocalDate ExtensionNoticeDue => Candidate.ExtensionNoticeDue;

    /// <summary>Gets a value indicating whether the due date includes the two-month extension.</summary>
    public bool Extended => Candidate.Extended;

    /// <summary>Gets how the due date was counted, in words, when known.</summary>
    public string? DueReason => Candidate.DueReason;

    /// <summary>Gets who approved the request.</summary>
    public string ApprovedBy { get; }

    /// <summary>Gets when the request was approved.</summary>
    public Instant ApprovedAt { get; }
}

/// <summary>Computes the day by which a subject request must be answered.</summary>
/// <remarks>
/// The default, <see cref="GdprDueDateCalculator"/>, applies Art. 12(3) GDPR counted per Regulation 1182/71 (or the ICO's
/// counting for UK GDPR) with a country's public holidays, over <see cref="DeadlineCalculator"/>. Register another
/// implementation before <c>AddLmsPrivacySubjectRequests</c> to replace it.
/// </remarks>
public interface ISubjectRequestDueDateCalculator
{
    /// <summary>Returns the deadline of a request received at <paramref name="receivedAt"/>.</summary>
    /// <param name="receivedAt">When the request was received.</param>
    /// <param name="kind">The kind of request.</param>
    /// <param name="extended">Whether the two-month extension of Art. 12(3) applies.</param>
    /// <returns>The due date, the extension-notice date and the reason.</returns>
    SubjectRequestDeadline Calculate(Instant receivedAt, SubjectRequestKind kind, bool extended);
}

/// <summary>
/// The default due-date rule: Art. 12(3) GDPR — one month from receipt, extendable by two months — counted per Regulation
/// (EEC, Euratom) No 1182/71 (<see cref="DeadlineProfile.Eu"/>) or as the ICO counts (<see cref="DeadlineProfile.Uk"/>),
/// an end on a weekend or a public holiday of the configured country moving to the next working day.
/// </summary>
/// <remarks>
/// The receipt instant is read as a date in the controller's time zone. Received Thursday 5 March 2026 in Austria: the
/// month ends Sunday 5 April (Easter), Monday 6 April is Easter Monday, so the request is due Tuesday 7 April 2026.
/// </remarks>
public sealed class GdprDueDateCalculator : ISubjectRequestDueDateCalculator
{
    private readonly DeadlineCalculator _calculator;

    /// <summary>Initializes the calculator with EU counting, weekends only (no country) and UTC.</summary>
    public GdprDueDateCalculator()
        : this(DeadlineProfile.Eu, null, null, null)
    {
    }

    /// <summary>Initializes the calculator.</summary>
    /// <param name="profile">EU (Regulation 1182/71) or UK (ICO) counting.</param>
    /// <param name="country">
    /// Whose public holidays apply: an EU/EEA code with <see cref="DeadlineProfile.Eu"/>, <c>GB</c>, <c>GB-SCT</c> or
    /// <c>GB-NIR</c> with <see cref="DeadlineProfile.Uk"/>, a code of the host's calendar provider, or <see langword="null"/>
    /// for Saturdays and Sundays only.
    /// </param>
    /// <param name="zone">The controller's time zone, in which the receipt date is read; <see langword="null"/> for UTC.</param>
    /// <param name="calculator">The deadline service (its holiday-calendar provider resolves <paramref name="country"/>); <see langword="null"/> for the built-in calendars.</param>
    /// <exception cref="ArgumentException"><paramref name="country"/> is unknown or does not fit <paramref name="profile"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="profile"/> is undefined.</exception>
    public GdprDueDateCalculator(DeadlineProfile profile, string? country, DateTimeZone? zone = null, DeadlineCalculator? calculator = null)
    {
        _calculator = calculator ?? new DeadlineCalculator();
        Profile = profile;
        Country = string.IsNullOrWhiteSpace(country) ? null : country.Trim();
        Zone = zone ?? DateTimeZone.Utc;

        // Misconfiguration shows at start-up, not on the first request.
        _ = _calculator.SubjectRequest(new LocalDate(2026, 1, 1), Profile, Country);
    }

    /// <summary>Gets the counting rules.</summary>
    public DeadlineProfile Profile { get; }

    /// <summary>Gets the holiday calendar's code, or <see langword="null"/> for weekends only.</summary>
    public string? Country { get; }

    /// <summary>Gets the zone in which the receipt date is read.</summary>
    public DateTimeZone Zone { get; }

    /// <inheritdoc/>
    public SubjectRequestDeadline Calculate(Instant receivedAt, SubjectRequestKind kind, bool extended) =>
        _calculator.SubjectRequest(receivedAt.InZone(Zone).Date, Profile, Country, extended);
}

/// <summary>Receives subject requests: stamps the receipt time from the clock, an id and the due date.</summary>
public sealed class SubjectRequestIntake
{
    private readonly IClock _clock;
    private readonly ISubjectRequestDueDateCalculator _due;

    /// <summary>Initializes the intake.</summary>
    /// <param name="clock">The clock giving the receipt time.</param>
    /// <param name="dueDateCalculator">The due-date rule; <see langword="null"/> means <see cref="GdprDueDateCalculator"/> with EU counting, no country, UTC.</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public SubjectRequestIntake(IClock clock, ISubjectRequestDueDateCalculator? dueDateCalculator = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _due = dueDateCalculator ?? new GdprDueDateCalculator();
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
        return CandidateSubjectRequest.FromDeadline(id, kind, subject, now, _due.Calculate(now, kind, extended: false));
    }

    /// <summary>
    /// Extends a request by the two further months of Art. 12(3) (complex or numerous requests): the due date moves, and
    /// <see cref="CandidateSubjectRequest.ExtensionNoticeDue"/> says by when the subject must be told, with the reasons.
    /// </summary>
    /// <param name="request">The request as received.</param>
    /// <returns>The request with the extended deadline (unchanged id, subject and receipt time).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public CandidateSubjectRequest Extend(CandidateSubjectRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deadline = _due.Calculate(request.ReceivedAt, request.Kind, extended: true);
        return request with
        {
            Due = deadline.Due,
            ExtensionNoticeDue = deadline.ExtensionNoticeDue,
            Extended = true,
            DueReason = deadline.Reason,
        };
    }
}
