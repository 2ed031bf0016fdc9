using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LmsPrivacy.Pseudonymization;
using Microsoft.Extensions.Options;

namespace LmsPrivacy.Core.Tests.Pseudonymization;

public sealed class PseudonymizerTests
{
    private static readonly PseudonymKey Key1 = new("k1", [.. Enumerable.Range(0, 32).Select(i => (byte)i)]);
    private static readonly PseudonymKey Key2 = new("k2", [.. Enumerable.Range(32, 32).Select(i => (byte)i)]);
    private static readonly Pseudonymizer Sut = new(Key1);

    private static string[] Components(NonEmptyArray<NonNull<string>> input) =>
        [.. input.Get.Select(s => s.Get).Where(s => !HasLoneSurrogate(s))];

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }

    [Property]
    public Property Pseudonymize_SameComponentsAndKey_IsDeterministic(NonEmptyArray<NonNull<string>> input)
    {
        var components = Components(input);
        return (components.Length > 0).Implies(() =>
            Sut.Pseudonymize(components) == new Pseudonymizer(Key1).Pseudonymize(components));
    }

    [Property]
    public Property Pseudonymize_DistinctComponentLists_GiveDistinctPseudonyms(NonEmptyArray<NonNull<string>> a, NonEmptyArray<NonNull<string>> b)
    {
        var left = Components(a);
        var right = Components(b);
        return (left.Length > 0 && right.Length > 0 && !left.SequenceEqual(right, StringComparer.Ordinal))
            .Implies(() => Sut.Pseudonymize(left) != Sut.Pseudonymize(right));
    }

    [Property]
    public Property Pseudonymize_BoundaryShift_GivesDistinctPseudonyms(NonNull<string> text, PositiveInt cut)
    {
        var s = text.Get;
        var at = cut.Get % (s.Length + 1);
        var left = s[..at];
        var right = s[at..];
        return (!HasLoneSurrogate(left) && !HasLoneSurrogate(right) && s.Length > 0)
            .Implies(() => Sut.Pseudonymize(left, right) != Sut.Pseudonymize(s)
                && (at == 0 || Sut.Pseudonymize(left, right) != Sut.Pseudonymize(s[..(at - 1)], s[(at - 1)..])));
    }

    [Property]
    public Property KeyRotation_OldPseudonymsStayVerifiable(NonNull<string> id)
    {
        return (!HasLoneSurrogate(id.Get)).Implies(() =>
        {
            var before = new Pseudonymizer(Key1).Pseudonymize(id.Get);
            var rotated = new Pseudonymizer(Key2, Key1);
            var after = rotated.Pseudonymize(id.Get);
            return rotated.Verify(before, id.Get)
                && rotated.IsFromRetiredKey(before)
                && !rotated.IsFromRetiredKey(after)
                && after != before
                && rotated.TryGetKeyId(before, out var keyId) && keyId == "k1";
        });
    }

    [Property]
    public Property Verify_OtherComponents_IsFalse(NonNull<string> a, NonNull<string> b)
        => (a.Get != b.Get && !HasLoneSurrogate(a.Get) && !HasLoneSurrogate(b.Get))
            .Implies(() => !Sut.Verify(Sut.Pseudonymize(a.Get), b.Get));

    [Fact]
    public void Verify_RemovedKey_IsFalse()
    {
        var old = new Pseudonymizer(Key1).Pseudonymize("learner-42");

        Assert.False(new Pseudonymizer(Key2).Verify(old, "learner-42"));
    }

    [Fact]
    public void Verify_TamperedDigest_IsFalse()
    {
        var pseudonym = Sut.Pseudonymize("learner-42");
        var tampered = pseudonym[..^1] + (pseudonym[^1] == 'a' ? 'b' : 'a');

        Assert.False(Sut.Verify(tampered, "learner-42"));
        Assert.False(Sut.Verify(pseudonym + "x", "learner-42"));
        Assert.False(Sut.Verify("k9." + pseudonym[3..], "learner-42"));
    }

    [Fact]
    public void Pseudonymize_LoneSurrogate_IsRefusedNotReplaced()
        => Assert.Throws<ArgumentException>(() => Sut.Pseudonymize("a\uD800b"));

    [Fact]
    public void Pseudonymize_NoComponent_Throws()
        => Assert.Throws<ArgumentException>(() => Sut.Pseudonymize(ReadOnlySpan<string>.Empty));

    [Fact]
    public void Pseudonymize_LongComponent_UsesPooledBufferAndStaysCorrect()
    {
        var longId = new string('x', 5000);

        Assert.True(Sut.Verify(Sut.Pseudonymize(longId), longId));
        Assert.NotEqual(Sut.Pseudonymize(longId), Sut.Pseudonymize(longId + "x"));
    }

    [Fact]
    public void Constructor_DuplicateKeyIds_Throws()
        => Assert.Throws<ArgumentException>(() => new Pseudonymizer(Key1, new PseudonymKey("k1", new byte[32])));

    [Fact]
    public void Constructor_FromOptionsWithShortKey_ThrowsNamingTheKeyButNotTheSecret()
    {
        var options = new PseudonymizerOptions();
        options.Keys.Add(new PseudonymKeyOptions { Id = "k1", Secret = Convert.ToBase64String(new byte[16]) });

        var ex = Assert.Throws<OptionsValidationException>(() => new Pseudonymizer(options));

        Assert.Contains("16 bytes", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(new byte[16]), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_FromOptionsWithoutKey_Throws()
        => Assert.Throws<OptionsValidationException>(() => new Pseudonymizer(new PseudonymizerOptions()));

    [Fact]
    public void Constructor_TwoKeysWithoutActiveKeyId_Throws()
    {
        var options = new PseudonymizerOptions();
        options.Keys.Add(new PseudonymKeyOptions { Id = "k1", Secret = Convert.ToBase64String(new byte[32]) });
        options.Keys.Add(new PseudonymKeyOptions { Id = "k2", Secret = Convert.ToHexString(new byte[32]) });

        Assert.Throws<OptionsValidationException>(() => new Pseudonymizer(options));
    }

    [Fact]
    public void Constructor_FromOptions_UsesActiveKeyAndFormat()
    {
        var options = new PseudonymizerOptions { ActiveKeyId = "k1", Prefix = "lp_", Encoding = PseudonymEncoding.Hex };
        options.Keys.Add(new PseudonymKeyOptions { Id = "k1", Secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" });
        options.Keys.Add(new PseudonymKeyOptions { Id = "k0", Secret = "hex:" + new string('0', 64) });

        var pseudonymizer = new Pseudonymizer(options);

        Assert.Equal("lp_k1.586c88fe5a93ee87b4764d7fd4738611caab65deff4800f26e18a998d819a266", pseudonymizer.Pseudonymize("learner-42"));
        Assert.Equal(["k1", "k0"], pseudonymizer.KeyIds);
    }

    [Fact]
    public void ToString_NeverShowsKeyMaterial()
    {
        var key = PseudonymKey.FromText("k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

        Assert.Equal("PseudonymKey(k1, 32 bytes)", key.ToString());
        Assert.DoesNotContain("AAEC", new PseudonymKeyOptions { Id = "k1", Secret = "AAECAwQF" }.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AAEC", Sut.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void PseudonymKey_InvalidId_Throws(string id)
        => Assert.Throws<ArgumentException>(() => new PseudonymKey(id, new byte[32]));

    [Theory]
    [InlineData("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n")]
    [InlineData("hex:000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F")]
    [InlineData("base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")]
    [InlineData("  AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=  ")]
    public void PseudonymKey_FromTextForms_DecodeToTheSameKey(string text)
    {
        var pseudonymizer = new Pseudonymizer(PseudonymKey.FromText("k1", text));

        Assert.Equal("k1.lbwir7s2spxipndwjv75i44gchfkwzo675eab4todcuzrwazujta", pseudonymizer.Pseudonymize("learner-42"));
    }

    [Theory]
    [InlineData("not base64 !!")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==")]
    public void PseudonymKey_BadOrShortText_Throws(string text)
        => Assert.Throws<ArgumentException>(() => PseudonymKey.FromText("k1", text));

    [Fact]
    public void PseudonymKey_Generate_Is32RandomBytes()
    {
        var a = new Pseudonymizer(PseudonymKey.Generate("k1"));
        var b = new Pseudonymizer(PseudonymKey.Generate("k1"));

        Assert.NotEqual(a.Pseudonymize("x"), b.Pseudonymize("x"));
    }
}
