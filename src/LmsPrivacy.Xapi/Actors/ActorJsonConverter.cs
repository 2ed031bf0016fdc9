using System.Text.Json;
using System.Text.Json.Serialization;

namespace LmsPrivacy.Xapi.Actors;

/// <summary>Reads and writes actors with the spec's rules; used through <see cref="JsonConverterAttribute"/> on the actor types.</summary>
internal sealed class ActorJsonConverter<TActor> : JsonConverter<TActor>
    where TActor : Actor
{
    public override TActor? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        using var document = JsonDocument.ParseValue(ref reader);
        if (!Actor.TryParse(document.RootElement, out var actor, out var report))
        {
            throw new JsonException("Not a valid xAPI actor: " + string.Join(", ", report.Findings.Where(f => f.IsError).Select(f => $"{f.Code} at {f.Path}")));
        }

        return actor as TActor ?? throw new JsonException($"Expected an xAPI {typeof(TActor).Name}, found {actor.ObjectType}.");
    }

    public override void Write(Utf8JsonWriter writer, TActor value, JsonSerializerOptions options) => value.WriteTo(writer);
}
