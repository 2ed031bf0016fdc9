using LmsPrivacy.Lti.Claims;

namespace LmsPrivacy.Lti.Validation;

/// <summary>The outcome of <see cref="LtiLaunchValidator.InspectAsync"/>: a launch validated and its claims classified in one walk.</summary>
public sealed class LtiLaunchInspection
{
    internal LtiLaunchInspection(LtiLaunchValidationResult validation, LtiClaimClassification classification)
    {
        Validation = validation;
        Classification = classification;
    }

    /// <summary>Gets the validation result, equal to what <see cref="LtiLaunchValidator.ValidateAsync(System.Text.Json.JsonElement, System.Text.Json.JsonElement?, System.Threading.CancellationToken)"/> returns.</summary>
    public LtiLaunchValidationResult Validation { get; }

    /// <summary>Gets the classification, equal to what <see cref="LtiClaimClassifier.Classify(System.Text.Json.JsonElement)"/> returns.</summary>
    public LtiClaimClassification Classification { get; }
}
