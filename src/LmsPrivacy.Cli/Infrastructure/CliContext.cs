namespace LmsPrivacy.Cli.Infrastructure;

/// <summary>Where a command reads and writes: the console in production, buffers in tests.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, Func<Stream> openStandardInput, bool errorIsTerminal = false)
    {
        Output = output;
        Error = error;
        OpenStandardInput = openStandardInput;
        ErrorIsTerminal = errorIsTerminal;
    }

    public TextWriter Output { get; }

    public TextWriter Error { get; }

    public Func<Stream> OpenStandardInput { get; }

    /// <summary>Gets a value indicating whether standard error is a terminal (progress is shown only then).</summary>
    public bool ErrorIsTerminal { get; }

    public static CliContext FromConsole() =>
        new(Console.Out, Console.Error, Console.OpenStandardInput, !Console.IsErrorRedirected);
}
