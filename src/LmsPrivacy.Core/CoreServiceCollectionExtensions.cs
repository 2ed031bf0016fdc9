using LmsPrivacy.Pseudonymization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace LmsPrivacy;

/// <summary>Registers LmsPrivacy.Core services with a service collection.</summary>
public static class CoreServiceCollectionExtensions
{
    /// <summary>Registers the clock, the in-memory pseudonym map and the pseudonymizer with default options.</summary>
    /// <param name="services">The service collection to add to.</param>
    /// <returns>The same <paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddLmsPrivacyCore(this IServiceCollection services)
        => services.AddLmsPrivacyCore(static _ => { });

    /// <summary>Registers the Core services and configures the pseudonymizer's keys and format.</summary>
    /// <param name="services">The service collection to add to.</param>
    /// <param name="configure">Sets the pseudonymizer options; they are validated when the host starts.</param>
    /// <returns>The same <paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>
    /// Safe to call more than once: services are added only if not already registered, so a host's own
    /// <see cref="IPseudonymMap"/> or <see cref="IClock"/> wins. <see cref="IClock"/> defaults to <see cref="SystemClock.Instance"/>.
    /// </remarks>
    public static IServiceCollection AddLmsPrivacyCore(this IServiceCollection services, Action<PseudonymizerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<PseudonymizerOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PseudonymizerOptions>, PseudonymizerOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IPseudonymMap, InMemoryPseudonymMap>();
        services.TryAddSingleton(static sp => new Pseudonymizer(sp.GetRequiredService<IOptions<PseudonymizerOptions>>()));
        services.TryAddSingleton(static sp => new Deadlines.DeadlineCalculator(sp.GetService<Deadlines.IHolidayCalendarProvider>()));
        return services;
    }
}
