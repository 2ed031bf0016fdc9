using System.Buffers.Binary;

namespace LmsPrivacy.Lti;

/// <summary>The hash the UTF-8 tables share: cheap, and spread well over names that differ at the end.</summary>
internal static class Utf8Hash
{
    /// <summary>
    /// Hashes the length and the last eight bytes (LTI claim names and platform URLs share long prefixes and differ at
    /// the end), mixed by a Fibonacci multiply; take the high bits of the result.
    /// </summary>
    public static ulong OfTail(ReadOnlySpan<byte> value, ulong seed = 0)
    {
        ulong tail = 0;
        if (value.Length >= sizeof(ulong))
        {
            tail = BinaryPrimitives.ReadUInt64LittleEndian(value[^sizeof(ulong)..]);
        }
        else
        {
            foreach (var b in value)
            {
                tail = (tail << 8) | b;
            }
        }

        return (tail + (ulong)value.Length + seed) * 0x9E3779B97F4A7C15UL;
    }
}
