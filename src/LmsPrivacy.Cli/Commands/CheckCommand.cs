using System.CommandLine;
using System.Text;
using LmsPrivacy.Cli.Commands.Check;
using LmsPrivacy.Cli.Infrastructure;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Cli.Commands;

/// <summary>
/// <c>lmsprivacy check &lt;folder&gt; [--out &lt;dir&gt;] [--format text|json|md|html] [--now &lt;ISO-8601&gt;]</c>:
/// one privacy review of every artifact in a folder, recognised by content.
/// </summary>
internal static class CheckCommand
{
    public static readonly string[] Formats = ["text", "json", "md", "html"];

    public static Command? Create(CliContext context)
    {
        var folder = new Argument<string>("folder")
        {
            Description = "The folder (or one file) to check. Artifacts are recognised by content; other files are listed as skipped.",
        };
        var output = new Option<string?>("--out")
        {
            Description = "Also write the report as check-report.txt, .json, .md and .html into this folder (created if needed).",
            HelpName = "dir",
        };
        var now = new Option<string?>("--now")
        {
            Description = "Fix the report's clock (ISO-8601 instant, e.g. 2026-01-15T09:00:00Z) so runs are reproducible.",
            HelpName = "ISO-8601",
        };
        var docsBase = new Option<string?>("--docs-base")
        {
            Description = "Where rule links point (default: the repository's docs/ folder relative to the report).",
            HelpName = "path-or-url",
        };
        var command = new Command("check", "Review a folder of learning-platform artifacts (xAPI statements, SCORM packages, LTI launches, ROPA, DPAs, retention registry) in one report. Formats: text, json, md, html.")
        {
            folder, output, now, docsBase,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var format = CommonOptions.GetFormat(parseResult, Formats);
            var path = parseResult.GetRequiredValue(folder);
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                throw new CliException($"'{path}' is not a folder or file.");
            }

            var clock = CliTime.ParseInstant(parseResult.GetValue(now));
            var outDir = parseResult.GetValue(output);
            var report = CheckRunner.Run(path, clock, new CheckLimits(), new CheckProgress(context), cancellationToken);
            var given = parseResult.GetValue(docsBase) is { Length: > 0 } text ? (text.EndsWith('/') ? text : text + "/") : null;
            if (outDir is not null)
            {
                // Links in the written files are relative to the folder they are written to.
                WriteFiles(outDir, report, given ?? RuleLinks.DefaultBase(path, outDir));
            }

            context.Output.Write(Render(report, format, given ?? RuleLinks.DefaultBase(path, null)));
            return Task.FromResult(report.IsValid ? ExitCodes.Ok : ExitCodes.Findings);
        });
        return command;
    }

    internal static string Render(CheckReport report, string format, string docsBase)
    {
        var text = new StringWriter { NewLine = "\n" };
        switch (format)
        {
            case "json":
                text.WriteLine(CliJson.ToText(writer => JsonReportWriter.Write(writer, report, docsBase)));
                break;
            case "md":
                MarkdownReportWriter.Write(text, report, docsBase);
                break;
            case "html":
                HtmlReportWriter.Write(text, report, docsBase);
                break;
            default:
                TextReportWriter.Write(text, report);
                break;
        }

        return text.ToString();
    }

    private static void WriteFiles(string outDir, CheckReport report, string docsBase)
    {
        try
        {
            Directory.CreateDirectory(outDir);
            foreach (var (format, extension) in (ReadOnlySpan<(string, string)>)[("text", "txt"), ("json", "json"), ("md", "md"), ("html", "html")])
            {
                File.WriteAllText(Path.Combine(outDir, "check-report." + extension), Render(report, format, docsBase), new UTF8Encoding(false));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot write the report to '{outDir}': {ex.Message}");
        }
    }
}
