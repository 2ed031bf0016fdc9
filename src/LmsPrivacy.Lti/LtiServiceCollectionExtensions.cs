using LmsPrivacy.Lti.Claims;
using LmsPrivacy.Lti.Keys;
using LmsPrivacy.Lti.Minimization;
using LmsPrivacy.Lti.Validation;
using LmsPrivacy.Pseudonymization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace LmsPrivacy.Lti;

/// <summary>Registers LmsPrivacy.Lti services with a service collection.</summary>
public static class LtiServiceCollectionExtensions
{
    /// <summary>Registers the LTI services with default options.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same <paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddLmsPrivacyLti(this IServiceCollection services) => services.AddLmsPrivacyLti(static _ => { });

    /// <summary>Registers the launch validator, the in-memory registration and nonce stores, the classifier, the log redactor and the learner key deriver.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (registrations, leeway, anonymous launches, key scope); validated at start.</param>
    /// <returns>The same <paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// Services are added only if absent, so register your own <see cref="ILtiRegistrationStore"/> and
    /// <see cref="ILtiNonceStore"/> (shared across servers) to replace the in-memory ones. The learner key deriver needs
    /// Core's <see cref="Pseudonymizer"/>: call <c>AddLmsPrivacyCore</c> with a key.
    /// </remarks>
    public static IServiceCollection AddLmsPrivacyLti(this IServiceCollection services, Action<LtiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LtiOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LtiOptions>, LtiOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<ILtiRegistrationStore>(static sp =>
            new InMemoryLtiRegistrationStore(sp.GetRequiredService<IOptions<LtiOptions>>().Value.Registrations));
        services.TryAddSingleton<ILtiNonceStore>(static sp => new InMemoryLtiNonceStore(sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(static sp => new LtiLaunchValidator(
            sp.GetRequiredService<ILtiRegistrationStore>(),
            sp.GetRequiredService<ILtiNonceStore>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<LtiOptions>>()));
        services.TryAddSingleton(LtiClaimClassifier.Default);
        services.TryAddSingleton(static sp => new LtiLogRedactor(null, [Classification.DataCategory.ThirdParty, Classification.DataCategory.SpecialCategory], sp.GetRequiredService<LtiClaimClassifier>()));
        services.TryAddSingleton(static sp => new LtiLearnerKeyDeriver(sp.GetRequiredService<Pseudonymizer>(), sp.GetRequiredService<IOptions<LtiOptions>>()));
        return services;
    }
}
