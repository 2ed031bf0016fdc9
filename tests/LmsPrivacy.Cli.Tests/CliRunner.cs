using System.Text;
using LmsPrivacy.Cli.Infrastructure;

namespace LmsPrivacy.Cli.Tests;

/// <summary>Runs the CLI in-process with captured standard output and error.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args) => await RunWithInputAsync(string.Empty, args);

    public static async Task<CliResult> RunWithInputAsync(string standardInput, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, () => new MemoryStream(Encoding.UTF8.GetBytes(standardInput)));
        var exitCode = await CliApp.RunAsync(args, context, TestContext.Current.CancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

/// <summary>What a CLI run produced.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Output).RootElement;
}
