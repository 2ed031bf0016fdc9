using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;

namespace LmsPrivacy.Lti.Tests;

public sealed class Utf8NameLookupTests
{
    private static readonly Utf8NameLookup<int> Lookup = new([new("email", 1), new("naïve", 2), new("https://example.org/claim", 3)]);

    [Theory]
    [InlineData("""{"email": 0}""", 1)]
    [InlineData("""{"naïve": 0}""", 2)]
    [InlineData("""{"na\u00efve": 0}""", 2)]
    [InlineData("""{"\u0065mail": 0}""", 1)]
    [InlineData("""{"https:\/\/example.org\/claim": 0}""", 3)]
    public void TryGetValue_RawOrEscapedName_Finds(string json, int expected)
    {
        var property = JsonDocument.Parse(json).RootElement.EnumerateObject().Single();

        Assert.True(Lookup.TryGetValue(property, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("""{"Email": 0}""")]
    [InlineData("""{"emai": 0}""")]
    [InlineData("""{"naive": 0}""")]
    public void TryGetValue_OtherName_NotFound(string json)
    {
        var property = JsonDocument.Parse(json).RootElement.EnumerateObject().Single();

        Assert.False(Lookup.TryGetValue(property, out _));
    }

    [Fact]
    public void TryGetValue_KeyHoldingABackslash_MatchesOnlyItsDecodedName()
    {
        // The key is the five characters a\u0062; the raw name "a\u0062" decodes to "ab" and must not hit it.
        var lookup = new Utf8NameLookup<int>([new("a\\u0062", 1), new("ab", 2)]);
        var escapedBackslash = JsonDocument.Parse("""{"a\\u0062": 0}""").RootElement.EnumerateObject().Single();
        var escapedLetter = JsonDocument.Parse("""{"a\u0062": 0}""").RootElement.EnumerateObject().Single();

        Assert.True(lookup.TryGetValue(escapedBackslash, out var first));
        Assert.Equal(1, first);
        Assert.True(lookup.TryGetValue(escapedLetter, out var second));
        Assert.Equal(2, second);
    }

    [Theory]
    [InlineData("email")]
    [InlineData("naïve")]
    [InlineData("https://purl.imsglobal.org/spec/lti/claim/context")]
    public void TryGetValue_Utf8Bytes_FindsEachKey(string name)
    {
        var lookup = new Utf8NameLookup<string>(CatalogNames().Append(name).Distinct(StringComparer.Ordinal).Select(n => new KeyValuePair<string, string>(n, n)));

        Assert.True(lookup.TryGetValue(Encoding.UTF8.GetBytes(name), out var found));
        Assert.Equal(name, found);
    }

    // Law: a table built from any set of names finds exactly those names by their UTF-8 bytes (collisions included).
    [Property(MaxTest = 200)]
    public void TryGetValue_AnyNames_FindsMembersOnly(NonNull<string>[] names, NonNull<string> probe)
    {
        // Names with lone surrogates have no UTF-8 form of their own, and no JSON name decodes to one.
        var keys = names.Select(n => n.Get).Where(RoundTrips).Distinct(StringComparer.Ordinal).ToArray();
        var lookup = new Utf8NameLookup<int>(keys.Select((k, i) => new KeyValuePair<string, int>(k, i)));

        for (var i = 0; i < keys.Length; i++)
        {
            Assert.True(lookup.TryGetValue(Encoding.UTF8.GetBytes(keys[i]), out var value));
            Assert.Equal(i, value);
        }

        if (!RoundTrips(probe.Get))
        {
            return;
        }

        Assert.Equal(keys.Contains(probe.Get, StringComparer.Ordinal), lookup.TryGetValue(Encoding.UTF8.GetBytes(probe.Get), out _));
    }

    private static bool RoundTrips(string name) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(name)) == name;

    private static IEnumerable<string> CatalogNames() => LmsPrivacy.Lti.Claims.LtiClaimCatalog.All.Select(d => d.Claim).Distinct(StringComparer.Ordinal);
}
