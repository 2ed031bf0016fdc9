using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Ropa.Dpa;

namespace LmsPrivacy.Cli.Commands.Ropa;

/// <summary><c>lmsprivacy dpa check &lt;dpa.json|-&gt;</c> → <c>{"valid","clauses":[{"clause","status","reason"}],"findings"}</c>.</summary>
internal static class DpaCheck
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("dpa.json") { Description = "The DPA facts (JSON, see docs/schemas/dpa.schema.json), or '-' for standard input." };
        var command = new Command("check", "Assess a DPA against Art. 28(3)(a)-(h), 28(2) and 28(4): met, weak (below a practical threshold) or missing.") { input };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var path = parseResult.GetRequiredValue(input);
            var dpa = RopaInput.ReadDpa(context, path);
            var report = new DpaChecker().Check(dpa);
            var findings = report.Findings.Findings;
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("valid", report.Findings.IsValid);
                    w.WriteStartArray("clauses");
                    foreach (var clause in report.Clauses)
                    {
                        w.WriteStartObject();
                        w.WriteString("clause", clause.Clause);
                        w.WriteString("status", StatusCode(clause.Status));
                        w.WriteString("reason", clause.Reason);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    CliJson.WriteFindings(w, findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                foreach (var clause in report.Clauses)
                {
                    context.Output.WriteLine($"{clause.Clause,-9} {StatusCode(clause.Status),-8} {clause.Reason}");
                }

                context.Output.WriteLine();
                TextOutput.WriteFindings(context, findings);
                TextOutput.WriteSummary(context, findings);
            }

            return ExitCodes.For(findings);
        });
        return command;
    }

    internal static string StatusCode(ClauseStatus status) => status switch
    {
        ClauseStatus.Met => "met",
        ClauseStatus.Weak => "weak",
        _ => "missing",
    };
}
