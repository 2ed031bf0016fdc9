using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace LmsPrivacy.Lti;

/// <summary>Reads property names without allocating when they are short and unescaped (the common case).</summary>
internal static class JsonNames
{
    public const int BufferLength = 128;

    /// <summary>Returns the property's name as characters, in <paramref name="buffer"/> when possible.</summary>
    public static ReadOnlySpan<char> Get(JsonProperty property, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length <= buffer.Length && !raw.Contains((byte)'\\')
            && Utf8.ToUtf16(raw, buffer, out _, out var written) == OperationStatus.Done)
        {
            return buffer[..written];
        }

        return property.Name.AsSpan();
    }
}
