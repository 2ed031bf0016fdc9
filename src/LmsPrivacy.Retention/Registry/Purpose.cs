using LmsPrivacy.Legal;
using NodaTime;

namespace LmsPrivacy.Retention.Registry;

/// <summary>Why personal data in a context is kept, on which lawful basis, and for how long (research/moodle.md §2.2).</summary>
public sealed record Purpose
{
    /// <summary>Gets the stable id the registry uses to refer to the purpose.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets an optional description for the privacy officer.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the lawful bases (GDPR Art. 6(1)); at least one is required.</summary>
    public IReadOnlyList<LawfulBasis> LawfulBases { get; init; } = [];

    /// <summary>Gets the special-category conditions (GDPR Art. 9(2)), if the purpose processes special-category data.</summary>
    public IReadOnlyList<SpecialCategoryCondition> SpecialCategoryConditions { get; init; } = [];

    /// <summary>Gets the retention period, counted from the anchor with calendar arithmetic (ISO 8601 duration such as <c>P5Y</c>).</summary>
    public required Period Retention { get; init; }

    /// <summary>
    /// Gets whether the data is protected: while the retention clock runs, a data subject's erasure request does not
    /// remove it (it goes when the period ends).
    /// </summary>
    public bool Protected { get; init; }

    /// <summary>Gets per-role overrides of the retention period and protection.</summary>
    public IReadOnlyList<RoleOverride> RoleOverrides { get; init; } = [];

    /// <summary>Gets where the clock starts for contexts under this purpose (default: course end or user last access).</summary>
    public AnchorRule Anchor { get; init; } = AnchorRule.Natural;
}

/// <summary>A per-role override of a purpose's retention period and protection (Moodle <c>purpose_override</c>).</summary>
public sealed record RoleOverride
{
    /// <summary>Gets the role name, such as <c>editingteacher</c>.</summary>
    public required string Role { get; init; }

    /// <summary>Gets the retention period for users holding this role.</summary>
    public required Period Retention { get; init; }

    /// <summary>Gets whether this role's data is protected against erasure requests while its clock runs.</summary>
    public bool Protected { get; init; }
}

/// <summary>A descriptive data category ("types of data"). It has no effect on expiry (research/moodle.md §2.3).</summary>
public sealed record DataCategoryDefinition
{
    /// <summary>Gets the stable id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets an optional description.</summary>
    public string? Description { get; init; }
}

/// <summary>What the retention clock of a purpose runs from.</summary>
public enum AnchorRuleKind
{
    /// <summary>The course end date in a course subtree, the user's last access in a user subtree (Moodle's behaviour).</summary>
    Natural = 0,

    /// <summary>A fixed calendar date (start of that day in the configured time zone).</summary>
    FixedDate = 1,

    /// <summary>A date the host supplies per context (<see cref="RetentionContext.HostAnchor"/>).</summary>
    Host = 2,
}

/// <summary>Where a purpose's retention clock starts.</summary>
/// <param name="Kind">The kind of anchor.</param>
/// <param name="Date">The date, for <see cref="AnchorRuleKind.FixedDate"/>.</param>
public readonly record struct AnchorRule(AnchorRuleKind Kind, LocalDate? Date)
{
    /// <summary>Gets the natural anchor: course end date or user last access.</summary>
    public static AnchorRule Natural => default;

    /// <summary>Gets the host-provided anchor.</summary>
    public static AnchorRule Host => new(AnchorRuleKind.Host, null);

    /// <summary>Creates a fixed-date anchor.</summary>
    /// <param name="date">The calendar date the clock starts at (start of day in the configured zone).</param>
    /// <returns>The anchor rule.</returns>
    public static AnchorRule Fixed(LocalDate date) => new(AnchorRuleKind.FixedDate, date);
}
