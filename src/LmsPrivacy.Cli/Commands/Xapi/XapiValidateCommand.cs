using System.CommandLine;
using System.Text.Json;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Findings;
using LmsPrivacy.Xapi;
using LmsPrivacy.Xapi.Streaming;
using LmsPrivacy.Xapi.Validation;

namespace LmsPrivacy.Cli.Commands.Xapi;

/// <summary><c>lmsprivacy xapi validate &lt;file|-&gt; [--xapi-version 1.0.3|2.0.0]</c>.</summary>
internal static class XapiValidateCommand
{
    public static Argument<string> InputArgument(string description) => new("input") { Description = description };

    public static Command Create(CliContext context)
    {
        var input = InputArgument("A statement, a JSON array of statements, or NDJSON; '-' reads standard input.");
        var version = new Option<string>("--xapi-version")
        {
            Description = "The xAPI version whose rules apply: 1.0.3 (default) or 2.0.0.",
            DefaultValueFactory = static _ => "1.0.3",
        };
        version.AcceptOnlyFromAmong("1.0.3", "2.0.0");
        var command = new Command("validate", "Validate xAPI statements against the spec (every conformance-suite rule); exit 1 if any is invalid.") { input, version };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var path = parseResult.GetRequiredValue(input);
            var validator = new StatementValidator(XapiVersions.Parse(parseResult.GetValue(version) ?? "1.0.3"));
            var results = new List<(int Index, ValidationReport Report)>();
            var top = new List<Finding>();
            using (var reader = new StatementReader(InputFiles.Open(context, path)))
            {
                try
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        using var document = reader.ParseCurrent();
                        var report = document.RootElement.ValueKind == JsonValueKind.Object
                            ? validator.Validate(document.RootElement)
                            : new ValidationReport([XapiRules.ContainerNotObject.At("$", "This value is not a JSON object, so it cannot be a statement.")]);
                        results.Add((reader.Index, report));
                    }

                    if (results.Count == 0)
                    {
                        top.Add(XapiRules.ContainerEmpty.At("$", "The input holds no statement."));
                    }
                }
                catch (StatementStreamException ex)
                {
                    // A container problem: reported as a top-level finding; statements read before it keep their results.
                    top.Add(ex.ToFinding());
                }
                catch (IOException ex)
                {
                    throw new CliException($"cannot read '{path}': {ex.Message}");
                }
            }

            var all = top.Concat(results.SelectMany(r => r.Report.Findings)).ToList();
            var valid = !all.Any(f => f.IsError);
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("valid", valid);
                    w.WriteStartArray("statements");
                    foreach (var (index, report) in results)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("index", index);
                        w.WriteBoolean("valid", report.IsValid);
                        CliJson.WriteFindings(w, report.Findings);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    CliJson.WriteFindings(w, top);
                    w.WriteEndObject();
                });
            }
            else
            {
                TextOutput.WriteFindings(context, top);
                foreach (var (index, report) in results.Where(r => r.Report.Findings.Count > 0))
                {
                    context.Output.WriteLine($"statement {index}: {(report.IsValid ? "valid" : "invalid")}");
                    TextOutput.WriteFindings(context, [.. report.Findings], "  ");
                }

                context.Output.WriteLine($"{results.Count} statement(s), {results.Count(r => !r.Report.IsValid)} invalid ({validator.Version.ToCode()} rules)");
                TextOutput.WriteSummary(context, all);
            }

            return valid ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }
}
