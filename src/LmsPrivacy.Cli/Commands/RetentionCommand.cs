using System.CommandLine;
using LmsPrivacy.Cli.Commands.Retention;
using LmsPrivacy.Cli.Infrastructure;

namespace LmsPrivacy.Cli.Commands;

/// <summary>The <c>lmsprivacy retention</c> area: evaluate a registry document, explain one context.</summary>
internal static class RetentionCommand
{
    public static Command? Create(CliContext context)
    {
        var command = new Command("retention", "Retention clocks over an LMS context tree: which data has expired, which clock never starts, and why.");
        command.Subcommands.Add(RetentionEvaluateCommand.Create(context));
        command.Subcommands.Add(RetentionExplainCommand.Create(context));
        return command;
    }
}
