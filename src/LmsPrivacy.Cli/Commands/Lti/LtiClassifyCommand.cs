using System.CommandLine;
using LmsPrivacy.Classification;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Lti.Claims;

namespace LmsPrivacy.Cli.Commands.Lti;

/// <summary><c>lmsprivacy lti classify</c>: the personal-data category of every claim.</summary>
internal static class LtiClassifyCommand
{
    public static Command Create(CliContext context)
    {
        var payload = new Argument<string>("payload") { Description = "The launch payload JSON, a compact JWT (decoded, not verified), or '-' for standard input." };
        var command = new Command("classify", "Classify every claim of a launch by personal-data category; custom values are inspected.") { payload };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var (launch, _) = LtiInput.Load(context, parseResult.GetRequiredValue(payload));
            var result = LtiClaimClassifier.Default.Classify(launch);
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("claims");
                    foreach (var claim in result.Claims)
                    {
                        w.WriteStartObject();
                        w.WriteString("path", claim.Path);
                        w.WriteString("category", claim.Category.ToCode());
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    CliJson.WriteFindings(w, result.Findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                var width = result.Claims.Count == 0 ? 0 : result.Claims.Max(c => c.Category.ToCode().Length);
                foreach (var claim in result.Claims)
                {
                    context.Output.WriteLine($"{claim.Category.ToCode().PadRight(width)}  {claim.Path}");
                }

                TextOutput.WriteFindings(context, [.. result.Findings]);
            }

            return ExitCodes.For(result.Findings);
        });
        return command;
    }
}
