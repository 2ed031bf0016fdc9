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
    private readonly TextSet _direct = new();
    private readonly TextSet _pseudonymous = new();

    public static IdentityRole RoleOf(string claim) => claim switch
    {
        "name" or "given_name" or "family_name" or "middle_name" or "nickname" or "preferred_username" or "email" => IdentityRole.Direct,
        LtiClaimNames.Lis => IdentityRole.DirectSourcedId,
        LtiClaimNames.MoodleExtension => IdentityRole.DirectUsername,
        LtiClaimNames.Subject or LtiClaimNames.Lti11LegacyUserId => IdentityRole.Pseudonymous,
        LtiClaimNames.Lti1p1 => IdentityRole.PseudonymousLegacy,
        _ => IdentityRole.None,
    };

    /// <summary>Returns the role of a member of an object claim: <see cref="IdentityRole.Direct"/> or <see cref="IdentityRole.Pseudonymous"/> for the members <see cref="Collect"/> reads.</summary>
    public static IdentityRole MemberRoleOf(string claim, string member) => (claim, member) switch
    {
        (LtiClaimNames.Lis, "person_sourcedid") or (LtiClaimNames.MoodleExtension, "user_username") => IdentityRole.Direct,
        (LtiClaimNames.Lti1p1, "user_id") => IdentityRole.Pseudonymous,
        _ => IdentityRole.None,
    };

    /// <summary>Returns whether a claim's role is read from its members (so a walk over them can collect it).</summary>
    public static bool IsMemberRole(IdentityRole role) => role is IdentityRole.DirectSourcedId or IdentityRole.DirectUsername or IdentityRole.PseudonymousLegacy;

    public void Collect(IdentityRole role, JsonElement value)
    {
        switch (role)
        {
            case IdentityRole.Direct:
                _direct.Add(value);
                break;
            case IdentityRole.DirectSourcedId:
                AddMembers(_direct, value, "person_sourcedid"u8);
                break;
            case IdentityRole.DirectUsername:
                AddMembers(_direct, value, "user_username"u8);
                break;
            case IdentityRole.Pseudonymous:
                _pseudonymous.Add(value);
                break;
            case IdentityRole.PseudonymousLegacy:
                AddMembers(_pseudonymous, value, "user_id"u8);
                break;
        }
    }

    /// <summary>Forgets the values (the buffers are kept for the next launch).</summary>
    public void Clear()
    {
        _direct.Clear();
        _pseudonymous.Clear();
    }

    /// <summary>Returns whether a value repeats the user's name, e-mail or institutional id.</summary>
    public bool IsDirect(ReadOnlySpan<char> value) => Matches(_direct, value);

    /// <summary>Returns whether a value repeats the user's <c>sub</c> or a legacy user id.</summary>
    public bool IsPseudonymous(ReadOnlySpan<char> value) => Matches(_pseudonymous, value);

    // Every occurrence of the member counts, so a repeated member name cannot hide a value.
    private static void AddMembers(TextSet set, JsonElement value, ReadOnlySpan<byte> member)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.NameEquals(member))
            {
                set.Add(property.Value);
            }
        }
    }

    // A candidate matches when, both trimmed, it has at least two characters and equals the value ignoring case.
    private static bool Matches(TextSet candidates, ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        return trimmed.Length >= 2 && candidates.Contains(trimmed);
    }

    /// <summary>
    /// Identity values as elements. A comparison skips a candidate whose raw UTF-8 is shorter than the value (it cannot
    /// decode to as many characters), and decodes and trims any other candidate once per launch, into one buffer.
    /// </summary>
    private sealed class TextSet
    {
        // A buffer grown past this by a hostile payload is not kept for the next launch.
        private const int MaxKeptChars = 4096;
        private const int NotDecoded = -1;
        private const int NoText = -2;

        private readonly List<JsonElement> _elements = [];
        private readonly List<(int Start, int Length)> _texts = [];
        private char[] _chars = [];
        private int _used;

        public void Add(JsonElement value)
        {
            _elements.Add(value);
            _texts.Add((NotDecoded, 0));
        }

        public bool Contains(ReadOnlySpan<char> trimmed)
        {
            for (var i = 0; i < _elements.Count; i++)
            {
                var (start, length) = _texts[i];
                if (start == NotDecoded)
                {
                    var element = _elements[i];
                    var shape = JsonText.Shape(element, out var raw);
                    if (shape < StringShape.Plain)
                    {
                        // Not a string, or empty: never two characters.
                        _texts[i] = (NoText, 0);
                        continue;
                    }

                    if (shape == StringShape.Plain)
                    {
                        // Trimmed, the candidate has at most as many characters as its raw value has bytes.
                        if (raw.Length < trimmed.Length)
                        {
                            continue;
                        }

                        // No non-ASCII character equals an ASCII one ignoring case (OrdinalIgnoreCase), so an ASCII
                        // candidate is decided on its bytes; Ascii.EqualsIgnoreCase is false for non-ASCII input.
                        var bytes = JsonText.TrimAsciiWhiteSpace(raw);
                        if (bytes.Length == trimmed.Length && Ascii.EqualsIgnoreCase(bytes, trimmed))
                        {
                            return true;
                        }

                        if (Ascii.IsValid(raw))
                        {
                            continue;
                        }
                    }

                    (start, length) = _texts[i] = Decode(element, raw);
                }

                if (start >= 0 && length == trimmed.Length && trimmed.Equals(_chars.AsSpan(start, length), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        public void Clear()
        {
            _elements.Clear();
            _texts.Clear();

            // The buffer outlives the launch (the builder is reused): wipe the user's decoded values now.
            _chars.AsSpan(0, _used).Clear();
            _used = 0;
            if (_chars.Length > MaxKeptChars)
            {
                _chars = [];
            }
        }

        // Decodes a string element into the buffer and returns its trimmed text, or NoText when under two characters.
        private (int Start, int Length) Decode(JsonElement element, ReadOnlySpan<byte> raw)
        {
            var text = raw.IsEmpty ? element.GetString().AsSpan() : default;
            var needed = _used + (raw.IsEmpty ? text.Length : raw.Length);
            if (needed > _chars.Length)
            {
                Array.Resize(ref _chars, Math.Max(needed, Math.Max(256, _chars.Length * 2)));
            }

            int written;
            if (raw.IsEmpty)
            {
                text.CopyTo(_chars.AsSpan(_used));
                written = text.Length;
            }
            else
            {
                // UTF-8 never decodes to more UTF-16 code units than it has bytes, and the JSON was valid UTF-8.
                System.Text.Unicode.Utf8.ToUtf16(raw, _chars.AsSpan(_used), out _, out written);
            }

            var value = _chars.AsSpan(_used, written);
            var trimmed = value.Trim();
            var start = _used + (value.Length - value.TrimStart().Length);
            _used += written;
            return trimmed.Length >= 2 ? (start, trimmed.Length) : (NoText, 0);
        }
    }
}
