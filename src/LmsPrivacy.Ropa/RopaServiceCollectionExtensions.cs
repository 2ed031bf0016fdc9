using LmsPrivacy.Ropa.Countries;
using LmsPrivacy.Ropa.Dpa;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace LmsPrivacy.Ropa;

/// <summary>Registers LmsPrivacy.Ropa services with a service collection.</summary>
public static class RopaServiceCollectionExtensions
{
    /// <summary>Registers <see cref="RopaChecker"/>, <see cref="DpaChecker"/> and the default <see cref="CountryData"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddLmsPrivacyRopa(this IServiceCollection services) => services.AddLmsPrivacyRopa(static _ => { });

    /// <summary>Registers the Ropa services and configures their thresholds; options are validated when the host starts.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the thresholds.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Services are added only if absent, so a host's own <see cref="CountryData"/> or <see cref="IClock"/> wins.</remarks>
    public static IServiceCollection AddLmsPrivacyRopa(this IServiceCollection services, Action<RopaOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RopaOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RopaOptions>, RopaOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(static _ => CountryData.Default);
        services.TryAddSingleton(static sp => new RopaChecker(
            sp.GetRequiredService<IClock>(), sp.GetRequiredService<CountryData>(), sp.GetRequiredService<IOptions<RopaOptions>>().Value));
        services.TryAddSingleton(static sp => new DpaChecker(sp.GetRequiredService<IOptions<RopaOptions>>().Value));
        return services;
    }
}
