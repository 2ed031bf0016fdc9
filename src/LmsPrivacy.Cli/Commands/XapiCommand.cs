using System.CommandLine;
using LmsPrivacy.Cli.Commands.Xapi;
using LmsPrivacy.Cli.Infrastructure;

namespace LmsPrivacy.Cli.Commands;

/// <summary>The `lmsprivacy xapi` area: validate, sha1, pseudonymize, scan, sar-query.</summary>
internal static class XapiCommand
{
    public static Command? Create(CliContext context)
    {
        var command = new Command("xapi", "xAPI statements: validate against the spec, mbox_sha1sum, keyed pseudonymization, personal-data scan.");
        command.Subcommands.Add(XapiValidateCommand.Create(context));
        command.Subcommands.Add(XapiSha1Command.Create(context));
        command.Subcommands.Add(XapiPseudonymizeCommand.Create(context));
        command.Subcommands.Add(XapiScanCommand.Create(context));
        command.Subcommands.Add(XapiSarQueryCommand.Create(context));
        return command;
    }
}
