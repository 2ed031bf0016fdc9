using System.Globalization;
using System.Net;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Cli.Commands.Check;

/// <summary>
/// The HTML report: one self-contained file. Inline CSS only, no scripts, no fonts, no images, and a
/// Content-Security-Policy that forbids the page from fetching anything even if edited. Readable on a phone
/// (viewport meta; tables scroll sideways inside their own box).
/// </summary>
internal static class HtmlReportWriter
{
    private const string Css = """
        :root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--card:#f6f8fa;--line:#d0d7de;--err:#b42318;--warn:#9a6700;--info:#0969da;--ok:#1a7f37}
        @media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--card:#161b22;--line:#30363d;--err:#ff7b72;--warn:#d29922;--info:#58a6ff;--ok:#3fb950}}
        *{box-sizing:border-box}
        body{margin:0;padding:1rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);max-width:72rem;margin-inline:auto}
        h1{font-size:1.4rem;margin:.2rem 0 .3rem}h2{font-size:1.15rem;margin:1.8rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
        p.meta{color:var(--muted);margin:.1rem 0 1rem;overflow-wrap:anywhere}
        .verdict{display:inline-block;font-weight:700;padding:.15rem .6rem;border-radius:1rem;color:#fff}
        .pass{background:var(--ok)}.fail{background:var(--err)}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.6rem;margin:1rem 0}
        .card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem}
        .card b{display:block;font-size:1.6rem;line-height:1.2}.card span{color:var(--muted);font-size:.85rem}
        .card.error b{color:var(--err)}.card.warning b{color:var(--warn)}.card.info b{color:var(--info)}
        .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:.5rem}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        th,td{text-align:left;vertical-align:top;padding:.45rem .6rem;border-bottom:1px solid var(--line)}
        th{background:var(--card);font-weight:600;white-space:nowrap}
        tr:last-child td{border-bottom:0}
        td.num{text-align:right;font-variant-numeric:tabular-nums}
        td[data-label="status"],td[data-label="severity"],td[data-label="clause"],td[data-label="kind"]{white-space:nowrap}
        code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:break-word}
        .sev{font-weight:700;text-transform:uppercase;font-size:.75rem;letter-spacing:.03em}
        .sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
        .msg{min-width:16rem}.src{color:var(--muted);font-size:.85em}
        a{color:var(--info)}
        .no{color:var(--err);font-weight:600}.yes{color:var(--ok)}
        footer{color:var(--muted);font-size:.8rem;margin-top:2rem}
        @media (max-width:40rem){
          body{padding:.6rem;font-size:14px}th,td{padding:.35rem .45rem}
          table.stack,table.stack tbody,table.stack tr,table.stack td{display:block;width:100%}
          table.stack thead{display:none}
          table.stack tr{border-bottom:1px solid var(--line);padding:.35rem 0}
          table.stack tr:last-child{border-bottom:0}
          table.stack td{border:0;padding:.1rem .6rem;min-width:0}
          table.stack td::before{content:attr(data-label);display:inline-block;min-width:5.5rem;color:var(--muted);font-size:.8rem;font-weight:400;text-transform:none;letter-spacing:0}
          table.summary th,table.summary td{padding:.3rem .3rem;font-size:.8rem}
        }
        """;

    public static void Write(TextWriter o, CheckReport report, string docsBase)
    {
        var ci = CultureInfo.InvariantCulture;
        var errors = report.Count(FindingSeverity.Error);
        var warnings = report.Count(FindingSeverity.Warning);
        var infos = report.Count(FindingSeverity.Info);
        o.WriteLine("<!DOCTYPE html>");
        o.WriteLine("<html lang=\"en\">");
        o.WriteLine("<head>");
        o.WriteLine("<meta charset=\"utf-8\">");
        o.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        o.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">");
        o.WriteLine("<meta name=\"referrer\" content=\"no-referrer\">");
        o.WriteLine($"<title>Privacy check: {E(report.Root)}</title>");
        o.WriteLine("<style>" + Css + "</style>");
        o.WriteLine("</head>");
        o.WriteLine("<body>");
        o.WriteLine($"<h1>Privacy check of <code>{E(report.Root)}</code></h1>");
        o.WriteLine($"<p class=\"meta\"><span class=\"verdict {(report.IsValid ? "pass\">PASS" : "fail\">FAIL")}</span> clock {E(JsonReportWriter.Iso(report))} · {report.Artifacts.Count(a => a.Status == ArtifactStatus.Checked)} artifact(s) checked, {report.Artifacts.Count(a => a.Status == ArtifactStatus.Skipped)} skipped, {report.Artifacts.Count(a => a.Status == ArtifactStatus.Failed)} failed</p>");

        o.WriteLine("<section aria-label=\"Summary\"><div class=\"cards\">");
        Card(o, "error", errors, "errors");
        Card(o, "warning", warnings, "warnings");
        Card(o, "info", infos, "info");
        Card(o, "error", report.Hosts.Count(h => h.ReceivesLearnerData && !h.Declared), "undeclared processors");
        Card(o, "warning", report.RetentionClocks.Count(c => c.Status == "no-anchor"), "clocks never start");
        Card(o, "warning", report.DpaClauses.Count(c => c.Status != "met"), "DPA clauses weak/missing");
        o.WriteLine("</div>");
        o.WriteLine("<div class=\"scroll\"><table class=\"summary\"><thead><tr><th>area</th><th>artifacts</th><th>errors</th><th>warnings</th><th>info</th></tr></thead><tbody>");
        foreach (var area in report.ActiveAreas)
        {
            o.WriteLine(string.Create(ci, $"<tr><td><a href=\"#area-{area}\">{E(ArtifactKinds.AreaTitle(area))}</a></td><td class=\"num\">{report.Artifacts.Count(a => a.Artifact.Kind.Area() == area)}</td><td class=\"num\">{report.Count(area, FindingSeverity.Error)}</td><td class=\"num\">{report.Count(area, FindingSeverity.Warning)}</td><td class=\"num\">{report.Count(area, FindingSeverity.Info)}</td></tr>"));
        }

        o.WriteLine("</tbody></table></div></section>");

        foreach (var area in report.ActiveAreas)
        {
            var findings = report.AllFindings.Where(f => f.Area == area).OrderByDescending(f => f.Finding.Severity).ToList();
            o.WriteLine($"<h2 id=\"area-{area}\">{E(ArtifactKinds.AreaTitle(area))}</h2>");
            if (findings.Count == 0)
            {
                o.WriteLine(area == "other" ? "<p>No findings (files that are not artifacts are listed under Artifacts).</p>" : "<p>No findings.</p>");
                continue;
            }

            o.WriteLine("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>severity</th><th>rule</th><th>artifact</th><th>where</th><th>message</th></tr></thead><tbody>");
            foreach (var item in findings)
            {
                var f = item.Finding;
                var sev = f.Severity.ToCode();
                o.WriteLine($"<tr><td data-label=\"severity\" class=\"sev {sev}\">{sev}</td><td data-label=\"rule\"><a href=\"{E(RuleLinks.For(docsBase, f.Code))}\"><code>{C(f.Code)}</code></a></td><td data-label=\"artifact\"><code>{C(item.Artifact)}</code></td><td data-label=\"where\"><code>{C(f.Path)}</code></td><td data-label=\"message\" class=\"msg\">{E(f.Message)}{(f.Source is null ? string.Empty : $" <span class=\"src\">{E(f.Source)}</span>")}</td></tr>");
            }

            o.WriteLine("</tbody></table></div>");
        }

        if (report.Flows.Count > 0)
        {
            o.WriteLine("<h2 id=\"flows\">Personal data flows</h2>");
            o.WriteLine("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>from</th><th>to</th><th>data</th><th>via</th><th>artifact</th></tr></thead><tbody>");
            foreach (var flow in report.Flows)
            {
                o.WriteLine($"<tr><td data-label=\"from\">{E(flow.From)}</td><td data-label=\"to\"><code>{E(flow.To)}</code></td><td data-label=\"data\">{E(string.Join(", ", flow.Categories.Select(c => c.ToCode())))}</td><td data-label=\"via\">{E(flow.Via)}</td><td data-label=\"artifact\"><code>{C(flow.Artifact)}</code></td></tr>");
            }

            o.WriteLine("</tbody></table></div>");
        }

        var hosts = report.Hosts.ToList();
        if (hosts.Count > 0)
        {
            o.WriteLine("<h2 id=\"hosts\">Third-party hosts vs the record of processing</h2>");
            o.WriteLine("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>host</th><th>receives learner data</th><th>declared as</th><th>seen in</th></tr></thead><tbody>");
            foreach (var host in hosts)
            {
                var seen = string.Join(", ", host.References.Take(5).Select(r => $"{r.Artifact} {r.Location} ({r.Kind})"));
                o.WriteLine($"<tr><td data-label=\"host\"><code>{E(host.Host)}</code></td><td data-label=\"receives learner data\">{(host.ReceivesLearnerData ? "yes" : "no (browser requests)")}</td><td data-label=\"declared as\">{(host.DeclaredAs is null ? "<span class=\"no\">not declared</span>" : "<span class=\"yes\">" + E(host.DeclaredAs) + "</span>")}</td><td data-label=\"seen in\"><code>{C(seen)}</code>{(host.References.Count > 5 ? E(string.Create(ci, $" and {host.References.Count - 5} more")) : string.Empty)}</td></tr>");
            }

            o.WriteLine("</tbody></table></div>");
        }

        if (report.RetentionClocks.Count > 0)
        {
            o.WriteLine("<h2 id=\"retention-clocks\">Retention clocks</h2>");
            o.WriteLine("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>context</th><th>kind</th><th>status</th><th>expires</th><th>reason</th></tr></thead><tbody>");
            foreach (var clock in report.RetentionClocks)
            {
                o.WriteLine($"<tr><td data-label=\"context\"><code>{E(clock.Context)}</code></td><td data-label=\"kind\">{E(clock.Kind)}</td><td data-label=\"status\"{(clock.Status == "no-anchor" ? " class=\"no\"" : string.Empty)}>{E(clock.Status)}</td><td data-label=\"expires\">{E(clock.ExpiresAt ?? "—")}</td><td data-label=\"reason\">{E(clock.Reason)}</td></tr>");
            }

            o.WriteLine("</tbody></table></div>");
        }

        if (report.DpaClauses.Count > 0)
        {
            o.WriteLine("<h2 id=\"dpa-clauses\">DPA clauses (Art. 28)</h2>");
            o.WriteLine("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>processor</th><th>clause</th><th>status</th><th>reason</th></tr></thead><tbody>");
            foreach (var clause in report.DpaClauses)
            {
                var css = clause.Status switch { "missing" => "sev error", "weak" => "sev warning", _ => "yes" };
                o.WriteLine($"<tr><td data-label=\"processor\">{E(clause.Processor)}</td><td data-label=\"clause\">{E(clause.Clause)}</td><td data-label=\"status\" class=\"{css}\">{E(clause.Status)}</td><td data-label=\"reason\">{E(clause.Reason)}</td></tr>");
            }

            o.WriteLine("</tbody></table></div>");
        }

        if (report.Deadlines.Count > 0)
        {
            o.WriteLine("<h2 id=\"deadlines\">Deadline rules in force</h2>");
            o.WriteLine("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>rule</th><th>source</th><th>due if started now</th><th>what it says</th></tr></thead><tbody>");
            foreach (var rule in report.Deadlines)
            {
                o.WriteLine($"<tr><td data-label=\"rule\"><code>{E(rule.Rule)}</code></td><td data-label=\"source\">{E(rule.Source)}</td><td data-label=\"due if started now\">{E(rule.DueIfReceivedNow ?? "—")}</td><td data-label=\"what it says\">{E(rule.Description)}</td></tr>");
            }

            o.WriteLine("</tbody></table></div>");
        }

        o.WriteLine("<h2 id=\"artifacts\">Artifacts</h2>");
        o.WriteLine("<div class=\"scroll\"><table class=\"stack\"><thead><tr><th>path</th><th>kind</th><th>status</th><th>notes</th></tr></thead><tbody>");
        foreach (var artifact in report.Artifacts)
        {
            var notes = artifact.Reason is null ? artifact.Facts : [artifact.Reason, .. artifact.Facts];
            o.WriteLine($"<tr><td data-label=\"path\"><code>{C(artifact.Path)}</code></td><td data-label=\"kind\">{E(artifact.Artifact.Kind.ToCode())}</td><td data-label=\"status\">{E(artifact.Status.ToString().ToLowerInvariant())}</td><td data-label=\"notes\">{E(string.Join("; ", notes))}</td></tr>");
        }

        o.WriteLine("</tbody></table></div>");
        o.WriteLine($"<footer>Generated by lmsprivacy check. This page loads nothing from the network. Rule links point into the project's docs folder.</footer>");
        o.WriteLine("</body>");
        o.WriteLine("</html>");
    }

    private static void Card(TextWriter o, string css, int count, string label) =>
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"<div class=\"card {(count == 0 ? string.Empty : css)}\"><b>{count}</b><span>{label}</span></div>"));

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>Encodes a code or path and lets it break after dots and slashes (not inside words).</summary>
    private static string C(string text) => E(text).Replace(".", ".<wbr>", StringComparison.Ordinal).Replace("/", "/<wbr>", StringComparison.Ordinal);
}
