using System.CommandLine;
using LmsPrivacy.Cli.Commands;

namespace LmsPrivacy.Cli.Infrastructure;

/// <summary>Every top-level command area. An area whose factory returns null is not built yet.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        Command?[] areas =
        [
            CheckCommand.Create(context),
            XapiCommand.Create(context),
            ScormCommand.Create(context),
            LtiCommand.Create(context),
            RetentionCommand.Create(context),
            DeadlineCommand.Create(context),
            RopaCommand.Create(context),
            DpaCommand.Create(context),
            DsrCommand.Create(context),
            HashCommand.Create(context),
            PseudonymCommand.Create(context),
        ];
        return areas.OfType<Command>();
    }
}
