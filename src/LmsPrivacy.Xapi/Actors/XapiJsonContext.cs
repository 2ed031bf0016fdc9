using System.Text.Json.Serialization;

namespace LmsPrivacy.Xapi.Actors;

/// <summary>Source-generated System.Text.Json metadata for the actor types (no reflection; trimming- and AOT-safe).</summary>
[JsonSerializable(typeof(Actor))]
[JsonSerializable(typeof(Agent))]
[JsonSerializable(typeof(Group))]
internal sealed partial class XapiJsonContext : JsonSerializerContext;
