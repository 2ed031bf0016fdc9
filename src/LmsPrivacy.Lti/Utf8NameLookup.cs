using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace LmsPrivacy.Lti;

/// <summary>
/// A string-keyed lookup that also answers for a property's raw UTF-8 name, so the hot paths look claim names up
/// without transcoding them to UTF-16. Keys compare ordinally (byte-exact in UTF-8).
/// </summary>
internal sealed class Utf8NameLookup<T>
{
    // A Dictionary, not a FrozenDictionary: the frozen string dictionaries do not honour a custom alternate comparer.
    private readonly Dictionary<string, T> _byName;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<byte>> _byUtf8;

    public Utf8NameLookup(IEnumerable<KeyValuePair<string, T>> entries)
    {
        _byName = new Dictionary<string, T>(entries, Utf8NameComparer.Instance);
        _byUtf8 = _byName.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>Looks a property's name up: by its raw UTF-8 bytes when unescaped, else by its decoded name.</summary>
    public bool TryGetValue(JsonProperty property, [MaybeNullWhen(false)] out T value)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.Contains((byte)'\\') ? _byName.TryGetValue(property.Name, out value) : _byUtf8.TryGetValue(raw, out value);
    }
}

/// <summary>Ordinal string comparison whose hash is computed over the UTF-8 form, so UTF-8 spans can be looked up.</summary>
internal sealed class Utf8NameComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<byte>, string>
{
    private const int HashedBytes = 16;

    public static Utf8NameComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (Ascii.IsValid(obj))
        {
            var hash = obj.Length;
            foreach (var c in obj.AsSpan(Math.Max(0, obj.Length - HashedBytes)))
            {
                hash = (hash * 31) + c;
            }

            return hash;
        }

        return GetHashCode(Encoding.UTF8.GetBytes(obj));
    }

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        var hash = alternate.Length;
        foreach (var b in alternate[Math.Max(0, alternate.Length - HashedBytes)..])
        {
            hash = (hash * 31) + b;
        }

        return hash;
    }

    public bool Equals(ReadOnlySpan<byte> alternate, string other)
    {
        // Ascii.Equals is false as soon as either side holds a non-ASCII character, so a hit on an ASCII name (every
        // LTI claim name) costs one comparison; only a miss goes on to check for a non-ASCII key.
        if (alternate.Length == other.Length && Ascii.Equals(alternate, other))
        {
            return true;
        }

        return !Ascii.IsValid(other) && alternate.SequenceEqual(Encoding.UTF8.GetBytes(other));
    }

    public string Create(ReadOnlySpan<byte> alternate) => Encoding.UTF8.GetString(alternate);
}
