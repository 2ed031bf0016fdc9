using System.Text;
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
    private List<JsonElement>? _direct;
    private List<JsonElement>? _pseudonymous;

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
                (_direct ??= []).Add(value);
                break;
            case IdentityRole.DirectSourcedId:
                AddMember(ref _direct, value, "person_sourcedid");
                break;
            case IdentityRole.DirectUsername:
                AddMember(ref _direct, value, "user_username");
                break;
            case IdentityRole.Pseudonymous:
                (_pseudonymous ??= []).Add(value);
                break;
            case IdentityRole.PseudonymousLegacy:
                AddMember(ref _pseudonymous, value, "user_id");
                break;
        }
    }

    /// <summary>Forgets the values (the lists are kept for the next launch).</summary>
    public void Clear()
    {
        _direct?.Clear();
        _pseudonymous?.Clear();
    }

    public bool IsDirect(ReadOnlySpan<char> value) => Matches(_direct, value);

    public bool IsPseudonymous(ReadOnlySpan<char> value) => Matches(_pseudonymous, value);

    /// <summary>Returns whether a string element repeats a direct identifier; <paramref name="text"/> is its value.</summary>
    public bool IsDirect(JsonElement value, ReadOnlySpan<char> text) => Matches(_direct, value, text);

    /// <summary>Returns whether a string element repeats a pseudonymous identifier; <paramref name="text"/> is its value.</summary>
    public bool IsPseudonymous(JsonElement value, ReadOnlySpan<char> text) => Matches(_pseudonymous, value, text);

    private static void AddMember(ref List<JsonElement>? list, JsonElement value, string member)
    {
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(member, out var item))
        {
            (list ??= []).Add(item);
        }
    }

    // The same test as the span form, on raw UTF-8 where both sides are unescaped ASCII (where ASCII case folding is
    // OrdinalIgnoreCase); any other candidate takes the span form.
    private static bool Matches(List<JsonElement>? candidates, JsonElement value, ReadOnlySpan<char> text)
    {
        if (candidates is null || candidates.Count == 0)
        {
            return false;
        }

        var raw = JsonText.TrimmedAscii(value);
        if (raw.IsEmpty)
        {
            return Matches(candidates, text);
        }

        if (raw.Length < 2)
        {
            return false;
        }

        foreach (var candidate in candidates)
        {
            if (candidate.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var other = JsonText.Unescaped(candidate);
            if (other.IsEmpty)
            {
                if (MatchesOne(candidate, text.Trim()))
                {
                    return true;
                }

                continue;
            }

            // Trimmed, the candidate has at most as many characters as its raw value has bytes.
            if (other.Length < raw.Length)
            {
                continue;
            }

            // Ascii.EqualsIgnoreCase is true only when both sides are ASCII; an ASCII candidate that differs cannot
            // match, a non-ASCII one (other white space, case mappings) takes the span form.
            var trimmed = JsonText.TrimAsciiWhiteSpace(other);
            if (trimmed.Length == raw.Length && Ascii.EqualsIgnoreCase(raw, trimmed))
            {
                return true;
            }

            if (!Ascii.IsValid(other) && MatchesOne(candidate, text.Trim()))
            {
                return true;
            }
        }

        return false;
    }

    // A candidate matches when, both trimmed, it has at least two characters and equals the value ignoring case.
    private static bool Matches(List<JsonElement>? candidates, ReadOnlySpan<char> value)
    {
        if (candidates is null)
        {
            return false;
        }

        var trimmed = value.Trim();
        if (trimmed.Length < 2)
        {
            return false;
        }

        foreach (var candidate in candidates)
        {
            if (candidate.ValueKind == JsonValueKind.String && MatchesOne(candidate, trimmed))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchesOne(JsonElement candidate, ReadOnlySpan<char> trimmed)
    {
        Span<char> buffer = stackalloc char[JsonText.BufferLength];
        return trimmed.Equals(JsonText.Get(candidate, buffer).Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
