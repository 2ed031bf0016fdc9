using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;

namespace LmsPrivacy.Pseudonymization;

/// <summary>A secret HMAC key with its key id, used to derive pseudonyms.</summary>
/// <remarks>
/// The key material is copied on construction and never exposed through <see cref="ToString"/> or any property,
/// so that it cannot end up in logs. Key ids are carried in pseudonyms so keys can rotate
/// (see <see cref="Pseudonymizer"/>). Instances are immutable and safe to share across threads.
/// </remarks>
public sealed class PseudonymKey
{
    /// <summary>The smallest key length accepted, in bytes (the HMAC-SHA256 output size; RFC 2104 §3).</summary>
    public const int MinimumLength = 32;

    /// <summary>The longest key id accepted.</summary>
    public const int MaximumIdLength = 32;

    private readonly byte[] _material;

    // Keyed HMAC states reused across calls: resetting an HMAC keeps its key schedule, which saves the two
    // compression-function calls a one-shot HMAC spends on the inner and outer pads every time.
    private readonly System.Collections.Concurrent.ConcurrentBag<IncrementalHash> _hmacPool = [];

    /// <summary>Initializes a key from raw bytes.</summary>
    /// <param name="id">The key id: 1 to 32 characters among <c>A–Z a–z 0–9 _ -</c>.</param>
    /// <param name="material">The secret key, at least <see cref="MinimumLength"/> bytes.</param>
    /// <exception cref="ArgumentException">The id is malformed or the key is too short.</exception>
    public PseudonymKey(string id, ReadOnlySpan<byte> material)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!IsValidId(id))
        {
            throw new ArgumentException(
                $"Key id must be 1 to {MaximumIdLength} characters among A-Z, a-z, 0-9, '_' and '-'.", nameof(id));
        }

        if (material.Length < MinimumLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Key '{id}' is {material.Length} bytes; at least {MinimumLength} bytes are required."),
                nameof(material));
        }

        Id = id;
        _material = material.ToArray();
    }

    /// <summary>Gets the key id carried in pseudonyms made with this key.</summary>
    public string Id { get; }

    /// <summary>Gets the key length in bytes.</summary>
    public int Length => _material.Length;

    internal byte[] Material => _material;

    /// <summary>Computes HMAC-SHA256 of <paramref name="data"/> under this key into <paramref name="hash"/> (32 bytes).</summary>
    internal void ComputeHmac(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        if (!_hmacPool.TryTake(out var hmac))
        {
            hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _material);
        }

        hmac.AppendData(data);
        hmac.GetHashAndReset(hash);
        if (_hmacPool.Count < Environment.ProcessorCount * 2)
        {
            _hmacPool.Add(hmac);
        }
        else
        {
            hmac.Dispose();
        }
    }

    /// <summary>Creates a key from text: base64, or hexadecimal, optionally marked <c>base64:</c> or <c>hex:</c>.</summary>
    /// <param name="id">The key id.</param>
    /// <param name="text">
    /// The key as text. Without a marker, text made only of an even number (at least 64) of hex digits is read as hex,
    /// anything else as base64. Surrounding white space (a trailing newline in a key file) is ignored.
    /// </param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentException">The text is not base64 or hex, or the key is too short.</exception>
    public static PseudonymKey FromText(string id, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryDecode(text, out var bytes))
        {
            throw new ArgumentException($"Key '{id}' is neither base64 nor hexadecimal.", nameof(text));
        }

        try
        {
            return new PseudonymKey(id, bytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
        }
    }

    /// <summary>Creates a new random key of <see cref="MinimumLength"/> bytes.</summary>
    /// <param name="id">The key id.</param>
    /// <returns>A key from the system's cryptographic random number generator.</returns>
    public static PseudonymKey Generate(string id)
    {
        Span<byte> bytes = stackalloc byte[MinimumLength];
        RandomNumberGenerator.Fill(bytes);
        var key = new PseudonymKey(id, bytes);
        CryptographicOperations.ZeroMemory(bytes);
        return key;
    }

    /// <summary>Returns the key id and length; never the key material.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"PseudonymKey({Id}, {Length} bytes)");

    internal static bool IsValidId([NotNullWhen(true)] string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaximumIdLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool TryDecode(string text, out byte[] bytes)
    {
        var trimmed = text.AsSpan().Trim();
        bytes = [];
        if (trimmed.StartsWith("hex:", StringComparison.OrdinalIgnoreCase))
        {
            return TryHex(trimmed[4..], out bytes);
        }

        if (trimmed.StartsWith("base64:", StringComparison.OrdinalIgnoreCase))
        {
            return TryBase64(trimmed[7..], out bytes);
        }

        if (trimmed.Length >= 2 * MinimumLength && trimmed.Length % 2 == 0 && !trimmed.ContainsAnyExcept(HexDigits))
        {
            return TryHex(trimmed, out bytes);
        }

        return TryBase64(trimmed, out bytes);
    }

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static bool TryHex(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || text.Length % 2 != 0 || text.ContainsAnyExcept(HexDigits))
        {
            return false;
        }

        bytes = Convert.FromHexString(text);
        return true;
    }

    private static bool TryBase64(ReadOnlySpan<char> text, out byte[] bytes)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (text.Length > 0 && Convert.TryFromBase64Chars(text, buffer, out var written))
        {
            bytes = buffer[..written];
            CryptographicOperations.ZeroMemory(buffer);
            return true;
        }

        bytes = [];
        return false;
    }
}
