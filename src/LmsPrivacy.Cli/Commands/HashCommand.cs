using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Pseudonymization;

namespace LmsPrivacy.Cli.Commands;

/// <summary><c>lmsprivacy hash sha1|sha256 &lt;text|-&gt;</c>: plain hashes of UTF-8 text; the input is never echoed.</summary>
internal static class HashCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("hash", "Plain (unkeyed) SHA-1 or SHA-256 of UTF-8 text, lower-case hex. Not pseudonymization: see 'pseudonym'.");
        command.Subcommands.Add(Algorithm(context, "sha1", "SHA-1 (only where a spec requires it, e.g. xAPI mbox_sha1sum).", TextHash.Sha1Hex));
        command.Subcommands.Add(Algorithm(context, "sha256", "SHA-256.", TextHash.Sha256Hex));
        return command;
    }

    private static Command Algorithm(CliContext context, string name, string description, Func<string, string> hash)
    {
        var text = new Argument<string>("text")
        {
            Description = "The text to hash, or '-' to read it from standard input (one trailing newline is removed).",
        };
        var command = new Command(name, description) { text };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var input = parseResult.GetRequiredValue(text);
            if (input == "-")
            {
                input = StripOneNewline(InputFiles.ReadAllText(context, "-"));
            }

            var hex = hash(input);
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("algorithm", name);
                    w.WriteString("hex", hex);
                    CliJson.WriteFindings(w, []);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Output.WriteLine(hex);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string StripOneNewline(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
        : text.EndsWith('\n') ? text[..^1]
        : text;
}
