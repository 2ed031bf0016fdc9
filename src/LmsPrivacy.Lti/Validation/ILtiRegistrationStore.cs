namespace LmsPrivacy.Lti.Validation;

/// <summary>The platform registrations a tool trusts; the host implements it over its own storage.</summary>
public interface ILtiRegistrationStore
{
    /// <summary>Returns the registrations whose issuer is exactly <paramref name="issuer"/> (ordinal, case-sensitive).</summary>
    /// <param name="issuer">The <c>iss</c> claim of the launch.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The registrations for that issuer; empty when the issuer is unknown.</returns>
    ValueTask<IReadOnlyList<LtiRegistration>> FindByIssuerAsync(string issuer, CancellationToken cancellationToken = default);
}
