using Microsoft.Extensions.Options;

namespace LmsPrivacy.Xapi;

/// <summary>Validates <see cref="XapiOptions"/> without reflection.</summary>
internal sealed class XapiOptionsValidator : IValidateOptions<XapiOptions>
{
    public ValidateOptionsResult Validate(string? name, XapiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        if (!Enum.IsDefined(options.Version))
        {
            builder.AddError("Unknown xAPI version.", nameof(XapiOptions.Version));
        }

        if (options.PseudonymHomePage is { } homePage && !Validation.XapiFormats.IsIri(homePage))
        {
            builder.AddError("PseudonymHomePage must be an IRL such as https://lms.example.org/pseudonyms.", nameof(XapiOptions.PseudonymHomePage));
        }

        if (options.MaxStatementBytes is < 1024 or > 1024 * 1024 * 1024)
        {
            builder.AddError("MaxStatementBytes must be between 1 KiB and 1 GiB.", nameof(XapiOptions.MaxStatementBytes));
        }

        if (options.MaxDepth is < 8 or > 256)
        {
            builder.AddError("MaxDepth must be between 8 and 256.", nameof(XapiOptions.MaxDepth));
        }

        if ((options.MboxNormalization & ~(Actors.MboxNormalization.LowercaseDomain | Actors.MboxNormalization.Nfc)) != 0)
        {
            builder.AddError("Unknown mbox normalization flag.", nameof(XapiOptions.MboxNormalization));
        }

        return builder.Build();
    }
}
