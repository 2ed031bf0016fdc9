using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Lti.Minimization;

namespace LmsPrivacy.Cli.Commands.Lti;

/// <summary><c>lmsprivacy lti minimize</c>: keep only the claims of the categories a purpose needs.</summary>
internal static class LtiMinimizeCommand
{
    public static Command Create(CliContext context)
    {
        var payload = new Argument<string>("payload") { Description = "The launch payload JSON, a compact JWT (decoded, not verified), or '-' for standard input." };
        var keep = new Option<string[]>("--keep")
        {
            Description = $"A category to keep; repeat for several. One of: {string.Join(", ", DataCategories.All.Select(c => c.ToCode()))}.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var dropMigration = new Option<bool>("--drop-migration-claims") { Description = "Also drop the LTI 1.1 migration claims (lti1p1, lti11_legacy_user_id), whatever is kept." };
        var command = new Command("minimize", "Print the launch with only the claims of the kept categories (text: the payload; json: payload, dropped paths, findings).")
        {
            payload, keep, dropMigration,
        };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var categories = new List<DataCategory>();
            foreach (var text in parseResult.GetRequiredValue(keep))
            {
                categories.Add(DataCategories.TryParse(text, out var category)
                    ? category
                    : throw new CliException($"--keep '{text}' is not a data category; use one of: {string.Join(", ", DataCategories.All.Select(c => c.ToCode()))}."));
            }

            var (launch, _) = LtiInput.Load(context, parseResult.GetRequiredValue(payload));
            var policy = new LtiMinimizationPolicy(categories) { DropMigrationClaims = parseResult.GetValue(dropMigration) };
            var result = new LtiMinimizer(policy).Minimize(launch);
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WritePropertyName("payload");
                    result.Payload.WriteTo(w);
                    w.WriteStartArray("dropped");
                    foreach (var path in result.Dropped)
                    {
                        w.WriteStringValue(path);
                    }

                    w.WriteEndArray();
                    CliJson.WriteFindings(w, result.Report.Findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                CliJson.Write(context, w => result.Payload.WriteTo(w));
            }

            return ExitCodes.For(result.Report.Findings);
        });
        return command;
    }
}
