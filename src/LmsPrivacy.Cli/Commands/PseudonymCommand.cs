using System.CommandLine;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Pseudonymization;

namespace LmsPrivacy.Cli.Commands;

/// <summary><c>lmsprivacy pseudonym &lt;component&gt;... --key-file &lt;path&gt;</c>: a keyed pseudonym (HMAC-SHA256).</summary>
internal static class PseudonymCommand
{
    public static Option<string> KeyFileOption() => new("--key-file")
    {
        Description = "File holding the secret key as base64 or hex (at least 32 bytes). Generate one with: openssl rand -base64 32",
        Required = true,
    };

    public static Option<string> KeyIdOption() => new("--key-id")
    {
        Description = "The key id written into pseudonyms (default k1).",
        DefaultValueFactory = static _ => "k1",
    };

    public static Command Create(CliContext context)
    {
        var components = new Argument<string[]>("component")
        {
            Description = "One or more components (e.g. issuer and subject); they are length-prefixed, so ('ab','c') differs from ('a','bc'). " +
                "A single '-' reads the components from standard input, one per line, so identifiers stay out of shell history and process lists.",
            Arity = ArgumentArity.OneOrMore,
        };
        var keyFile = KeyFileOption();
        var keyId = KeyIdOption();
        var prefix = new Option<string>("--prefix") { Description = "Text put before the pseudonym.", DefaultValueFactory = static _ => string.Empty };
        var encoding = new Option<string>("--encoding") { Description = "base32 (default) or hex.", DefaultValueFactory = static _ => "base32" };
        encoding.AcceptOnlyFromAmong("base32", "hex");
        var command = new Command("pseudonym", "Derive a keyed pseudonym: HMAC-SHA256 over the length-prefixed UTF-8 components.")
        {
            components, keyFile, keyId, prefix, encoding,
        };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var key = LoadKey(context, parseResult.GetRequiredValue(keyFile), parseResult.GetValue(keyId) ?? "k1");
            var pseudonymizer = new Pseudonymizer(key, [], new PseudonymFormat
            {
                Prefix = parseResult.GetValue(prefix) ?? string.Empty,
                Encoding = parseResult.GetValue(encoding) == "hex" ? PseudonymEncoding.Hex : PseudonymEncoding.Base32,
            });
            string pseudonym;
            try
            {
                pseudonym = pseudonymizer.Pseudonymize(ReadComponents(context, parseResult.GetRequiredValue(components)));
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message);
            }

            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("pseudonym", pseudonym);
                    w.WriteString("keyId", key.Id);
                    CliJson.WriteFindings(w, []);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Output.WriteLine(pseudonym);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static string[] ReadComponents(CliContext context, string[] arguments)
    {
        if (arguments is not ["-"])
        {
            return arguments;
        }

        var text = InputFiles.ReadAllText(context, "-").ReplaceLineEndings("\n");
        var lines = (text.EndsWith('\n') ? text[..^1] : text).Split('\n');
        return lines is [""] ? throw new CliException("standard input holds no component.") : lines;
    }

    /// <summary>Reads a key file; a missing, malformed or short key is exit 2 with one line, never the key itself.</summary>
    public static PseudonymKey LoadKey(CliContext context, string path, string keyId)
    {
        try
        {
            _ = new PseudonymKey(keyId, new byte[PseudonymKey.MinimumLength]);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"--key-id: {ex.Message.Split(" (Parameter", 2)[0]}");
        }

        var text = InputFiles.ReadAllText(context, path);
        try
        {
            return PseudonymKey.FromText(keyId, text);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"key file '{path}': {ex.Message.Split(" (Parameter", 2)[0]}");
        }
    }
}
