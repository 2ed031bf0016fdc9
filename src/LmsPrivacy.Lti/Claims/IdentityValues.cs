using System.Text.Json;

namespace LmsPrivacy.Lti.Claims;

/// <summary>The identifying values a launch carries, used to recognize them again inside custom parameters.</summary>
internal sealed class IdentityValues
{
    private static readonly string[] DirectClaims = ["name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "email"];

    private readonly List<string> _direct = [];
    private readonly List<string> _pseudonymous = [];

    public static IdentityValues From(JsonElement payload)
    {
        var values = new IdentityValues();
        foreach (var claim in DirectClaims)
        {
            values.AddDirect(payload, claim, null);
        }

        values.AddDirect(payload, LtiClaimNames.Lis, "person_sourcedid");
        values.AddDirect(payload, LtiClaimNames.MoodleExtension, "user_username");
        values.AddPseudonymous(payload, LtiClaimNames.Subject, null);
        values.AddPseudonymous(payload, LtiClaimNames.Lti11LegacyUserId, null);
        values.AddPseudonymous(payload, LtiClaimNames.Lti1p1, "user_id");
        return values;
    }

    public bool IsDirect(string value) => Matches(_direct, value);

    public bool IsPseudonymous(string value) => Matches(_pseudonymous, value);

    private static bool Matches(List<string> list, string value)
    {
        var trimmed = value.AsSpan().Trim();
        foreach (var candidate in list)
        {
            if (trimmed.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private void AddDirect(JsonElement payload, string claim, string? member) => Add(_direct, payload, claim, member);

    private void AddPseudonymous(JsonElement payload, string claim, string? member) => Add(_pseudonymous, payload, claim, member);

    private static void Add(List<string> list, JsonElement payload, string claim, string? member)
    {
        if (!payload.TryGetProperty(claim, out var value))
        {
            return;
        }

        if (member is not null && (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(member, out value)))
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: >= 2 } text)
        {
            list.Add(text);
        }
    }
}
