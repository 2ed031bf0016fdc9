using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using LmsPrivacy.Classification;

namespace LmsPrivacy.Lti.Claims;

/// <summary>One claim of a lookup, with its JSON path and its member entries precomputed.</summary>
internal sealed class ClaimEntry
{
    public ClaimEntry(LtiClaimDescriptor descriptor, FrozenDictionary<string, MemberEntry>? members, int ordinal)
    {
        Descriptor = descriptor;
        Ordinal = ordinal;
        Path = JsonPaths.Claim(descriptor.Claim);
        Members = members;
        MemberNames = members is null ? null : new Utf8NameLookup<MemberEntry>(members);
        Role = IdentityValues.RoleOf(descriptor.Claim);
        IsCustom = string.Equals(descriptor.Claim, LtiClaimNames.Custom, StringComparison.Ordinal);
        IsThirdParty = descriptor.Category == DataCategory.ThirdParty;
        Classified = new LtiClassifiedClaim(Path, descriptor.Category, descriptor.Claim, null);
    }

    /// <summary>Gets the entry's number within its lookup (0 to <see cref="ClaimLookup.Count"/> - 1), for per-launch bit sets and tables.</summary>
    public int Ordinal { get; }

    /// <summary>Gets the classification of the whole claim, shared by every launch that carries it (the record is immutable).</summary>
    public LtiClassifiedClaim Classified { get; }

    /// <summary>Gets how the claim's value helps recognize the user inside custom parameters (decided once, not per launch).</summary>
    public IdentityRole Role { get; }

    /// <summary>Gets a value indicating whether the claim identifies another person than the launching user.</summary>
    public bool IsThirdParty { get; }

    /// <summary>Gets a value indicating whether this is the custom parameters claim.</summary>
    public bool IsCustom { get; }

    public LtiClaimDescriptor Descriptor { get; }

    public string Path { get; }

    public FrozenDictionary<string, MemberEntry>? Members { get; }

    /// <summary>Gets the member entries by raw UTF-8 property name.</summary>
    public Utf8NameLookup<MemberEntry>? MemberNames { get; }
}

/// <summary>One member entry, with its JSON path and its classification precomputed.</summary>
internal sealed record MemberEntry(string Name, string Path, DataCategory Category, string Claim)
{
    /// <summary>Gets how the member's value helps recognize the user inside custom parameters (such as <c>lis.person_sourcedid</c>).</summary>
    public IdentityRole Role { get; } = IdentityValues.MemberRoleOf(Claim, Name);

    /// <summary>Gets the classification of the member, shared by every launch that carries it (the record is immutable).</summary>
    public LtiClassifiedClaim Classified { get; } = new(Path, Category, Claim, Name);
}

/// <summary>A set of claim descriptors indexed for allocation-free lookup: the built-in catalog, or a host's own additions.</summary>
internal sealed class ClaimLookup
{
    private readonly FrozenDictionary<string, ClaimEntry> _claims;
    private readonly Utf8NameLookup<ClaimEntry> _byUtf8;

    public ClaimLookup(IEnumerable<LtiClaimDescriptor> descriptors)
    {
        var whole = new Dictionary<string, LtiClaimDescriptor>(StringComparer.Ordinal);
        var members = new Dictionary<string, Dictionary<string, MemberEntry>>(StringComparer.Ordinal);
        var memberDescriptors = new List<LtiClaimDescriptor>();
        foreach (var descriptor in descriptors)
        {
            ArgumentNullException.ThrowIfNull(descriptor, nameof(descriptors));
            if (descriptor.Member is null)
            {
                whole[descriptor.Claim] = descriptor;
            }
            else
            {
                memberDescriptors.Add(descriptor);
            }
        }

        foreach (var member in memberDescriptors)
        {
            // A member entry without a whole-claim entry makes the claim's other members quasi-identifiers.
            whole.TryAdd(member.Claim, new LtiClaimDescriptor(member.Claim, null, DataCategory.QuasiIdentifier, "Declared through its members."));
            if (!members.TryGetValue(member.Claim, out var map))
            {
                members[member.Claim] = map = new Dictionary<string, MemberEntry>(StringComparer.Ordinal);
            }

            map[member.Member!] = new MemberEntry(member.Member!, JsonPaths.Member(member.Claim, member.Member!), member.Category, member.Claim);
        }

        var ordinal = 0;
        _claims = whole.ToFrozenDictionary(
            static pair => pair.Key,
            pair => new ClaimEntry(pair.Value, members.TryGetValue(pair.Key, out var map) ? map.ToFrozenDictionary(StringComparer.Ordinal) : null, ordinal++),
            StringComparer.Ordinal);
        Count = ordinal;
        _byUtf8 = new Utf8NameLookup<ClaimEntry>(_claims);
    }

    public static ClaimLookup Builtin { get; } = new(LtiClaimCatalog.All);

    /// <summary>Gets the number of whole-claim entries.</summary>
    public int Count { get; }

    /// <summary>Gets every whole-claim entry.</summary>
    public IEnumerable<ClaimEntry> Entries => _claims.Values;

    public bool TryGet(string claim, [NotNullWhen(true)] out ClaimEntry? entry) => _claims.TryGetValue(claim, out entry);

    public bool TryGet(System.Text.Json.JsonProperty claim, [NotNullWhen(true)] out ClaimEntry? entry) => _byUtf8.TryGetValue(claim, out entry);

    public bool TryGet(ReadOnlySpan<byte> utf8Claim, [NotNullWhen(true)] out ClaimEntry? entry) => _byUtf8.TryGetValue(utf8Claim, out entry);

    public bool TryGetClaim(string claim, [NotNullWhen(true)] out LtiClaimDescriptor? descriptor)
    {
        if (_claims.TryGetValue(claim, out var entry))
        {
            descriptor = entry.Descriptor;
            return true;
        }

        descriptor = null;
        return false;
    }

    public bool Knows(string claim) => _claims.ContainsKey(claim);

    public DataCategory GetMemberCategory(string claim, string member)
    {
        var entry = _claims[claim];
        return entry.Members is not null && entry.Members.TryGetValue(member, out var memberEntry) ? memberEntry.Category : entry.Descriptor.Category;
    }
}
