using LmsPrivacy.Lti.Keys;
using LmsPrivacy.Lti.Validation;
using NodaTime;

namespace LmsPrivacy.Lti;

/// <summary>Options of the launch validator and the learner key deriver.</summary>
public sealed class LtiOptions
{
    /// <summary>The signing algorithms the 1EdTech Security Framework 1.1 approves.</summary>
    public static IReadOnlyList<string> ApprovedAlgorithms { get; } = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512"];

    /// <summary>Gets or sets the clock skew tolerated on <c>exp</c> and <c>iat</c>.</summary>
    /// <value>The default is one minute; at most one hour.</value>
    public Duration Leeway { get; set; } = Duration.FromMinutes(1);

    /// <summary>Gets or sets the oldest <c>iat</c> accepted, or <see langword="null"/> for no limit (nonces are then kept until <c>exp</c>).</summary>
    /// <value>The default is one hour.</value>
    public Duration? MaxTokenAge { get; set; } = Duration.FromHours(1);

    /// <summary>Gets or sets a value indicating whether launches without <c>sub</c> (anonymous, LTI Core §5.3.6.1) are accepted.</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool AllowAnonymous { get; set; }

    /// <summary>Gets the JOSE <c>alg</c> values accepted; <c>none</c> is never accepted.</summary>
    /// <value>The default is <see cref="ApprovedAlgorithms"/>.</value>
    public IList<string> AllowedAlgorithms { get; } = [.. ApprovedAlgorithms];

    /// <summary>Gets the normalized message types the tool handles (see <see cref="LtiMessageTypes"/>).</summary>
    /// <value>The default is every known type.</value>
    public IList<string> AcceptedMessageTypes { get; } = [.. LtiMessageTypes.Known];

    /// <summary>Gets audiences besides the tool's own client id that the tool trusts in <c>aud</c>.</summary>
    public IList<string> TrustedAudiences { get; } = [];

    /// <summary>Gets the registrations loaded into the in-memory registration store when it is used.</summary>
    public IList<LtiRegistration> Registrations { get; } = [];

    /// <summary>Gets or sets the scope of pseudonymous learner keys.</summary>
    /// <value>The default is <see cref="LtiLearnerKeyScope.Client"/>.</value>
    public LtiLearnerKeyScope LearnerKeyScope { get; set; } = LtiLearnerKeyScope.Client;

    /// <summary>Gets or sets the largest payload or token, in bytes, read from raw input.</summary>
    /// <value>The default is 1 MiB.</value>
    public int MaxPayloadBytes { get; set; } = 1024 * 1024;
}
