using Microsoft.Extensions.Options;

namespace LmsPrivacy.Retention;

/// <summary>Validates <see cref="RetentionOptions"/> without reflection.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (options.TimeZoneId is null || NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZoneId) is null)
        {
            builder.AddError("The time zone is not a known IANA time zone id (for example Europe/Berlin or UTC).", nameof(RetentionOptions.TimeZoneId));
        }

        if (options.DeletionBatchLimit < 1)
        {
            builder.AddError("The deletion batch limit must be at least 1.", nameof(RetentionOptions.DeletionBatchLimit));
        }

        return builder.Build();
    }

    internal static NodaTime.DateTimeZone ZoneOf(RetentionOptions options)
    {
        var result = new RetentionOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }

        return NodaTime.DateTimeZoneProviders.Tzdb[options.TimeZoneId];
    }
}
