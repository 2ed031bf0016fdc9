using System.Text.Json;
using LmsPrivacy.Classification;

namespace LmsPrivacy.Lti.Tests;

public sealed class NamePathCacheTests
{
    private const string Custom = "$['https://purl.imsglobal.org/spec/lti/claim/custom']";

    private static JsonProperty Property(string json) => JsonDocument.Parse(json).RootElement.Clone().EnumerateObject().Single();

    [Fact]
    public void Get_SameNameUnderTwoParents_KeepsEachPath()
    {
        var property = Property("""{"course_term": "x"}""");

        var custom = NamePathCache.Get(Custom, property);
        var root = NamePathCache.Get(JsonPaths.Root, property);

        Assert.Equal(Custom + ".course_term", custom.Path);
        Assert.Equal("$.course_term", root.Path);
    }

    [Fact]
    public void Get_MoreNamesThanSlots_AlwaysTheRightNameAndPath()
    {
        // 1,000 names through 256 slots, twice: evictions and hits alike give the property's own name and path.
        var properties = Enumerable.Range(0, 1000).Select(i => Property($$"""{"param_{{i}}": "v"}""")).ToArray();
        for (var round = 0; round < 2; round++)
        {
            foreach (var property in properties)
            {
                var named = NamePathCache.Get(Custom, property);
                Assert.Equal(property.Name, named.Name);
                Assert.Equal(JsonPaths.Property(Custom, property.Name), named.Path);
            }
        }
    }

    [Theory]
    [InlineData("""{"a\u0062c": 1}""", "abc")]
    [InlineData("""{"it's": 1}""", "it's")]
    public void Get_EscapedOrQuotedName_PathOfTheDecodedName(string json, string name)
    {
        var named = NamePathCache.Get(Custom, Property(json));

        Assert.Equal(name, named.Name);
        Assert.Equal(JsonPaths.Property(Custom, name), named.Path);
    }

    [Fact]
    public void Get_LongName_NotCachedButCorrect()
    {
        var name = new string('k', 200);

        var named = NamePathCache.Get(Custom, Property($$"""{"{{name}}": 1}"""));

        Assert.Null(named.Utf8);
        Assert.Equal(JsonPaths.Property(Custom, name), named.Path);
    }

    [Fact]
    public void Classified_SameCategory_SameRecord()
    {
        var named = NamePathCache.Get(Custom, Property("""{"section": "x"}"""));

        var first = named.Classified(DataCategory.QuasiIdentifier, "custom", "section");
        var again = named.Classified(DataCategory.QuasiIdentifier, "custom", "section");
        var other = named.Classified(DataCategory.DirectIdentifier, "custom", "section");

        Assert.Same(first, again);
        Assert.Equal(DataCategory.DirectIdentifier, other.Category);
        Assert.Equal(named.Path, other.Path);
    }
}
