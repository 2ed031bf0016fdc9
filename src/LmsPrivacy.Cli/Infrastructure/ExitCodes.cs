namespace LmsPrivacy.Cli.Infrastructure;

/// <summary>The exit codes of every command (DESIGN.md §4).</summary>
internal static class ExitCodes
{
    /// <summary>Ran and found no Error.</summary>
    public const int Ok = 0;

    /// <summary>Ran and found at least one Error finding.</summary>
    public const int Findings = 1;

    /// <summary>Could not run: bad usage, unreadable or malformed input.</summary>
    public const int CannotRun = 2;

    public static int For(IEnumerable<LmsPrivacy.Findings.Finding> findings) =>
        findings.Any(f => f.IsError) ? Findings : Ok;
}
