using System.Collections.Concurrent;

namespace LmsPrivacy.Lti.Validation;

/// <summary>A thread-safe in-memory <see cref="ILtiRegistrationStore"/>.</summary>
public sealed class InMemoryLtiRegistrationStore : ILtiRegistrationStore
{
    private readonly Lock _gate = new();

    // Lookups (every launch) read without a lock; adds check and replace an issuer's array under _gate.
    private readonly ConcurrentDictionary<string, LtiRegistration[]> _byIssuer = new(StringComparer.Ordinal);

    /// <summary>Initializes an empty store.</summary>
    public InMemoryLtiRegistrationStore()
    {
    }

    /// <summary>Initializes a store with registrations.</summary>
    /// <param name="registrations">The registrations.</param>
    /// <exception cref="ArgumentException">Two registrations share an issuer and client id.</exception>
    public InMemoryLtiRegistrationStore(IEnumerable<LtiRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        foreach (var registration in registrations)
        {
            Add(registration);
        }
    }

    /// <summary>Adds a registration.</summary>
    /// <param name="registration">The registration.</param>
    /// <exception cref="ArgumentException">A registration with the same issuer and client id exists.</exception>
    public void Add(LtiRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        lock (_gate)
        {
            var existing = _byIssuer.GetValueOrDefault(registration.Issuer) ?? [];
            if (existing.Any(r => string.Equals(r.ClientId, registration.ClientId, StringComparison.Ordinal)))
            {
                throw new ArgumentException("A registration with this issuer and client id already exists.", nameof(registration));
            }

            _byIssuer[registration.Issuer] = [.. existing, registration];
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<LtiRegistration>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReadOnlyList<LtiRegistration>>((_byIssuer.TryGetValue(issuer, out var registrations) ? registrations : []));
    }
}
