using System.Text.Json;

namespace LmsPrivacy.Lti.Claims;

/// <summary>The identifying values a launch carries, used to recognize them again inside custom parameters.</summary>
/// <remarks>Collected during the classification pass as elements; turned into strings only when a custom value is compared.</remarks>
internal sealed class IdentityValues
{
    private readonly List<JsonElement> _direct = [];
    private readonly List<JsonElement> _pseudonymous = [];
    private string[]? _directText;
    private string[]? _pseudonymousText;

    public void Collect(string claim, JsonElement value)
    {
        switch (claim)
        {
            case "name" or "given_name" or "family_name" or "middle_name" or "nickname" or "preferred_username" or "email":
                _direct.Add(value);
                break;
            case LtiClaimNames.Lis:
                AddMember(_direct, value, "person_sourcedid");
                break;
            case LtiClaimNames.MoodleExtension:
                AddMember(_direct, value, "user_username");
                break;
            case LtiClaimNames.Subject or LtiClaimNames.Lti11LegacyUserId:
                _pseudonymous.Add(value);
                break;
            case LtiClaimNames.Lti1p1:
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
