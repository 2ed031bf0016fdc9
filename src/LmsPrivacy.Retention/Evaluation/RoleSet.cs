using System.Numerics;

namespace LmsPrivacy.Retention.Evaluation;

/// <summary>
/// A set of overridden roles as bits over the registry's role universe (see <see cref="RoleUniverse"/>). The first 64
/// roles live in one word, so the per-context set arithmetic of an evaluation allocates nothing; a registry with more
/// overridden roles than that still works, with an extra array per set.
/// </summary>
internal readonly struct RoleSet : IEquatable<RoleSet>
{
    private readonly ulong _low;
    private readonly ulong[]? _high;

    private RoleSet(ulong low, ulong[]? high)
    {
        _low = low;
        _high = high is not null && Array.TrueForAll(high, static w => w == 0) ? null : high;
    }

    /// <summary>Gets the first 64 roles as bits (the whole set when <see cref="RoleUniverse.FitsOneWord"/>).</summary>
    public ulong LowBits => _low;

    /// <summary>Gets the set of the first 64 roles given as bits.</summary>
    public static RoleSet FromBits(ulong bits) => new(bits, null);

    /// <summary>Gets the empty set.</summary>
    public static RoleSet Empty => default;

    /// <summary>Gets whether the set has no role.</summary>
    public bool IsEmpty => _low == 0 && _high is null;

    /// <summary>Gets the set holding the role at bit <paramref name="bit"/> only.</summary>
    public static RoleSet Of(int bit)
    {
        if (bit < 64)
        {
            return new RoleSet(1UL << bit, null);
        }

        var high = new ulong[((bit - 64) / 64) + 1];
        high[(bit - 64) / 64] = 1UL << ((bit - 64) % 64);
        return new RoleSet(0, high);
    }

    /// <summary>Gets the union.</summary>
    public RoleSet Union(RoleSet other) => _high is null && other._high is null
        ? new RoleSet(_low | other._low, null)
        : new RoleSet(_low | other._low, Combine(_high, other._high, static (a, b) => a | b, longest: true));

    /// <summary>Gets the intersection.</summary>
    public RoleSet Intersect(RoleSet other) => _high is null || other._high is null
        ? new RoleSet(_low & other._low, null)
        : new RoleSet(_low & other._low, Combine(_high, other._high, static (a, b) => a & b, longest: false));

    /// <summary>Gets this set without the roles of <paramref name="other"/>.</summary>
    public RoleSet Except(RoleSet other) => _high is null
        ? new RoleSet(_low & ~other._low, null)
        : new RoleSet(_low & ~other._low, Combine(_high, other._high ?? [], static (a, b) => a & ~b, longest: true, keepLeft: true));

    /// <summary>Lists the bits in the set, lowest first.</summary>
    public IEnumerable<int> Bits()
    {
        for (var word = _low; word != 0; word &= word - 1)
        {
            yield return BitOperations.TrailingZeroCount(word);
        }

        if (_high is null)
        {
            yield break;
        }

        for (var w = 0; w < _high.Length; w++)
        {
            for (var word = _high[w]; word != 0; word &= word - 1)
            {
                yield return 64 + (w * 64) + BitOperations.TrailingZeroCount(word);
            }
        }
    }

    /// <inheritdoc />
    public bool Equals(RoleSet other) =>
        _low == other._low && (_high is null ? other._high is null : other._high is not null && _high.AsSpan().SequenceEqual(other._high));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RoleSet other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(_low);
        if (_high is not null)
        {
            foreach (var word in _high)
            {
                hash.Add(word);
            }
        }

        return hash.ToHashCode();
    }

    private static ulong[] Combine(ulong[]? left, ulong[]? right, Func<ulong, ulong, ulong> op, bool longest, bool keepLeft = false)
    {
        left ??= [];
        right ??= [];
        var length = keepLeft ? left.Length : longest ? Math.Max(left.Length, right.Length) : Math.Min(left.Length, right.Length);
        var result = new ulong[length];
        for (var i = 0; i < length; i++)
        {
            result[i] = op(i < left.Length ? left[i] : 0, i < right.Length ? right[i] : 0);
        }

        return result;
    }
}
