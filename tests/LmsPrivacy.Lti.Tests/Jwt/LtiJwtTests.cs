using System.Text;
using LmsPrivacy.Lti.Jwt;

namespace LmsPrivacy.Lti.Tests.Jwt;

public sealed class LtiJwtTests
{
    private static string B64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Fact]
    public void Decode_WellFormedToken_ReturnsHeaderPayloadAndSignatureLength()
    {
        var token = $"{B64("{\"alg\":\"RS256\",\"kid\":\"k\"}")}.{B64("{\"sub\":\"s\",\"n\":\"é?>\"}")}.{B64("sig")}";

        var jwt = LtiJwt.Decode(token);

        Assert.Equal("k", jwt.Header.GetProperty("kid").GetString());
        Assert.Equal("é?>", jwt.Payload.GetProperty("n").GetString());
        Assert.Equal(3, jwt.SignatureLength);
    }

    [Theory]
    [InlineData("abc", "three")]
    [InlineData("a.b.c.d", "three")]
    [InlineData(".e30.", "header part is empty")]
    [InlineData("e30.!!!.", "payload part is not base64url")]
    [InlineData("WzFd.e30.", "header is JSON but not an object")]
    [InlineData("e30.bm90IGpzb24.", "payload part is not well-formed JSON")]
    [InlineData("e30.e30.***", "signature part is not base64url")]
    public void TryDecode_MalformedToken_ExplainsWhy(string token, string expected)
    {
        Assert.False(LtiJwt.TryDecode(token, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => LtiJwt.Decode(token));
    }

    [Fact]
    public void TryDecode_LoneSurrogateEscape_IsRejectedNotThrown()
    {
        Assert.False(LtiJwt.TryDecode($"e30.{B64("{\"sub\":\"\\ud800\"}")}.", out _, out var error));
        Assert.Contains("surrogate", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_DeeplyNestedPayload_IsRejectedNotThrown()
    {
        var json = new string('[', 200) + new string(']', 200);

        Assert.False(LtiJwt.TryDecode($"e30.{B64(json)}.", out _, out var error));
        Assert.Contains("nests deeper", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eyJ.eyJ.sig", true)]
    [InlineData("  eyJ.eyJ.  ", true)]
    [InlineData("{\"a\":1}", false)]
    [InlineData("a.b", false)]
    [InlineData("a b.c.d", false)]
    public void LooksLikeCompactJwt_RecognizesShape(string text, bool expected)
    {
        Assert.Equal(expected, LtiJwt.LooksLikeCompactJwt(text));
    }
}
