namespace LmsPrivacy.Pseudonymization;

/// <summary>RFC 4648 §6 base32 in lower case, without padding.</summary>
internal static class Base32
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static int EncodedLength(int byteCount) => ((byteCount * 8) + 4) / 5;

    public static void Encode(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                destination[index++] = Alphabet[(buffer >> bits) & 31];
            }
        }

        if (bits > 0)
        {
            destination[index] = Alphabet[(buffer << (5 - bits)) & 31];
        }
    }
}
