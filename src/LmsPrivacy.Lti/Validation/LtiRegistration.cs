using System.Text;

namespace LmsPrivacy.Lti.Validation;

/// <summary>A platform registration the tool trusts: issuer, client id and the deployments of the integration.</summary>
/// <remarks>Issuer, client id and deployment ids are compared byte-exactly (ordinal, case-sensitive). <see cref="ToString"/> never shows the LTI 1.1 secret.</remarks>
public sealed record LtiRegistration
{
    /// <summary>Initializes a registration.</summary>
    /// <param name="issuer">The platform's issuer, exactly as it appears in <c>iss</c>.</param>
    /// <param name="clientId">The client id the platform assigned to the tool.</param>
    /// <param name="deploymentIds">The registered deployment ids; at least one.</param>
    /// <exception cref="ArgumentException">An argument is empty, or no deployment id is given.</exception>
    public LtiRegistration(string issuer, string clientId, params IEnumerable<string> deploymentIds)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(deploymentIds);
        string[] deployments = [.. deploymentIds];
        if (deployments.Length == 0)
        {
            throw new ArgumentException("At least one deployment id is required.", nameof(deploymentIds));
        }

        foreach (var deployment in deployments)
        {
            ArgumentException.ThrowIfNullOrEmpty(deployment, nameof(deploymentIds));
        }

        Issuer = issuer;
        ClientId = clientId;
        DeploymentIds = deployments;
    }

    /// <summary>Gets the issuer.</summary>
    public string Issuer { get; }

    /// <summary>Gets the tool's client id at this platform.</summary>
    public string ClientId { get; }

    /// <summary>Gets the registered deployment ids.</summary>
    public IReadOnlyList<string> DeploymentIds { get; }

    /// <summary>Gets the key ids (<c>kid</c>) the platform signs with; when empty, any kid is accepted here (the JWT library checks it against the key set).</summary>
    public IReadOnlyList<string> KeyIds { get; init; } = [];

    /// <summary>Gets the LTI 1.1 shared secret used to verify <c>oauth_consumer_key_sign</c> during migration, if any.</summary>
    public string? Lti11Secret { get; init; }

    /// <summary>Returns whether a deployment id (a JSON string, <paramref name="plain"/> its unescaped UTF-8 or empty) is registered, comparing without allocating.</summary>
    internal bool HasDeployment(System.Text.Json.JsonElement deploymentId, ReadOnlySpan<byte> plain)
    {
        foreach (var deployment in DeploymentIds)
        {
            // Unescaped ASCII (every deployment id seen in the wild) compares byte to char without transcoding.
            if (plain.IsEmpty || !Ascii.IsValid(plain) ? deploymentId.ValueEquals(deployment) : Ascii.Equals(plain, deployment))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether a deployment id is registered (ordinal comparison).</summary>
    /// <param name="deploymentId">The deployment id from the launch.</param>
    /// <returns><see langword="true"/> if it is registered.</returns>
    public bool HasDeployment(string deploymentId)
    {
        foreach (var deployment in DeploymentIds)
        {
            if (string.Equals(deployment, deploymentId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Issuer = ").Append(Issuer).Append(", ClientId = ").Append(ClientId)
            .Append(", DeploymentIds = [").AppendJoin(", ", DeploymentIds).Append(']')
            .Append(", Lti11Secret = ").Append(Lti11Secret is null ? "none" : "***");
        return true;
    }
}
