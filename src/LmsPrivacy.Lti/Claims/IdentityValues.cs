using System.Text.Json;

namespace LmsPrivacy.Lti.Claims;

/// <summary>What a catalogued claim contributes to <see cref="IdentityValues"/>.</summary>
internal enum IdentityRole
{
    None,
    Direct,
    DirectSourcedId,
    DirectUsername,
    Pseudonymous,
    PseudonymousLegacy,
}

/// <summary>The identifying values a launch carries, used to recognize them again inside custom parameters.</summary>
/// <remarks>Collected during the classification pass as elements; turned into strings only when a custom value is compared.</remarks>
internal sealed class IdentityValues
{
    private readonly List<JsonElement> _direct = [];
    private readonly List<JsonElement> _pseudonymous = [];
    private string[]? _directText;
    private string[]? _pseudonymousText;

    public static IdentityRole RoleOf(string claim) => claim switch
    {
        "name" or "given_name" or "family_name" or "middle_name" or "nickname" or "preferred_username" or "email" => IdentityRole.Direct,
        LtiClaimNames.Lis => IdentityRole.DirectSourcedId,
        LtiClaimNames.MoodleExtension => IdentityRole.DirectUsername,
        LtiClaimNames.Subject or LtiClaimNames.Lti11LegacyUserId => IdentityRole.Pseudonymous,
        LtiClaimNames.Lti1p1 => IdentityRole.PseudonymousLegacy,
        _ => IdentityRole.None,
    };

    public void Collect(IdentityRole role, JsonElement value)
    {
        switch (role)
        {
            case IdentityRole.Direct:
                _direct.Add(value);
                break;
            case IdentityRole.DirectSourcedId:
                AddMember(_direct, value, "person_sourcedid");
                break;
            case IdentityRole.DirectUsername:
                AddMember(_direct, value, "user_username");
                break;
            case IdentityRole.Pseudonymous:
                _pseudonymous.Add(value);
                break;
            case IdentityRole.PseudonymousLegacy:
                AddMember(_pseudonymous, value, "user_id");
                break;
        }
    }

    public bool IsDirect(string value) => Matches(_directText ??= Texts(_direct), value);

    public bool IsPseudonymous(string value) => Matches(_pseudonymousText ??= Texts(_pseudonymous), value);

    private static string[] Texts(List<JsonElement> elements) =>
        [.. elements.Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(t => t.Length >= 2)];

    private static void AddMember(List<JsonElement> list, JsonElement value, string member)
    {
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(member, out var item))
        {
            list.Add(item);
        }
    }

    private static bool Matches(string[] candidates, string value)
    {
        var trimmed = value.AsSpan().Trim();
        foreach (var candidate in candidates)
        {
            if (trimmed.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
