using LmsPrivacy.Findings;

namespace LmsPrivacy.Lti.Validation;

/// <summary>The outcome of validating one decoded launch.</summary>
public sealed class LtiLaunchValidationResult
{
    internal LtiLaunchValidationResult(ValidationReport report, bool isAnonymous, string? messageType, LtiRegistration? registration)
    {
        Report = report;
        IsAnonymous = isAnonymous;
        MessageType = messageType;
        Registration = registration;
    }

    /// <summary>Gets every finding, in a stable order.</summary>
    public ValidationReport Report { get; }

    /// <summary>Gets the findings.</summary>
    public IReadOnlyList<Finding> Findings => Report.Findings;

    /// <summary>Gets a value indicating whether the launch has no error finding.</summary>
    public bool IsValid => Report.IsValid;

    /// <summary>Gets a value indicating whether the launch is anonymous: it has no <c>sub</c> claim (LTI Core §5.3.6.1).</summary>
    public bool IsAnonymous { get; }

    /// <summary>Gets the normalized message type (see <see cref="LtiMessageTypes"/>), or <see langword="null"/> when missing or unknown.</summary>
    public string? MessageType { get; }

    /// <summary>Gets the registration the launch matched by issuer and audience, if any.</summary>
    public LtiRegistration? Registration { get; }
}
