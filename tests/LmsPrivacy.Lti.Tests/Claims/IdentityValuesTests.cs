using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using LmsPrivacy.Lti.Claims;

namespace LmsPrivacy.Lti.Tests.Claims;

public sealed class IdentityValuesTests
{
    private static readonly JsonSerializerOptions Escaping = new() { Encoder = JavaScriptEncoder.Default };
    private static readonly JsonSerializerOptions Raw = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // What "repeats an identity value" means: both trimmed, at least two characters, equal ignoring case (ordinal).
    private static bool Reference(string value, IEnumerable<string> candidates)
    {
        var trimmed = value.Trim();
        return trimmed.Length >= 2 && candidates.Any(c => string.Equals(c.Trim(), trimmed, StringComparison.OrdinalIgnoreCase));
    }

    private static JsonElement Element(string text, bool escaped) =>
        JsonDocument.Parse(JsonSerializer.Serialize(text, escaped ? Escaping : Raw)).RootElement.Clone();

    // Law: the UTF-8 shortcuts (length filter, ASCII bytes compared without decoding) decide as the reference does,
    // for ASCII, non-ASCII, white space and escaped JSON alike; asked twice, they answer the same.
    [Property(MaxTest = 300)]
    public void IsDirect_AnyValueAndCandidates_AgreesWithReference(NonNull<string>[] candidates, NonNull<string> value, bool escaped)
    {
        var texts = candidates.Select(c => c.Get).Where(RoundTrips).ToArray();
        if (!RoundTrips(value.Get))
        {
            return;
        }

        var identity = new IdentityValues();
        foreach (var text in texts)
        {
            identity.Collect(IdentityRole.Direct, Element(text, escaped));
        }

        var expected = Reference(value.Get, texts);
        Assert.Equal(expected, identity.IsDirect(value.Get));
        Assert.Equal(expected, identity.IsDirect(value.Get));
        Assert.False(identity.IsPseudonymous(value.Get));
    }

    [Theory]
    [InlineData("Jane Doe", " jane doe ", true)]
    [InlineData("Jane Doe", "JANE DOE", true)]
    [InlineData("Jane Doe\u00A0", "jane doe", true)]
    [InlineData("Zoë", "ZOË", true)]
    [InlineData("Jane", "Jane Doe", false)]
    [InlineData("J", "j", false)]
    [InlineData("Jane Doe", "Jane  Doe", false)]
    public void IsDirect_Cases(string candidate, string value, bool expected)
    {
        foreach (var escaped in new[] { false, true })
        {
            var identity = new IdentityValues();
            identity.Collect(IdentityRole.Direct, Element(candidate, escaped));

            Assert.Equal(expected, identity.IsDirect(value));
        }
    }

    [Fact]
    public void Collect_RepeatedMember_EveryOccurrenceCounts()
    {
        var lis = JsonDocument.Parse("""{"person_sourcedid": "S1", "person_sourcedid": "S2"}""").RootElement.Clone();
        var identity = new IdentityValues();

        identity.Collect(IdentityRole.DirectSourcedId, lis);

        Assert.True(identity.IsDirect("S1"));
        Assert.True(identity.IsDirect("S2"));
    }

    [Fact]
    public void Clear_ForgetsEveryValue()
    {
        var identity = new IdentityValues();
        identity.Collect(IdentityRole.Direct, Element("Jane Doe", escaped: false));
        identity.Collect(IdentityRole.Pseudonymous, Element("sub-1", escaped: false));

        identity.Clear();

        Assert.False(identity.IsDirect("Jane Doe"));
        Assert.False(identity.IsPseudonymous("sub-1"));
    }

    private static bool RoundTrips(string text) => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text)) == text;
}
