using LmsPrivacy.Pseudonymization;

namespace LmsPrivacy.Core.Tests.Pseudonymization;

/// <summary>
/// The published test vectors of docs/core.md. Expected values were computed independently with Python's
/// hmac/hashlib/base64 modules over the canonical encoding, not with this library.
/// Key k1 = bytes 0x00..0x1f (base64 AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=).
/// </summary>
public sealed class PseudonymizerVectorTests
{
    private static readonly byte[] Key1 = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private static readonly byte[] Key2 = [.. Enumerable.Range(32, 32).Select(i => (byte)i)];

    public static TheoryData<string[], string, string> Vectors => new()
    {
        { ["learner-42"], "000000010000000a6c6561726e65722d3432", "k1.lbwir7s2spxipndwjv75i44gchfkwzo675eab4todcuzrwazujta" },
        { ["https://lms.example.org", "learner-42"], "000000020000001768747470733a2f2f6c6d732e6578616d706c652e6f72670000000a6c6561726e65722d3432", "k1.4hg34wtzunou4sf5csya72y5jzl5s4njjv3vhoxqxwohgfz7yhya" },
        { ["ab", "c"], "000000020000000261620000000163", "k1.7grvwixnfcb4mp5o7grlkasnzzq5phjoqdcrz45scc4tjc7srjcq" },
        { ["a", "bc"], "000000020000000161000000026263", "k1.rrtpottxllf5b3wslxurm6qdmeihqhsb5llg6iqnu5tauq5yw4za" },
        { [""], "0000000100000000", "k1.hdua4uxaalgqqxfziwb3wx35fbbtbbkg3u33nwxqlwzfvbmedyka" },
        { ["Zoë Ångström"], "000000010000000f5a6fc3ab20c3856e67737472c3b66d", "k1.rfudkytksghm7iidve3bdc4qk5zpapi5trcxpecnm33sglj5zdpa" },
        { ["mailto:learner@example.org"], "000000010000001a6d61696c746f3a6c6561726e6572406578616d706c652e6f7267", "k1.rua5c4ng6iktmdj2hihpg7b7mrmlaley2zibpi4bowuq2lx2i7pq" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void CanonicalEncoding_PublishedVector_Matches(string[] components, string canonicalHex, string _)
        => Assert.Equal(canonicalHex, Convert.ToHexStringLower(CanonicalEncoding.ToArray(components)));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Pseudonymize_PublishedVector_Matches(string[] components, string _, string expected)
    {
        var pseudonymizer = new Pseudonymizer(new PseudonymKey("k1", Key1));

        Assert.Equal(expected, pseudonymizer.Pseudonymize(components));
        Assert.True(pseudonymizer.Verify(expected, components));
    }

    [Fact]
    public void Pseudonymize_HexEncodingWithPrefix_MatchesVector()
    {
        var pseudonymizer = new Pseudonymizer(new PseudonymKey("k1", Key1), [], new PseudonymFormat { Encoding = PseudonymEncoding.Hex, Prefix = "lp_" });

        Assert.Equal("lp_k1.586c88fe5a93ee87b4764d7fd4738611caab65deff4800f26e18a998d819a266", pseudonymizer.Pseudonymize("learner-42"));
    }

    [Fact]
    public void Pseudonymize_SecondKey_MatchesVector()
    {
        var pseudonymizer = new Pseudonymizer(new PseudonymKey("k2", Key2));

        Assert.Equal("k2.sdp6yxqzztixwzyev63ksdiqmhm5asg6xfbjtrltgvzvezv7icbq", pseudonymizer.Pseudonymize("learner-42"));
    }

    [Fact]
    public void Pseudonymize_WithoutKeyId_IsPrefixAndDigestOnly()
    {
        var pseudonymizer = new Pseudonymizer(new PseudonymKey("k1", Key1), [], new PseudonymFormat { IncludeKeyId = false });

        var pseudonym = pseudonymizer.Pseudonymize("learner-42");

        Assert.Equal("lbwir7s2spxipndwjv75i44gchfkwzo675eab4todcuzrwazujta", pseudonym);
        Assert.True(pseudonymizer.Verify(pseudonym, "learner-42"));
        Assert.False(pseudonymizer.TryGetKeyId(pseudonym, out _));
    }
}
