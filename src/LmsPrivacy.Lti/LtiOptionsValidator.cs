using LmsPrivacy.Lti.Keys;
using Microsoft.Extensions.Options;
using NodaTime;

namespace LmsPrivacy.Lti;

/// <summary>Validates <see cref="LtiOptions"/> at start (hand-written, no reflection).</summary>
public sealed class LtiOptionsValidator : IValidateOptions<LtiOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, LtiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Leeway < Duration.Zero || options.Leeway > Duration.FromHours(1))
        {
            failures.Add("Leeway must be between zero and one hour.");
        }

        if (options.MaxTokenAge is { } age && age <= Duration.Zero)
        {
            failures.Add("MaxTokenAge must be positive when set.");
        }

        if (options.AllowedAlgorithms.Count == 0)
        {
            failures.Add("AllowedAlgorithms must not be empty.");
        }

        if (options.AllowedAlgorithms.Any(a => string.IsNullOrEmpty(a) || string.Equals(a, "none", StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add("AllowedAlgorithms must not contain 'none' or empty values.");
        }

        if (options.AcceptedMessageTypes.Any(t => !LtiMessageTypes.Known.Contains(t, StringComparer.Ordinal)))
        {
            failures.Add($"AcceptedMessageTypes may only contain: {string.Join(", ", LtiMessageTypes.Known)}.");
        }

        if (!Enum.IsDefined(options.LearnerKeyScope))
        {
            failures.Add("LearnerKeyScope is not a defined scope.");
        }

        if (options.MaxPayloadBytes < 1024)
        {
            failures.Add("MaxPayloadBytes must be at least 1024.");
        }

        if (options.Registrations.Any(r => r is null))
        {
            failures.Add("Registrations must not contain null.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
