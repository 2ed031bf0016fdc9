using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using LmsPrivacy.Lti.Claims;

namespace LmsPrivacy.Lti.Validation;

/// <summary>The claims the validator reads, found in one pass over the payload (a JSON object lookup is a linear scan).</summary>
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

    private static readonly string[] Names =
    [
        LtiClaimNames.Issuer, LtiClaimNames.Audience, LtiClaimNames.AuthorizedParty, LtiClaimNames.Subject, LtiClaimNames.Expires,
        LtiClaimNames.IssuedAt, LtiClaimNames.Nonce, LtiClaimNames.Version, LtiClaimNames.MessageType, LtiClaimNames.DeploymentId,
        LtiClaimNames.TargetLinkUri, LtiClaimNames.ResourceLink, LtiClaimNames.Roles, LtiClaimNames.Context, LtiClaimNames.ToolPlatform,
        LtiClaimNames.Custom, LtiClaimNames.RoleScopeMentor, LtiClaimNames.DeepLinkingSettings, LtiClaimNames.ForUser,
        LtiClaimNames.AgsEndpoint, LtiClaimNames.Lti1p1,
        .. LtiClaimCatalog.All.Where(d => d.Member is null && LtiClaimCatalog.IsIdentityClaim(d.Claim)).Select(d => d.Claim),
    ];

    private static readonly FrozenDictionary<string, int> Slots =
        Names.Select((name, index) => (name, index)).ToFrozenDictionary(p => p.name, p => p.index, StringComparer.Ordinal);

    private static readonly Utf8NameLookup<int> SlotsByName = new(Slots);

    private readonly JsonElement[] _values = new JsonElement[Names.Length];

    private LaunchClaims()
    {
    }

    /// <summary>Gets the names of claims that appear more than once, in document order of their repeats; <see langword="null"/> when none does.</summary>
    public List<string>? Duplicates { get; private set; }

    public static LaunchClaims Read(JsonElement payload)
    {
        var claims = new LaunchClaims();
        var inline = default(PropertyBuffer);
        Span<JsonProperty> few = inline;
        var fewCount = 0;
        List<JsonProperty>? others = null;
        foreach (var property in payload.EnumerateObject())
        {
            if (SlotsByName.TryGetValue(property, out var slot))
            {
                if (claims._values[slot].ValueKind == JsonValueKind.Undefined)
                {
                    claims._values[slot] = property.Value;
                }
                else
                {
                    (claims.Duplicates ??= []).Add(Names[slot]);
                }
            }
            else if (others is null && fewCount < PairwiseLimit)
            {
                few[fewCount++] = property;
            }
            else
            {
                others ??= [.. few[..fewCount]];
                others.Add(property);
            }
        }

        if (others is not null)
        {
            claims.FindDuplicates(others);
        }
        else
        {
            claims.FindDuplicatesPairwise(few[..fewCount]);
        }

        return claims;
    }

    public bool TryGet(int slot, out JsonElement value)
    {
        value = _values[slot];
        return value.ValueKind != JsonValueKind.Undefined;
    }

    /// <summary>Returns the user identity claims present, in catalog order.</summary>
    public IEnumerable<string> IdentityClaims()
    {
        for (var slot = FirstIdentity; slot < Names.Length; slot++)
        {
            if (_values[slot].ValueKind != JsonValueKind.Undefined)
            {
                yield return Names[slot];
            }
        }
    }

    private void FindDuplicatesPairwise(ReadOnlySpan<JsonProperty> others)
    {
        for (var i = 1; i < others.Length; i++)
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(others[i]);
            for (var j = 0; j < i; j++)
            {
                if (name.SequenceEqual(JsonMarshal.GetRawUtf8PropertyName(others[j])))
                {
                    (Duplicates ??= []).Add(others[i].Name);
                    break;
                }
            }
        }
    }

    // More than PairwiseLimit claims outside the slots: a hash set instead of the quadratic scan.
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

    /// <summary>Room on the stack for the claims outside the slots of a typical launch.</summary>
    [InlineArray(PairwiseLimit)]
    private struct PropertyBuffer
    {
        private JsonProperty _element;
    }
}
