using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Scorm;
using LmsPrivacy.Scorm.Validation;

namespace LmsPrivacy.Cli.Commands.Scorm;

/// <summary><c>lmsprivacy scorm validate [--scorm-version] &lt;element&gt; &lt;value&gt;</c> or <c>--snapshot &lt;file.json&gt;</c>.</summary>
internal static class ScormValidateCommand
{
    public static Command Create(CliContext context)
    {
        var arguments = new Argument<string[]>("element-and-value")
        {
            Description = "An element and the value a SCO sets (omit with --snapshot).",
            Arity = new ArgumentArity(0, 2),
        };
        var snapshot = new Option<string>("--snapshot")
        {
            Description = "A JSON object of element → value, applied in document order as SetValue calls ('-' for standard input).",
        };
        var version = ScormCli.VersionOption();
        var command = new Command("validate", "Check SetValue calls against the data model; report the SCORM error code (404, 406, 407, 408…) and findings.")
        {
            arguments, snapshot, version,
        };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var scormVersion = ScormCli.GetVersion(parseResult, version);
            var args = parseResult.GetValue(arguments) ?? [];
            var snapshotPath = parseResult.GetValue(snapshot);
            if (snapshotPath is not null)
            {
                if (args.Length != 0)
                {
                    throw new CliException("give either <element> <value> or --snapshot <file>, not both.");
                }

                return ValidateSnapshot(context, format, scormVersion, ScormCli.ReadSnapshot(context, snapshotPath));
            }

            if (args.Length != 2)
            {
                throw new CliException("give <element> <value>, or --snapshot <file>.");
            }

            var result = ScormValueValidator.ValidateSet(scormVersion, args[0], args[1]);
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("valid", result.IsValid);
                    w.WriteString("element", args[0]);
                    w.WriteString("value", args[1]);
                    WriteErrorCode(w, result);
                    CliJson.WriteFindings(w, result.Findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Output.WriteLine(result.IsValid ? $"valid: {args[0]}" : $"invalid: {args[0]} (SCORM error {result.ErrorCode})");
                TextOutput.WriteFindings(context, result.Findings, "  ");
            }

            return ExitCodes.For(result.Findings);
        });
        return command;
    }

    private static int ValidateSnapshot(CliContext context, string format, ScormVersion version, List<KeyValuePair<string, string>> pairs)
    {
        var report = new ScormSnapshotValidator(ScormCli.MaxSnapshotElements).Validate(version, pairs);
        if (format == "json")
        {
            CliJson.Write(context, w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("valid", report.IsValid);
                w.WriteString("scormVersion", version.ToCode());
                w.WriteStartArray("elements");
                foreach (var entry in report.Entries)
                {
                    w.WriteStartObject();
                    w.WriteString("element", entry.Element);
                    w.WriteString("value", entry.Value);
                    w.WriteBoolean("valid", entry.Result.IsValid);
                    WriteErrorCode(w, entry.Result);
                    CliJson.WriteFindings(w, entry.Result.Findings);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                CliJson.WriteFindings(w, report.Findings);
                w.WriteEndObject();
            });
        }
        else
        {
            foreach (var entry in report.Entries)
            {
                context.Output.WriteLine(entry.Result.IsValid ? $"ok    {entry.Element}" : $"{entry.Result.ErrorCode,-5} {entry.Element}");
                TextOutput.WriteFindings(context, entry.Result.Findings, "      ");
            }

            TextOutput.WriteSummary(context, report.Findings);
        }

        return ExitCodes.For(report.Findings);
    }

    /// <summary>Writes <c>"errorCode"</c>: the SCORM error code, or null when the call succeeds (SCORM's "0: no error").</summary>
    private static void WriteErrorCode(System.Text.Json.Utf8JsonWriter w, ScormSetResult result)
    {
        if (result.IsValid)
        {
            w.WriteNull("errorCode");
        }
        else
        {
            w.WriteNumber("errorCode", result.ErrorCode);
        }
    }
}
