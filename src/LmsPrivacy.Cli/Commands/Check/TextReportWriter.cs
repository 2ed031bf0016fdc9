using System.Globalization;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Cli.Commands.Check;

/// <summary>The plain-text report (the default), and the Markdown one.</summary>
internal static class TextReportWriter
{
    public static void Write(TextWriter o, CheckReport report)
    {
        var ci = CultureInfo.InvariantCulture;
        o.WriteLine($"lmsprivacy check {report.Root}  (clock {JsonReportWriter.Iso(report)})");
        o.WriteLine(string.Create(ci, $"{(report.IsValid ? "PASS" : "FAIL")}: {report.Count(FindingSeverity.Error)} error(s), {report.Count(FindingSeverity.Warning)} warning(s), {report.Count(FindingSeverity.Info)} info; " +
            $"{report.Artifacts.Count(a => a.Status == ArtifactStatus.Checked)} artifact(s) checked, {report.Artifacts.Count(a => a.Status == ArtifactStatus.Skipped)} skipped, {report.Artifacts.Count(a => a.Status == ArtifactStatus.Failed)} failed"));
        o.WriteLine();
        o.WriteLine($"  {"area",-30} {"artifacts",9} {"errors",7} {"warnings",9} {"info",5}");
        foreach (var area in report.ActiveAreas)
        {
            o.WriteLine(string.Create(ci, $"  {ArtifactKinds.AreaTitle(area),-30} {report.Artifacts.Count(a => a.Artifact.Kind.Area() == area),9} {report.Count(area, FindingSeverity.Error),7} {report.Count(area, FindingSeverity.Warning),9} {report.Count(area, FindingSeverity.Info),5}"));
        }

        foreach (var artifact in report.Artifacts.Where(a => a.Status != ArtifactStatus.Skipped))
        {
            o.WriteLine();
            o.WriteLine($"{artifact.Path}  [{artifact.Artifact.Kind.ToCode()}{(artifact.Status == ArtifactStatus.Failed ? ", failed" : string.Empty)}]");
            foreach (var fact in artifact.Facts)
            {
                o.WriteLine("  " + fact);
            }

            WriteFindings(o, artifact.Findings, "  ");
        }

        var review = report.ReviewFindings;
        if (review.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Cross-artifact review");
            WriteFindings(o, review.Select(r => r.Finding).ToList(), "  ");
        }

        if (report.Flows.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Personal data flows");
            foreach (var flow in report.Flows)
            {
                o.WriteLine($"  {flow.From} -> {flow.To}: {string.Join(", ", flow.Categories.Select(c => c.ToCode()))}  ({flow.Via}; {flow.Artifact})");
            }
        }

        var hosts = report.Hosts.ToList();
        if (hosts.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Third-party hosts vs the record of processing");
            foreach (var host in hosts)
            {
                o.WriteLine($"  {host.Host,-36} {(host.ReceivesLearnerData ? "learner data" : "browser only"),-13} {(host.Declared ? "declared: " + host.DeclaredAs : "NOT DECLARED")}");
            }
        }

        if (report.RetentionClocks.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Retention clocks");
            foreach (var clock in report.RetentionClocks)
            {
                o.WriteLine($"  {clock.Status,-10} {clock.Kind} {clock.Context}: {clock.Reason}");
            }
        }

        if (report.DpaClauses.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("DPA clauses (Art. 28)");
            foreach (var group in report.DpaClauses.GroupBy(c => c.Artifact))
            {
                o.WriteLine($"  {group.First().Processor} ({group.Key})");
                foreach (var clause in group)
                {
                    o.WriteLine($"    {clause.Clause,-9} {clause.Status,-8} {clause.Reason}");
                }
            }
        }

        if (report.Deadlines.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Deadline rules in force");
            foreach (var rule in report.Deadlines)
            {
                o.WriteLine($"  {rule.Rule} [{rule.Source}]{(rule.DueIfReceivedNow is null ? string.Empty : " due " + rule.DueIfReceivedNow + " if started now")}");
                o.WriteLine($"    {rule.Description}");
            }
        }

        var skipped = report.Artifacts.Where(a => a.Status == ArtifactStatus.Skipped).ToList();
        if (skipped.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Skipped (not recognised as an artifact)");
            foreach (var artifact in skipped)
            {
                o.WriteLine($"  {artifact.Path}: {artifact.Reason}");
                WriteFindings(o, artifact.Findings, "    ");
            }
        }
    }

    private static void WriteFindings(TextWriter o, IReadOnlyCollection<Finding> findings, string indent)
    {
        foreach (var finding in findings.OrderByDescending(f => f.Severity))
        {
            o.WriteLine($"{indent}{finding.Severity.ToCode(),-7} {finding.Code}  {finding.Path}");
            o.WriteLine($"{indent}        {finding.Message}{(finding.Source is null ? string.Empty : $" [{finding.Source}]")}");
        }
    }
}

/// <summary>The Markdown report: the same content as the HTML one, for pull requests and wikis.</summary>
internal static class MarkdownReportWriter
{
    public static void Write(TextWriter o, CheckReport report, string docsBase)
    {
        var ci = CultureInfo.InvariantCulture;
        o.WriteLine($"# Privacy check of `{report.Root}`");
        o.WriteLine();
        o.WriteLine($"Clock: {JsonReportWriter.Iso(report)}. Result: **{(report.IsValid ? "pass" : "fail")}** — {report.Count(FindingSeverity.Error)} error(s), {report.Count(FindingSeverity.Warning)} warning(s), {report.Count(FindingSeverity.Info)} info.");
        o.WriteLine();
        o.WriteLine("| area | artifacts | errors | warnings | info |");
        o.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var area in report.ActiveAreas)
        {
            o.WriteLine(string.Create(ci, $"| {ArtifactKinds.AreaTitle(area)} | {report.Artifacts.Count(a => a.Artifact.Kind.Area() == area)} | {report.Count(area, FindingSeverity.Error)} | {report.Count(area, FindingSeverity.Warning)} | {report.Count(area, FindingSeverity.Info)} |"));
        }

        foreach (var area in report.ActiveAreas)
        {
            var findings = report.AllFindings.Where(f => f.Area == area).OrderByDescending(f => f.Finding.Severity).ToList();
            if (findings.Count == 0)
            {
                continue;
            }

            o.WriteLine();
            o.WriteLine($"## {ArtifactKinds.AreaTitle(area)}");
            o.WriteLine();
            o.WriteLine("| severity | rule | artifact | where | message |");
            o.WriteLine("|---|---|---|---|---|");
            foreach (var item in findings)
            {
                var f = item.Finding;
                o.WriteLine($"| {f.Severity.ToCode()} | [`{f.Code}`]({RuleLinks.For(docsBase, f.Code)}) | `{Cell(item.Artifact)}` | `{Cell(f.Path)}` | {Cell(f.Message)}{(f.Source is null ? string.Empty : $" ({Cell(f.Source)})")} |");
            }
        }

        if (report.Flows.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("## Personal data flows");
            o.WriteLine();
            o.WriteLine("| from | to | data | via | artifact |");
            o.WriteLine("|---|---|---|---|---|");
            foreach (var flow in report.Flows)
            {
                o.WriteLine($"| {Cell(flow.From)} | {Cell(flow.To)} | {string.Join(", ", flow.Categories.Select(c => c.ToCode()))} | {Cell(flow.Via)} | `{Cell(flow.Artifact)}` |");
            }
        }

        var hosts = report.Hosts.ToList();
        if (hosts.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("## Third-party hosts vs the record of processing");
            o.WriteLine();
            o.WriteLine("| host | receives learner data | declared as | seen in |");
            o.WriteLine("|---|---|---|---|");
            foreach (var host in hosts)
            {
                o.WriteLine($"| {host.Host} | {(host.ReceivesLearnerData ? "yes" : "no (browser requests)")} | {(host.DeclaredAs is null ? "**not declared**" : Cell(host.DeclaredAs))} | {Cell(string.Join(", ", host.References.Select(r => r.Artifact).Distinct(StringComparer.Ordinal)))} |");
            }
        }

        if (report.RetentionClocks.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("## Retention clocks");
            o.WriteLine();
            o.WriteLine("| context | kind | status | reason |");
            o.WriteLine("|---|---|---|---|");
            foreach (var clock in report.RetentionClocks)
            {
                o.WriteLine($"| {Cell(clock.Context)} | {clock.Kind} | {clock.Status} | {Cell(clock.Reason)} |");
            }
        }

        if (report.DpaClauses.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("## DPA clauses (Art. 28)");
            o.WriteLine();
            o.WriteLine("| processor | clause | status | reason |");
            o.WriteLine("|---|---|---|---|");
            foreach (var clause in report.DpaClauses)
            {
                o.WriteLine($"| {Cell(clause.Processor)} | {clause.Clause} | {clause.Status} | {Cell(clause.Reason)} |");
            }
        }

        if (report.Deadlines.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("## Deadline rules in force");
            o.WriteLine();
            o.WriteLine("| rule | source | due if started now | what it says |");
            o.WriteLine("|---|---|---|---|");
            foreach (var rule in report.Deadlines)
            {
                o.WriteLine($"| {rule.Rule} | {rule.Source} | {rule.DueIfReceivedNow ?? "—"} | {Cell(rule.Description)} |");
            }
        }

        o.WriteLine();
        o.WriteLine("## Artifacts");
        o.WriteLine();
        o.WriteLine("| path | kind | status | notes |");
        o.WriteLine("|---|---|---|---|");
        foreach (var artifact in report.Artifacts)
        {
            o.WriteLine($"| `{Cell(artifact.Path)}` | {artifact.Artifact.Kind.ToCode()} | {artifact.Status.ToString().ToLowerInvariant()} | {Cell(string.Join("; ", artifact.Reason is null ? artifact.Facts : [artifact.Reason, .. artifact.Facts]))} |");
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal);
}
