using System.CommandLine;
using LmsPrivacy.Cli.Commands.Deadline;
using LmsPrivacy.Cli.Infrastructure;

namespace LmsPrivacy.Cli.Commands;

/// <summary>
/// <c>lmsprivacy deadline dsar|breach</c>: GDPR deadlines — a data-subject request's due date (Art. 12(3), counted per
/// Regulation 1182/71 or as the ICO counts) and the 72-hour breach notification (Art. 33).
/// </summary>
internal static class DeadlineCommand
{
    public static Command? Create(CliContext context)
    {
        var command = new Command("deadline", "GDPR deadlines: a data-subject request's due date, or a breach notification's.");
        command.Subcommands.Add(DsarCommand.Create(context));
        command.Subcommands.Add(BreachCommand.Create(context));
        return command;
    }
}
