using System.Globalization;
using System.Text.Json;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Cli.Commands.Check;

/// <summary>The JSON report (documented in docs/cli.md, section check).</summary>
internal static class JsonReportWriter
{
    public static void Write(Utf8JsonWriter w, CheckReport report, string docsBase)
    {
        w.WriteStartObject();
        w.WriteBoolean("valid", report.IsValid);
        w.WriteString("root", report.Root);
        w.WriteString("now", Iso(report));
        WriteSummary(w, report);

        w.WriteStartArray("artifacts");
        foreach (var artifact in report.Artifacts)
        {
            w.WriteStartObject();
            w.WriteString("path", artifact.Path);
            w.WriteString("kind", artifact.Artifact.Kind.ToCode());
            w.WriteString("area", artifact.Artifact.Kind.Area());
            w.WriteString("status", artifact.Status.ToString().ToLowerInvariant());
            if (artifact.Reason is not null)
            {
                w.WriteString("reason", artifact.Reason);
            }

            WriteStrings(w, "facts", artifact.Facts);
            WriteStrings(w, "analyzers", artifact.Analyzers);
            w.WriteStartArray("findings");
            foreach (var finding in artifact.Findings)
            {
                CliJson.WriteFinding(w, finding, x => x.WriteString("doc", RuleLinks.For(docsBase, finding.Code)));
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("flows");
        foreach (var flow in report.Flows)
        {
            w.WriteStartObject();
            w.WriteString("from", flow.From);
            w.WriteString("to", flow.To);
            WriteStrings(w, "categories", flow.Categories.Select(c => c.ToCode()));
            w.WriteString("via", flow.Via);
            w.WriteString("artifact", flow.Artifact);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("hosts");
        foreach (var host in report.Hosts)
        {
            w.WriteStartObject();
            w.WriteString("host", host.Host);
            w.WriteBoolean("receivesLearnerData", host.ReceivesLearnerData);
            w.WriteBoolean("declared", host.Declared);
            if (host.DeclaredAs is not null)
            {
                w.WriteString("declaredAs", host.DeclaredAs);
            }

            w.WriteStartArray("references");
            foreach (var reference in host.References)
            {
                w.WriteStartObject();
                w.WriteString("artifact", reference.Artifact);
                w.WriteString("location", reference.Location);
                w.WriteString("kind", reference.Kind);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("processors");
        foreach (var party in report.DeclaredParties)
        {
            w.WriteStartObject();
            w.WriteString("name", party.Name);
            w.WriteString("role", party.Role);
            WriteStrings(w, "hosts", party.Hosts);
            w.WriteString("artifact", party.Artifact);
            w.WriteString("path", party.Path);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("retentionClocks");
        foreach (var clock in report.RetentionClocks)
        {
            w.WriteStartObject();
            w.WriteString("artifact", clock.Artifact);
            w.WriteString("context", clock.Context);
            w.WriteString("kind", clock.Kind);
            w.WriteString("status", clock.Status);
            if (clock.ExpiresAt is null)
            {
                w.WriteNull("expiresAt");
            }
            else
            {
                w.WriteString("expiresAt", clock.ExpiresAt);
            }

            w.WriteString("reason", clock.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("dpaClauses");
        foreach (var clause in report.DpaClauses)
        {
            w.WriteStartObject();
            w.WriteString("artifact", clause.Artifact);
            w.WriteString("processor", clause.Processor);
            w.WriteString("clause", clause.Clause);
            w.WriteString("status", clause.Status);
            w.WriteString("reason", clause.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("deadlines");
        foreach (var rule in report.Deadlines)
        {
            w.WriteStartObject();
            w.WriteString("rule", rule.Rule);
            w.WriteString("source", rule.Source);
            w.WriteString("description", rule.Description);
            if (rule.DueIfReceivedNow is null)
            {
                w.WriteNull("dueIfStartedNow");
            }
            else
            {
                w.WriteString("dueIfStartedNow", rule.DueIfReceivedNow);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("findings");
        foreach (var item in report.AllFindings)
        {
            CliJson.WriteFinding(w, item.Finding, x =>
            {
                x.WriteString("artifact", item.Artifact);
                x.WriteString("area", item.Area);
                x.WriteString("doc", RuleLinks.For(docsBase, item.Finding.Code));
            });
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static string Iso(CheckReport report) => CliTime.Format(report.Now);

    private static void WriteSummary(Utf8JsonWriter w, CheckReport report)
    {
        w.WriteStartObject("summary");
        w.WriteNumber("artifacts", report.Artifacts.Count);
        w.WriteNumber("checked", report.Artifacts.Count(a => a.Status == ArtifactStatus.Checked));
        w.WriteNumber("skipped", report.Artifacts.Count(a => a.Status == ArtifactStatus.Skipped));
        w.WriteNumber("failed", report.Artifacts.Count(a => a.Status == ArtifactStatus.Failed));
        w.WriteNumber("errors", report.Count(FindingSeverity.Error));
        w.WriteNumber("warnings", report.Count(FindingSeverity.Warning));
        w.WriteNumber("infos", report.Count(FindingSeverity.Info));
        w.WriteNumber("undeclaredProcessors", report.Hosts.Count(h => h.ReceivesLearnerData && !h.Declared));
        w.WriteNumber("clocksWithoutAnchor", report.RetentionClocks.Count(c => c.Status == "no-anchor"));
        w.WriteStartArray("areas");
        foreach (var area in report.ActiveAreas)
        {
            w.WriteStartObject();
            w.WriteString("area", area);
            w.WriteString("title", ArtifactKinds.AreaTitle(area));
            w.WriteNumber("artifacts", report.Artifacts.Count(a => a.Artifact.Kind.Area() == area));
            w.WriteNumber("errors", report.Count(area, FindingSeverity.Error));
            w.WriteNumber("warnings", report.Count(area, FindingSeverity.Warning));
            w.WriteNumber("infos", report.Count(area, FindingSeverity.Info));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
