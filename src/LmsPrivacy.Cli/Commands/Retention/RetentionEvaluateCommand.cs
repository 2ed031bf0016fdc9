using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Retention.Clock;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;

namespace LmsPrivacy.Cli.Commands.Retention;

/// <summary><c>lmsprivacy retention evaluate &lt;registry.json|-&gt; [--now &lt;ISO-8601&gt;]</c>.</summary>
internal static class RetentionEvaluateCommand
{
    public static Command Create(CliContext context)
    {
        var registry = RetentionCli.RegistryArgument();
        var now = RetentionCli.NowOption();
        var command = new Command("evaluate", "Evaluate every context of a registry document: status, expiry, expired and unexpired roles, and the reason.")
        {
            registry, now,
        };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var (document, loadFindings) = RetentionCli.Load(context, parseResult.GetRequiredValue(registry));
            var zone = RetentionCli.ZoneOf(document);
            var at = CliTime.ParseInstant(parseResult.GetValue(now), zone);
            var report = document?.Evaluate(at) ?? new RetentionReport(at, [], loadFindings);
            if (format == "json")
            {
                WriteJson(context, report, zone.Id);
            }
            else
            {
                WriteText(context, report, zone);
            }

            return ExitCodes.For(report.Findings);
        });
        return command;
    }

    private static void WriteJson(CliContext context, RetentionReport report, string zone) => CliJson.Write(context, w =>
    {
        w.WriteStartObject();
        w.WriteBoolean("valid", report.IsValid);
        w.WriteString("evaluatedAt", RetentionCli.Format(report.EvaluatedAt));
        w.WriteString("timeZone", zone);
        w.WriteStartArray("contexts");
        foreach (var row in report.Contexts)
        {
            w.WriteStartObject();
            w.WriteString("id", row.Id);
            w.WriteString("kind", row.Kind.ToCode());
            w.WriteString("status", row.Status.ToCode());
            RetentionCli.WriteNullableInstant(w, "expiresAt", row.ExpiresAt);
            RetentionCli.WriteStrings(w, "expiredRoles", row.ExpiredRoles);
            RetentionCli.WriteStrings(w, "unexpiredRoles", row.UnexpiredRoles);
            w.WriteString("reason", row.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        var s = report.Summary;
        w.WriteStartObject("summary");
        w.WriteNumber("contexts", s.Contexts);
        w.WriteNumber("expired", s.Expired);
        w.WriteNumber("partlyExpired", s.PartlyExpired);
        w.WriteNumber("notExpired", s.NotExpired);
        w.WriteNumber("noAnchor", s.NoAnchor);
        w.WriteNumber("ineligible", s.Ineligible);
        w.WriteNumber("needsReview", s.NeedsReview);
        w.WriteEndObject();
        CliJson.WriteFindings(w, report.Findings);
        w.WriteEndObject();
    });

    private static void WriteText(CliContext context, RetentionReport report, NodaTime.DateTimeZone zone)
    {
        var output = context.Output;
        output.WriteLine($"Retention as of {PeriodText.When(report.EvaluatedAt, zone)} ({zone.Id})");
        foreach (var row in report.Contexts)
        {
            var expires = row.ExpiresAt is { } e ? PeriodText.When(e, zone) : "-";
            output.WriteLine($"{row.Status.ToCode(),-14} {row.Kind.ToCode(),-8} {row.Id}  (expires {expires})");
            output.WriteLine($"               {row.Reason}");
        }

        var s = report.Summary;
        output.WriteLine();
        output.WriteLine($"{s.Contexts} context(s): {s.Expired} expired, {s.PartlyExpired} partly expired, {s.NotExpired} not expired, {s.NoAnchor} without anchor (clock never starts), {s.Ineligible} ineligible, {s.NeedsReview} needing review");
        if (report.Findings.Count > 0)
        {
            output.WriteLine();
            TextOutput.WriteFindings(context, report.Findings);
            TextOutput.WriteSummary(context, report.Findings);
        }
    }
}
