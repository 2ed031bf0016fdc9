using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Deadlines;
using LmsPrivacy.Findings;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Cli.Commands.Deadline;

/// <summary><c>lmsprivacy deadline breach --aware-at &lt;instant&gt; [--role controller|processor] [--notice-hours N]</c>.</summary>
internal static class BreachCommand
{
    private static readonly OffsetDateTimePattern[] Patterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    public static Command Create(CliContext context)
    {
        var awareAt = new Option<string>("--aware-at")
        {
            Description = "When the controller (or, with --role processor, the processor) became aware, ISO 8601 with Z or an offset: 2026-11-20T17:30:00Z.",
            Required = true,
            HelpName = "instant",
        };
        var role = new Option<string>("--role")
        {
            Description = "controller (default): 72 hours to the supervisory authority; processor: notice to the controller.",
            DefaultValueFactory = static _ => "controller",
            HelpName = "controller|processor",
        };
        var noticeHours = new Option<int?>("--notice-hours")
        {
            Description = "With --role processor: the contractual notice window in hours (1–720). Without it: 'without undue delay' only.",
            HelpName = "hours",
        };
        var command = new Command("breach", "Breach-notification deadline: 72 hours from awareness (Art. 33(1)), never moved for weekends; or a processor's notice (Art. 33(2)).")
        {
            awareAt, role, noticeHours,
        };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var aware = ParseInstant(parseResult.GetRequiredValue(awareAt));
            var hours = parseResult.GetValue(noticeHours);
            // Checked here rather than with AcceptOnlyFromAmong, whose error spans several lines (the contract wants one).
            var isProcessor = parseResult.GetValue(role) switch
            {
                "controller" => false,
                "processor" => true,
                _ => throw new CliException("--role must be controller or processor."),
            };
            if (!isProcessor && hours is not null)
            {
                throw new CliException("--notice-hours applies to --role processor only.");
            }

            if (hours is < 1 or > 720)
            {
                throw new CliException("--notice-hours must be a whole number of hours from 1 to 720.");
            }

            string roleName;
            Instant? due;
            Instant? controllerLatest = null;
            string reason;
            IReadOnlyList<Finding> findings;
            if (isProcessor)
            {
                var window = hours is { } h ? ProcessorNoticeWindow.Hours(h) : ProcessorNoticeWindow.WithoutUndueDelay;
                var result = BreachDeadlines.ComputeProcessorNotice(aware, window);
                (roleName, due, controllerLatest, reason, findings) = ("processor", result.Due, result.ControllerDueAtLatest, result.Reason, result.Findings);
            }
            else
            {
                var result = BreachDeadlines.Compute(aware);
                (roleName, due, reason, findings) = ("controller", result.Due, result.Reason, result.Findings);
            }

            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("role", roleName);
                    w.WriteString("awareAt", Iso(aware));
                    WriteInstant(w, "due", due);
                    if (isProcessor)
                    {
                        if (hours is { } windowHours)
                        {
                            w.WriteNumber("noticeHours", windowHours);
                        }
                        else
                        {
                            w.WriteNull("noticeHours");
                        }

                        WriteInstant(w, "controllerDueAtLatest", controllerLatest);
                    }

                    w.WriteString("reason", reason);
                    CliJson.WriteFindings(w, findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Output.WriteLine(due is { } d ? $"due {Iso(d)} ({d.InUtc().DayOfWeek}, UTC)" : "due: without undue delay (no fixed deadline)");
                if (controllerLatest is { } latest)
                {
                    context.Output.WriteLine($"controller's 72 hours end at the latest {Iso(latest)}");
                }

                context.Output.WriteLine(reason);
                TextOutput.WriteFindings(context, findings);
            }

            return ExitCodes.For(findings);
        });
        return command;
    }

    private static string Iso(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static void WriteInstant(System.Text.Json.Utf8JsonWriter w, string name, Instant? value)
    {
        if (value is { } instant)
        {
            w.WriteString(name, Iso(instant));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static Instant ParseInstant(string text)
    {
        foreach (var pattern in Patterns)
        {
            var parsed = pattern.Parse(text.Trim());
            if (parsed.Success)
            {
                var instant = parsed.Value.ToInstant();
                if (instant < Instant.FromUtc(1600, 1, 1, 0, 0) || instant > Instant.FromUtc(9980, 1, 1, 0, 0))
                {
                    throw new CliException("--aware-at must fall in the years 1600 to 9979.");
                }

                return instant;
            }
        }

        throw new CliException("--aware-at must be an ISO 8601 instant with Z or an offset, such as 2026-11-20T17:30:00Z.");
    }
}
