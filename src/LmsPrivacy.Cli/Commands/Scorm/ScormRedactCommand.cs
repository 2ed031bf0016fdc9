using System.CommandLine;
using LmsPrivacy.Classification;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Pseudonymization;
using LmsPrivacy.Scorm.Redaction;

namespace LmsPrivacy.Cli.Commands.Scorm;

/// <summary><c>lmsprivacy scorm redact --snapshot &lt;file.json&gt; --policy &lt;file.json|preset&gt; [--key-file]</c>.</summary>
internal static class ScormRedactCommand
{
    public static Command Create(CliContext context)
    {
        var snapshot = new Option<string>("--snapshot") { Description = "A JSON object of element → value ('-' for standard input).", Required = true };
        var policy = new Option<string>("--policy")
        {
            Description = "A policy file ({\"default\",\"categories\",\"elements\"}) or a preset: pseudonymize, minimal, statistics.",
            Required = true,
        };
        var keyFile = new Option<string>("--key-file") { Description = "Key for pseudonymization (base64 or hex, at least 32 bytes); required when the policy pseudonymizes." };
        var keyId = PseudonymCommand.KeyIdOption();
        var version = ScormCli.VersionOption();
        var command = new Command("redact", "Redact a CMI snapshot by data category: keep, drop, hash or pseudonymize each element.")
        {
            snapshot, policy, keyFile, keyId, version,
        };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var policyText = parseResult.GetRequiredValue(policy);
            ScormRedactionPolicy resolved;
            if (!ScormRedactionPolicy.Presets.TryGetValue(policyText, out resolved!)
                && !ScormRedactionPolicy.TryParse(InputFiles.ReadAllText(context, policyText), out resolved!, out var error))
            {
                throw new CliException($"policy '{policyText}': {error}");
            }

            Pseudonymizer? pseudonymizer = null;
            if (resolved.UsesPseudonymization)
            {
                var path = parseResult.GetValue(keyFile) ?? throw new CliException("the policy pseudonymizes some elements: pass --key-file <path>.");
                pseudonymizer = new Pseudonymizer(PseudonymCommand.LoadKey(context, path, parseResult.GetValue(keyId) ?? "k1"));
            }

            var pairs = ScormCli.ReadSnapshot(context, parseResult.GetRequiredValue(snapshot));
            var result = new ScormRedactor(resolved, pseudonymizer).Redact(ScormCli.GetVersion(parseResult, version), pairs);
            CliJson.Write(context, w =>
            {
                w.WriteStartObject();
                w.WriteStartObject("snapshot");
                foreach (var (element, value) in result.Snapshot)
                {
                    w.WriteString(element, value);
                }

                w.WriteEndObject();
                if (format == "json")
                {
                    w.WriteStartArray("elements");
                    foreach (var decision in result.Decisions)
                    {
                        w.WriteStartObject();
                        w.WriteString("element", decision.Element);
                        ScormClassifyCommand.WriteNullable(w, "category", decision.Category?.ToCode());
                        w.WriteString("action", decision.Action.ToCode());
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    CliJson.WriteFindings(w, []);
                }

                w.WriteEndObject();
            });
            return ExitCodes.Ok;
        });
        return command;
    }
}
