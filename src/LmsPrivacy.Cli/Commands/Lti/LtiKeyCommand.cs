using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Lti.Keys;
using LmsPrivacy.Pseudonymization;

namespace LmsPrivacy.Cli.Commands.Lti;

/// <summary><c>lmsprivacy lti key</c>: the pseudonymous learner key of a launch.</summary>
internal static class LtiKeyCommand
{
    public static Command Create(CliContext context)
    {
        var payload = new Argument<string>("payload") { Description = "The launch payload JSON, a compact JWT (decoded, not verified), or '-' for standard input." };
        var keyFile = PseudonymCommand.KeyFileOption();
        var keyId = PseudonymCommand.KeyIdOption();
        var scope = new Option<string>("--scope")
        {
            Description = "issuer: (iss, sub); client: (iss, client_id, sub); deployment: (iss, client_id, deployment_id, sub). Default client.",
            DefaultValueFactory = static _ => "client",
        };
        scope.AcceptOnlyFromAmong("issuer", "client", "deployment");
        var clientId = new Option<string?>("--client-id") { Description = "The tool's client id (default: azp, else a single-valued aud)." };
        var command = new Command("key", "Derive the pseudonymous learner key of a launch (HMAC-SHA256 over iss, sub and the scope's claims; never e-mail or name).")
        {
            payload, keyFile, keyId, scope, clientId,
        };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var key = PseudonymCommand.LoadKey(context, parseResult.GetRequiredValue(keyFile), parseResult.GetValue(keyId) ?? "k1");
            var (launch, _) = LtiInput.Load(context, parseResult.GetRequiredValue(payload));
            var keyScope = parseResult.GetValue(scope) switch
            {
                "issuer" => LtiLearnerKeyScope.Issuer,
                "deployment" => LtiLearnerKeyScope.Deployment,
                _ => LtiLearnerKeyScope.Client,
            };
            var result = new LtiLearnerKeyDeriver(new Pseudonymizer(key), keyScope).Derive(launch, parseResult.GetValue(clientId));
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    if (result.Key is { } learnerKey)
                    {
                        w.WriteString("key", learnerKey);
                    }
                    else
                    {
                        w.WriteNull("key");
                    }

                    w.WriteString("scope", LtiLearnerKeyDeriver.ToCode(keyScope));
                    w.WriteString("keyId", key.Id);
                    w.WriteBoolean("anonymous", result.IsAnonymous);
                    CliJson.WriteFindings(w, result.Report.Findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Output.WriteLine(result.Key ?? (result.IsAnonymous ? "(anonymous launch: no learner key)" : "(no learner key)"));
                TextOutput.WriteFindings(context, [.. result.Report.Findings]);
            }

            return ExitCodes.For(result.Report.Findings);
        });
        return command;
    }
}
