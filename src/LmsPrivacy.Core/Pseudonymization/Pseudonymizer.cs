using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace LmsPrivacy.Pseudonymization;

/// <summary>
/// Derives stable keyed pseudonyms: HMAC-SHA256 (RFC 2104, FIPS 198-1) over the <see cref="CanonicalEncoding"/> of
/// one or more string components, written as <c>{prefix}{keyId}.{digest}</c>.
/// </summary>
/// <remarks>
/// <para>
/// The same components and key always give the same pseudonym; without the key, a pseudonym cannot be linked back to
/// its input even by someone holding a list of candidate identities (unlike an unkeyed hash), which is what makes it
/// pseudonymization in the sense of GDPR Art. 4(5). Keep the key apart from the pseudonymized data.
/// </para>
/// <para>
/// Keys rotate: new pseudonyms use the active key; pseudonyms made with a retired key that is still configured keep
/// verifying, and <see cref="TryGetKeyId"/> tells which key made one. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class Pseudonymizer
{
    private const int HashLength = 32;
    private const int StackLimit = 512;
    private const char KeySeparator = '.';

    private readonly PseudonymKey _active;
    private readonly FrozenDictionary<string, PseudonymKey> _keys;
    private readonly PseudonymKey[] _allKeys;
    private readonly PseudonymEncoding _encoding;
    private readonly string _prefix;
    private readonly bool _includeKeyId;
    private readonly int _digestLength;

    /// <summary>Initializes a pseudonymizer with an active key, optional retired keys and the default format (base32, key id included, no prefix).</summary>
    /// <param name="activeKey">The key that makes new pseudonyms.</param>
    /// <param name="retiredKeys">Older keys whose pseudonyms must still verify.</param>
    /// <exception cref="ArgumentException">Two keys share an id.</exception>
    public Pseudonymizer(PseudonymKey activeKey, params IEnumerable<PseudonymKey> retiredKeys)
        : this(activeKey, retiredKeys, PseudonymFormat.Default)
    {
    }

    /// <summary>Initializes a pseudonymizer with an active key, retired keys and a format.</summary>
    /// <param name="activeKey">The key that makes new pseudonyms.</param>
    /// <param name="retiredKeys">Older keys whose pseudonyms must still verify.</param>
    /// <param name="format">How pseudonyms are written.</param>
    /// <exception cref="ArgumentException">Two keys share an id.</exception>
    public Pseudonymizer(PseudonymKey activeKey, IEnumerable<PseudonymKey> retiredKeys, PseudonymFormat format)
        : this(activeKey, retiredKeys, (format ?? throw new ArgumentNullException(nameof(format))).Encoding, format.Prefix, format.IncludeKeyId)
    {
    }

    /// <summary>Initializes a pseudonymizer from options (the constructor used by dependency injection).</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="OptionsValidationException">The options are invalid: no key, a short key, an unknown active key id.</exception>
    public Pseudonymizer(IOptions<PseudonymizerOptions> options)
        : this(Build(options))
    {
    }

    /// <summary>Initializes a pseudonymizer from options.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="OptionsValidationException">The options are invalid: no key, a short key, an unknown active key id.</exception>
    public Pseudonymizer(PseudonymizerOptions options)
        : this(Build(Options.Create(options)))
    {
    }

    private Pseudonymizer((PseudonymKey Active, IEnumerable<PseudonymKey> All, PseudonymizerOptions Options) built)
        : this(built.Active, built.All, built.Options.Encoding, built.Options.Prefix, built.Options.IncludeKeyId)
    {
    }

    private Pseudonymizer(PseudonymKey activeKey, IEnumerable<PseudonymKey> otherKeys, PseudonymEncoding encoding, string prefix, bool includeKeyId)
    {
        ArgumentNullException.ThrowIfNull(activeKey);
        ArgumentNullException.ThrowIfNull(otherKeys);
        ArgumentNullException.ThrowIfNull(prefix);
        if (!Enum.IsDefined(encoding))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Unknown pseudonym encoding.");
        }

        var keys = new Dictionary<string, PseudonymKey>(StringComparer.Ordinal) { [activeKey.Id] = activeKey };
        foreach (var key in otherKeys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(otherKeys));
            if (ReferenceEquals(key, activeKey))
            {
                continue;
            }

            if (!keys.TryAdd(key.Id, key))
            {
                throw new ArgumentException($"Two keys have the id '{key.Id}'.", nameof(otherKeys));
            }
        }

        _active = activeKey;
        _keys = keys.ToFrozenDictionary(StringComparer.Ordinal);
        _allKeys = [activeKey, .. keys.Values.Where(k => !ReferenceEquals(k, activeKey))];
        _encoding = encoding;
        _prefix = prefix;
        _includeKeyId = includeKeyId;
        _digestLength = encoding == PseudonymEncoding.Base32 ? Base32.EncodedLength(HashLength) : HashLength * 2;
    }

    /// <summary>Gets the id of the key that makes new pseudonyms.</summary>
    public string ActiveKeyId => _active.Id;

    /// <summary>Gets the ids of every configured key, active first.</summary>
    public IReadOnlyList<string> KeyIds => [.. _allKeys.Select(k => k.Id)];

    /// <summary>Returns the pseudonym of one component under the active key.</summary>
    /// <param name="component">The identifier to pseudonymize, such as a learner id.</param>
    /// <returns>The pseudonym, <c>{prefix}{keyId}.{digest}</c>.</returns>
    /// <exception cref="ArgumentException">The component is not well-formed UTF-16.</exception>
    public string Pseudonymize(string component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return Pseudonymize(new ReadOnlySpan<string>(in component));
    }

    /// <summary>Returns the pseudonym of a list of components under the active key.</summary>
    /// <param name="components">One or more components, such as an issuer and a subject.</param>
    /// <returns>The pseudonym, <c>{prefix}{keyId}.{digest}</c>.</returns>
    /// <exception cref="ArgumentException">No component is given, or one is not well-formed UTF-16.</exception>
    public string Pseudonymize(params ReadOnlySpan<string> components)
    {
        if (components.IsEmpty)
        {
            throw new ArgumentException("At least one component is required.", nameof(components));
        }

        Span<byte> hash = stackalloc byte[HashLength];
        ComputeHash(_active, components, hash);
        var keyPart = _includeKeyId ? _active.Id.Length + 1 : 0;
        Span<char> text = stackalloc char[_prefix.Length + keyPart + _digestLength];
        WriteText(_active, hash, text);
        return new string(text);
    }

    /// <summary>Returns whether <paramref name="pseudonym"/> is the pseudonym of <paramref name="components"/> under any configured key.</summary>
    /// <param name="pseudonym">The pseudonym to check.</param>
    /// <param name="components">The components it should stand for.</param>
    /// <returns><see langword="true"/> if it matches; the comparison takes constant time in the digest.</returns>
    public bool Verify(string pseudonym, params ReadOnlySpan<string> components)
    {
        ArgumentNullException.ThrowIfNull(pseudonym);
        if (components.IsEmpty || !pseudonym.StartsWith(_prefix, StringComparison.Ordinal))
        {
            return false;
        }

        if (_includeKeyId)
        {
            return TryGetKeyId(pseudonym, out var keyId) && Matches(_keys[keyId], pseudonym, components);
        }

        var match = false;
        foreach (var key in _allKeys)
        {
            match |= Matches(key, pseudonym, components);
        }

        return match;
    }

    /// <summary>Reads the key id from a pseudonym made by a configured key.</summary>
    /// <param name="pseudonym">The pseudonym.</param>
    /// <param name="keyId">The key id, when the pseudonym has this pseudonymizer's shape and names a configured key.</param>
    /// <returns><see langword="true"/> when a configured key id was found.</returns>
    public bool TryGetKeyId(string pseudonym, [NotNullWhen(true)] out string? keyId)
    {
        ArgumentNullException.ThrowIfNull(pseudonym);
        keyId = null;
        if (!_includeKeyId || !pseudonym.StartsWith(_prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = pseudonym.AsSpan(_prefix.Length);
        var dot = rest.IndexOf(KeySeparator);
        if (dot <= 0 || rest.Length - dot - 1 != _digestLength)
        {
            return false;
        }

        var lookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(rest[..dot], out var key))
        {
            return false;
        }

        keyId = key.Id;
        return true;
    }

    /// <summary>Returns whether a pseudonym was made with a key other than the active one (and should be re-derived).</summary>
    /// <param name="pseudonym">The pseudonym.</param>
    /// <returns><see langword="true"/> when the pseudonym names a configured retired key.</returns>
    public bool IsFromRetiredKey(string pseudonym) =>
        TryGetKeyId(pseudonym, out var keyId) && !string.Equals(keyId, _active.Id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override string ToString() => $"Pseudonymizer(active key {_active.Id}, {_allKeys.Length} key(s), {_encoding})";

    private bool Matches(PseudonymKey key, string pseudonym, ReadOnlySpan<string> components)
    {
        Span<byte> hash = stackalloc byte[HashLength];
        ComputeHash(key, components, hash);
        var keyPart = _includeKeyId ? key.Id.Length + 1 : 0;
        Span<char> expected = stackalloc char[_prefix.Length + keyPart + _digestLength];
        if (expected.Length != pseudonym.Length)
        {
            return false;
        }

        WriteText(key, hash, expected);
        return CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(expected), MemoryMarshal.AsBytes(pseudonym.AsSpan()));
    }

    private static void ComputeHash(PseudonymKey key, ReadOnlySpan<string> components, Span<byte> hash)
    {
        var length = CanonicalEncoding.GetByteCount(components);
        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var written = CanonicalEncoding.Write(components, buffer);
            key.ComputeHmac(buffer[..written], hash);
        }
        finally
        {
            // The canonical bytes are the identity in clear: do not leave them in pooled memory.
            CryptographicOperations.ZeroMemory(buffer[..Math.Min(length, buffer.Length)]);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private void WriteText(PseudonymKey key, ReadOnlySpan<byte> hash, Span<char> text)
    {
        _prefix.AsSpan().CopyTo(text);
        var offset = _prefix.Length;
        if (_includeKeyId)
        {
            key.Id.AsSpan().CopyTo(text[offset..]);
            offset += key.Id.Length;
            text[offset++] = KeySeparator;
        }

        if (_encoding == PseudonymEncoding.Base32)
        {
            Base32.Encode(hash, text[offset..]);
        }
        else
        {
            Convert.TryToHexStringLower(hash, text[offset..], out _);
        }
    }

    private static (PseudonymKey, IEnumerable<PseudonymKey>, PseudonymizerOptions) Build(IOptions<PseudonymizerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var result = PseudonymizerOptionsValidator.Check(value, requireKey: true);
        if (result.Failed)
        {
            throw new OptionsValidationException(nameof(PseudonymizerOptions), typeof(PseudonymizerOptions), result.Failures);
        }

        var keys = value.Keys.Select(k => PseudonymKey.FromText(k.Id, k.Secret)).ToList();
        var activeId = value.ActiveKeyId ?? keys[0].Id;
        var active = keys.First(k => string.Equals(k.Id, activeId, StringComparison.Ordinal));
        return (active, keys, value);
    }
}
