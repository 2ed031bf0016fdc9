using System.CommandLine;
using LmsPrivacy.Cli.Commands.Ropa;
using LmsPrivacy.Cli.Infrastructure;

namespace LmsPrivacy.Cli.Commands;

/// <summary><c>lmsprivacy dpa check</c>: GDPR Art. 28 data processing agreements.</summary>
internal static class DpaCommand
{
    public static Command? Create(CliContext context)
    {
        var command = new Command("dpa", "Data processing agreements (GDPR Art. 28): assess each clause as met, weak or missing.");
        command.Subcommands.Add(DpaCheck.Create(context));
        return command;
    }
}
