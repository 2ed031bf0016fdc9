using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace LmsPrivacy.Lti;

/// <summary>Builds JSON paths such as <c>$['https://purl.imsglobal.org/spec/lti/claim/context'].id</c>.</summary>
internal static class JsonPaths
{
    public const string Root = "$";

    // The characters Property escapes inside a bracketed name: quote, backslash and the control characters.
    private static readonly SearchValues<char> NeedsEscape = SearchValues.Create(
        [.. Enumerable.Range(0, 0xA0).Select(i => (char)i).Where(c => c is '\'' or '\\' || char.IsControl(c))]);

    // Paths of the catalogued claims, computed once: the validator and classifier report them on every launch.
    private static readonly FrozenDictionary<string, string> KnownClaimPaths = Claims.LtiClaimCatalog.All
        .Select(d => d.Claim).Distinct(StringComparer.Ordinal)
        .ToFrozenDictionary(name => name, name => Property(Root, name), StringComparer.Ordinal);

    public static string Property(string parent, string name)
    {
        if (IsSimple(name))
        {
            return string.Concat(parent, ".", name);
        }

        if (!name.AsSpan().ContainsAny(NeedsEscape))
        {
            return string.Concat(parent, "['", name, "']");
        }

        var text = new StringBuilder(parent.Length + name.Length + 4).Append(parent).Append("['");
        foreach (var c in name)
        {
            switch (c)
            {
                case '\'': text.Append("\\'"); break;
                case '\\': text.Append("\\\\"); break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append("']").ToString();
    }

    public static string Index(string parent, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    public static string Claim(string name) => KnownClaimPaths.TryGetValue(name, out var path) ? path : Property(Root, name);

    public static string Member(string claim, string member) => Property(Claim(claim), member);

    private static bool IsSimple(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
