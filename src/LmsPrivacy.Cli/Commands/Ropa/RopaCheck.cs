using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Ropa;
using LmsPrivacy.Ropa.Records;
using NodaTime;

namespace LmsPrivacy.Cli.Commands.Ropa;

/// <summary><c>lmsprivacy ropa check &lt;ropa.json|-&gt;</c> → <c>{"valid","kind","activities","recipients","findings"}</c>.</summary>
internal static class RopaCheck
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("ropa.json") { Description = "The record of processing (JSON, see docs/schemas/ropa.schema.json), or '-' for standard input." };
        var command = new Command("check", "Check a record against GDPR Art. 30 and the rules around it (lawful basis, Art. 8/9, DPAs, transfers, retention).") { input };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var path = parseResult.GetRequiredValue(input);
            var record = RopaInput.ReadRecord(context, path);
            var report = new RopaChecker(SystemClock.Instance).Check(record);
            var declared = DeclaredRecipients.From(record);
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("valid", report.IsValid);
                    w.WriteString("kind", record.Kind == RecordKind.Controller ? "controller" : "processor");
                    w.WriteNumber("activities", record.Activities.Count);
                    w.WriteStartArray("recipients");
                    foreach (var r in declared)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", r.Name);
                        w.WriteString("role", r.Role is { } role ? RoleCode(role) : null);
                        w.WriteString("country", r.Country);
                        w.WriteString("parent", r.Parent);
                        w.WriteStartArray("hosts");
                        foreach (var host in r.Hosts)
                        {
                            w.WriteStringValue(host);
                        }

                        w.WriteEndArray();
                        w.WriteString("path", r.Path);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    CliJson.WriteFindings(w, report.Findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                var kind = record.Kind == RecordKind.Controller ? "controller record (Art. 30(1))" : "processor record (Art. 30(2))";
                var subs = declared.Count(d => d.Parent is not null);
                context.Output.WriteLine($"{path}: {kind}, {record.Activities.Count} activities, {declared.Count - subs} recipients, {subs} sub-processors");
                TextOutput.WriteFindings(context, report.Findings);
                TextOutput.WriteSummary(context, report.Findings);
            }

            return ExitCodes.For(report.Findings);
        });
        return command;
    }

    internal static string RoleCode(RecipientRole role) => role switch
    {
        RecipientRole.Internal => "internal",
        RecipientRole.Processor => "processor",
        RecipientRole.SubProcessor => "sub-processor",
        RecipientRole.Controller => "controller",
        RecipientRole.JointController => "joint-controller",
        _ => "public-authority",
    };
}
