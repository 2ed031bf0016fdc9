using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Ropa.Serialization;

/// <summary>Reads and writes <see cref="LocalDate"/> as an ISO 8601 calendar date (<c>2026-11-20</c>).</summary>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A date must be a string such as \"2026-11-20\".");
        }

        var result = LocalDatePattern.Iso.Parse(reader.GetString()!);
        return result.Success ? result.Value : throw new JsonException("A date must be an ISO 8601 calendar date such as \"2026-11-20\".");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}

/// <summary>Reads and writes <see cref="Period"/> as an ISO 8601 duration (<c>P6Y</c>, <c>P13M</c>, <c>P30D</c>).</summary>
internal sealed class PeriodJsonConverter : JsonConverter<Period>
{
    public override Period Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("A period must be a string such as \"P6Y\".");
        }

        var result = PeriodPattern.NormalizingIso.Parse(reader.GetString()!);
        return result.Success ? result.Value : throw new JsonException("A period must be an ISO 8601 duration such as \"P6Y\" or \"P13M\".");
    }

    public override void Write(Utf8JsonWriter writer, Period value, JsonSerializerOptions options) =>
        writer.WriteStringValue(PeriodPattern.NormalizingIso.Format(value));
}
