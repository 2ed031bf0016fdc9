using LmsPrivacy.Xapi.Actors;

namespace LmsPrivacy.Xapi.Tests.Actors;

public sealed class MboxTests
{
    // Expected hashes computed independently with python3: hashlib.sha1(s.encode()).hexdigest().
    [Theory]
    [InlineData("mailto:xapi@adlnet.gov", "cd9b00a5611f94eaa7b1661edab976068e364975")]
    [InlineData("mailto:Alice@Example.COM", "bb583f9f9dd852246a10fe6ce630ff14bb5a5f87")]
    [InlineData("mailto:j\u00fcrgen@example.org", "30adc67f2b681df5b8371f8e69de8508947c898a")]
    [InlineData("mailto:ju\u0308rgen@example.org", "2ca35e3709c9f95b51c0cd3b25d146545817fcaf")]
    public void ComputeSha1Sum_FullIri_MatchesSpecVector(string mbox, string expected) =>
        Assert.Equal(expected, Mbox.ComputeSha1Sum(mbox));

    [Fact]
    public void ComputeSha1Sum_LowercaseDomain_HashesLowerDomainOnly() =>
        // sha1("mailto:Alice@example.com"): the local part keeps its case.
        Assert.Equal("80d8977d5e1919a394c831e4e2065c3a8e419ccb", Mbox.ComputeSha1Sum("mailto:Alice@Example.COM", MboxNormalization.LowercaseDomain));

    [Fact]
    public void ComputeSha1Sum_Nfc_NfdInputHashesLikeNfc() =>
        Assert.Equal("30adc67f2b681df5b8371f8e69de8508947c898a", Mbox.ComputeSha1Sum("mailto:ju\u0308rgen@example.org", MboxNormalization.Nfc));

    [Theory]
    [InlineData(" mailto:xapi@adlnet.gov", "xapi.mbox.whitespace")]
    [InlineData("mailto:xapi@adlnet.gov\n", "xapi.mbox.whitespace")]
    [InlineData("xapi@adlnet.gov", "xapi.mbox.invalid")]
    [InlineData("mailto:", "xapi.mbox.invalid")]
    [InlineData("MAILTO:xapi@adlnet.gov", "xapi.mbox.invalid")]
    [InlineData("mailto:xapi adlnet.gov", "xapi.mbox.invalid")]
    [InlineData("", "xapi.mbox.invalid")]
    public void Validate_Malformed_ReportsCodeWithoutEcho(string mbox, string code)
    {
        var report = Mbox.Validate(mbox, "$.actor.mbox");

        var finding = Assert.Single(report.Findings);
        Assert.Equal(code, finding.Code);
        Assert.Equal("$.actor.mbox", finding.Path);
        Assert.DoesNotContain("adlnet", finding.Message, StringComparison.Ordinal);
        Assert.False(Mbox.TryComputeSha1Sum(mbox, out _));
    }

    [Fact]
    public void ComputeSha1Sum_Whitespace_ThrowsNeverTrims() =>
        Assert.Throws<FormatException>(() => Mbox.ComputeSha1Sum("mailto:xapi@adlnet.gov "));

    [Fact]
    public void Sha1SumEquals_DifferentHexCase_True()
    {
        Assert.True(Mbox.Sha1SumEquals("CD9B00A5611F94EAA7B1661EDAB976068E364975", "cd9b00a5611f94eaa7b1661edab976068e364975"));
        Assert.False(Mbox.Sha1SumEquals("cd9b00a5611f94eaa7b1661edab976068e36497", "cd9b00a5611f94eaa7b1661edab976068e36497"));
    }
}
