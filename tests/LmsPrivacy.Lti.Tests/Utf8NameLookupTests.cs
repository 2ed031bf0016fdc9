using System.Text;
using System.Text.Json;

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

    [Theory]
    [InlineData("email")]
    [InlineData("naïve")]
    [InlineData("a-name-longer-than-sixteen-characters")]
    public void Comparer_StringAndUtf8_HashAndCompareAlike(string name)
    {
        var comparer = Utf8NameComparer.Instance;
        var utf8 = Encoding.UTF8.GetBytes(name);

        Assert.Equal(comparer.GetHashCode(name), comparer.GetHashCode(utf8));
        Assert.True(comparer.Equals(utf8, name));
        Assert.False(comparer.Equals(utf8, name + "x"));
        Assert.Equal(name, comparer.Create(utf8));
    }
}
