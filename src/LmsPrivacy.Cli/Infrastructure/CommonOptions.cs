using System.CommandLine;

namespace LmsPrivacy.Cli.Infrastructure;

/// <summary>Options shared by every command.</summary>
internal static class CommonOptions
{
    /// <summary><c>--format text|json</c>, recursive so every command accepts it; commands with more formats (check) accept more.</summary>
    public static Option<string> Format { get; } = new("--format")
    {
        Description = "Output format: text (default) or json; some commands accept more (see their help).",
        DefaultValueFactory = static _ => "text",
        Recursive = true,
        HelpName = "text|json",
    };

    /// <summary>Returns the output format, refusing values this command does not support.</summary>
    public static string GetFormat(ParseResult parseResult, params string[] allowed)
    {
        var format = parseResult.GetValue(Format) ?? "text";
        string[] accepted = allowed.Length == 0 ? ["text", "json"] : allowed;
        if (!accepted.Contains(format, StringComparer.Ordinal))
        {
            throw new CliException($"--format '{format}' is not supported here; use one of: {string.Join(", ", accepted)}.");
        }

        return format;
    }

    public static bool IsJson(ParseResult parseResult) => GetFormat(parseResult) == "json";
}
