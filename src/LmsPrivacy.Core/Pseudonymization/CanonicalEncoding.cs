using System.Buffers.Binary;
using System.Text;

namespace LmsPrivacy.Pseudonymization;

/// <summary>
/// The canonical byte encoding of a list of string components that the HMAC is computed over:
/// <c>uint32be(count) || for each component: uint32be(byteLength) || UTF-8 bytes</c>.
/// </summary>
/// <remarks>
/// Length prefixes make the encoding injective, so ("ab","c") and ("a","bc") never share an input. Strings that are
/// not well-formed UTF-16 (lone surrogates) are refused rather than replaced, so two different strings can never
/// encode to the same bytes.
/// </remarks>
public static class CanonicalEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns the number of bytes <see cref="Write"/> needs for these components.</summary>
    /// <param name="components">The components.</param>
    /// <returns>The encoded length.</returns>
    /// <exception cref="ArgumentException">A component is <see langword="null"/> or not well-formed UTF-16.</exception>
    public static int GetByteCount(ReadOnlySpan<string> components)
    {
        var total = 4;
        foreach (var component in components)
        {
            total = checked(total + 4 + ByteCount(component));
        }

        return total;
    }

    /// <summary>Writes the canonical encoding of the components.</summary>
    /// <param name="components">The components.</param>
    /// <param name="destination">A buffer of at least <see cref="GetByteCount"/> bytes.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">A component is invalid or the buffer is too small.</exception>
    public static int Write(ReadOnlySpan<string> components, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)components.Length);
        var offset = 4;
        foreach (var component in components)
        {
            ArgumentNullException.ThrowIfNull(component, nameof(components));
            var written = Utf8(component, destination[(offset + 4)..]);
            BinaryPrimitives.WriteUInt32BigEndian(destination[offset..], (uint)written);
            offset += 4 + written;
        }

        return offset;
    }

    /// <summary>Returns the canonical encoding of the components as a new array.</summary>
    /// <param name="components">The components.</param>
    /// <returns>The encoded bytes.</returns>
    public static byte[] ToArray(params ReadOnlySpan<string> components)
    {
        var bytes = new byte[GetByteCount(components)];
        Write(components, bytes);
        return bytes;
    }

    private static int ByteCount(string component)
    {
        ArgumentNullException.ThrowIfNull(component, nameof(component));
        try
        {
            return StrictUtf8.GetByteCount(component);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException("A component is not well-formed UTF-16 (it contains a lone surrogate).", nameof(component));
        }
    }

    private static int Utf8(string component, Span<byte> destination)
    {
        try
        {
            return StrictUtf8.GetBytes(component, destination);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException("A component is not well-formed UTF-16 (it contains a lone surrogate).", nameof(component));
        }
    }
}
