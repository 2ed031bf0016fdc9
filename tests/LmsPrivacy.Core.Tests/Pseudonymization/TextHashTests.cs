using LmsPrivacy.Pseudonymization;

namespace LmsPrivacy.Core.Tests.Pseudonymization;

/// <summary>Expected values from Python's hashlib and FIPS 180 examples.</summary>
public sealed class TextHashTests
{
    [Theory]
    [InlineData("abc", "a9993e364706816aba3e25717850c26c9cd0d89d")]
    [InlineData("", "da39a3ee5e6b4b0d3255bfef95601890afd80709")]
    [InlineData("mailto:learner@example.org", "1fa6a628aa9a1b4ab94d6045e153e0979b24dc8a")]
    public void Sha1Hex_KnownAnswers(string text, string expected) => Assert.Equal(expected, TextHash.Sha1Hex(text));

    [Theory]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("Zoë", "c6a12698582fc1104ea24107a2d7268145ff06ef859707729d01fd060897f067")]
    public void Sha256Hex_KnownAnswers(string text, string expected) => Assert.Equal(expected, TextHash.Sha256Hex(text));

    [Fact]
    public void Sha256Hex_LongText_MatchesShortPathDefinition()
    {
        var text = new string('a', 10_000);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))), TextHash.Sha256Hex(text));
    }
}
