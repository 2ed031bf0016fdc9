using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace LmsPrivacy.Lti;

/// <summary>
/// A fixed string-keyed table that also answers for a property's raw UTF-8 name, so the hot paths look claim names up
/// without transcoding them to UTF-16. Keys compare ordinally (byte-exact in UTF-8).
/// </summary>
/// <remarks>
/// An open-addressing table over the keys' UTF-8 bytes, built once: a lookup hashes the name's length and last eight
/// bytes (LTI claim names share long URI prefixes and differ at the end) and compares bytes, with no interface calls
/// and no per-byte hash loop. The table never grows, so hostile names can only miss.
/// </remarks>
internal sealed class Utf8NameLookup<T>
{
    private readonly Dictionary<string, T> _byName;
    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly bool _keysHaveBackslash;

    public Utf8NameLookup(IEnumerable<KeyValuePair<string, T>> entries)
    {
        _byName = new Dictionary<string, T>(entries, StringComparer.Ordinal);
        var size = 8;
        while (size < _byName.Count * 4)
        {
            size *= 2;
        }

        _keysHaveBackslash = _byName.Keys.Any(k => k.Contains('\\', StringComparison.Ordinal));
        _slots = new Slot[size];
        _mask = size - 1;
        foreach (var (name, value) in _byName)
        {
            var key = Encoding.UTF8.GetBytes(name);
            var index = Hash(key) & _mask;
            while (_slots[index].Key is not null)
            {
                index = (index + 1) & _mask;
            }

            _slots[index] = new Slot(key, value);
        }
    }

    /// <summary>Looks a property's name up: by its raw UTF-8 bytes when unescaped, else by its decoded name.</summary>
    public bool TryGetValue(JsonProperty property, [MaybeNullWhen(false)] out T value)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (_keysHaveBackslash)
        {
            return raw.Contains((byte)'\\') ? _byName.TryGetValue(property.Name, out value) : TryGetValue(raw, out value);
        }

        // No key holds a backslash, so an escaped raw name cannot hit: look the raw bytes up first, and scan for an
        // escape only on a miss.
        return TryGetValue(raw, out value) || (raw.Contains((byte)'\\') && _byName.TryGetValue(property.Name, out value));
    }

    /// <summary>Returns whether a (decoded) name is a key.</summary>
    public bool ContainsKey(string name) => _byName.ContainsKey(name);

    /// <summary>Looks a name up by its UTF-8 bytes.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> utf8, [MaybeNullWhen(false)] out T value)
    {
        var slots = _slots;
        var index = Hash(utf8) & _mask;
        while (true)
        {
            ref readonly var slot = ref slots[index];
            if (slot.Key is null)
            {
                value = default;
                return false;
            }

            if (utf8.SequenceEqual(slot.Key))
            {
                value = slot.Value;
                return true;
            }

            index = (index + 1) & _mask;
        }
    }

    private static int Hash(ReadOnlySpan<byte> name) => (int)(Utf8Hash.OfTail(name) >> 33);

    private readonly record struct Slot(byte[]? Key, T Value);
}
