using System.CommandLine;
using LmsPrivacy.Cli.Commands.Ropa;
using LmsPrivacy.Cli.Infrastructure;

namespace LmsPrivacy.Cli.Commands;

/// <summary><c>lmsprivacy ropa check|export</c>: GDPR Art. 30 records of processing.</summary>
internal static class RopaCommand
{
    public static Command? Create(CliContext context)
    {
        var command = new Command("ropa", "Records of processing activities (GDPR Art. 30): check them, export them (Markdown, CSV, XLSX, JSON-LD).");
        command.Subcommands.Add(RopaCheck.Create(context));
        command.Subcommands.Add(RopaExport.Create(context));
        return command;
    }
}
