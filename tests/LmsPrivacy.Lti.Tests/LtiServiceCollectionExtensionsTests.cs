using LmsPrivacy.Lti.Claims;
using LmsPrivacy.Lti.Keys;
using LmsPrivacy.Lti.Minimization;
using LmsPrivacy.Lti.Validation;
using LmsPrivacy.Pseudonymization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using static LmsPrivacy.Lti.Tests.Launches;

namespace LmsPrivacy.Lti.Tests;

public sealed class LtiServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLmsPrivacyLti_ResolvesEveryServiceAndUsesConfiguredRegistrations()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(Clock());
        services.AddLmsPrivacyCore(o => o.Keys.Add(new PseudonymKeyOptions { Id = "k1", Secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" }));
        services.AddLmsPrivacyLti(o =>
        {
            o.Registrations.Add(CertRegistration(CertKid));
            o.LearnerKeyScope = LtiLearnerKeyScope.Issuer;
        });
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var result = await provider.GetRequiredService<LtiLaunchValidator>().ValidateAsync(Element(Student()), Element(Header()), TestContext.Current.CancellationToken);

        Assert.True(result.IsValid, string.Join("; ", result.Findings));
        Assert.NotNull(provider.GetRequiredService<LtiClaimClassifier>());
        Assert.NotNull(provider.GetRequiredService<LtiLogRedactor>());
        Assert.Equal(LtiLearnerKeyScope.Issuer, provider.GetRequiredService<LtiLearnerKeyDeriver>().Scope);
    }

    [Fact]
    public void AddLmsPrivacyLti_InvalidOptions_FailValidation()
    {
        var services = new ServiceCollection();
        services.AddLmsPrivacyLti(o => o.Leeway = Duration.FromDays(1));
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LtiOptions>>().Value);
    }

    [Fact]
    public void AddLmsPrivacyLti_HostStoresWin()
    {
        var services = new ServiceCollection();
        var store = new InMemoryLtiRegistrationStore();
        services.AddSingleton<ILtiRegistrationStore>(store);
        services.AddLmsPrivacyLti();
        using var provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<ILtiRegistrationStore>());
    }
}
