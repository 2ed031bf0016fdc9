using LmsPrivacy.Pseudonymization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace LmsPrivacy.Core.Tests;

public sealed class CoreServiceCollectionExtensionsTests
{
    private const string Key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    [Fact]
    public void AddLmsPrivacyCore_RegistersClockMapAndPseudonymizer()
    {
        using var provider = new ServiceCollection()
            .AddLmsPrivacyCore(o => o.Keys.Add(new PseudonymKeyOptions { Id = "k1", Secret = Key }))
            .BuildServiceProvider();

        Assert.Same(SystemClock.Instance, provider.GetRequiredService<IClock>());
        Assert.IsType<InMemoryPseudonymMap>(provider.GetRequiredService<IPseudonymMap>());
        Assert.Equal("k1", provider.GetRequiredService<Pseudonymizer>().ActiveKeyId);
    }

    [Fact]
    public void AddLmsPrivacyCore_Twice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection().AddLmsPrivacyCore().AddLmsPrivacyCore();

        Assert.Single(services, d => d.ServiceType == typeof(IPseudonymMap));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<PseudonymizerOptions>));
    }

    [Fact]
    public void AddLmsPrivacyCore_HostStoreWins()
    {
        var mine = new InMemoryPseudonymMap();
        using var provider = new ServiceCollection()
            .AddSingleton<IPseudonymMap>(mine)
            .AddLmsPrivacyCore()
            .BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<IPseudonymMap>());
    }

    [Fact]
    public void AddLmsPrivacyCore_ShortKey_FailsValidationNamingTheKey()
    {
        using var provider = new ServiceCollection()
            .AddLmsPrivacyCore(o => o.Keys.Add(new PseudonymKeyOptions { Id = "short", Secret = "AAECAwQFBgcICQoLDA0ODw==" }))
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<PseudonymizerOptions>>().Value);
        Assert.Contains("'short' is 16 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLmsPrivacyCore_NoKey_PseudonymizerRefusesButOtherServicesWork()
    {
        using var provider = new ServiceCollection().AddLmsPrivacyCore().BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<IPseudonymMap>());
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<Pseudonymizer>());
    }

    [Fact]
    public void AddLmsPrivacyCore_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CoreServiceCollectionExtensions.AddLmsPrivacyCore(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddLmsPrivacyCore(null!));
    }
}
