using LmsPrivacy.Classification;

namespace LmsPrivacy.Lti.Minimization;

/// <summary>What a processing purpose needs from a launch: the data categories to keep (GDPR Art. 5(1)(c)).</summary>
public sealed record LtiMinimizationPolicy
{
    /// <summary>Initializes a policy.</summary>
    /// <param name="keep">The categories the purpose needs; claims of every other category are dropped.</param>
    public LtiMinimizationPolicy(params IEnumerable<DataCategory> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        Keep = keep.ToHashSet();
    }

    /// <summary>Gets the categories kept.</summary>
    public IReadOnlySet<DataCategory> Keep { get; }

    /// <summary>Gets a value indicating whether the LTI 1.1 migration claims (<c>lti1p1</c>, <c>lti11_legacy_user_id</c>) are dropped whatever their category: set it once the tool has migrated its records.</summary>
    public bool DropMigrationClaims { get; init; }

    /// <summary>Gets a policy for running the launch without knowing who the learner is: technical claims, the pseudonymous <c>sub</c> and context.</summary>
    public static LtiMinimizationPolicy Pseudonymous { get; } =
        new(DataCategory.Technical, DataCategory.PseudonymousIdentifier, DataCategory.QuasiIdentifier, DataCategory.Preference) { DropMigrationClaims = true };
}
