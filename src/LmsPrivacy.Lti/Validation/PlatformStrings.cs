using System.Text.Json;

namespace LmsPrivacy.Lti.Validation;

/// <summary>
/// Turns the platform identifiers of a launch (<c>iss</c>, <c>aud</c>, <c>azp</c>) into strings without allocating
/// them again on every launch: a tool sees the same few platforms over and over.
/// </summary>
/// <remarks>
/// A direct-mapped table of a fixed number of immutable entries, owned by one validator: a hit is one hash and one
/// byte comparison, a miss replaces the slot. Only identifiers of platforms go here, never a user's data; hostile
/// values can only evict entries, and long or escaped values are not kept.
/// </remarks>
internal sealed class PlatformStrings
{
    private const int Size = 64;
    private const int MaxCachedBytes = 256;

    private readonly Entry?[] _entries = new Entry?[Size];

    /// <summary>Returns a string element's value.</summary>
    public string Get(JsonElement element) => GetEntry(element).Text;

    /// <summary>Returns a string element's value, its shape already read (<see cref="JsonText.Shape"/>).</summary>
    public string Get(JsonElement element, StringShape shape, ReadOnlySpan<byte> plain) =>
        shape == StringShape.Plain ? GetEntry(element, plain).Text : element.GetString()!;

    /// <summary>Returns a string element's value as a one-element array, shared between launches: callers only read it.</summary>
    public string[] GetAsArray(JsonElement element) => GetEntry(element).AsArray;

    private Entry GetEntry(JsonElement element) => GetEntry(element, JsonText.Unescaped(element));

    private Entry GetEntry(JsonElement element, ReadOnlySpan<byte> raw)
    {
        if (raw.IsEmpty || raw.Length > MaxCachedBytes)
        {
            return new Entry([], element.GetString()!);
        }

        var index = Hash(raw) & (Size - 1);
        var entry = Volatile.Read(ref _entries[index]);
        if (entry is not null && raw.SequenceEqual(entry.Utf8))
        {
            return entry;
        }

        entry = new Entry(raw.ToArray(), element.GetString()!);
        Volatile.Write(ref _entries[index], entry);
        return entry;
    }

    private static int Hash(ReadOnlySpan<byte> value) => (int)(Utf8Hash.OfTail(value) >> 40);

    private sealed record Entry(byte[] Utf8, string Text)
    {
        public string[] AsArray { get; } = [Text];
    }
}
