using LmsPrivacy.Findings;

namespace LmsPrivacy.Cli.Infrastructure;

/// <summary>Human-readable output helpers.</summary>
internal static class TextOutput
{
    public static void WriteFindings(CliContext context, IReadOnlyCollection<Finding> findings, string indent = "")
    {
        foreach (var finding in findings)
        {
            context.Output.WriteLine($"{indent}{finding.Severity.ToCode(),-7} {finding.Code}  {finding.Path}");
            context.Output.WriteLine($"{indent}        {finding.Message}{(finding.Source is null ? string.Empty : $" [{finding.Source}]")}");
        }
    }

    public static void WriteSummary(CliContext context, IReadOnlyCollection<Finding> findings)
    {
        var errors = findings.Count(f => f.Severity == FindingSeverity.Error);
        var warnings = findings.Count(f => f.Severity == FindingSeverity.Warning);
        var infos = findings.Count - errors - warnings;
        context.Output.WriteLine($"{errors} error(s), {warnings} warning(s), {infos} info");
    }
}
