using LmsPrivacy.Scorm.Packages;
using LmsPrivacy.Scorm.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LmsPrivacy.Scorm;

/// <summary>Registers LmsPrivacy.Scorm services with a service collection.</summary>
public static class ScormServiceCollectionExtensions
{
    /// <summary>Registers the package auditor (default limits) and the snapshot validator.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same <paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddLmsPrivacyScorm(this IServiceCollection services) => services.AddLmsPrivacyScorm(static _ => { });

    /// <summary>Registers the package auditor and the snapshot validator, configuring the audit limits.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the audit options; they are validated when the host starts.</param>
    /// <returns>The same <paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddLmsPrivacyScorm(this IServiceCollection services, Action<ScormAuditOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ScormAuditOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScormAuditOptions>, ScormAuditOptionsValidator>());
        services.TryAddSingleton(static sp => new ScormPackageAuditor(sp.GetRequiredService<IOptions<ScormAuditOptions>>()));
        services.TryAddSingleton<ScormSnapshotValidator>(static _ => new ScormSnapshotValidator());
        return services;
    }
}
