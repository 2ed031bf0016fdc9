using System.Text.Json;
using System.Text.Json.Serialization;

namespace LmsPrivacy.Ropa.Serialization;

/// <summary>
/// Reads an enum only from its wire name (a JSON string such as <c>"processor"</c>): numbers, numeric strings and
/// combinations of names are refused, so an undefined value such as <c>5</c> can never reach a check.
/// </summary>
/// <typeparam name="TEnum">The enum type; its names come from <see cref="JsonStringEnumMemberNameAttribute"/>.</typeparam>
internal sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly JsonStringEnumConverter<TEnum> Factory = new(namingPolicy: null, allowIntegerValues: false);
    private JsonConverter<TEnum>? _inner;

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException(Expected);
        }

        if (reader.ValueSpan.IsEmpty || reader.ValueIsEscaped || !IsName(reader.ValueSpan))
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

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        if (!Enum.IsDefined(value))
        {
            throw new JsonException("An undefined enum value cannot be written.");
        }

        Inner(options).Write(writer, value, options);
    }

    private static string Expected => "Expected a JSON string naming one of the allowed values (numbers are not accepted).";

    // Wire names are lower-case kebab-case words; anything else (digits first, commas, spaces) is refused before lookup.
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
