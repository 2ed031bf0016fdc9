namespace LmsPrivacy.Retention.Registry;

/// <summary>How an assignment slot (a per-context or per-kind purpose or category) is filled.</summary>
public enum AssignmentMode
{
    /// <summary>"Not set (use the default value)": fall through to the kind default, then the parent (Moodle NOTSET = 0).</summary>
    NotSet = 0,

    /// <summary>"Inherit": skip this context's own kind default and start at the parent (Moodle INHERIT = -1).</summary>
    Inherit = 1,

    /// <summary>A real value: use the named purpose or category.</summary>
    Value = 2,
}

/// <summary>A purpose or category assignment: not set, inherit, or a concrete id.</summary>
/// <param name="Mode">How the slot is filled.</param>
/// <param name="Id">The purpose or category id when <paramref name="Mode"/> is <see cref="AssignmentMode.Value"/>; otherwise <see langword="null"/>.</param>
public readonly record struct Assignment(AssignmentMode Mode, string? Id)
{
    /// <summary>Gets the "not set" assignment.</summary>
    public static Assignment NotSet => default;

    /// <summary>Gets the "inherit" assignment.</summary>
    public static Assignment Inherit => new(AssignmentMode.Inherit, null);

    /// <summary>Gets whether this assignment names a concrete id.</summary>
    public bool HasValue => Mode == AssignmentMode.Value && Id is not null;

    /// <summary>Creates an assignment of a concrete id.</summary>
    /// <param name="id">The purpose or category id.</param>
    /// <returns>The assignment.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    public static Assignment Of(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return new Assignment(AssignmentMode.Value, id);
    }

    /// <summary>Returns <c>not-set</c>, <c>inherit</c> or the id.</summary>
    /// <returns>The wire text of the assignment.</returns>
    public override string ToString() => Mode switch
    {
        AssignmentMode.Inherit => "inherit",
        AssignmentMode.Value => Id ?? "not-set",
        _ => "not-set",
    };
}

/// <summary>The purpose and category assigned to one slot (a context, a context kind or a module type).</summary>
/// <param name="Purpose">The purpose assignment.</param>
/// <param name="Category">The (descriptive) category assignment.</param>
public readonly record struct SlotAssignment(Assignment Purpose, Assignment Category);
