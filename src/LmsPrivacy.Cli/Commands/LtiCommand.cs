using System.CommandLine;
using LmsPrivacy.Cli.Commands.Lti;
using LmsPrivacy.Cli.Infrastructure;

namespace LmsPrivacy.Cli.Commands;

/// <summary>The <c>lmsprivacy lti</c> area: validate, classify, minimize and key LTI 1.3 launches.</summary>
internal static class LtiCommand
{
    public static Command? Create(CliContext context)
    {
        var command = new Command("lti", "LTI 1.3 launches: validate claims, classify personal data, minimize, derive learner keys.");
        command.Subcommands.Add(LtiValidateCommand.Create(context));
        command.Subcommands.Add(LtiClassifyCommand.Create(context));
        command.Subcommands.Add(LtiMinimizeCommand.Create(context));
        command.Subcommands.Add(LtiKeyCommand.Create(context));
        return command;
    }
}
