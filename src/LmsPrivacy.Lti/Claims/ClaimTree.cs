using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Lti.Claims;

/// <summary>One top-level claim, classified whole or member by member.</summary>
internal sealed record ClaimNode(string Name, string Path, JsonElement Value, DataCategory Category, IReadOnlyList<MemberNode>? Members);

/// <summary>One member of an object claim.</summary>
internal sealed record MemberNode(string Name, string Path, JsonElement Value, DataCategory Category);

/// <summary>Walks a payload once and classifies each claim; shared by the classifier, the minimizer and the redactor.</summary>
internal static class ClaimTree
{
    private const int MaxInspectDepth = 16;

    public static List<ClaimNode> Build(JsonElement payload, List<Finding>? findings, ClaimLookup? extra = null)
    {
        var nodes = new List<ClaimNode>();
        if (payload.ValueKind != JsonValueKind.Object)
        {
            findings?.Add(LtiRules.PayloadNotObject.At(JsonPaths.Root, "The payload is not a JSON object of claims."));
            return nodes;
        }

        var identity = IdentityValues.From(payload);
        foreach (var property in payload.EnumerateObject())
        {
            var name = property.Name;
            var path = JsonPaths.Claim(name);
            var value = property.Value;
            if (string.Equals(name, LtiClaimNames.Custom, StringComparison.Ordinal) && value.ValueKind == JsonValueKind.Object)
            {
                nodes.Add(new ClaimNode(name, path, value, DataCategory.QuasiIdentifier, ClassifyCustom(value, path, identity, findings)));
                continue;
            }

            var lookup = extra is not null && extra.Knows(name) ? extra : ClaimLookup.Builtin;
            if (lookup.TryGetClaim(name, out var descriptor))
            {
                if (lookup.IsClassifiedByMember(name) && value.ValueKind == JsonValueKind.Object)
                {
                    var members = new List<MemberNode>();
                    foreach (var member in value.EnumerateObject())
                    {
                        var category = lookup.GetMemberCategory(name, member.Name);
                        members.Add(new MemberNode(member.Name, JsonPaths.Property(path, member.Name), member.Value, category));
                    }

                    nodes.Add(new ClaimNode(name, path, value, descriptor.Category, members));
                }
                else
                {
                    nodes.Add(new ClaimNode(name, path, value, descriptor.Category, null));
                }

                if (descriptor.Category == DataCategory.ThirdParty)
                {
                    findings?.Add(LtiRules.ClaimThirdParty.At(path, "This claim identifies another person than the launching user; treat it as that person's data."));
                }

                continue;
            }

            var unknownCategory = ContainsEmail(value, 0) ? DataCategory.DirectIdentifier : DataCategory.QuasiIdentifier;
            findings?.Add(LtiRules.ClaimUnknown.At(path, unknownCategory == DataCategory.DirectIdentifier
                ? "Unknown claim holding an e-mail address; classified as a direct identifier."
                : "Unknown claim; classified as a quasi-identifier until you catalogue it."));
            nodes.Add(new ClaimNode(name, path, value, unknownCategory, null));
        }

        return nodes;
    }

    private static List<MemberNode> ClassifyCustom(JsonElement custom, string path, IdentityValues identity, List<Finding>? findings)
    {
        var members = new List<MemberNode>();
        foreach (var member in custom.EnumerateObject())
        {
            var memberPath = JsonPaths.Property(path, member.Name);
            var (category, reason) = CustomValues.Classify(member.Name, member.Value, identity);
            if (category == DataCategory.DirectIdentifier)
            {
                findings?.Add(LtiRules.CustomDirectIdentifier.At(memberPath, reason));
            }

            members.Add(new MemberNode(member.Name, memberPath, member.Value, category));
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
                return CustomValues.LooksLikeEmail(value.GetString()!);
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
