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

    public static Instant ParseNow(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds is < -62_135_596_800L or > 253_402_300_799L)
            {
                throw new CliException("--now is out of range.");
            }

            return Instant.FromUnixTimeSeconds(seconds);
        }

        var instant = InstantPattern.ExtendedIso.Parse(text);
        if (instant.Success)
        {
            return instant.Value;
        }

        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return offset.Success
            ? offset.Value.ToInstant()
            : throw new CliException($"--now '{text}' is neither unix seconds nor an ISO-8601 instant such as 2025-11-24T16:00:00Z.");
    }

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
