using System.Text.Json;
using LmsPrivacy.Findings;
using LmsPrivacy.Pseudonymization;
using Microsoft.Extensions.Options;

namespace LmsPrivacy.Lti.Keys;

/// <summary>
/// Derives a pseudonymous learner key from a launch with Core's keyed <see cref="Pseudonymizer"/> (HMAC-SHA256):
/// over (iss, sub), (iss, client_id, sub) or (iss, client_id, deployment_id, sub) by <see cref="LtiLearnerKeyScope"/>.
/// </summary>
/// <remarks>
/// <para>
/// The components are, in order: the domain label <see cref="Domain"/>, the scope name (<c>issuer</c>, <c>client</c>
/// or <c>deployment</c>), <c>iss</c>, the client id (client and deployment scopes), <c>deployment_id</c> (deployment
/// scope) and <c>sub</c>, length-prefixed by <see cref="CanonicalEncoding"/>. Values are used byte-exactly: no trimming,
/// no case folding (<c>sub</c> is case-sensitive). The key never depends on e-mail, name or sourcedid, which platforms
/// withhold or change.
/// </para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class LtiLearnerKeyDeriver
{
    /// <summary>The first component of every learner key, separating it from other uses of the same pseudonym key.</summary>
    public const string Domain = "lmsprivacy.lti.learner.v1";

    private readonly Pseudonymizer _pseudonymizer;

    /// <summary>Initializes a deriver.</summary>
    /// <param name="pseudonymizer">The keyed pseudonymizer (keep its key apart from the data).</param>
    /// <param name="scope">The scope of the keys.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scope"/> is not defined.</exception>
    public LtiLearnerKeyDeriver(Pseudonymizer pseudonymizer, LtiLearnerKeyScope scope = LtiLearnerKeyScope.Client)
    {
        ArgumentNullException.ThrowIfNull(pseudonymizer);
        if (!Enum.IsDefined(scope))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown learner key scope.");
        }

        _pseudonymizer = pseudonymizer;
        Scope = scope;
    }

    /// <summary>Initializes a deriver with the scope from options (the constructor used by dependency injection).</summary>
    /// <param name="pseudonymizer">The keyed pseudonymizer.</param>
    /// <param name="options">The options giving <see cref="LtiOptions.LearnerKeyScope"/>.</param>
    public LtiLearnerKeyDeriver(Pseudonymizer pseudonymizer, IOptions<LtiOptions> options)
        : this(pseudonymizer, (options ?? throw new ArgumentNullException(nameof(options))).Value.LearnerKeyScope)
    {
    }

    /// <summary>Gets the scope of the keys.</summary>
    public LtiLearnerKeyScope Scope { get; }

    /// <summary>Returns the wire name of a scope: <c>issuer</c>, <c>client</c> or <c>deployment</c>.</summary>
    /// <param name="scope">The scope.</param>
    /// <returns>The name.</returns>
    public static string ToCode(LtiLearnerKeyScope scope) => scope switch
    {
        LtiLearnerKeyScope.Issuer => "issuer",
        LtiLearnerKeyScope.Client => "client",
        LtiLearnerKeyScope.Deployment => "deployment",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Unknown learner key scope."),
    };

    /// <summary>Derives the key from explicit values.</summary>
    /// <param name="issuer">The <c>iss</c> claim.</param>
    /// <param name="subject">The <c>sub</c> claim.</param>
    /// <param name="clientId">The tool's client id; required by the client and deployment scopes.</param>
    /// <param name="deploymentId">The <c>deployment_id</c> claim; required by the deployment scope.</param>
    /// <returns>The learner key, <c>{keyId}.{digest}</c> in the pseudonymizer's format.</returns>
    /// <exception cref="ArgumentException">A value the scope needs is missing or empty.</exception>
    public string Derive(string issuer, string subject, string? clientId = null, string? deploymentId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        ArgumentException.ThrowIfNullOrEmpty(subject);
        switch (Scope)
        {
            case LtiLearnerKeyScope.Issuer:
                return _pseudonymizer.Pseudonymize(Domain, "issuer", issuer, subject);
            case LtiLearnerKeyScope.Client:
                ArgumentException.ThrowIfNullOrEmpty(clientId);
                return _pseudonymizer.Pseudonymize(Domain, "client", issuer, clientId, subject);
            default:
                ArgumentException.ThrowIfNullOrEmpty(clientId);
                ArgumentException.ThrowIfNullOrEmpty(deploymentId);
                return _pseudonymizer.Pseudonymize(Domain, "deployment", issuer, clientId, deploymentId, subject);
        }
    }

    /// <summary>Derives the key of a decoded launch.</summary>
    /// <param name="payload">The launch payload.</param>
    /// <param name="clientId">The tool's client id; when <see langword="null"/> it is read from <c>azp</c>, else from a single-valued <c>aud</c>.</param>
    /// <returns>The key, or no key with a finding saying why (anonymous launch, missing or ambiguous component).</returns>
    public LtiLearnerKey Derive(JsonElement payload, string? clientId = null)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return new LtiLearnerKey(null, Scope, false, new ValidationReport([LtiRules.PayloadNotObject.At(JsonPaths.Root, "The payload is not a JSON object of claims.")]));
        }

        if (!payload.TryGetProperty(LtiClaimNames.Subject, out _))
        {
            return new LtiLearnerKey(null, Scope, true, new ValidationReport([
                LtiRules.KeyAnonymous.At(JsonPaths.Claim(LtiClaimNames.Subject), "The launch is anonymous (no sub); there is no learner key.")]));
        }

        var findings = new List<Finding>();
        var issuer = ReadString(payload, LtiClaimNames.Issuer, findings);
        var subject = ReadString(payload, LtiClaimNames.Subject, findings);
        var client = Scope == LtiLearnerKeyScope.Issuer ? null : clientId ?? ReadClientId(payload, findings);
        var deployment = Scope == LtiLearnerKeyScope.Deployment ? ReadString(payload, LtiClaimNames.DeploymentId, findings) : null;
        if (findings.Count > 0)
        {
            return new LtiLearnerKey(null, Scope, false, new ValidationReport(findings));
        }

        return new LtiLearnerKey(Derive(issuer!, subject!, client, deployment), Scope, false, ValidationReport.Empty);
    }

    private static string? ReadString(JsonElement payload, string claim, List<Finding> findings)
    {
        if (payload.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0)
        {
            return value.GetString();
        }

        findings.Add(LtiRules.KeyComponentMissing.At(JsonPaths.Claim(claim), $"The {claim} claim is missing or not a non-empty string."));
        return null;
    }

    private static string? ReadClientId(JsonElement payload, List<Finding> findings)
    {
        if (payload.TryGetProperty(LtiClaimNames.AuthorizedParty, out var azp) && azp.ValueKind == JsonValueKind.String && azp.GetString()!.Length > 0)
        {
            return azp.GetString();
        }

        if (payload.TryGetProperty(LtiClaimNames.Audience, out var aud))
        {
            if (aud.ValueKind == JsonValueKind.String && aud.GetString()!.Length > 0)
            {
                return aud.GetString();
            }

            if (aud.ValueKind == JsonValueKind.Array && aud.GetArrayLength() == 1 && aud[0].ValueKind == JsonValueKind.String && aud[0].GetString()!.Length > 0)
            {
                return aud[0].GetString();
            }
        }

        findings.Add(LtiRules.KeyComponentMissing.At(JsonPaths.Claim(LtiClaimNames.Audience), "The client id cannot be read unambiguously (no azp and aud is not a single value); pass it explicitly."));
        return null;
    }
}
