using LmsPrivacy.Pseudonymization;
using LmsPrivacy.Xapi.Scanning;
using LmsPrivacy.Xapi.Streaming;
using LmsPrivacy.Xapi.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LmsPrivacy.Xapi;

/// <summary>Registers LmsPrivacy.Xapi services with a service collection.</summary>
public static class XapiServiceCollectionExtensions
{
    /// <summary>Registers the statement validator, scanner and pseudonymizer with default options (and the Core services).</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same <paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddLmsPrivacyXapi(this IServiceCollection services)
        => services.AddLmsPrivacyXapi(static _ => { });

    /// <summary>Registers the xAPI services and configures them.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; they are validated when the host starts.</param>
    /// <returns>The same <paramref name="services"/>, for chaining.</returns>
    /// <remarks>
    /// <see cref="StatementPseudonymizer"/> needs <see cref="XapiOptions.PseudonymHomePage"/> and a key in the Core
    /// <see cref="PseudonymizerOptions"/>; it records pseudonyms in the registered <see cref="IPseudonymMap"/>.
    /// Services are added only if not already registered.
    /// </remarks>
    public static IServiceCollection AddLmsPrivacyXapi(this IServiceCollection services, Action<XapiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddLmsPrivacyCore();
        services.AddOptions<XapiOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<XapiOptions>, XapiOptionsValidator>());
        services.TryAddSingleton(static sp => new StatementValidator(sp.GetRequiredService<IOptions<XapiOptions>>()));
        services.TryAddSingleton(static _ => new StatementScanner());
        services.TryAddSingleton(static sp => new StatementPseudonymizer(
            sp.GetRequiredService<Pseudonymizer>(),
            sp.GetRequiredService<IOptions<XapiOptions>>(),
            sp.GetRequiredService<IPseudonymMap>()));
        return services;
    }
}
