using System.Runtime.InteropServices;
using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Lti.Claims;

/// <summary>One top-level claim, classified whole or member by member.</summary>
internal readonly record struct ClaimNode(string Name, string Path, JsonElement Value, DataCategory Category, List<MemberNode>? Members);

/// <summary>One member of an object claim.</summary>
internal readonly record struct MemberNode(string Name, string Path, JsonElement Value, DataCategory Category);

/// <summary>Walks a payload once and classifies each claim; shared by the classifier, the minimizer and the redactor.</summary>
internal static class ClaimTree
{
    // The messages of the classification findings, shared by both walks (ClassificationBuilder) so they cannot drift.
    public const string UnknownDirectMessage = "Unknown claim holding an e-mail address; classified as a direct identifier.";
    public const string UnknownMessage = "Unknown claim; classified as a quasi-identifier until you catalogue it.";
    public const string ThirdPartyMessage = "This claim identifies another person than the launching user; treat it as that person's data.";

    private const int MaxInspectDepth = 16;

    public static List<ClaimNode> Build(JsonElement payload, List<Finding>? findings, ClaimLookup? extra = null)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            findings?.Add(LtiRules.PayloadNotObject.At(JsonPaths.Root, "The payload is not a JSON object of claims."));
            return [];
        }

        var nodes = new List<ClaimNode>(payload.GetPropertyCount());

        var identity = new IdentityValues();
        var customIndex = -1;
        JsonElement custom = default;
        foreach (var property in payload.EnumerateObject())
        {
            var value = property.Value;
            ClaimEntry? entry = null;
            if (extra is not null && extra.TryGet(property, out var extraEntry))
            {
                entry = extraEntry;
            }
            else if (ClaimLookup.Builtin.TryGet(property, out var builtinEntry))
            {
                entry = builtinEntry;
                identity.Collect(builtinEntry.Role, value);
            }

            if (entry is null)
            {
                var unknownName = property.Name;
                var path = JsonPaths.Claim(unknownName);
                var unknownCategory = ContainsEmail(value, 0) ? DataCategory.DirectIdentifier : DataCategory.QuasiIdentifier;
                findings?.Add(LtiRules.ClaimUnknown.At(path, unknownCategory == DataCategory.DirectIdentifier
                    ? ClaimTree.UnknownDirectMessage
                    : ClaimTree.UnknownMessage));
                nodes.Add(new ClaimNode(unknownName, path, value, unknownCategory, null));
                continue;
            }

            var descriptor = entry.Descriptor;
            if (entry.IsCustom)
            {
                if (value.ValueKind == JsonValueKind.Object && customIndex < 0)
                {
                    customIndex = nodes.Count;
                    custom = value;
                    nodes.Add(default);
                    continue;
                }
            }

            if (entry.Members is not null && value.ValueKind == JsonValueKind.Object)
            {
                nodes.Add(new ClaimNode(descriptor.Claim, entry.Path, value, descriptor.Category, Members(entry, value)));
            }
            else
            {
                nodes.Add(new ClaimNode(descriptor.Claim, entry.Path, value, descriptor.Category, null));
            }

            if (descriptor.Category == DataCategory.ThirdParty)
            {
                findings?.Add(LtiRules.ClaimThirdParty.At(entry.Path, ClaimTree.ThirdPartyMessage));
            }
        }

        if (customIndex >= 0)
        {
            var path = JsonPaths.Claim(LtiClaimNames.Custom);
            nodes[customIndex] = new ClaimNode(LtiClaimNames.Custom, path, custom, DataCategory.QuasiIdentifier, ClassifyCustom(custom, path, identity, findings));
        }

        return nodes;
    }

    /// <summary>
    /// The same walk as <see cref="Build"/>, producing the classifier's flat list directly: catalogued claims and members
    /// reuse their precomputed records, and no intermediate nodes are built.
    /// </summary>
    public static LtiClaimClassification Classify(JsonElement payload, ClaimLookup? extra)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return ClassificationBuilder.NotObject();
        }

        try
        {
            var builder = ClassificationBuilder.Rent(extra);
            foreach (var property in payload.EnumerateObject())
            {
                ClaimLookup.Builtin.TryGet(property, out var builtin);
                builder.Add(property, property.Value, builtin);
            }

            return builder.Finish();
        }
        catch (InvalidOperationException) when (JsonText.HasLoneSurrogateEscape(JsonMarshal.GetRawUtf8Value(payload)))
        {
            // System.Text.Json accepts "\ud800" but throws when it is read as text; checked only after a read threw.
            return new LtiClaimClassification([], new ValidationReport([LtiRules.PayloadMalformed.At(
                JsonPaths.Root, "The payload " + JsonText.LoneSurrogateMessage)]));
        }
    }

    private static List<MemberNode> Members(ClaimEntry entry, JsonElement value)
    {
        var members = new List<MemberNode>(value.GetPropertyCount());
        foreach (var member in value.EnumerateObject())
        {
            if (entry.MemberNames!.TryGetValue(member, out var known))
            {
                members.Add(new MemberNode(known.Name, known.Path, member.Value, known.Category));
            }
            else
            {
                var name = member.Name;
                members.Add(new MemberNode(name, JsonPaths.Property(entry.Path, name), member.Value, entry.Descriptor.Category));
            }
        }

        return members;
    }

    private static List<MemberNode> ClassifyCustom(JsonElement custom, string path, IdentityValues identity, List<Finding>? findings)
    {
        var members = new List<MemberNode>(custom.GetPropertyCount());
        foreach (var member in custom.EnumerateObject())
        {
            var name = member.Name;
            var memberPath = JsonPaths.Property(path, name);
            var (category, reason) = CustomValues.Classify(name, member.Value, identity);
            if (category == DataCategory.DirectIdentifier)
            {
                findings?.Add(LtiRules.CustomDirectIdentifier.At(memberPath, reason));
            }

            members.Add(new MemberNode(name, memberPath, member.Value, category));
        }

        return members;
    }

    internal static bool ContainsEmail(JsonElement value, int depth)
    {
        if (depth > MaxInspectDepth)
        {
            return false;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                Span<char> buffer = stackalloc char[JsonText.BufferLength];
                return CustomValues.LooksLikeEmail(JsonText.Get(value, buffer));
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    if (ContainsEmail(item, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case JsonValueKind.Object:
                foreach (var item in value.EnumerateObject())
                {
                    if (ContainsEmail(item.Value, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }
}
