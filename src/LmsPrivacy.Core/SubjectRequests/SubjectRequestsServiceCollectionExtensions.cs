using System.Diagnostics.CodeAnalysis;
using LmsPrivacy.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace LmsPrivacy.SubjectRequests;

/// <summary>Registers subject-request services and personal-data stores with a service collection.</summary>
public static class SubjectRequestsServiceCollectionExtensions
{
    /// <summary>Registers the registry, the in-memory journal, the GDPR due-date rule (<see cref="GdprDueDateCalculator"/>), the intake and the orchestrator.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddLmsPrivacySubjectRequests(this IServiceCollection services)
        => services.AddLmsPrivacySubjectRequests(static _ => { });

    /// <summary>Registers the subject-request services and configures timeouts and retries.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (deadline profile, country and time zone; timeouts and retries); they are validated when the host starts.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>
    /// Services are added only if absent, so a host's own <see cref="ISubjectRequestJournal"/> (durable) or
    /// <see cref="ISubjectRequestDueDateCalculator"/> registered earlier wins. The default due-date rule resolves the
    /// country through Core's <see cref="DeadlineCalculator"/> when registered (<c>AddLmsPrivacyCore</c>), so a host's
    /// <see cref="IHolidayCalendarProvider"/> applies.
    /// </remarks>
    public static IServiceCollection AddLmsPrivacySubjectRequests(this IServiceCollection services, Action<SubjectRequestOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SubjectRequestOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SubjectRequestOptions>, SubjectRequestOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISubjectRequestJournal, InMemorySubjectRequestJournal>();
        services.TryAddSingleton<ISubjectRequestDueDateCalculator>(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<SubjectRequestOptions>>().Value;
            var calculator = sp.GetService<DeadlineCalculator>() ?? new DeadlineCalculator(sp.GetService<IHolidayCalendarProvider>());
            return new GdprDueDateCalculator(options.DeadlineProfile, options.DeadlineCountry, DateTimeZoneProviders.Tzdb[options.DeadlineTimeZone], calculator);
        });
        services.TryAddSingleton(static sp => new PersonalDataStoreRegistry(sp.GetServices<IPersonalDataStore>()));
        services.TryAddSingleton(static sp => new SubjectRequestIntake(sp.GetRequiredService<IClock>(), sp.GetRequiredService<ISubjectRequestDueDateCalculator>()));
        services.TryAddSingleton(static sp => new SubjectRequestOrchestrator(
            sp.GetRequiredService<PersonalDataStoreRegistry>(),
            sp.GetRequiredService<ISubjectRequestJournal>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<SubjectRequestOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Registers a personal-data store (singleton) so the registry, coverage report and orchestrator see it.</summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddPersonalDataStore<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(this IServiceCollection services)
        where TStore : class, IPersonalDataStore
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataStore, TStore>());
        return services;
    }

    /// <summary>Registers a personal-data store instance.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="store">The store.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IServiceCollection AddPersonalDataStore(this IServiceCollection services, IPersonalDataStore store)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        services.AddSingleton(store);
        return services;
    }
}
