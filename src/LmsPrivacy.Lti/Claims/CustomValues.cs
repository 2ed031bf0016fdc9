using System.Buffers;
using System.Text.Json;
using LmsPrivacy.Classification;

namespace LmsPrivacy.Lti.Claims;

/// <summary>Inspects custom parameter values: substitution variables can put names and e-mail addresses there.</summary>
internal static class CustomValues
{
    // Key fragments (lower case, letters and digits only) that name a person's direct identifier.
    private static readonly SearchValues<string> DirectKeyFragments = SearchValues.Create(
    [
        "email", "mail", "fullname", "givenname", "familyname", "firstname", "lastname", "middlename", "displayname",
        "sortablename", "personname", "nickname", "username", "login", "sisid", "sissourceid", "sourcedid",
        "orgdefinedid", "studentnumber", "matriculation", "phone", "address", "picture", "photo", "avatar",
    ], StringComparison.Ordinal);

    // Key fragments that name a pseudonymous user id.
    private static readonly SearchValues<string> PseudonymousKeyFragments =
        SearchValues.Create(["userid", "personid", "ltiid", "studentid", "learnerid", "uuid"], StringComparison.Ordinal);

    private const string EmailReason = "This custom parameter holds an e-mail address.";
    private const string RepeatReason = "This custom parameter repeats the user's name, e-mail or institutional id from another claim.";
    private const string KeyReason = "This custom parameter's name says it carries a person's name, username, e-mail or institutional id.";

    public static (DataCategory Category, string Reason) Classify(string key, JsonElement value, IdentityValues identity) =>
        ClassifyValue(value, identity) ?? ClassifyKey(key);

    /// <summary>Classifies a custom parameter whose name is cached: the verdict on its name is computed once per name.</summary>
    public static (DataCategory Category, string Reason) Classify(NamedPath key, JsonElement value, IdentityValues identity) =>
        ClassifyValue(value, identity) ?? key.CustomKeyVerdict;

    /// <summary>What the value alone says, or <see langword="null"/> when the verdict rests on the key.</summary>
    private static (DataCategory Category, string Reason)? ClassifyValue(JsonElement value, IdentityValues identity)
    {
        var shape = JsonText.Shape(value, out var plain);
        if (shape != StringShape.NotString)
        {
            // A buffer as long as the raw value: decoding never needs more, and a short value zeroes a short buffer.
            Span<char> textBuffer = stackalloc char[Math.Min(plain.Length, JsonText.BufferLength)];
            var text = JsonText.Get(value, shape, plain, textBuffer);
            if (IsUnexpandedVariable(text))
            {
                return (DataCategory.Technical, string.Empty);
            }

            if (LooksLikeEmail(text))
            {
                return (DataCategory.DirectIdentifier, EmailReason);
            }

            if (identity.IsDirect(text))
            {
                return (DataCategory.DirectIdentifier, RepeatReason);
            }

            if (identity.IsPseudonymous(text))
            {
                return (DataCategory.PseudonymousIdentifier, string.Empty);
            }
        }
        else if (ClaimTree.ContainsEmail(value, 0))
        {
            return (DataCategory.DirectIdentifier, EmailReason);
        }

        return null;
    }

    /// <summary>What a custom parameter's name says about its value.</summary>
    public static (DataCategory Category, string Reason) ClassifyKey(string key)
    {
        Span<char> buffer = key.Length <= 128 ? stackalloc char[key.Length] : new char[key.Length];
        var normalized = NormalizeKey(key, buffer);
        if (normalized.SequenceEqual("name") || normalized.ContainsAny(DirectKeyFragments))
        {
            return (DataCategory.DirectIdentifier, KeyReason);
        }

        if (normalized.ContainsAny(PseudonymousKeyFragments))
        {
            return (DataCategory.PseudonymousIdentifier, string.Empty);
        }

        return (DataCategory.QuasiIdentifier, string.Empty);
    }

    /// <summary>Returns whether text contains something shaped like an e-mail address (<c>local@domain.tld</c>).</summary>
    public static bool LooksLikeEmail(string text) => LooksLikeEmail(text.AsSpan());

    /// <summary>Returns whether text contains something shaped like an e-mail address (<c>local@domain.tld</c>).</summary>
    public static bool LooksLikeEmail(ReadOnlySpan<char> span)
    {
        var start = 0;
        while (start < span.Length)
        {
            var at = span[start..].IndexOf('@');
            if (at < 0)
            {
                return false;
            }

            at += start;
            if (at > 0 && !IsSeparator(span[at - 1]) && HasDomain(span[(at + 1)..]))
            {
                return true;
            }

            start = at + 1;
        }

        return false;
    }

    private static bool HasDomain(ReadOnlySpan<char> rest)
    {
        var end = rest.IndexOfAny(Separators);
        if (end < 0)
        {
            end = rest.Length;
        }

        var domain = rest[..end];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1;
    }

    private static bool IsSeparator(char c) => char.IsWhiteSpace(c) || c is ',' or ';' or '<' or '>' or '"' or '\'' or '(' or ')' or '@';

    // The characters IsSeparator accepts, for a vectorized search.
    private static readonly SearchValues<char> Separators = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(IsSeparator)]);

    private static bool IsUnexpandedVariable(ReadOnlySpan<char> text)
    {
        if (text.Length < 2 || text[0] != '$' || !char.IsAsciiLetter(text[1]))
        {
            return false;
        }

        foreach (var c in text[1..])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static ReadOnlySpan<char> NormalizeKey(string key, Span<char> buffer)
    {
        var length = 0;
        foreach (var c in key)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return buffer[..length];
    }
}
