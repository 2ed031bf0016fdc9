using System.Globalization;
using LmsPrivacy.Findings;
using NodaTime;

namespace LmsPrivacy.Retention.Registry;

/// <summary>
/// The data registry: purposes, categories, per-kind and per-module-type defaults, and per-context assignments
/// (research/moodle.md §2.1–§2.4). The context tree itself comes from the host (<see cref="IContextTree"/>).
/// </summary>
public sealed record RetentionRegistry
{
    /// <summary>Gets the purposes.</summary>
    public IReadOnlyList<Purpose> Purposes { get; init; } = [];

    /// <summary>Gets the descriptive data categories.</summary>
    public IReadOnlyList<DataCategoryDefinition> Categories { get; init; } = [];

    /// <summary>
    /// Gets the defaults per context kind. The <see cref="ContextKind.System"/> entry must name a purpose; the
    /// <see cref="ContextKind.User"/> entry falls back to the system one when not set or inherit.
    /// </summary>
    public IReadOnlyDictionary<ContextKind, SlotAssignment> KindDefaults { get; init; } = new Dictionary<ContextKind, SlotAssignment>();

    /// <summary>Gets the defaults per module type (for example <c>forum</c>), checked before the generic module default.</summary>
    public IReadOnlyDictionary<string, SlotAssignment> ModuleTypeDefaults { get; init; } = new Dictionary<string, SlotAssignment>(StringComparer.Ordinal);

    /// <summary>Gets the per-context assignments, by context id.</summary>
    public IReadOnlyDictionary<string, SlotAssignment> ContextAssignments { get; init; } = new Dictionary<string, SlotAssignment>(StringComparer.Ordinal);

    /// <summary>Finds a purpose by id.</summary>
    /// <param name="id">The purpose id.</param>
    /// <returns>The purpose, or <see langword="null"/>.</returns>
    public Purpose? FindPurpose(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        foreach (var purpose in Purposes)
        {
            if (string.Equals(purpose.Id, id, StringComparison.Ordinal))
            {
                return purpose;
            }
        }

        return null;
    }

    /// <summary>Finds a category by id.</summary>
    /// <param name="id">The category id.</param>
    /// <returns>The category, or <see langword="null"/>.</returns>
    public DataCategoryDefinition? FindCategory(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Categories.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal));
    }

    /// <summary>Checks the registry on its own (not against a tree): every problem as a finding, in a stable order.</summary>
    /// <returns>The findings; the registry is usable when none is an error.</returns>
    public ValidationReport Validate()
    {
        var findings = new List<Finding>();
        var purposeIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Purposes.Count; i++)
        {
            var purpose = Purposes[i];
            var path = Indexed("$.purposes", i);
            if (!purposeIds.Add(purpose.Id))
            {
                findings.Add(RetentionRules.PurposeDuplicate.At(path + ".id", "Another purpose already uses this id."));
            }

            if (purpose.LawfulBases.Count == 0)
            {
                findings.Add(RetentionRules.PurposeLawfulBasisMissing.At(path + ".lawfulBases", "The purpose names no lawful basis; add at least one (GDPR Art. 6(1))."));
            }

            CheckPeriod(purpose.Retention, path + ".retention", findings);
            var roles = new HashSet<string>(StringComparer.Ordinal);
            for (var r = 0; r < purpose.RoleOverrides.Count; r++)
            {
                var roleOverride = purpose.RoleOverrides[r];
                var rolePath = Indexed(path + ".roleOverrides", r);
                if (!roles.Add(roleOverride.Role))
                {
                    findings.Add(RetentionRules.RoleOverrideDuplicate.At(rolePath + ".role", "The purpose already overrides this role; one override per role."));
                }

                CheckPeriod(roleOverride.Retention, rolePath + ".retention", findings);
            }
        }

        var categoryIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Categories.Count; i++)
        {
            if (!categoryIds.Add(Categories[i].Id))
            {
                findings.Add(RetentionRules.CategoryDuplicate.At(Indexed("$.categories", i) + ".id", "Another category already uses this id."));
            }
        }

        if (!KindDefaults.TryGetValue(ContextKind.System, out var system) || !system.Purpose.HasValue)
        {
            findings.Add(RetentionRules.SystemPurposeMissing.At("$.defaults.system.purpose", "No system purpose is set; without it nothing can be evaluated (set a purpose on the system level)."));
        }

        foreach (var kind in Enum.GetValues<ContextKind>())
        {
            if (KindDefaults.TryGetValue(kind, out var slot))
            {
                CheckSlot(slot, "$.defaults." + kind.ToCode(), purposeIds, categoryIds, findings);
            }
        }

        foreach (var (type, slot) in ModuleTypeDefaults.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            CheckSlot(slot, "$.defaults.modules." + type, purposeIds, categoryIds, findings);
        }

        foreach (var (contextId, slot) in ContextAssignments.OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            CheckSlot(slot, "$.assignments." + contextId, purposeIds, categoryIds, findings);
        }

        return new ValidationReport(findings);
    }

    private static void CheckSlot(SlotAssignment slot, string path, HashSet<string> purposes, HashSet<string> categories, List<Finding> findings)
    {
        if (slot.Purpose.HasValue && !purposes.Contains(slot.Purpose.Id!))
        {
            findings.Add(RetentionRules.PurposeUnknown.At(path + ".purpose", "The assignment names a purpose that is not defined."));
        }

        if (slot.Category.HasValue && !categories.Contains(slot.Category.Id!))
        {
            findings.Add(RetentionRules.CategoryUnknown.At(path + ".category", "The assignment names a category that is not defined."));
        }
    }

    private static void CheckPeriod(Period period, string path, List<Finding> findings)
    {
        if (period.Years < 0 || period.Months < 0 || period.Weeks < 0 || period.Days < 0 || period.Hours < 0 || period.Minutes < 0
            || period.Seconds < 0 || period.Milliseconds < 0 || period.Ticks < 0 || period.Nanoseconds < 0)
        {
            findings.Add(RetentionRules.PeriodInvalid.At(path, "A retention period cannot be negative."));
        }
        else if (period.Equals(Period.Zero))
        {
            findings.Add(RetentionRules.PeriodZero.At(path, "A zero period expires data as soon as the anchor passes; it does not mean 'keep forever'."));
        }
    }

    private static string Indexed(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}[{i}]");
}
