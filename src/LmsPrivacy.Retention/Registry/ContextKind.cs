namespace LmsPrivacy.Retention.Registry;

/// <summary>The kinds of context in a learning platform's context tree (Moodle's context levels, research/moodle.md §2.4).</summary>
public enum ContextKind
{
    /// <summary>The single root of the tree: the whole site.</summary>
    System = 0,

    /// <summary>A user; its subtree (for example dashboard blocks) is handled as one unit with the user.</summary>
    User = 1,

    /// <summary>A course category (may nest).</summary>
    Category = 2,

    /// <summary>A course.</summary>
    Course = 3,

    /// <summary>An activity or resource in a course (forum, quiz, assignment …), optionally with a module type.</summary>
    Module = 4,

    /// <summary>A block, under a course, a module or a user.</summary>
    Block = 5,
}

/// <summary>Wire names of <see cref="ContextKind"/> (lower case, as in the registry document).</summary>
public static class ContextKinds
{
    private static readonly string[] Codes = ["system", "user", "category", "course", "module", "block"];

    /// <summary>Returns the wire name of a kind, such as <c>course</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The lower-case name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    public static string ToCode(this ContextKind kind)
    {
        var index = (int)kind;
        ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(kind));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Codes.Length, nameof(kind));
        return Codes[index];
    }

    /// <summary>Parses a wire name (exact, lower case).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="kind">The parsed kind, when the method returns <see langword="true"/>.</param>
    /// <returns><see langword="true"/> if <paramref name="text"/> names a kind.</returns>
    public static bool TryParse(string? text, out ContextKind kind)
    {
        var index = Array.IndexOf(Codes, text);
        kind = (ContextKind)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Parses a wire name, throwing when it is unknown.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="FormatException"><paramref name="text"/> is not a kind name.</exception>
    public static ContextKind Parse(string text) =>
        TryParse(text, out var kind) ? kind : throw new FormatException("Unknown context kind; expected one of: " + string.Join(", ", Codes) + ".");
}
