using System.Globalization;
using System.Text.Json;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Lti.Jwt;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Cli.Commands.Lti;

/// <summary>Reads a launch: a JSON payload, or a compact JWT decoded (not verified) into header and payload.</summary>
internal static class LtiInput
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static (JsonElement Payload, JsonElement? Header) Load(CliContext context, string path)
    {
        var text = InputFiles.ReadAllText(context, path).Trim();
        if (LtiJwt.LooksLikeCompactJwt(text))
        {
            return LtiJwt.TryDecode(text, out var jwt, out var error)
                ? (jwt.Payload, jwt.Header)
                : throw new CliException($"'{path}' is not a valid compact JWT: {error}");
        }

        return (ParseJson(text, path), null);
    }

    public static JsonElement LoadJson(CliContext context, string path) => ParseJson(InputFiles.ReadAllText(context, path), path);

    private static JsonElement ParseJson(string text, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new CliException($"'{path}' is not well-formed JSON (line {(ex.LineNumber ?? 0) + 1}) or nests deeper than {DocumentOptions.MaxDepth}.");
        }
    }
}
