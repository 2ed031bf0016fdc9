using LmsPrivacy.Retention.Registry;
using NodaTime;

namespace LmsPrivacy.Retention.Evaluation;

/// <summary>A purpose prepared once per evaluator: its role overrides as bits, and its protected roles as a set.</summary>
internal sealed class PurposePlan
{
    public PurposePlan(Purpose purpose, RoleUniverse roles, int number)
    {
        Purpose = purpose;
        Number = number;
        var overrides = new List<(int Bit, Period Retention)>(purpose.RoleOverrides.Count);
        foreach (var roleOverride in purpose.RoleOverrides)
        {
            if (roleOverride?.Role is null)
            {
                continue; // a malformed registry is reported by its validation, not here
            }

            var bit = roles.BitOf(roleOverride.Role);
            overrides.Add((bit, roleOverride.Retention));
            if (roleOverride.Protected)
            {
                ProtectedRoles = ProtectedRoles.Union(RoleSet.Of(bit));
            }
        }

        Overrides = [.. overrides];
    }

    /// <summary>Gets the plan's number in <see cref="RetentionEvaluator.PlanAt"/>, from 1 (0 means no purpose).</summary>
    public int Number { get; }

    /// <summary>Gets the purpose.</summary>
    public Purpose Purpose { get; }

    /// <summary>Gets the role overrides: the role's bit and its period, in registry order.</summary>
    public (int Bit, Period Retention)[] Overrides { get; }

    /// <summary>Gets the overridden roles marked protected.</summary>
    public RoleSet ProtectedRoles { get; }
}
