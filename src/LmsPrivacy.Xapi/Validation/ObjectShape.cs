using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace LmsPrivacy.Xapi.Validation;

/// <summary>The property names an xAPI object may have, matched on UTF-8 bytes without allocating.</summary>
internal sealed class ObjectShape
{
    private readonly byte[][] _utf8;

    public ObjectShape(params string[] names)
    {
        Names = names;
        Segments = [.. names.Select(JsonPathBuilder.NameSegment)];
        _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];
    }

    public string[] Names { get; }

    public string[] Segments { get; }

    public int IndexOf(JsonProperty property)
    {
        // Compare raw UTF-8 names directly (much cheaper than NameEquals per candidate). No name has a backslash, so an
        // escaped raw name never matches here and takes the slow path below.
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > 0)
        {
            var first = raw[0];
            for (var i = 0; i < _utf8.Length; i++)
            {
                var name = _utf8[i];
                if (name.Length == raw.Length && name[0] == first && raw.SequenceEqual(name))
                {
                    return i;
                }
            }
        }

        if (!raw.Contains((byte)'\\'))
        {
            return -1;
        }

        for (var i = 0; i < _utf8.Length; i++)
        {
            if (property.NameEquals(_utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Up to 16 property values of one object, indexed like its <see cref="ObjectShape"/>.</summary>
[InlineArray(16)]
internal struct PropertySlots
{
    private JsonElement _element;
}
