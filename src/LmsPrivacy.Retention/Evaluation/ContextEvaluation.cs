using LmsPrivacy.Retention.Registry;
using NodaTime;

namespace LmsPrivacy.Retention.Evaluation;

/// <summary>The evaluation of one context at one instant (one row of the report).</summary>
public sealed record ContextEvaluation
{
    private string? _reason;

    /// <summary>Gets the context id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the context kind.</summary>
    public required ContextKind Kind { get; init; }

    /// <summary>Gets the parent's id.</summary>
    public string? ParentId { get; init; }

    /// <summary>Gets the outcome.</summary>
    public required RetentionStatus Status { get; init; }

    /// <summary>Gets the effective purpose id (<see langword="null"/> when nothing resolves).</summary>
    public string? PurposeId { get; init; }

    /// <summary>Gets the anchor the clock runs from.</summary>
    public Anchor Anchor { get; init; }

    /// <summary>Gets when the purpose's own period ends (<see langword="null"/> without an anchor or purpose).</summary>
    public Instant? ExpiresAt { get; init; }

    /// <summary>Gets whether the purpose's own period has run, after merging the children.</summary>
    public bool DefaultExpired { get; init; }

    /// <summary>Gets whether the purpose is protected against erasure requests while its clock runs.</summary>
    public bool DefaultProtected { get; init; }

    /// <summary>Gets the overridden roles whose period has run, when the default has not (empty when the default has run: all roles then go except the unexpired ones).</summary>
    public IReadOnlyList<string> ExpiredRoles { get; init; } = [];

    /// <summary>Gets the overridden roles whose period is still running (here or in a child context).</summary>
    public IReadOnlyList<string> UnexpiredRoles { get; init; } = [];

    /// <summary>Gets the unexpired overridden roles that are protected.</summary>
    public IReadOnlyList<string> ProtectedRoles { get; init; } = [];

    /// <summary>Gets the latest activity in this context or below it.</summary>
    public Instant? LastActivity { get; init; }

    /// <summary>Gets the reason for the status, in words a privacy officer can read (rendered on first read).</summary>
    public string Reason
    {
        get => _reason ??= Renderer?.BuildReason(RendererIndex) ?? string.Empty;
        init => _reason = value;
    }

    /// <summary>Renders the reason on demand; set by the evaluator so a large evaluation does not build every sentence.</summary>
    internal IReasonRenderer? Renderer { get; init; }

    /// <summary>The row's position for <see cref="Renderer"/>.</summary>
    internal int RendererIndex { get; init; }

    /// <summary>
    /// Compares two rows by what they say: every public property, the role lists element by element and the reason
    /// text (rendered if need be), so rows of two evaluations of the same data are equal whether or not their reasons
    /// were read yet.
    /// </summary>
    /// <param name="other">The other row.</param>
    /// <returns><see langword="true"/> when every public property is equal.</returns>
    public bool Equals(ContextEvaluation? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (string.Equals(Id, other.Id, StringComparison.Ordinal)
                && Kind == other.Kind
                && string.Equals(ParentId, other.ParentId, StringComparison.Ordinal)
                && Status == other.Status
                && string.Equals(PurposeId, other.PurposeId, StringComparison.Ordinal)
                && Anchor == other.Anchor
                && ExpiresAt == other.ExpiresAt
                && DefaultExpired == other.DefaultExpired
                && DefaultProtected == other.DefaultProtected
                && ExpiredRoles.SequenceEqual(other.ExpiredRoles, StringComparer.Ordinal)
                && UnexpiredRoles.SequenceEqual(other.UnexpiredRoles, StringComparer.Ordinal)
                && ProtectedRoles.SequenceEqual(other.ProtectedRoles, StringComparer.Ordinal)
                && LastActivity == other.LastActivity
                && string.Equals(Reason, other.Reason, StringComparison.Ordinal)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Status, PurposeId, Anchor, ExpiresAt, LastActivity);

    /// <summary>Gets whether the whole context may be deleted (<see cref="RetentionStatus.Expired"/>).</summary>
    public bool IsFullyExpired => Status == RetentionStatus.Expired;

    /// <summary>Gets whether the data of a user holding <paramref name="role"/> (and only deletable roles) may be deleted here.</summary>
    /// <param name="role">The role name.</param>
    /// <returns><see langword="true"/> when the role's period has run here and in every child.</returns>
    public bool IsRoleExpired(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        if (Status is not (RetentionStatus.Expired or RetentionStatus.PartlyExpired))
        {
            return false;
        }

        if (UnexpiredRoles.Contains(role, StringComparer.Ordinal))
        {
            return false;
        }

        return DefaultExpired || ExpiredRoles.Contains(role, StringComparer.Ordinal);
    }
}

/// <summary>Counts per status.</summary>
/// <param name="Contexts">Every context evaluated.</param>
/// <param name="Expired">Wholly deletable.</param>
/// <param name="PartlyExpired">Deletable for some users.</param>
/// <param name="NotExpired">Still running.</param>
/// <param name="NoAnchor">Clock never starts.</param>
/// <param name="Ineligible">Never deleted by retention.</param>
/// <param name="NeedsReview">Expired but with activity after the anchor.</param>
public sealed record RetentionSummary(int Contexts, int Expired, int PartlyExpired, int NotExpired, int NoAnchor, int Ineligible, int NeedsReview);

/// <summary>The result of evaluating a registry over a tree at one instant.</summary>
public sealed class RetentionReport
{
    private Dictionary<string, int>? _index;

    /// <summary>Initializes a report.</summary>
    /// <param name="evaluatedAt">The evaluation instant.</param>
    /// <param name="contexts">The rows, parents before children.</param>
    /// <param name="findings">Registry problems, missing anchors and review flags.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public RetentionReport(Instant evaluatedAt, IReadOnlyList<ContextEvaluation> contexts, IReadOnlyList<Findings.Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        ArgumentNullException.ThrowIfNull(findings);
        EvaluatedAt = evaluatedAt;
        Contexts = contexts;
        Findings = findings;
        if (contexts is EvaluationRows rows)
        {
            Summary = rows.Summary; // counted by the evaluation: reading it must not make every row
            return;
        }

        var counter = default(StatusCounter);
        foreach (var row in contexts)
        {
            counter.Add(row.Status);
        }

        Summary = counter.ToSummary();
    }

    /// <summary>Gets the evaluation instant.</summary>
    public Instant EvaluatedAt { get; }

    /// <summary>Gets one row per context, parents before children.</summary>
    public IReadOnlyList<ContextEvaluation> Contexts { get; }

    /// <summary>Gets the counts per status.</summary>
    public RetentionSummary Summary { get; }

    /// <summary>Gets the findings (registry problems, a warning per context without anchor, a warning per context needing review).</summary>
    public IReadOnlyList<Findings.Finding> Findings { get; }

    /// <summary>Gets whether the report has no error finding (the registry could be evaluated).</summary>
    public bool IsValid => !Findings.Any(static f => f.IsError);

    /// <summary>Finds the row of a context.</summary>
    /// <param name="contextId">The context id.</param>
    /// <returns>The row, or <see langword="null"/>.</returns>
    public ContextEvaluation? Find(string contextId)
    {
        ArgumentNullException.ThrowIfNull(contextId);
        if (_index is null)
        {
            var index = new Dictionary<string, int>(Contexts.Count, StringComparer.Ordinal);
            var rows = Contexts as EvaluationRows;
            for (var i = 0; i < Contexts.Count; i++)
            {
                index[rows?.IdAt(i) ?? Contexts[i].Id] = i;
            }

            _index = index;
        }

        return _index.TryGetValue(contextId, out var at) ? Contexts[at] : null;
    }
}

/// <summary>Counts rows per status for a <see cref="RetentionSummary"/>.</summary>
internal struct StatusCounter
{
    private int _contexts, _expired, _partly, _notExpired, _noAnchor, _ineligible, _review;

    /// <summary>Counts one row.</summary>
    public void Add(RetentionStatus status)
    {
        _contexts++;
        switch (status)
        {
            case RetentionStatus.Expired: _expired++; break;
            case RetentionStatus.PartlyExpired: _partly++; break;
            case RetentionStatus.NotExpired: _notExpired++; break;
            case RetentionStatus.NoAnchor: _noAnchor++; break;
            case RetentionStatus.Ineligible: _ineligible++; break;
            default: _review++; break;
        }
    }

    /// <summary>Gets the summary of the rows counted.</summary>
    public readonly RetentionSummary ToSummary() => new(_contexts, _expired, _partly, _notExpired, _noAnchor, _ineligible, _review);
}

/// <summary>Renders a row's reason from the evaluation's state.</summary>
internal interface IReasonRenderer
{
    /// <summary>Renders the reason of row <paramref name="index"/>.</summary>
    string BuildReason(int index);
}
