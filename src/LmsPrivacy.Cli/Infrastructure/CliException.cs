namespace LmsPrivacy.Cli.Infrastructure;

/// <summary>The command could not run (bad usage, unreadable or malformed input): exit code 2 with one clear line.</summary>
internal sealed class CliException : Exception
{
    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
