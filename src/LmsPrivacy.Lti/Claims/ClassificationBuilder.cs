using System.Runtime.CompilerServices;
using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Lti.Claims;

/// <summary>
/// Classifies a launch claim by claim, as the payload is walked: by the classifier alone, or inside the validator's
/// own walk so that a launch is enumerated and its names looked up once (<see cref="Validation.LtiLaunchValidator.InspectAsync"/>).
/// </summary>
/// <remarks>
/// One builder per thread is reused (<see cref="Rent"/>, <see cref="Finish"/>), so its scratch lists do not allocate
/// per launch; the result copies out of them. Catalogued claims and members add their precomputed records.
/// </remarks>
internal sealed class ClassificationBuilder
{
    // A builder that grew past this (a hostile payload) is not kept for the next launch.
    private const int MaxPooledClaims = 1024;

    [ThreadStatic]
    private static ClassificationBuilder? t_cached;

    private readonly List<LtiClassifiedClaim> _claims = new(64);
    private readonly List<Finding> _findings = new(8);
    private readonly IdentityValues _identity = new();
    private ClaimLookup? _extra;
    private int _customIndex = -1;
    private JsonElement _custom;

    private ClassificationBuilder()
    {
    }

    /// <summary>Takes this thread's builder (or a new one) for one payload.</summary>
    public static ClassificationBuilder Rent(ClaimLookup? extra)
    {
        var builder = t_cached ?? new ClassificationBuilder();
        t_cached = null;
        builder._extra = extra;
        return builder;
    }

    /// <summary>The result for a payload that is not a JSON object.</summary>
    public static LtiClaimClassification NotObject() =>
        new([], new ValidationReport([LtiRules.PayloadNotObject.At(JsonPaths.Root, "The payload is not a JSON object of claims.")]));

    /// <summary>Classifies one top-level claim; <paramref name="builtin"/> is its built-in catalog entry, if any.</summary>
    /// <remarks>Inlined into the walk: it runs for every claim of every launch.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(JsonProperty property, JsonElement value, ClaimEntry? builtin)
    {
        ClaimEntry? entry;
        var collectMembers = false;
        if (_extra is not null && _extra.TryGet(property, out var extraEntry))
        {
            entry = extraEntry;
        }
        else
        {
            entry = builtin;
            if (builtin is not null && builtin.Role != IdentityRole.None)
            {
                // An identity held in a member (lis.person_sourcedid) is collected by the member walk below.
                collectMembers = IdentityValues.IsMemberRole(builtin.Role) && builtin.MemberNames is not null;
                if (!collectMembers)
                {
                    _identity.Collect(builtin.Role, value);
                }
            }
        }

        if (entry is null)
        {
            AddUnknown(property, value);
            return;
        }

        var descriptor = entry.Descriptor;
        if (entry.IsCustom && value.ValueKind == JsonValueKind.Object && _customIndex < 0)
        {
            // Classified at the end, when every identity value is known; its members keep this position.
            _customIndex = _claims.Count;
            _custom = value;
            return;
        }

        if (entry.MemberNames is { } memberNames && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in value.EnumerateObject())
            {
                if (memberNames.TryGetValue(member, out var known))
                {
                    _claims.Add(known.Classified);
                    if (collectMembers && known.Role != IdentityRole.None)
                    {
                        _identity.Collect(known.Role, member.Value);
                    }
                }
                else
                {
                    _claims.Add(NamePathCache.Get(entry.Path, member).Classified(descriptor.Category, descriptor.Claim, member.Name));
                }
            }
        }
        else
        {
            _claims.Add(entry.Classified);
        }

        if (entry.IsThirdParty)
        {
            _findings.Add(LtiRules.ClaimThirdParty.At(entry.Path, ClaimTree.ThirdPartyMessage));
        }
    }

    /// <summary>Builds the classification and returns the builder to this thread.</summary>
    public LtiClaimClassification Finish()
    {
        LtiClassifiedClaim[] claims;
        if (_customIndex < 0)
        {
            claims = [.. _claims];
        }
        else
        {
            var custom = _custom;
            claims = new LtiClassifiedClaim[_claims.Count + custom.GetPropertyCount()];
            _claims.CopyTo(0, claims, 0, _customIndex);
            var index = _customIndex;
            foreach (var member in custom.EnumerateObject())
            {
                claims[index++] = ClassifyCustom(member);
            }

            _claims.CopyTo(_customIndex, claims, index, _claims.Count - _customIndex);
        }

        var report = _findings.Count == 0 ? ValidationReport.Empty : new ValidationReport(_findings);
        Reset();
        return new LtiClaimClassification(claims, report);
    }

    private LtiClassifiedClaim ClassifyCustom(JsonProperty member)
    {
        var named = NamePathCache.Get(Paths.Custom, member);
        var (category, reason) = CustomValues.Classify(named, member.Value, _identity);
        if (category == DataCategory.DirectIdentifier)
        {
            _findings.Add(named.FindingAt(LtiRules.CustomDirectIdentifier, reason));
        }

        return named.Classified(category, LtiClaimNames.Custom, named.Name);
    }

    private void AddUnknown(JsonProperty property, JsonElement value)
    {
        var named = NamePathCache.Get(JsonPaths.Root, property);
        var direct = ClaimTree.ContainsEmail(value, 0);
        var category = direct ? DataCategory.DirectIdentifier : DataCategory.QuasiIdentifier;
        _findings.Add(named.FindingAt(LtiRules.ClaimUnknown, direct
            ? ClaimTree.UnknownDirectMessage
            : ClaimTree.UnknownMessage));
        _claims.Add(named.Classified(category, named.Name, null));
    }

    private void Reset()
    {
        _identity.Clear();
        _custom = default;
        _customIndex = -1;
        _extra = null;
        _findings.Clear();
        _claims.Clear();
        if (_claims.Capacity <= MaxPooledClaims && _findings.Capacity <= MaxPooledClaims)
        {
            t_cached = this;
        }
    }

    private static class Paths
    {
        public static readonly string Custom = JsonPaths.Claim(LtiClaimNames.Custom);
    }
}
