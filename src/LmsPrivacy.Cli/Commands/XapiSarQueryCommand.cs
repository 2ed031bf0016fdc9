using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Xapi.SubjectAccess;
using NodaTime.Text;

namespace LmsPrivacy.Cli.Commands;

/// <summary>
/// <c>lmsprivacy xapi sar-query --endpoint &lt;url&gt; --agent &lt;json&gt; [--agent &lt;json&gt;...]</c>: the LRS requests of a
/// subject access request (one GET statements per IFI, the agents look-ups and the version header). Offline: prints, never sends.
/// </summary>
internal static class XapiSarQueryCommand
{
    internal static Command Create(CliContext context)
    {
        var endpoint = new Option<string>("--endpoint") { Description = "The LRS endpoint, such as https://lrs.example.org/xAPI/.", Required = true };
        var agents = new Option<string[]>("--agent") { Description = "An agent JSON the learner is known by; repeat for each IFI.", Required = true };
        var related = new Option<bool>("--related-agents") { Description = "Send related_agents=true (default true).", DefaultValueFactory = static _ => true };
        var statementFormat = new Option<string>("--statement-format") { Description = "exact (default), ids or canonical.", DefaultValueFactory = static _ => "exact" };
        statementFormat.AcceptOnlyFromAmong("exact", "ids", "canonical");
        var since = new Option<string>("--since") { Description = "Only statements stored after this instant (ISO 8601, UTC, e.g. 2026-01-01T00:00:00Z)." };
        var until = new Option<string>("--until") { Description = "Only statements stored up to this instant (ISO 8601, UTC)." };
        var limit = new Option<int?>("--limit") { Description = "Page size to ask for (0 = server maximum)." };
        var version = new Option<string>("--xapi-version") { Description = "X-Experience-API-Version header (default 1.0.3).", DefaultValueFactory = static _ => "1.0.3" };
        var command = new Command("sar-query", "Print the LRS requests of a subject access request (one GET statements per IFI, GET agents, the version header).")
        {
            endpoint, agents, related, statementFormat, since, until, limit, version,
        };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            if (!Uri.TryCreate(parseResult.GetRequiredValue(endpoint), UriKind.Absolute, out var uri))
            {
                throw new CliException("--endpoint must be an absolute http(s) URL.");
            }

            var options = new SubjectAccessQueryOptions
            {
                Version = parseResult.GetValue(version) ?? "1.0.3",
                RelatedAgents = parseResult.GetValue(related),
                Format = parseResult.GetValue(statementFormat) switch { "ids" => StatementFormat.Ids, "canonical" => StatementFormat.Canonical, _ => StatementFormat.Exact },
                Since = ParseInstant(parseResult.GetValue(since), "--since"),
                Until = ParseInstant(parseResult.GetValue(until), "--until"),
                Limit = parseResult.GetValue(limit) is { } l ? (l < 0 ? throw new CliException("--limit cannot be negative.") : l) : null,
            };
            SubjectAccessQueryBuilder builder;
            try
            {
                builder = new SubjectAccessQueryBuilder(uri, options);
            }
            catch (ArgumentException ex)
            {
                throw new CliException("--endpoint: " + ex.Message.Split(" (Parameter", 2)[0]);
            }

            var parsed = new List<SubjectAgent>();
            var index = 0;
            foreach (var json in parseResult.GetRequiredValue(agents))
            {
                index++;
                if (!SubjectAgent.TryParse(json, out var agent, out var error))
                {
                    throw new CliException($"--agent #{index}: {error}");
                }

                parsed.Add(agent);
            }

            var distinct = SubjectAccessQueryBuilder.Distinct(parsed);
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("endpoint", builder.Endpoint.AbsoluteUri);
                    w.WriteStartObject("headers");
                    foreach (var (name, value) in builder.Headers)
                    {
                        w.WriteString(name, value);
                    }

                    w.WriteEndObject();
                    w.WriteStartArray("queries");
                    foreach (var agent in distinct)
                    {
                        w.WriteStartObject();
                        w.WriteString("ifi", agent.Ifi);
                        w.WriteString("agent", agent.Json);
                        w.WriteString("statements", builder.StatementQuery(agent).AbsoluteUri);
                        w.WriteString("agents", builder.AgentsQuery(agent).AbsoluteUri);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteString("voidedStatementTemplate", builder.VoidedStatementQuery(Guid.Empty.ToString()).AbsoluteUri.Replace(Guid.Empty.ToString(), "{statementId}", StringComparison.Ordinal));
                    CliJson.WriteFindings(w, []);
                    w.WriteEndObject();
                });
            }
            else
            {
                foreach (var (name, value) in builder.Headers)
                {
                    context.Output.WriteLine($"# {name}: {value}");
                }

                foreach (var agent in distinct)
                {
                    context.Output.WriteLine("GET " + builder.StatementQuery(agent).AbsoluteUri);
                    context.Output.WriteLine("GET " + builder.AgentsQuery(agent).AbsoluteUri);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static NodaTime.Instant? ParseInstant(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        var result = InstantPattern.ExtendedIso.Parse(text);
        return result.Success ? result.Value : throw new CliException($"{option} must be an ISO 8601 UTC instant such as 2026-01-01T00:00:00Z.");
    }
}
