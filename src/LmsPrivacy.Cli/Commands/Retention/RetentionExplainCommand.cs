using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;

namespace LmsPrivacy.Cli.Commands.Retention;

/// <summary><c>lmsprivacy retention explain &lt;registry.json|-&gt; &lt;contextId&gt; [--now …]</c>.</summary>
internal static class RetentionExplainCommand
{
    public static Command Create(CliContext context)
    {
        var registry = RetentionCli.RegistryArgument();
        var contextId = new Argument<string>("contextId") { Description = "The id of the context to explain." };
        var now = RetentionCli.NowOption();
        var command = new Command("explain", "Explain one context in words: which purpose applies and from where, which anchor, which date, which status.")
        {
            registry, contextId, now,
        };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var path = parseResult.GetRequiredValue(registry);
            var id = parseResult.GetRequiredValue(contextId);
            var (document, loadFindings) = RetentionCli.Load(context, path);
            var zone = RetentionCli.ZoneOf(document);
            var at = CliTime.ParseInstant(parseResult.GetValue(now), zone);
            if (document is null)
            {
                if (format == "json")
                {
                    CliJson.Write(context, w =>
                    {
                        w.WriteStartObject();
                        w.WriteString("id", id);
                        CliJson.WriteFindings(w, loadFindings);
                        w.WriteEndObject();
                    });
                }
                else
                {
                    TextOutput.WriteFindings(context, loadFindings);
                    TextOutput.WriteSummary(context, loadFindings);
                }

                return ExitCodes.For(loadFindings);
            }

            var explanation = document.Explain(id, at) ?? throw new CliException($"'{path}' has no context with id '{id}'.");
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    var row = explanation.Evaluation;
                    w.WriteStartObject();
                    w.WriteString("id", explanation.Context.Id);
                    w.WriteString("kind", explanation.Context.Kind.ToCode());
                    w.WriteString("evaluatedAt", RetentionCli.Format(at));
                    w.WriteString("timeZone", zone.Id);
                    WriteResolved(w, "purpose", explanation.Resolution.Purpose, explanation.Purpose?.Name);
                    WriteResolved(w, "category", explanation.Resolution.Category, explanation.Category?.Name);
                    w.WriteStartObject("anchor");
                    w.WriteString("kind", RetentionCli.AnchorCode(row?.Anchor.Kind ?? AnchorKind.None));
                    RetentionCli.WriteNullableInstant(w, "at", row?.Anchor.At);
                    if (row?.Anchor.FromContextId is { } from)
                    {
                        w.WriteString("fromContext", from);
                    }
                    else
                    {
                        w.WriteNull("fromContext");
                    }

                    w.WriteEndObject();
                    RetentionCli.WriteNullableInstant(w, "expiresAt", row?.ExpiresAt);
                    if (row is null)
                    {
                        w.WriteNull("status");
                        w.WriteNull("reason");
                    }
                    else
                    {
                        w.WriteString("status", row.Status.ToCode());
                        w.WriteString("reason", row.Reason);
                    }

                    RetentionCli.WriteStrings(w, "expiredRoles", row?.ExpiredRoles ?? []);
                    RetentionCli.WriteStrings(w, "unexpiredRoles", row?.UnexpiredRoles ?? []);
                    RetentionCli.WriteStrings(w, "explanation", explanation.Lines);
                    CliJson.WriteFindings(w, explanation.Findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                foreach (var line in explanation.Lines)
                {
                    context.Output.WriteLine(line);
                }

                if (explanation.Findings.Count > 0)
                {
                    context.Output.WriteLine();
                    TextOutput.WriteFindings(context, explanation.Findings);
                }
            }

            return ExitCodes.For(explanation.Findings);
        });
        return command;
    }

    private static void WriteResolved(System.Text.Json.Utf8JsonWriter w, string name, ResolvedValue value, string? displayName)
    {
        if (value.Id is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("id", value.Id);
        if (displayName is not null)
        {
            w.WriteString("name", displayName);
        }

        w.WriteString("source", RetentionCli.SourceCode(value.Source));
        if (value.FromContextId is { } from)
        {
            w.WriteString("fromContext", from);
        }
        else
        {
            w.WriteNull("fromContext");
        }

        w.WriteEndObject();
    }
}
