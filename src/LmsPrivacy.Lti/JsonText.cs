using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace LmsPrivacy.Lti;

/// <summary>Reads JSON string values without allocating when they are short and unescaped (the common case).</summary>
internal static class JsonText
{
    public const int BufferLength = 256;

    /// <summary>The end of every finding or error about <see cref="HasLoneSurrogateEscape"/>, after "The payload" or the like.</summary>
    public const string LoneSurrogateMessage = "escapes half of a UTF-16 surrogate pair on its own (\\uD800–\\uDFFF); no text can be read from it.";

    /// <summary>Returns a string element's value as characters, in <paramref name="buffer"/> when possible.</summary>
    /// <param name="element">An element of kind <see cref="JsonValueKind.String"/>.</param>
    /// <param name="buffer">Scratch space; the result may point into it.</param>
    public static ReadOnlySpan<char> Get(JsonElement element, Span<char> buffer) =>
        Get(element, Shape(element, out var plain), plain, buffer);

    /// <summary>
    /// Reads what an element is as a string with one lookup of its raw value (instead of its kind, then an emptiness
    /// test, then its raw value): the validator asks this of every string claim of every launch.
    /// </summary>
    /// <param name="element">A present element (not <see cref="JsonValueKind.Undefined"/>).</param>
    /// <param name="plain">For <see cref="StringShape.Plain"/>, the value's UTF-8 bytes between the quotes.</param>
    public static StringShape Shape(JsonElement element, out ReadOnlySpan<byte> plain)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        plain = default;
        if (raw.Length < 2 || raw[0] != (byte)'"')
        {
            return StringShape.NotString;
        }

        if (raw.Length == 2)
        {
            return StringShape.Empty;
        }

        raw = raw[1..^1];
        if (raw.Contains((byte)'\\'))
        {
            return StringShape.Escaped;
        }

        plain = raw;
        return StringShape.Plain;
    }

    /// <summary>Returns whether a string's value is all ASCII, and its length, from its shape (<see cref="Shape"/>).</summary>
    public static bool IsAscii(JsonElement element, StringShape shape, ReadOnlySpan<byte> plain, out int length)
    {
        if (shape == StringShape.Plain && System.Text.Ascii.IsValid(plain))
        {
            length = plain.Length;
            return true;
        }

        var text = element.GetString()!;
        length = text.Length;
        return System.Text.Ascii.IsValid(text);
    }

    /// <summary>Returns a string's value as characters, its shape already read (<see cref="Shape"/>), in <paramref name="buffer"/> when it fits.</summary>
    public static ReadOnlySpan<char> Get(JsonElement element, StringShape shape, ReadOnlySpan<byte> plain, Span<char> buffer)
    {
        if (shape == StringShape.Empty)
        {
            return default;
        }

        if (shape == StringShape.Plain && plain.Length <= buffer.Length
            && Utf8.ToUtf16(plain, buffer, out _, out var written) == OperationStatus.Done)
        {
            return buffer[..written];
        }

        return element.GetString().AsSpan();
    }

    /// <summary>Returns whether a string element's value is all ASCII, and its length.</summary>
    /// <param name="element">An element of kind <see cref="JsonValueKind.String"/>.</param>
    /// <param name="length">The value's length in characters (UTF-16 code units).</param>
    /// <returns>Whether every character is ASCII.</returns>
    public static bool IsAscii(JsonElement element, out int length) =>
        IsAscii(element, Shape(element, out var plain), plain, out length);

    /// <summary>Removes from both ends the ASCII bytes <see cref="char.IsWhiteSpace(char)"/> calls white space (tab to carriage return, space).</summary>
    public static ReadOnlySpan<byte> TrimAsciiWhiteSpace(ReadOnlySpan<byte> raw)
    {
        var start = 0;
        while (start < raw.Length && raw[start] is (byte)' ' or >= 0x09 and <= 0x0D)
        {
            start++;
        }

        var end = raw.Length;
        while (end > start && raw[end - 1] is (byte)' ' or >= 0x09 and <= 0x0D)
        {
            end--;
        }

        return raw[start..end];
    }

    /// <summary>Returns a string element's raw UTF-8 value when it has no escapes (empty for an empty or escaped value).</summary>
    public static ReadOnlySpan<byte> Unescaped(JsonElement element) =>
        Shape(element, out var plain) == StringShape.Plain ? plain : default;

    /// <summary>
    /// Returns whether JSON text escapes half a surrogate pair on its own (<c>"\ud800"</c>): well-formed to the parser,
    /// but no string can be read from it, so every reader of such a name or value throws.
    /// </summary>
    /// <param name="json">The raw UTF-8 JSON.</param>
    public static bool HasLoneSurrogateEscape(ReadOnlySpan<byte> json)
    {
        var at = json.IndexOf("\\u"u8);
        while (at >= 0)
        {
            // Skip an escaped backslash ("\\u..." is the text \u, not an escape).
            var backslashes = 0;
            for (var i = at - 1; i >= 0 && json[i] == (byte)'\\'; i--)
            {
                backslashes++;
            }

            var next = at + 2;
            if (backslashes % 2 == 0 && TryHex(json, next, out var unit) && char.IsSurrogate((char)unit))
            {
                if (char.IsLowSurrogate((char)unit))
                {
                    return true;
                }

                if (!(json.Length >= next + 10 && json[next + 4] == (byte)'\\' && json[next + 5] == (byte)'u'
                    && TryHex(json, next + 6, out var low) && char.IsLowSurrogate((char)low)))
                {
                    return true;
                }

                next += 10;
            }

            var rest = json.Length > next ? json[next..].IndexOf("\\u"u8) : -1;
            at = rest < 0 ? -1 : next + rest;
        }

        return false;
    }

    private static bool TryHex(ReadOnlySpan<byte> json, int start, out int value)
    {
        value = 0;
        if (json.Length < start + 4)
        {
            return false;
        }

        foreach (var b in json.Slice(start, 4))
        {
            var digit = HexConverter(b);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexConverter(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    /// <summary>Returns whether a string element is empty.</summary>
    public static bool IsEmptyString(JsonElement element) => element.ValueEquals(ReadOnlySpan<byte>.Empty);

}

/// <summary>What a JSON value is as a string (see <see cref="JsonText.Shape"/>); ordered so that <c>&gt;= Plain</c> means a non-empty string.</summary>
internal enum StringShape
{
    /// <summary>Not a string.</summary>
    NotString,

    /// <summary>The empty string.</summary>
    Empty,

    /// <summary>A non-empty string without escapes: its raw UTF-8 is its value.</summary>
    Plain,

    /// <summary>A non-empty string with escapes: decode it to read it.</summary>
    Escaped,
}
