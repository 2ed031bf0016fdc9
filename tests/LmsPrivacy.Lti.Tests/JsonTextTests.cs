using System.Text;
using System.Text.Json;

namespace LmsPrivacy.Lti.Tests;

public sealed class JsonTextTests
{
    private static JsonElement Value(string json) => JsonDocument.Parse(json).RootElement;

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"a\\u0040b.org\"", "a@b.org")]
    [InlineData("\"\"", "")]
    [InlineData("\"é\"", "é")]
    public void Get_StringValue_DecodedText(string json, string expected)
    {
        Span<char> buffer = stackalloc char[JsonText.BufferLength];

        Assert.Equal(expected, JsonText.Get(Value(json), buffer).ToString());
    }

    [Fact]
    public void Get_LongerThanBuffer_DecodedText()
    {
        var text = new string('x', JsonText.BufferLength + 10);
        Span<char> buffer = stackalloc char[JsonText.BufferLength];

        Assert.Equal(text, JsonText.Get(Value($"\"{text}\""), buffer).ToString());
    }

    [Theory]
    [InlineData("\"abc\"", true, 3)]
    [InlineData("\"a\\u0062c\"", true, 3)]
    [InlineData("\"é\"", false, 1)]
    [InlineData("\"\\u00e9\"", false, 1)]
    [InlineData("\"\"", true, 0)]
    public void IsAscii_StringValue_AsciiAndLengthInCharacters(string json, bool ascii, int length)
    {
        Assert.Equal(ascii, JsonText.IsAscii(Value(json), out var actual));
        Assert.Equal(length, actual);
    }

    [Theory]
    [InlineData("\"\"", true)]
    [InlineData("\" \"", false)]
    [InlineData("\"\\u0020\"", false)]
    public void IsEmptyString_StringValue_TrueOnlyForEmpty(string json, bool expected) =>
        Assert.Equal(expected, JsonText.IsEmptyString(Value(json)));

    [Theory]
    [InlineData("42", nameof(StringShape.NotString), "")]
    [InlineData("{\"a\": 1}", nameof(StringShape.NotString), "")]
    [InlineData("null", nameof(StringShape.NotString), "")]
    [InlineData("\"\"", nameof(StringShape.Empty), "")]
    [InlineData("\"plain\"", nameof(StringShape.Plain), "plain")]
    [InlineData("\"é\"", nameof(StringShape.Plain), "é")]
    [InlineData("\"a\\u0040b\"", nameof(StringShape.Escaped), "")]
    public void Shape_Value_KindEmptinessAndEscapes(string json, string expected, string plain)
    {
        var shape = JsonText.Shape(Value(json), out var raw);

        Assert.Equal(expected, shape.ToString());
        Assert.Equal(plain, Encoding.UTF8.GetString(raw));
    }

    [Theory]
    [InlineData(" \t\r\n x y \f\u000b", "x y")]
    [InlineData("   ", "")]
    [InlineData("é ", "é")]
    public void TrimAsciiWhiteSpace_TrimsWhatCharTrimTrims(string text, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(JsonText.TrimAsciiWhiteSpace(Encoding.UTF8.GetBytes(text))));
        Assert.Equal(text.Trim(), expected);
    }

    [Theory]
    [InlineData("""{"a": "\ud800"}""", true)]
    [InlineData("""{"a": "\udc00"}""", true)]
    [InlineData("""{"\ud800x": 1}""", true)]
    [InlineData("""{"a": "\ud83d\ude00"}""", false)]
    [InlineData("""{"a": "\\ud800"}""", false)]
    [InlineData("""{"a": "\\\ud800"}""", true)]
    [InlineData("""{"a": "\u0041\ud800"}""", true)]
    [InlineData("""{"a": "\ud800\u0041"}""", true)]
    [InlineData("""{"a": "plain", "b": "\u0041"}""", false)]
    public void HasLoneSurrogateEscape_Json_FindsHalfPairsOnly(string json, bool expected)
    {
        JsonDocument.Parse(json).Dispose(); // well-formed to the parser in every case
        Assert.Equal(expected, JsonText.HasLoneSurrogateEscape(Encoding.UTF8.GetBytes(json)));
    }
}
