using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using LmsPrivacy.Classification;

namespace LmsPrivacy.Lti.Claims;

/// <summary>A set of claim descriptors indexed for lookup: the built-in catalog, or a host's own additions.</summary>
internal sealed class ClaimLookup
{
    private readonly FrozenDictionary<string, LtiClaimDescriptor> _claims;
    private readonly FrozenDictionary<string, LtiClaimDescriptor> _members;
    private readonly FrozenSet<string> _byMember;

    public ClaimLookup(IEnumerable<LtiClaimDescriptor> descriptors)
    {
        var claims = new Dictionary<string, LtiClaimDescriptor>(StringComparer.Ordinal);
        var members = new Dictionary<string, LtiClaimDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in descriptors)
        {
            ArgumentNullException.ThrowIfNull(descriptor, nameof(descriptors));
            if (descriptor.Member is null)
            {
                claims[descriptor.Claim] = descriptor;
            }
            else
            {
                members[Key(descriptor.Claim, descriptor.Member)] = descriptor;
            }
        }

        // A member entry without a whole-claim entry defaults the other members to its own category's claim: quasi-identifier.
        foreach (var member in members.Values)
        {
            claims.TryAdd(member.Claim, new LtiClaimDescriptor(member.Claim, null, DataCategory.QuasiIdentifier, "Declared through its members."));
        }

        _claims = claims.ToFrozenDictionary(StringComparer.Ordinal);
        _members = members.ToFrozenDictionary(StringComparer.Ordinal);
        _byMember = members.Values.Select(m => m.Claim).ToFrozenSet(StringComparer.Ordinal);
    }

    public static ClaimLookup Builtin { get; } = new(LtiClaimCatalog.All);

    public bool Knows(string claim) => _claims.ContainsKey(claim);

    public bool TryGetClaim(string claim, [NotNullWhen(true)] out LtiClaimDescriptor? descriptor) => _claims.TryGetValue(claim, out descriptor);

    public bool IsClassifiedByMember(string claim) => _byMember.Contains(claim);

    public DataCategory GetMemberCategory(string claim, string member) =>
        _members.TryGetValue(Key(claim, member), out var entry) ? entry.Category : _claims[claim].Category;

    private static string Key(string claim, string member) => string.Concat(claim, "\u0000", member);
}
