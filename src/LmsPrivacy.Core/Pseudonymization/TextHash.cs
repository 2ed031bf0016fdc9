using System.Security.Cryptography;
using System.Text;

namespace LmsPrivacy.Pseudonymization;

/// <summary>Plain (unkeyed) hashes of UTF-8 text, as lower-case hexadecimal.</summary>
/// <remarks>
/// An unkeyed hash of an identifier is not pseudonymization: anyone with a list of candidate identifiers can hash
/// them and match. Use <see cref="Pseudonymizer"/> for that; use these where a spec fixes the hash
/// (xAPI <c>mbox_sha1sum</c>) or for checksums.
/// </remarks>
public static class TextHash
{
    /// <summary>Returns the SHA-1 of the UTF-8 bytes of <paramref name="text"/> as 40 lower-case hex digits.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The hash.</returns>
    /// <remarks>SHA-1 is only for specs that require it, such as xAPI 1.0.3 Data §2.4.2.1 (<c>mbox_sha1sum</c>).</remarks>
    public static string Sha1Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // SHA-1 is required by xAPI 1.0.3 Data §2.4.2.1 for mbox_sha1sum; not used for security.
        Hash(text, hash, static (input, output) => SHA1.HashData(input, output));
#pragma warning restore CA5350
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Returns the SHA-256 of the UTF-8 bytes of <paramref name="text"/> as 64 lower-case hex digits.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The hash.</returns>
    public static string Sha256Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(text, hash, static (input, output) => SHA256.HashData(input, output));
        return Convert.ToHexStringLower(hash);
    }

    private delegate int HashFunction(ReadOnlySpan<byte> input, Span<byte> output);

    private static void Hash(string text, Span<byte> hash, HashFunction function)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        var rented = length > 512 ? new byte[length] : null;
        var buffer = rented ?? stackalloc byte[512];
        var written = Encoding.UTF8.GetBytes(text, buffer);
        function(buffer[..written], hash);
    }
}
