using LmsPrivacy.Ropa.Countries;
using LmsPrivacy.Ropa.Dpa;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace LmsPrivacy.Ropa.Tests;

public sealed class RopaServiceCollectionExtensionsTests
{
    [Fact]
    public void AddLmsPrivacyRopa_ResolvesCheckersAndCountryData()
    {
        using var provider = new ServiceCollection().AddLmsPrivacyRopa().BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<RopaChecker>());
        Assert.NotNull(provider.GetRequiredService<DpaChecker>());
        Assert.Same(CountryData.Default, provider.GetRequiredService<CountryData>());
    }

    [Fact]
    public void AddLmsPrivacyRopa_HostClockWins()
    {
        var clock = TestData.Clock;
        using var provider = new ServiceCollection().AddSingleton<IClock>(clock).AddLmsPrivacyRopa().BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddLmsPrivacyRopa_InvalidOptions_FailValidation()
    {
        using var provider = new ServiceCollection().AddLmsPrivacyRopa(o => o.MaximumBreachNotificationHours = 96).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RopaOptions>>().Value);
        Assert.Contains("72 hours", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLmsPrivacyRopa_Options_ReachTheDpaChecker()
    {
        using var provider = new ServiceCollection().AddLmsPrivacyRopa(o => o.MinimumSubProcessorNoticeDays = 60).BuildServiceProvider();
        var dpa = RopaJson.ParseDpa(TestData.SampleBytes("lrs-vendor-good.dpa.json"));

        Assert.Equal(ClauseStatus.Weak, provider.GetRequiredService<DpaChecker>().Check(dpa)["28(2)"].Status);
    }

    [Fact]
    public void AddLmsPrivacyRopa_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddLmsPrivacyRopa());
}
