using System.CommandLine;
using System.Text.Json;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Deadlines;
using LmsPrivacy.SubjectRequests;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Cli.Commands.Dsr;

/// <summary>The <c>--country</c>, <c>--profile</c> and <c>--time-zone</c> options of <c>dsr export|erase</c>: how the due date is counted.</summary>
internal sealed class DsrDeadline
{
    public Option<string?> Country { get; } = new("--country")
    {
        Description = "Whose public holidays move the due date: an EU/EEA code (DE, FR, EL/GR, …) with --profile eu; GB, GB-SCT or GB-NIR with --profile uk. Without it, only weekends count.",
        HelpName = "code",
    };

    public Option<string> Profile { get; } = new("--profile")
    {
        Description = "eu (Art. 12(3) counted per Regulation 1182/71, default) or uk (ICO counting).",
        DefaultValueFactory = static _ => "eu",
        HelpName = "eu|uk",
    };

    public Option<string> TimeZone { get; } = new("--time-zone")
    {
        Description = "The IANA time zone in which the receipt date is read (default UTC).",
        DefaultValueFactory = static _ => "UTC",
        HelpName = "zone",
    };

    public Option<string?> Received { get; } = new("--received")
    {
        Description = "The day the request was received, as YYYY-MM-DD (default: today in --time-zone); the due date counts from it.",
        HelpName = "date",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Received);
        command.Options.Add(Country);
        command.Options.Add(Profile);
        command.Options.Add(TimeZone);
    }

    /// <summary>Builds the due-date rule; a bad option is exit 2 with one line.</summary>
    public GdprDueDateCalculator Calculator(ParseResult parseResult)
    {
        // Checked here rather than with AcceptOnlyFromAmong, whose error spans several lines (the contract wants one).
        var profile = parseResult.GetValue(Profile) switch
        {
            "eu" => DeadlineProfile.Eu,
            "uk" => DeadlineProfile.Uk,
            _ => throw new CliException("--profile must be eu or uk."),
        };
        var zoneId = parseResult.GetValue(TimeZone) ?? "UTC";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new CliException("--time-zone must be an IANA time zone id such as Europe/Berlin or UTC.");
        var country = parseResult.GetValue(Country);
        if (!string.IsNullOrWhiteSpace(country))
        {
            if (!HolidayCalendars.TryGet(country, out var calendar))
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
        }

        return new GdprDueDateCalculator(profile, country, zone);
    }

    /// <summary>Receives the request: on the <c>--received</c> day (its start in the zone) or now.</summary>
    public CandidateSubjectRequest Receive(ParseResult parseResult, SubjectRequestKind kind, DataSubject subject, IClock clock)
    {
        var calculator = Calculator(parseResult);
        var text = parseResult.GetValue(Received);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SubjectRequestIntake(clock, calculator).Receive(kind, subject);
        }

        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (!parsed.Success || parsed.Value.Year is < SubjectRequestDeadlines.MinReceivedYear or > SubjectRequestDeadlines.MaxReceivedYear)
        {
            throw new CliException("--received must be a calendar date written YYYY-MM-DD, such as 2026-03-05.");
        }

        var receivedAt = parsed.Value.AtStartOfDayInZone(calculator.Zone).ToInstant();
        if (receivedAt > clock.GetCurrentInstant())
        {
            throw new CliException("--received cannot be in the future.");
        }

        return CandidateSubjectRequest.FromDeadline($"dsr-{Guid.NewGuid():N}", kind, subject, receivedAt, calculator.Calculate(receivedAt, kind, extended: false));
    }

    /// <summary>Writes <c>due</c>, <c>extensionNoticeDue</c> and <c>dueReason</c>.</summary>
    public static void Write(Utf8JsonWriter writer, ApprovedSubjectRequest request)
    {
        writer.WriteString("due", LocalDatePattern.Iso.Format(request.Due));
        writer.WriteString("extensionNoticeDue", LocalDatePattern.Iso.Format(request.ExtensionNoticeDue));
        if (request.DueReason is not null)
        {
            writer.WriteString("dueReason", request.DueReason);
        }
    }

    /// <summary>The text-output line.</summary>
    public static string Line(ApprovedSubjectRequest request) =>
        $"due {LocalDatePattern.Iso.Format(request.Due)} ({request.Due.DayOfWeek})";
}
