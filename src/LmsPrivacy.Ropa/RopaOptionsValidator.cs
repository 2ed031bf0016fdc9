using Microsoft.Extensions.Options;

namespace LmsPrivacy.Ropa;

/// <summary>Validates <see cref="RopaOptions"/> without reflection.</summary>
internal sealed class RopaOptionsValidator : IValidateOptions<RopaOptions>
{
    public ValidateOptionsResult Validate(string? name, RopaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        Positive(builder, options.DpfVerificationMaxAgeDays, nameof(RopaOptions.DpfVerificationMaxAgeDays));
        Positive(builder, options.CountryDataMaxAgeDays, nameof(RopaOptions.CountryDataMaxAgeDays));
        Positive(builder, options.MinimumSubProcessorNoticeDays, nameof(RopaOptions.MinimumSubProcessorNoticeDays));
        Positive(builder, options.MaximumBreachNotificationHours, nameof(RopaOptions.MaximumBreachNotificationHours));
        Positive(builder, options.MaximumRightsResponseDays, nameof(RopaOptions.MaximumRightsResponseDays));
        Positive(builder, options.MaximumEndOfContractDays, nameof(RopaOptions.MaximumEndOfContractDays));
        // Art. 33(1): the controller's own deadline, as Core counts it.
        if (options.MaximumBreachNotificationHours >= Deadlines.BreachDeadlines.AuthorityNoticePeriod.TotalHours)
        {
            builder.AddError("A breach notice 72 hours or later cannot leave the controller its own Art. 33(1) deadline.", nameof(RopaOptions.MaximumBreachNotificationHours));
        }

        return builder.Build();
    }

    internal static void ThrowIfInvalid(RopaOptions options)
    {
        var result = new RopaOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new ArgumentException(result.FailureMessage, nameof(options));
        }
    }

    private static void Positive(ValidateOptionsResultBuilder builder, int value, string member)
    {
        if (value <= 0)
        {
            builder.AddError("The value must be positive.", member);
        }
    }
}
