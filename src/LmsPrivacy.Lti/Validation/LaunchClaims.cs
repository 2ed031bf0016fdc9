using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using LmsPrivacy.Findings;
using LmsPrivacy.Lti.Claims;

namespace LmsPrivacy.Lti.Validation;

/// <summary>The claims the validator reads, found in one pass over the payload (a JSON object lookup is a linear scan).</summary>
/// <remarks>One instance per thread is reused, so reading a launch allocates nothing in the common case.</remarks>
internal sealed class LaunchClaims
{
    public const int Iss = 0;
    public const int Aud = 1;
    public const int Azp = 2;
    public const int Sub = 3;
    public const int Exp = 4;
    public const int Iat = 5;
    public const int Nonce = 6;
    public const int Version = 7;
    public const int MessageType = 8;
    public const int DeploymentId = 9;
    public const int TargetLinkUri = 10;
    public const int ResourceLink = 11;
    public const int Roles = 12;
    public const int Context = 13;
    public const int ToolPlatform = 14;
    public const int Custom = 15;
    public const int RoleScopeMentor = 16;
    public const int DeepLinkingSettings = 17;
    public const int ForUser = 18;
    public const int AgsEndpoint = 19;
    public const int Lti1p1 = 20;
    private const int FirstIdentity = 21;

    private const int PairwiseLimit = 32;
    private const int MaxPooledOthers = 1024;

    private static readonly string[] Names =
    [
        LtiClaimNames.Issuer, LtiClaimNames.Audience, LtiClaimNames.AuthorizedParty, LtiClaimNames.Subject, LtiClaimNames.Expires,
        LtiClaimNames.IssuedAt, LtiClaimNames.Nonce, LtiClaimNames.Version, LtiClaimNames.MessageType, LtiClaimNames.DeploymentId,
        LtiClaimNames.TargetLinkUri, LtiClaimNames.ResourceLink, LtiClaimNames.Roles, LtiClaimNames.Context, LtiClaimNames.ToolPlatform,
        LtiClaimNames.Custom, LtiClaimNames.RoleScopeMentor, LtiClaimNames.DeepLinkingSettings, LtiClaimNames.ForUser,
        LtiClaimNames.AgsEndpoint, LtiClaimNames.Lti1p1,
        .. LtiClaimCatalog.All.Where(d => d.Member is null && LtiClaimCatalog.IsIdentityClaim(d.Claim)).Select(d => d.Claim),
    ];

    // The validator's slot of each built-in catalog entry (by its ordinal), or -1: one name lookup serves both.
    private static readonly int[] SlotByOrdinal = MapSlots();

    private static readonly int SeenWords = (ClaimLookup.Builtin.Count + 63) / 64;

    [ThreadStatic]
    private static LaunchClaims? t_cached;

    private readonly JsonElement[] _values = new JsonElement[Names.Length];

    // Bit n set: slot n holds a value. Cheaper to test than a JsonElement's kind, and it says which slots to clear.
    private ulong _present;

    // The claims outside the built-in catalog, compared with each other for duplicates.
    private readonly List<JsonProperty> _others = [];

    private LaunchClaims()
    {
    }

    /// <summary>Gets the validator's scratch list of findings for this launch (the report copies it).</summary>
    public List<Finding> Findings { get; } = [];

    /// <summary>Gets the names of claims that appear more than once (catalogued ones first, each in document order of its repeats); <see langword="null"/> when none does.</summary>
    public List<string>? Duplicates { get; private set; }

    /// <summary>
    /// Walks the payload once: finds the claims the validator reads and repeated names, and, when
    /// <paramref name="classification"/> is given, classifies each claim with the same name lookup.
    /// </summary>
    /// <remarks>The instance is this thread's until <see cref="Return"/>; call it once the validation is done.</remarks>
    public static LaunchClaims Read(JsonElement payload, ClassificationBuilder? classification = null)
    {
        var claims = t_cached ?? new LaunchClaims();
        t_cached = null;
        var values = claims._values;
        var others = claims._others;
        Span<ulong> seen = stackalloc ulong[SeenWords];
        foreach (var property in payload.EnumerateObject())
        {
            var value = property.Value;
            if (ClaimLookup.Builtin.TryGet(property, out var entry))
            {
                var ordinal = entry.Ordinal;
                ref var word = ref seen[ordinal >> 6];
                var bit = 1UL << (ordinal & 63);
                if ((word & bit) != 0)
                {
                    (claims.Duplicates ??= []).Add(entry.Descriptor.Claim);
                }
                else
                {
                    word |= bit;
                    var slot = SlotByOrdinal[ordinal];
                    if (slot >= 0)
                    {
                        values[slot] = value;
                        claims._present |= 1UL << slot;
                    }
                }
            }
            else
            {
                others.Add(property);
            }

            classification?.Add(property, value, entry);
        }

        if (others.Count > PairwiseLimit)
        {
            claims.FindDuplicates(others);
        }
        else if (others.Count > 1)
        {
            claims.FindDuplicatesPairwise(CollectionsMarshal.AsSpan(others));
        }

        return claims;
    }

    /// <summary>Forgets the payload and gives the instance back to this thread for the next launch.</summary>
    public void Return()
    {
        for (var present = _present; present != 0; present &= present - 1)
        {
            _values[BitOperations.TrailingZeroCount(present)] = default;
        }

        _present = 0;
        _others.Clear();
        Findings.Clear();
        Duplicates = null;
        if (_others.Capacity <= MaxPooledOthers && Findings.Capacity <= MaxPooledOthers)
        {
            t_cached = this;
        }
    }

    public bool TryGet(int slot, out JsonElement value)
    {
        value = _values[slot];
        return (_present & (1UL << slot)) != 0;
    }

    /// <summary>Returns the user identity claims present, in catalog order.</summary>
    public IEnumerable<string> IdentityClaims()
    {
        for (var slot = FirstIdentity; slot < Names.Length; slot++)
        {
            if ((_present & (1UL << slot)) != 0)
            {
                yield return Names[slot];
            }
        }
    }

    private static int[] MapSlots()
    {
        // The presence bits are one ulong.
        if (Names.Length > 64)
        {
            throw new InvalidOperationException("The validator reads more than 64 claims; widen LaunchClaims' presence bits.");
        }

        var map = new int[ClaimLookup.Builtin.Count];
        Array.Fill(map, -1);
        for (var slot = 0; slot < Names.Length; slot++)
        {
            if (!ClaimLookup.Builtin.TryGet(Names[slot], out var entry))
            {
                throw new InvalidOperationException($"The validator reads {Names[slot]}, which the built-in catalog lacks.");
            }

            map[entry.Ordinal] = slot;
        }

        return map;
    }

    private void FindDuplicatesPairwise(ReadOnlySpan<JsonProperty> others)
    {
        for (var i = 1; i < others.Length; i++)
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(others[i]);
            var escaped = name.Contains((byte)'\\');
            for (var j = 0; j < i; j++)
            {
                var other = JsonMarshal.GetRawUtf8PropertyName(others[j]);
                var same = escaped || other.Contains((byte)'\\')
                    ? string.Equals(others[i].Name, others[j].Name, StringComparison.Ordinal)
                    : name.SequenceEqual(other);
                if (same)
                {
                    (Duplicates ??= []).Add(others[i].Name);
                    break;
                }
            }
        }
    }

    // More than PairwiseLimit claims outside the catalog: a hash set instead of the quadratic scan.
    private void FindDuplicates(List<JsonProperty> others)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in others)
        {
            if (!seen.Add(property.Name))
            {
                (Duplicates ??= []).Add(property.Name);
            }
        }
    }
}
