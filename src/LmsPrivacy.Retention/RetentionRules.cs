using LmsPrivacy.Findings;

namespace LmsPrivacy.Retention;

/// <summary>The rule catalog of LmsPrivacy.Retention: every finding the package reports. Codes are public contract.</summary>
public static class RetentionRules
{
    private const string Moodle24 = "research/moodle.md §2.4 (tool_dataprivacy data_registry)";

    /// <summary>The registry document is not well-formed JSON.</summary>
    public static RuleDescriptor DocumentMalformed { get; } = new("retention.document.malformed", "The registry document is well-formed JSON", FindingSeverity.Error, "RFC 8259; docs/schemas/retention-registry.schema.json");

    /// <summary>A member of the registry document is missing or of the wrong type or form.</summary>
    public static RuleDescriptor DocumentInvalid { get; } = new("retention.document.invalid", "The registry document follows its JSON Schema", FindingSeverity.Error, "docs/schemas/retention-registry.schema.json");

    /// <summary>The document exceeds a size, count or depth limit.</summary>
    public static RuleDescriptor DocumentLimit { get; } = new("retention.document.limit", "The registry stays within the count and depth limits", FindingSeverity.Error, "DESIGN.md §5 (hostile input)");

    /// <summary>The configured time zone is not a known IANA zone.</summary>
    public static RuleDescriptor TimeZoneUnknown { get; } = new("retention.document.time_zone.unknown", "The time zone is a known IANA time zone id", FindingSeverity.Error, "IANA tz database; NodaTime DateTimeZoneProviders.Tzdb");

    /// <summary>Two purposes share an id.</summary>
    public static RuleDescriptor PurposeDuplicate { get; } = new("retention.purpose.duplicate", "Purpose ids are unique", FindingSeverity.Error, "research/moodle.md §2.2");

    /// <summary>A purpose names no lawful basis.</summary>
    public static RuleDescriptor PurposeLawfulBasisMissing { get; } = new("retention.purpose.lawful_basis.missing", "Every purpose names at least one lawful basis", FindingSeverity.Error, "GDPR Art. 6(1); research/moodle.md §2.2 (required in Moodle's form)");

    /// <summary>An assignment names an undefined purpose.</summary>
    public static RuleDescriptor PurposeUnknown { get; } = new("retention.purpose.unknown", "Assignments name defined purposes", FindingSeverity.Error, Moodle24);

    /// <summary>A retention period is negative or not an ISO 8601 duration.</summary>
    public static RuleDescriptor PeriodInvalid { get; } = new("retention.purpose.period.invalid", "Retention periods are non-negative ISO 8601 durations", FindingSeverity.Error, "ISO 8601-1:2019 §5.5.2; research/moodle.md §2.2");

    /// <summary>A retention period is zero, which expires data as soon as the anchor passes.</summary>
    public static RuleDescriptor PeriodZero { get; } = new("retention.purpose.period.zero", "A zero retention period means 'delete at the anchor', not 'keep forever'", FindingSeverity.Warning, "research/moodle.md §2.5.9 #3");

    /// <summary>A purpose overrides the same role twice.</summary>
    public static RuleDescriptor RoleOverrideDuplicate { get; } = new("retention.purpose.role_override.duplicate", "A purpose overrides each role at most once", FindingSeverity.Error, "research/moodle.md §2.2 (duplicaterole)");

    /// <summary>Two categories share an id.</summary>
    public static RuleDescriptor CategoryDuplicate { get; } = new("retention.category.duplicate", "Category ids are unique", FindingSeverity.Error, "research/moodle.md §2.3");

    /// <summary>An assignment names an undefined category.</summary>
    public static RuleDescriptor CategoryUnknown { get; } = new("retention.category.unknown", "Assignments name defined categories", FindingSeverity.Error, Moodle24);

    /// <summary>The system level has no purpose, so nothing resolves.</summary>
    public static RuleDescriptor SystemPurposeMissing { get; } = new("retention.registry.system_purpose.missing", "The system level names a purpose", FindingSeverity.Error, "research/moodle.md §2.4 (defaults_set)");

    /// <summary>Two contexts share an id.</summary>
    public static RuleDescriptor ContextDuplicate { get; } = new("retention.context.duplicate", "Context ids are unique", FindingSeverity.Error, "research/moodle.md §2.4");

    /// <summary>The tree does not have exactly one system root.</summary>
    public static RuleDescriptor ContextRoot { get; } = new("retention.context.root", "The tree has exactly one system context, at its root", FindingSeverity.Error, "research/moodle.md §2.4");

    /// <summary>A context's parent is missing.</summary>
    public static RuleDescriptor ContextParentUnknown { get; } = new("retention.context.parent.unknown", "Every context's parent exists", FindingSeverity.Error, "research/moodle.md §2.4");

    /// <summary>Parent links form a loop.</summary>
    public static RuleDescriptor ContextCycle { get; } = new("retention.context.cycle", "Parent links reach the system context without looping", FindingSeverity.Error, "research/moodle.md §2.4");

    /// <summary>A context sits under a kind it cannot sit under.</summary>
    public static RuleDescriptor ContextKindPlacement { get; } = new("retention.context.kind.placement", "Contexts nest as system › user | category › course › module, blocks under course, module, user or system", FindingSeverity.Error, "research/moodle.md §2.4");

    /// <summary>An enrolment names no course in the tree.</summary>
    public static RuleDescriptor ContextEnrolmentUnknown { get; } = new("retention.context.enrolment.unknown", "Enrolments name course contexts of the tree", FindingSeverity.Error, "research/moodle.md §2.5.3");

    /// <summary>An assignment is ignored (it targets a user subtree or a context that is not in the tree).</summary>
    public static RuleDescriptor AssignmentIgnored { get; } = new("retention.context.assignment.ignored", "Per-context assignments target contexts that can have their own purpose", FindingSeverity.Warning, "research/moodle.md §2.4 (user subtree rule)");

    /// <summary>A context's retention clock never starts: its anchor date is missing.</summary>
    public static RuleDescriptor AnchorMissing { get; } = new("retention.anchor.missing", "Every context's retention clock has an anchor date", FindingSeverity.Warning, "GDPR Art. 5(1)(e); research/moodle.md §2.5.1, §5 #1");

    /// <summary>A context whose period has run saw activity after its anchor: a person must review it before deletion.</summary>
    public static RuleDescriptor ActivityAfterAnchor { get; } = new("retention.activity.after_anchor", "Expired contexts saw no activity after their anchor", FindingSeverity.Warning, "research/moodle.md §5 #2 (MDL-71316)");

    /// <summary>Gets every rule, in catalog order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        DocumentMalformed, DocumentInvalid, DocumentLimit, TimeZoneUnknown,
        PurposeDuplicate, PurposeLawfulBasisMissing, PurposeUnknown, PeriodInvalid, PeriodZero, RoleOverrideDuplicate,
        CategoryDuplicate, CategoryUnknown, SystemPurposeMissing,
        ContextDuplicate, ContextRoot, ContextParentUnknown, ContextCycle, ContextKindPlacement, ContextEnrolmentUnknown, AssignmentIgnored,
        AnchorMissing, ActivityAfterAnchor,
    ];
}
