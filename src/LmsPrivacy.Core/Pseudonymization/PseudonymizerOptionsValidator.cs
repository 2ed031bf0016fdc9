using System.Globalization;
using Microsoft.Extensions.Options;

namespace LmsPrivacy.Pseudonymization;

/// <summary>Validates <see cref="PseudonymizerOptions"/> without reflection; messages never contain key material.</summary>
internal sealed class PseudonymizerOptionsValidator : IValidateOptions<PseudonymizerOptions>
{
    // At start, an empty key list is allowed (a host may use Core without pseudonymization);
    // the Pseudonymizer itself refuses to be built without a key.
    public ValidateOptionsResult Validate(string? name, PseudonymizerOptions options) => Check(options, requireKey: false);

    internal static ValidateOptionsResult Check(PseudonymizerOptions options, bool requireKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (requireKey && options.Keys.Count == 0)
        {
            builder.AddError("At least one pseudonymization key is required.", nameof(PseudonymizerOptions.Keys));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var member = string.Create(CultureInfo.InvariantCulture, $"{nameof(PseudonymizerOptions.Keys)}[{i}]");
            if (key is null)
            {
                builder.AddError("The key is null.", member);
                continue;
            }

            if (!PseudonymKey.IsValidId(key.Id))
            {
                builder.AddError($"Key id must be 1 to {PseudonymKey.MaximumIdLength} characters among A-Z, a-z, 0-9, '_' and '-'.", member);
            }
            else if (!ids.Add(key.Id))
            {
                builder.AddError($"Key id '{key.Id}' is used twice.", member);
            }

            if (!PseudonymKey.TryDecode(key.Secret ?? string.Empty, out var bytes))
            {
                builder.AddError($"Key '{key.Id}' is neither base64 nor hexadecimal.", member);
            }
            else if (bytes.Length < PseudonymKey.MinimumLength)
            {
                builder.AddError(
                    string.Create(CultureInfo.InvariantCulture, $"Key '{key.Id}' is {bytes.Length} bytes; at least {PseudonymKey.MinimumLength} bytes are required."),
                    member);
            }

            System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
        }

        if (options.ActiveKeyId is { } active)
        {
            if (!ids.Contains(active))
            {
                builder.AddError($"The active key id '{active}' is not among the configured keys.", nameof(PseudonymizerOptions.ActiveKeyId));
            }
        }
        else if (options.Keys.Count > 1)
        {
            builder.AddError("With more than one key, ActiveKeyId must name the one that makes new pseudonyms.", nameof(PseudonymizerOptions.ActiveKeyId));
        }

        if (!Enum.IsDefined(options.Encoding))
        {
            builder.AddError("Unknown pseudonym encoding.", nameof(PseudonymizerOptions.Encoding));
        }

        if (options.Prefix is null)
        {
            builder.AddError("The prefix must not be null; use an empty string for none.", nameof(PseudonymizerOptions.Prefix));
        }

        return builder.Build();
    }
}
