using System.CommandLine;
using System.Reflection;

namespace LmsPrivacy.Cli.Infrastructure;

/// <summary>Builds the command tree and runs it with the CLI contract: exit 0/1/2, one clear line on error, no stack traces.</summary>
internal static class CliApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "lmsprivacy: GDPR checks for learning-platform artifacts (xAPI, SCORM, LTI, retention, records of processing).");
        root.Options.Add(CommonOptions.Format);
        foreach (var command in CommandCatalog.Create(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var root = BuildRoot(context);
            var parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                // Some parser messages span several lines (e.g. the list of accepted values): keep the contract of one line.
                await context.Error.WriteLineAsync($"lmsprivacy: {OneLine(parseResult.Errors[0].Message)} (see 'lmsprivacy --help')").ConfigureAwait(false);
                return ExitCodes.CannotRun;
            }

            var configuration = new InvocationConfiguration
            {
                Output = context.Output,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            };
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (CliException ex)
        {
            await context.Error.WriteLineAsync($"lmsprivacy: {OneLine(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.CannotRun;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("lmsprivacy: cancelled").ConfigureAwait(false);
            return ExitCodes.CannotRun;
        }
        catch (Exception ex)
        {
            // Never a stack trace: one line naming what failed.
            await context.Error.WriteLineAsync($"lmsprivacy: could not run: {ex.GetType().Name}: {OneLine(ex.Message)}").ConfigureAwait(false);
            return ExitCodes.CannotRun;
        }
    }

    /// <summary>The contract is one line on standard error: fold any line breaks a message carries (file names included).</summary>
    internal static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
