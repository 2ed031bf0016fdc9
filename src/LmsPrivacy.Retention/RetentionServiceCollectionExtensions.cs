using LmsPrivacy.Retention.Erasure;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Queue;
using LmsPrivacy.Retention.Registry;
using LmsPrivacy.SubjectRequests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace LmsPrivacy.Retention;

/// <summary>Registers LmsPrivacy.Retention services with a service collection.</summary>
public static class RetentionServiceCollectionExtensions
{
    /// <summary>Registers the retention services with default options (UTC, open-ended courses count as running, activity guard on).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddLmsPrivacyRetention(this IServiceCollection services) => services.AddLmsPrivacyRetention(static _ => { });

    /// <summary>
    /// Registers the retention services. The host registers its <see cref="RetentionRegistry"/> and <see cref="IContextTree"/>;
    /// this adds the evaluator, the erasure decider, the in-memory queue store (unless one is registered), the queue manager,
    /// the clock (unless one is registered) and, unless the host registers its own <see cref="IContextDataEraser"/>, the
    /// <see cref="PersonalDataStoreEraser"/> over Core's <see cref="PersonalDataStoreRegistry"/> (from
    /// <c>AddLmsPrivacySubjectRequests</c> and the host's stores). Options are validated at start.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The same <paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddLmsPrivacyRetention(this IServiceCollection services, Action<RetentionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RetentionOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IDeletionQueueStore, InMemoryDeletionQueueStore>();
        services.TryAddSingleton<IContextDataEraser>(static sp => new PersonalDataStoreEraser(
            sp.GetService<PersonalDataStoreRegistry>() ?? throw new InvalidOperationException(
                "No IContextDataEraser is registered and Core's PersonalDataStoreRegistry is missing: call AddLmsPrivacySubjectRequests() and register your stores, or register your own IContextDataEraser."),
            sp.GetRequiredService<IClock>()));
        services.TryAddSingleton(static sp => new RetentionEvaluator(sp.GetRequiredService<RetentionRegistry>(), sp.GetRequiredService<IOptions<RetentionOptions>>().Value));
        services.TryAddSingleton(static sp => new ErasureDecider(sp.GetRequiredService<RetentionRegistry>(), sp.GetRequiredService<IOptions<RetentionOptions>>().Value));
        services.TryAddScoped(static sp => new DeletionQueueManager(
            sp.GetRequiredService<IDeletionQueueStore>(),
            sp.GetRequiredService<IContextDataEraser>(),
            sp.GetRequiredService<RetentionEvaluator>(),
            sp.GetRequiredService<IContextTree>(),
            sp.GetRequiredService<IClock>(),
            sp.GetRequiredService<IOptions<RetentionOptions>>().Value.DeletionBatchLimit));
        return services;
    }
}
