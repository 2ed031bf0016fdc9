using System.CommandLine;
using LmsPrivacy.Cli.Commands.Scorm;
using LmsPrivacy.Cli.Infrastructure;

namespace LmsPrivacy.Cli.Commands;

/// <summary>The <c>lmsprivacy scorm</c> area: classify, validate, redact and audit.</summary>
internal static class ScormCommand
{
    public static Command? Create(CliContext context)
    {
        var command = new Command("scorm", "SCORM 2004 / 1.2: classify data-model elements, validate values and snapshots, redact snapshots, audit content packages.");
        command.Subcommands.Add(ScormClassifyCommand.Create(context));
        command.Subcommands.Add(ScormValidateCommand.Create(context));
        command.Subcommands.Add(ScormRedactCommand.Create(context));
        command.Subcommands.Add(ScormAuditCommand.Create(context));
        return command;
    }
}
