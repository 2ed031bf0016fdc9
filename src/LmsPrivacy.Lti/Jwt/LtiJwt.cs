using System.Buffers;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LmsPrivacy.Lti.Jwt;

/// <summary>A compact JWT split and decoded (header and payload as JSON), without verifying its signature.</summary>
/// <remarks>
/// Decoding is not verification: use it to inspect or validate the claims of a token the host's JWT library has
/// verified, or in tooling. The JSON elements are detached copies and need no disposal.
/// </remarks>
public sealed class LtiJwt
{
    /// <summary>The largest token accepted, in characters.</summary>
    public const int MaxTokenLength = 1024 * 1024;

    private const int MaxDepth = 32;

    private LtiJwt(JsonElement header, JsonElement payload, int signatureLength)
    {
        Header = header;
        Payload = payload;
        SignatureLength = signatureLength;
    }

    /// <summary>Gets the decoded JOSE header (a JSON object).</summary>
    public JsonElement Header { get; }

    /// <summary>Gets the decoded payload (a JSON object of claims).</summary>
    public JsonElement Payload { get; }

    /// <summary>Gets the length in bytes of the decoded signature (zero for an unsecured token).</summary>
    public int SignatureLength { get; }

    /// <summary>Returns whether text has the shape of a compact JWS: three base64url parts separated by dots.</summary>
    /// <param name="text">The text.</param>
    /// <returns><see langword="true"/> if it may be a compact JWT (it may still fail to decode).</returns>
    public static bool LooksLikeCompactJwt(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.IsEmpty || text[0] == '{')
        {
            return false;
        }

        var dots = 0;
        foreach (var c in text)
        {
            if (c == '.')
            {
                dots++;
            }
            else if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '='))
            {
                return false;
            }
        }

        return dots == 2;
    }

    /// <summary>Decodes a compact JWT.</summary>
    /// <param name="token">The token, <c>header.payload.signature</c> in base64url.</param>
    /// <param name="jwt">The decoded token.</param>
    /// <param name="error">Why the token is malformed; it never repeats the token's content.</param>
    /// <returns><see langword="true"/> if the token decoded.</returns>
    public static bool TryDecode(string token, [NotNullWhen(true)] out LtiJwt? jwt, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(token);
        jwt = null;
        var text = token.AsSpan().Trim();
        if (text.Length > MaxTokenLength)
        {
            error = $"The token is longer than {MaxTokenLength} characters.";
            return false;
        }

        var first = text.IndexOf('.');
        var last = text.LastIndexOf('.');
        if (first < 0 || first == last || text[(first + 1)..last].Contains('.'))
        {
            error = "The token is not three base64url parts separated by dots (a JWE or a JSON document?).";
            return false;
        }

        if (!TryParsePart(text[..first], "header", out var header, out error)
            || !TryParsePart(text[(first + 1)..last], "payload", out var payload, out error))
        {
            return false;
        }

        var signature = text[(last + 1)..];
        if (!Base64Url.IsValid(signature))
        {
            error = "The signature part is not base64url.";
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(signature.Length) + 1);
        try
        {
            if (!Base64Url.TryDecodeFromChars(signature, buffer, out var signatureLength))
            {
                error = "The signature part is not base64url.";
                return false;
            }

            jwt = new LtiJwt(header, payload, signatureLength);
            error = null;
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Decodes a compact JWT.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The decoded token.</returns>
    /// <exception cref="FormatException">The token is malformed; the message says how.</exception>
    public static LtiJwt Decode(string token) =>
        TryDecode(token, out var jwt, out var error) ? jwt : throw new FormatException(error);

    private static bool TryParsePart(ReadOnlySpan<char> part, string name, out JsonElement element, [NotNullWhen(false)] out string? error)
    {
        element = default;
        if (part.IsEmpty)
        {
            error = $"The {name} part is empty.";
            return false;
        }

        if (!Base64Url.IsValid(part))
        {
            error = $"The {name} part is not base64url.";
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Base64Url.GetMaxDecodedLength(part.Length) + 1);
        try
        {
            if (!Base64Url.TryDecodeFromChars(part, buffer, out var length))
            {
                error = $"The {name} part is not base64url.";
                return false;
            }

            try
            {
                using var document = JsonDocument.Parse(buffer.AsMemory(0, length), new JsonDocumentOptions { MaxDepth = MaxDepth });
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    error = $"The {name} is JSON but not an object.";
                    return false;
                }

                if (JsonText.HasLoneSurrogateEscape(buffer.AsSpan(0, length)))
                {
                    error = $"The {name} {JsonText.LoneSurrogateMessage}";
                    return false;
                }

                element = document.RootElement.Clone();
                error = null;
                return true;
            }
            catch (JsonException)
            {
                error = $"The {name} part is not well-formed JSON (or nests deeper than {MaxDepth}).";
                return false;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }
}
