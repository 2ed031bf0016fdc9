using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Ropa.Export;

namespace LmsPrivacy.Cli.Commands.Ropa;

/// <summary><c>lmsprivacy ropa export &lt;ropa.json|-&gt; --to md|csv|xlsx|jsonld [--out &lt;file&gt;]</c>.</summary>
internal static class RopaExport
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("ropa.json") { Description = "The record of processing (JSON), or '-' for standard input." };
        var to = new Option<string>("--to") { Description = "Export format: md (Markdown tables), csv (ICO template columns), xlsx (ICO-style workbook), jsonld (W3C DPV).", Required = true };
        to.AcceptOnlyFromAmong("md", "csv", "xlsx", "jsonld");
        var output = new Option<string>("--out") { Description = "File to write; without it the export goes to standard output (not for xlsx)." };
        var command = new Command("export", "Export a record in the layout privacy officers know from the ICO template, or as JSON-LD.") { input, to, output };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var path = parseResult.GetRequiredValue(input);
            var target = parseResult.GetRequiredValue(to);
            var outPath = parseResult.GetValue(output);
            if (format == "json" && string.IsNullOrEmpty(outPath))
            {
                // Without --out the export itself is the output: printing Markdown or CSV when JSON was asked for would
                // break a caller parsing stdout. With --out, --format json keeps its {"to","out","findings"} summary.
                throw new CliException("ropa export writes the --to format to standard output, not JSON: drop --format json, or give --out <file> to get a JSON summary (use --to jsonld for a JSON document).");
            }

            if (target == "xlsx" && string.IsNullOrEmpty(outPath))
            {
                throw new CliException("--to xlsx writes a binary workbook: give --out <file.xlsx>.");
            }

            var record = RopaInput.ReadRecord(context, path);
            if (target == "xlsx")
            {
                using var buffer = new MemoryStream();
                RopaExporter.WriteXlsx(record, buffer);
                Write(outPath!, buffer.ToArray());
            }
            else
            {
                var text = target switch
                {
                    "md" => RopaExporter.ToMarkdown(record),
                    "csv" => RopaExporter.ToCsv(record),
                    _ => RopaExporter.ToJsonLd(record),
                };
                if (string.IsNullOrEmpty(outPath))
                {
                    context.Output.Write(text);
                    return ExitCodes.Ok;
                }

                Write(outPath, new System.Text.UTF8Encoding(false).GetBytes(text));
            }

            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("to", target);
                    w.WriteString("out", outPath);
                    CliJson.WriteFindings(w, []);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Output.WriteLine($"wrote {target} to {outPath}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Write(string path, byte[] bytes)
    {
        try
        {
            File.WriteAllBytes(path, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliException($"cannot write '{path}': {ex.Message}");
        }
    }
}
