using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace LmsPrivacy.Cli.Commands.Check;

/// <summary>The first JSON object of a document: its container shape and top-level property names.</summary>
internal sealed record JsonShape(bool IsArray, IReadOnlySet<string> Keys, IReadOnlyDictionary<string, string> TopLevelStrings);

/// <summary>
/// Recognises artifacts by their content, never by file name. Every recogniser lives here, so a change in a
/// package's document shape is one edit. Shapes follow the packages' samples and schemas (docs/schemas/).
/// </summary>
internal static class ContentRecognizers
{
    public const string LtiClaimPrefix = "https://purl.imsglobal.org/spec/lti/claim/";

    private static readonly string[] RopaActivityKeys = ["activities", "processingActivities", "processing_activities", "processing", "records"];
    private static readonly string[] DpaKeys = ["clauses", "subjectMatter", "subject_matter", "subProcessors", "subprocessors", "breachNotification", "instructions", "processingInstructions", "deletionAtEnd", "audits"];
    private static readonly string[] RegistryKeys = ["contexts", "contextTree", "tree", "defaults", "assignments"];

    /// <summary>Decides the kind of a JSON document from its first object.</summary>
    public static ArtifactKind Recognize(JsonShape shape)
    {
        var keys = shape.Keys;
        if (keys.Contains("verb") && keys.Contains("object") && (keys.Contains("actor") || keys.Contains("id")))
        {
            return ArtifactKind.XapiStatements;
        }

        if (keys.Any(k => k.StartsWith(LtiClaimPrefix, StringComparison.Ordinal)))
        {
            return ArtifactKind.LtiLaunch;
        }

        if (shape.IsArray)
        {
            return ArtifactKind.Unknown;
        }

        var declared = string.Join(' ', shape.TopLevelStrings
            .Where(p => p.Key is "$schema" or "kind" or "type" or "documentType" or "document")
            .Select(p => p.Value)).ToUpperInvariant();
        if (declared.Contains("DPA", StringComparison.Ordinal) || declared.Contains("PROCESSING-AGREEMENT", StringComparison.Ordinal))
        {
            return ArtifactKind.Dpa;
        }

        if (declared.Contains("ROPA", StringComparison.Ordinal) || declared.Contains("RECORD-OF-PROCESSING", StringComparison.Ordinal))
        {
            return ArtifactKind.Ropa;
        }

        if (declared.Contains("RETENTION", StringComparison.Ordinal) || declared.Contains("REGISTRY", StringComparison.Ordinal))
        {
            return ArtifactKind.RetentionRegistry;
        }

        if (keys.Contains("purposes") && RegistryKeys.Any(keys.Contains))
        {
            return ArtifactKind.RetentionRegistry;
        }

        if (RopaActivityKeys.Any(keys.Contains) && (keys.Contains("controller") || keys.Contains("processor") || keys.Contains("organisation") || keys.Contains("organization")))
        {
            return ArtifactKind.Ropa;
        }

        if (keys.Contains("processor") && DpaKeys.Any(keys.Contains))
        {
            return ArtifactKind.Dpa;
        }

        return ArtifactKind.Unknown;
    }

    /// <summary>
    /// Reads the top-level property names of the first JSON object in <paramref name="prefix"/> (the root object,
    /// or the first element of a root array). Returns null when the prefix is not JSON.
    /// </summary>
    public static JsonShape? ReadShape(ReadOnlySpan<byte> prefix, bool isWholeDocument)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(prefix, isWholeDocument, new JsonReaderState(new JsonReaderOptions
        {
            AllowMultipleValues = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = 256,
        }));
        bool? isArray = null;
        var objectDepth = -1;
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                if (isArray is null)
                {
                    if (reader.TokenType == JsonTokenType.StartArray)
                    {
                        isArray = true;
                        continue;
                    }

                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        return null;
                    }

                    isArray = false;
                    objectDepth = reader.CurrentDepth;
                    continue;
                }

                if (objectDepth < 0)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        return new JsonShape(true, keys, strings);
                    }

                    objectDepth = reader.CurrentDepth;
                    continue;
                }

                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == objectDepth)
                {
                    break;
                }

                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == objectDepth + 1)
                {
                    pendingProperty = reader.GetString()!;
                    keys.Add(pendingProperty);
                }
                else if (reader.TokenType == JsonTokenType.String && pendingProperty is not null && reader.CurrentDepth == objectDepth + 1)
                {
                    if (reader.ValueSpan.Length < 512)
                    {
                        strings[pendingProperty] = reader.GetString()!;
                    }

                    pendingProperty = null;
                }
                else
                {
                    pendingProperty = null;
                }

                if (keys.Count > 4096)
                {
                    break;
                }
            }
        }
        catch (JsonException)
        {
            if (keys.Count == 0)
            {
                return null;
            }
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        return isArray is null ? null : new JsonShape(isArray.Value, keys, strings);
    }

    /// <summary>Whether text is a compact JWS (three base64url segments), and its decoded payload.</summary>
    public static bool TryDecodeCompactJwt(ReadOnlySpan<byte> text, out byte[] header, out byte[] payload)
    {
        header = [];
        payload = [];
        var trimmed = Encoding.ASCII.GetString(text.Trim("\r\n\t "u8));
        var parts = trimmed.Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return false;
        }

        foreach (var part in parts)
        {
            foreach (var c in part)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    return false;
                }
            }
        }

        try
        {
            header = Base64Url.DecodeFromChars(parts[0]);
            payload = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            return false;
        }

        return header.AsSpan().TrimStart(" \t\r\n"u8).StartsWith("{"u8);
    }
}
