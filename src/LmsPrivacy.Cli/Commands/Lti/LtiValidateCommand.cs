using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Lti;
using LmsPrivacy.Lti.Validation;
using NodaTime;

namespace LmsPrivacy.Cli.Commands.Lti;

/// <summary><c>lmsprivacy lti validate</c>: checks a decoded launch (or a compact JWT, not verified) against LTI 1.3 and the Security Framework.</summary>
internal static class LtiValidateCommand
{
    public static Command Create(CliContext context)
    {
        var payload = new Argument<string>("payload") { Description = "The launch payload JSON, a compact JWT (decoded, not verified), or '-' for standard input." };
        var issuer = new Option<string>("--issuer") { Description = "The registered platform issuer (exact, case-sensitive).", Required = true };
        var clientId = new Option<string>("--client-id") { Description = "The tool's client id at the platform.", Required = true };
        var deployments = new Option<string[]>("--deployment-id")
        {
            Description = "A registered deployment id; repeat for several.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var header = new Option<string?>("--header") { Description = "The JOSE header JSON file, to check kid and alg." };
        var now = new Option<string?>("--now") { Description = "The current time: unix seconds or ISO-8601 (default: the system clock)." };
        var leeway = new Option<int>("--leeway") { Description = "Clock skew tolerated on exp and iat, in seconds (default 60).", DefaultValueFactory = static _ => 60 };
        var allowAnonymous = new Option<bool>("--allow-anonymous") { Description = "Accept launches without sub (anonymous launches)." };
        var seenNonces = new Option<string[]>("--seen-nonce") { Description = "A nonce already used (the launch is a replay if it carries it); repeatable.", Arity = ArgumentArity.ZeroOrMore };
        var secret = new Option<string?>("--lti11-secret") { Description = "The LTI 1.1 shared secret, to verify lti1p1.oauth_consumer_key_sign." };
        var command = new Command("validate", "Validate a decoded LTI 1.3 launch: Security Framework checks, required claims per message type, anonymous launches.")
        {
            payload, issuer, clientId, deployments, header, now, leeway, allowAnonymous, seenNonces, secret,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var path = parseResult.GetRequiredValue(payload);
            var (launch, jwtHeader) = LtiInput.Load(context, path);
            var headerPath = parseResult.GetValue(header);
            if (headerPath is not null && jwtHeader is not null)
            {
                throw new CliException("--header cannot be combined with a compact JWT, which carries its own header.");
            }

            var headerElement = headerPath is null ? jwtHeader : LtiInput.LoadJson(context, headerPath);
            var leewaySeconds = parseResult.GetValue(leeway);
            if (leewaySeconds is < 0 or > 3600)
            {
                throw new CliException("--leeway must be between 0 and 3600 seconds.");
            }

            IClock clock = parseResult.GetValue(now) is { } nowText ? new FixedClock(CliTime.ParseInstant(nowText, allowUnixSeconds: true)) : SystemClock.Instance;
            LtiRegistration registration;
            try
            {
                registration = new LtiRegistration(parseResult.GetRequiredValue(issuer), parseResult.GetRequiredValue(clientId), parseResult.GetRequiredValue(deployments))
                {
                    Lti11Secret = parseResult.GetValue(secret),
                };
            }
            catch (ArgumentException)
            {
                throw new CliException("--issuer, --client-id and --deployment-id must not be empty.");
            }

            var nonces = new InMemoryLtiNonceStore(clock);
            foreach (var seen in parseResult.GetValue(seenNonces) ?? [])
            {
                await nonces.TryUseAsync(seen, Instant.MaxValue, cancellationToken);
            }

            var options = new LtiOptions { Leeway = Duration.FromSeconds(leewaySeconds), AllowAnonymous = parseResult.GetValue(allowAnonymous) };
            var validator = new LtiLaunchValidator(new InMemoryLtiRegistrationStore([registration]), nonces, clock, options);
            var result = await validator.ValidateAsync(launch, headerElement, cancellationToken);
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteBoolean("valid", result.IsValid);
                    w.WriteBoolean("anonymous", result.IsAnonymous);
                    if (result.MessageType is { } type)
                    {
                        w.WriteString("messageType", type);
                    }
                    else
                    {
                        w.WriteNull("messageType");
                    }

                    CliJson.WriteFindings(w, result.Findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Output.WriteLine($"{(result.IsValid ? "valid" : "invalid")} {result.MessageType ?? "(unknown message type)"}{(result.IsAnonymous ? " (anonymous)" : string.Empty)}");
                TextOutput.WriteFindings(context, [.. result.Findings], "  ");
                TextOutput.WriteSummary(context, [.. result.Findings]);
            }

            return ExitCodes.For(result.Findings);
        });
        return command;
    }
}
