using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LmsPrivacy.Ropa.Dpa;
using LmsPrivacy.Ropa.Records;
using LmsPrivacy.Ropa.Serialization;

namespace LmsPrivacy.Ropa;

/// <summary>Reads and writes records of processing and DPAs as JSON (source-generated, no reflection).</summary>
/// <remarks>
/// Property names are camelCase; enum values use their kebab-case wire names (<c>legitimate-interests</c>,
/// <c>sub-processor</c>); dates are ISO 8601 (<c>2026-11-20</c>) and periods ISO 8601 durations (<c>P6Y</c>).
/// Unknown properties are refused so that a misspelt field is not silently ignored. The JSON Schemas are
/// <c>docs/schemas/ropa.schema.json</c> and <c>docs/schemas/dpa.schema.json</c>.
/// </remarks>
public static class RopaJson
{
    /// <summary>The largest document accepted, in bytes (16 MiB).</summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>The most activities or recipients accepted in one record.</summary>
    public const int MaxItems = 10_000;

    /// <summary>Reads a record of processing.</summary>
    /// <param name="utf8Json">The UTF-8 JSON document.</param>
    /// <returns>The record.</returns>
    /// <exception cref="FormatException">The document is not a well-formed record; the message names the JSON path.</exception>
    public static RecordOfProcessing ParseRecord(ReadOnlySpan<byte> utf8Json) =>
        TryParseRecord(utf8Json, out var record, out var error) ? record : throw new FormatException(error);

    /// <summary>Tries to read a record of processing.</summary>
    /// <param name="utf8Json">The UTF-8 JSON document.</param>
    /// <param name="record">The record, when the document is well formed.</param>
    /// <param name="error">One line saying what is wrong and where, when it is not; it never repeats a value from the document.</param>
    /// <returns><see langword="true"/> when the document was read.</returns>
    public static bool TryParseRecord(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out RecordOfProcessing? record, [NotNullWhen(false)] out string? error)
    {
        if (!TryDeserialize(utf8Json, RopaJsonContext.Default.RecordOfProcessing, out record, out error))
        {
            return false;
        }

        if (record.Activities.Count > MaxItems || record.Recipients.Count > MaxItems)
        {
            record = null;
            error = $"The record has more than {MaxItems} activities or recipients.";
            return false;
        }

        return true;
    }

    /// <summary>Reads a data processing agreement.</summary>
    /// <param name="utf8Json">The UTF-8 JSON document.</param>
    /// <returns>The agreement.</returns>
    /// <exception cref="FormatException">The document is not a well-formed DPA; the message names the JSON path.</exception>
    public static DataProcessingAgreement ParseDpa(ReadOnlySpan<byte> utf8Json) =>
        TryParseDpa(utf8Json, out var dpa, out var error) ? dpa : throw new FormatException(error);

    /// <summary>Tries to read a data processing agreement.</summary>
    /// <param name="utf8Json">The UTF-8 JSON document.</param>
    /// <param name="dpa">The agreement, when the document is well formed.</param>
    /// <param name="error">One line saying what is wrong and where, when it is not.</param>
    /// <returns><see langword="true"/> when the document was read.</returns>
    public static bool TryParseDpa(ReadOnlySpan<byte> utf8Json, [NotNullWhen(true)] out DataProcessingAgreement? dpa, [NotNullWhen(false)] out string? error) =>
        TryDeserialize(utf8Json, RopaJsonContext.Default.DataProcessingAgreement, out dpa, out error);

    /// <summary>Writes a record of processing as indented JSON that <see cref="ParseRecord"/> reads back.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static string Serialize(RecordOfProcessing record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Serialize(record, RopaJsonContext.Default.RecordOfProcessing);
    }

    /// <summary>Writes a data processing agreement as indented JSON that <see cref="ParseDpa"/> reads back.</summary>
    /// <param name="dpa">The agreement.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dpa"/> is <see langword="null"/>.</exception>
    public static string Serialize(DataProcessingAgreement dpa)
    {
        ArgumentNullException.ThrowIfNull(dpa);
        return JsonSerializer.Serialize(dpa, RopaJsonContext.Default.DataProcessingAgreement);
    }

    private static bool TryDeserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo, [NotNullWhen(true)] out T? value, [NotNullWhen(false)] out string? error)
        where T : class
    {
        value = null;
        if (utf8Json.Length > MaxDocumentBytes)
        {
            error = $"The document is larger than {MaxDocumentBytes / (1024 * 1024)} MiB.";
            return false;
        }

        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        try
        {
            value = JsonSerializer.Deserialize(utf8Json, typeInfo);
        }
        catch (JsonException ex)
        {
            error = Describe(ex, typeInfo);
            return false;
        }
        catch (InvalidOperationException ex)
        {
            // Thrown by the serializer for some shape violations (e.g. a required constructor value missing).
            error = Plain(ex.Message, null, null);
            return false;
        }

        if (value is null)
        {
            error = "The document is JSON null, not an object.";
            return false;
        }

        error = null;
        return true;
    }

    internal static string Describe(JsonException ex, JsonTypeInfo root)
    {
        // The serializer's message names the JSON path and position but never the offending value; .NET type names
        // in it are replaced by the JSON kind expected, since the reader of the message writes JSON, not C#.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var head = Plain(cut > 0 ? message[..cut] : message, ex.Path, root).TrimEnd().TrimEnd('.');
        var where = ex.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
        var line = ex.LineNumber is { } l ? $" (line {l + 1})" : string.Empty;
        return $"{head}{where}{line}";
    }

    /// <summary>Rewrites a serializer message so that it names JSON kinds instead of .NET types.</summary>
    private static string Plain(string message, string? path, JsonTypeInfo? root)
    {
        if (message.StartsWith("The JSON value could not be converted to ", StringComparison.Ordinal))
        {
            // Source-generated metadata names the containing type, not the property's: find the expected type from the path.
            return root is not null && path is not null && TypeAt(root, path) is { } expected
                ? $"Expected {JsonKind(expected, root.Options)}"
                : "The JSON value does not have the expected kind";
        }

        const string Unmapped = "The JSON property '";
        if (message.StartsWith(Unmapped, StringComparison.Ordinal) && message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var end = message.IndexOf('\'', Unmapped.Length);
            return end > Unmapped.Length
                ? $"Unknown property '{message[Unmapped.Length..end]}' (check the spelling against the schema)"
                : "Unknown property (check the spelling against the schema)";
        }

        const string Required = "including the following: ";
        var required = message.IndexOf(Required, StringComparison.Ordinal);
        if (required >= 0 && message.Contains("missing required properties", StringComparison.Ordinal))
        {
            return $"Missing required properties: {message[(required + Required.Length)..].TrimEnd().TrimEnd('.')}";
        }

        return LooksLikeTypeName(message) ? "The JSON value does not have the expected kind" : message;
    }

    private static bool LooksLikeTypeName(string message) =>
        message.Contains("System.", StringComparison.Ordinal) || message.Contains("LmsPrivacy.", StringComparison.Ordinal)
        || message.Contains("NodaTime.", StringComparison.Ordinal) || message.Contains('`', StringComparison.Ordinal);

    // Walks a JSON path such as $.activities[0].purposes[0].mandatory through the source-generated metadata.
    private static Type? TypeAt(JsonTypeInfo root, string path)
    {
        if (!path.StartsWith('$'))
        {
            return null;
        }

        var current = root;
        var i = 1;
        while (i < path.Length)
        {
            string? name = null;
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                name = path[(i + 1)..end];
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return null;
                }

                name = path[(i + 2)..end];
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0 || current.ElementType is not { } element)
                {
                    return null;
                }

                current = current.Options.GetTypeInfo(element);
                i = end + 1;
                continue;
            }
            else
            {
                return null;
            }

            var property = current.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
            if (property is null)
            {
                return null;
            }

            current = current.Options.GetTypeInfo(property.PropertyType);
        }

        return current.Type;
    }

    private static string JsonKind(Type type, JsonSerializerOptions options)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return JsonKind(underlying, options) + " or null";
        }

        if (type == typeof(string) || type.IsEnum)
        {
            return "a JSON string";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
        {
            return "a whole JSON number";
        }

        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float))
        {
            return "a JSON number";
        }

        if (type == typeof(NodaTime.LocalDate))
        {
            return "a date string such as \"2026-11-20\"";
        }

        if (type == typeof(NodaTime.Period))
        {
            return "a duration string such as \"P6Y\"";
        }

        return options.GetTypeInfo(type).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "a JSON array",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "a JSON object",
            _ => "a different kind of JSON value",
        };
    }
}
