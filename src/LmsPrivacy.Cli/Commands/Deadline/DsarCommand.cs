using System.CommandLine;
using System.Globalization;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Deadlines;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Cli.Commands.Deadline;

/// <summary><c>lmsprivacy deadline dsar --received &lt;date&gt; [--extended] [--country &lt;code&gt;] [--profile eu|uk]</c>.</summary>
internal static class DsarCommand
{
    public static Command Create(CliContext context)
    {
        var received = new Option<string>("--received")
        {
            Description = "The day the request was received, as YYYY-MM-DD.",
            Required = true,
            HelpName = "date",
        };
        var extended = new Option<bool>("--extended") { Description = "Include the two-month extension of Art. 12(3)." };
        var country = new Option<string?>("--country")
        {
            Description = "Whose public holidays apply: an EU/EEA code (DE, FR, EL/GR, …) with --profile eu; GB, GB-SCT or GB-NIR with --profile uk. Without it, only weekends count.",
            HelpName = "code",
        };
        var profile = new Option<string>("--profile")
        {
            Description = "eu (Regulation 1182/71, default) or uk (ICO counting).",
            DefaultValueFactory = static _ => "eu",
            HelpName = "eu|uk",
        };
        var command = new Command("dsar", "Due date of a data-subject request: one month from receipt (Art. 12(3)), optionally extended by two months.")
        {
            received, extended, country, profile,
        };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var day = ParseDate(parseResult.GetRequiredValue(received));
            // Checked here rather than with AcceptOnlyFromAmong, whose error spans several lines (the contract wants one).
            var chosenProfile = parseResult.GetValue(profile) switch
            {
                "eu" => DeadlineProfile.Eu,
                "uk" => DeadlineProfile.Uk,
                _ => throw new CliException("--profile must be eu or uk."),
            };
            var calendar = ResolveCountry(parseResult.GetValue(country), chosenProfile);
            var result = SubjectRequestDeadlines.ComputeWithCalendar(day, chosenProfile, calendar, parseResult.GetValue(extended));
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("received", Iso(result.Received));
                    w.WriteString("profile", chosenProfile == DeadlineProfile.Uk ? "uk" : "eu");
                    if (result.Country is null)
                    {
                        w.WriteNull("country");
                    }
                    else
                    {
                        w.WriteString("country", result.Country);
                    }

                    w.WriteBoolean("extended", result.Extended);
                    w.WriteString("due", Iso(result.Due));
                    w.WriteString("extensionNoticeDue", Iso(result.ExtensionNoticeDue));
                    w.WriteString("reason", result.Reason);
                    CliJson.WriteFindings(w, result.Findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Output.WriteLine($"due {Iso(result.Due)} ({result.Due.DayOfWeek})");
                if (result.Extended)
                {
                    context.Output.WriteLine($"extension notice due {Iso(result.ExtensionNoticeDue)} ({result.ExtensionNoticeDue.DayOfWeek})");
                }

                context.Output.WriteLine(result.Reason);
                TextOutput.WriteFindings(context, result.Findings);
            }

            return ExitCodes.For(result.Findings);
        });
        return command;
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static LocalDate ParseDate(string text)
    {
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (!parsed.Success)
        {
            throw new CliException("--received must be a calendar date written YYYY-MM-DD, such as 2026-03-05.");
        }

        var date = parsed.Value;
        if (date.Year is < SubjectRequestDeadlines.MinReceivedYear or > SubjectRequestDeadlines.MaxReceivedYear)
        {
            throw new CliException(string.Create(
                CultureInfo.InvariantCulture,
                $"--received must fall in the years {SubjectRequestDeadlines.MinReceivedYear} to {SubjectRequestDeadlines.MaxReceivedYear}."));
        }

        return date;
    }

    private static HolidayCalendar? ResolveCountry(string? code, DeadlineProfile profile)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        if (!HolidayCalendars.TryGet(code, out var calendar))
        {
            throw new CliException(
                $"--country: unknown country code; use one of {string.Join(", ", HolidayCalendars.EuEeaCodes)} (--profile eu) or {string.Join(", ", HolidayCalendars.UnitedKingdomCodes)} (--profile uk).");
        }

        var isUk = HolidayCalendars.IsUnitedKingdomCode(calendar.Code);
        if (profile == DeadlineProfile.Eu && isUk)
        {
            throw new CliException($"--country {calendar.Code} is a UK calendar; add --profile uk.");
        }

        if (profile == DeadlineProfile.Uk && !isUk)
        {
            throw new CliException($"--profile uk takes --country {string.Join(", ", HolidayCalendars.UnitedKingdomCodes)}; {calendar.Code} is an EU/EEA country.");
        }

        return calendar;
    }
}
