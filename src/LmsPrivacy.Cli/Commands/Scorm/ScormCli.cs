using System.CommandLine;
using System.Text.Json;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Scorm;

namespace LmsPrivacy.Cli.Commands.Scorm;

/// <summary>Options and input helpers shared by the scorm verbs.</summary>
internal static class ScormCli
{
    /// <summary>The largest number of elements read from a snapshot.</summary>
    public const int MaxSnapshotElements = 100_000;

    public static Option<string> VersionOption()
    {
        var option = new Option<string>("--scorm-version")
        {
            Description = "The data model: 2004 (4th Edition, default) or 1.2.",
            DefaultValueFactory = static _ => "2004",
            HelpName = "2004|1.2",
        };
        option.AcceptOnlyFromAmong("2004", "1.2");
        return option;
    }

    public static ScormVersion GetVersion(ParseResult parseResult, Option<string> option) =>
        ScormVersions.TryParse(parseResult.GetValue(option), out var version) ? version : ScormVersion.Scorm2004;

    /// <summary>Reads a snapshot: a JSON object of element → value (strings; numbers are taken as written), in document order.</summary>
    public static List<KeyValuePair<string, string>> ReadSnapshot(CliContext context, string path)
    {
        var bytes = InputFiles.ReadAllBytes(context, path);
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"'{path}' must hold a JSON object of element → value.");
            }

            var pairs = new List<KeyValuePair<string, string>>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (pairs.Count >= MaxSnapshotElements)
                {
                    throw new CliException($"'{path}' has more than {MaxSnapshotElements} elements.");
                }

                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number => property.Value.GetRawText(),
                    _ => throw new CliException($"'{path}': the value of '{property.Name}' must be a string (SCORM values are character strings)."),
                };
                pairs.Add(KeyValuePair.Create(property.Name, value));
            }

            return pairs;
        }
        catch (JsonException ex)
        {
            throw new CliException($"'{path}' is not valid JSON (line {(ex.LineNumber ?? 0) + 1}).");
        }
    }
}
