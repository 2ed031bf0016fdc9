using LmsPrivacy.Ropa.Countries;
using NodaTime;

namespace LmsPrivacy.Ropa.Tests.Countries;

public sealed class CountryDataTests
{
    private static readonly CountryData Data = CountryData.Default;

    [Fact]
    public void Default_Eea_Is27EuStatesPlusIcelandLiechtensteinNorway()
    {
        string[] eu = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"];

        Assert.Equal(27, eu.Length);
        Assert.Equal(new[] { "IS", "LI", "NO" }.Concat(eu).Order(StringComparer.Ordinal), Data.EeaCountries.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("GB")]
    [InlineData("CH")]
    [InlineData("US")]
    public void IsEea_NonMembers_False(string country) => Assert.False(Data.IsEea(country));

    [Fact]
    public void IsEea_IgnoresCase() => Assert.True(Data.IsEea("no"));

    [Fact]
    public void Default_HasADateAndSixteenDecisions()
    {
        Assert.True(Data.CheckedOn > new LocalDate(2026, 1, 1));
        Assert.Equal(16, Data.AdequacyDecisions.Count);
    }

    [Fact]
    public void TryGetAdequacy_UnitedKingdom_ExpiresAfter27December2031()
    {
        Assert.True(Data.TryGetAdequacy("GB", new LocalDate(2031, 12, 27), out _));
        Assert.False(Data.TryGetAdequacy("GB", new LocalDate(2031, 12, 28), out _));
    }

    [Fact]
    public void TryGetAdequacy_UnitedStates_IsDpfScopedFrom10July2023()
    {
        Assert.True(Data.TryGetAdequacy("US", new LocalDate(2023, 7, 10), out var decision));
        Assert.Equal(AdequacyScope.DataPrivacyFramework, decision.Scope);
        Assert.False(Data.TryGetAdequacy("US", new LocalDate(2023, 7, 9), out _));
    }

    [Theory]
    [InlineData("IN")]
    [InlineData("CN")]
    [InlineData("SG")]
    public void TryGetAdequacy_NoDecision_False(string country) => Assert.False(Data.TryGetAdequacy(country, new LocalDate(2026, 11, 24), out _));

    [Theory]
    [InlineData("DE", 16)]
    [InlineData("FR", 15)]
    [InlineData("BE", 13)]
    [InlineData("AT", 14)]
    [InlineData("IE", 16)]
    public void GetDigitalConsentAge_TrackedStates(string country, int age) => Assert.Equal(age, Data.GetDigitalConsentAge(country)!.Age);

    [Fact]
    public void GetDigitalConsentAge_EveryEeaStateHasAnAgeBetween13And16()
    {
        Assert.All(Data.EeaCountries, c => Assert.InRange(Data.GetDigitalConsentAge(c)!.Age, 13, 16));
        Assert.Null(Data.GetDigitalConsentAge("US"));
    }

    [Fact]
    public void Parse_CustomData_Replaces()
    {
        var data = CountryData.Parse("""{"checkedOn":"2027-01-01","eea":["DE"],"adequacy":[{"country":"IN","scope":"full"}],"digitalConsentAge":[]}"""u8);

        Assert.Equal(new LocalDate(2027, 1, 1), data.CheckedOn);
        Assert.True(data.TryGetAdequacy("in", new LocalDate(2027, 1, 1), out _));
    }

    [Theory]
    [InlineData("""{"eea":[]}""")]
    [InlineData("""{"checkedOn":"soon"}""")]
    [InlineData("[1]")]
    public void Parse_Invalid_ThrowsFormatException(string json) =>
        Assert.Throws<FormatException>(() => CountryData.Parse(System.Text.Encoding.UTF8.GetBytes(json)));

    [Theory]
    [InlineData("EL", "GR")]
    [InlineData("UK", "GB")]
    [InlineData(" uk ", "GB")]
    public void Lookups_EuAliases_SameAsIsoCode(string alias, string iso)
    {
        var on = new LocalDate(2026, 11, 24);

        Assert.Equal(Data.IsEea(iso), Data.IsEea(alias));
        Assert.Equal(Data.TryGetAdequacy(iso, on, out var expected), Data.TryGetAdequacy(alias, on, out var actual));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void IsEea_El_IsGreeceAnEuState() => Assert.True(Data.IsEea("EL"));

    [Fact]
    public void TryGetAdequacy_Uk_FindsTheGbDecision() => Assert.True(Data.TryGetAdequacy("UK", new LocalDate(2026, 11, 24), out _));
}
