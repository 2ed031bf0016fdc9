using System.CommandLine;
using LmsPrivacy.Classification;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Findings;
using LmsPrivacy.Scorm;
using LmsPrivacy.Scorm.Redaction;

namespace LmsPrivacy.Cli.Commands.Scorm;

/// <summary><c>lmsprivacy scorm classify [--scorm-version 2004|1.2] &lt;element&gt;...</c>.</summary>
internal static class ScormClassifyCommand
{
    public static Command Create(CliContext context)
    {
        var elements = new Argument<string[]>("element")
        {
            Description = "Data-model elements, concrete (cmi.interactions.3.learner_response) or as patterns (cmi.interactions.n.learner_response).",
            Arity = ArgumentArity.OneOrMore,
        };
        var version = ScormCli.VersionOption();
        var command = new Command("classify", "Say what each element is: type, access, GDPR data category and why.") { elements, version };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var scormVersion = ScormCli.GetVersion(parseResult, version);
            var results = ScormClassifier.Classify(scormVersion, parseResult.GetRequiredValue(elements));
            var findings = new List<Finding>();
            foreach (var result in results)
            {
                if (!result.Known)
                {
                    findings.Add(ScormRules.ElementUnknown.At(result.Element, $"This is not a SCORM {scormVersion.ToCode()} data model element; treat its value as personal data.", FindingSeverity.Warning));
                }
                else if (result.IsPersonalData)
                {
                    findings.Add(ScormRules.ClassifyPersonalData.At(result.Element, $"{result.Category!.Value.ToCode()}: {result.Reason}"));
                }
            }

            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("scormVersion", scormVersion.ToCode());
                    w.WriteStartArray("elements");
                    foreach (var result in results)
                    {
                        w.WriteStartObject();
                        w.WriteString("element", result.Element);
                        WriteNullable(w, "pattern", result.Descriptor?.Pattern);
                        w.WriteBoolean("known", result.Known);
                        WriteNullable(w, "type", result.Descriptor?.TypeName);
                        WriteNullable(w, "access", result.Descriptor?.AccessCode);
                        WriteNullable(w, "category", result.Category?.ToCode());
                        w.WriteBoolean("personalData", result.IsPersonalData);
                        w.WriteString("reason", result.Reason);
                        WriteNullable(w, "equivalent", result.Descriptor?.Equivalent);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    CliJson.WriteFindings(w, findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                foreach (var result in results)
                {
                    context.Output.WriteLine(result.Known
                        ? $"{result.Element}  [{result.Descriptor!.TypeName}, {result.Descriptor.AccessCode}]  {result.Category!.Value.ToCode()}: {result.Reason}"
                        : $"{result.Element}  unknown element: treat as personal data");
                }
            }

            return ExitCodes.For(findings);
        });
        return command;
    }

    internal static void WriteNullable(System.Text.Json.Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
