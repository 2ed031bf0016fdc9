using System.Text.Json;
using System.Text.Json.Serialization;

namespace LmsPrivacy.Serialization;

/// <summary>
/// Reads an enum only from its wire name (a JSON string such as <c>"public-task"</c>): numbers, numeric strings and
/// comma-joined combinations of names are refused, so an undefined value such as <c>"lawfulBasis": 99</c> is a JSON
/// error instead of a silently accepted value; undefined values are never written either.
/// </summary>
/// <typeparam name="TEnum">The enum type; its names come from <see cref="JsonStringEnumMemberNameAttribute"/> or the member names.</typeparam>
/// <remarks>Used on every LmsPrivacy enum read from documents; hosts can use it on their own enums.</remarks>
public sealed class StrictJsonStringEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly JsonStringEnumConverter<TEnum> Factory = new(namingPolicy: null, allowIntegerValues: false);
    private JsonConverter<TEnum>? _inner;

    /// <inheritdoc/>
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.IsEmpty || reader.ValueIsEscaped || !IsName(reader.ValueSpan))
        {
            throw new JsonException(Expected);
        }

        TEnum value;
        try
        {
            value = Inner(options).Read(ref reader, typeToConvert, options);
        }
        catch (JsonException)
        {
            throw new JsonException(Expected);
        }

        return Enum.IsDefined(value) ? value : throw new JsonException(Expected);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!Enum.IsDefined(value))
        {
            throw new JsonException("An undefined enum value cannot be written.");
        }

        Inner(options).Write(writer, value, options);
    }

    private static string Expected => "Expected a JSON string naming one of the allowed values (numbers are not accepted).";

    // Wire names are words of letters, digits, '-' and '_' starting with a letter; digits first, commas and spaces
    // (numeric strings, flag combinations) are refused before the lookup.
    private static bool IsName(ReadOnlySpan<byte> utf8)
    {
        if (!char.IsAsciiLetter((char)utf8[0]))
        {
            return false;
        }

        foreach (var b in utf8)
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || b == (byte)'-' || b == (byte)'_'))
            {
                return false;
            }
        }

        return true;
    }

    private JsonConverter<TEnum> Inner(JsonSerializerOptions options) =>
        _inner ??= (JsonConverter<TEnum>)Factory.CreateConverter(typeof(TEnum), options)!;
}
