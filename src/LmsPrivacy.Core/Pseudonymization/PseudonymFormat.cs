namespace LmsPrivacy.Pseudonymization;

/// <summary>How pseudonyms are written: <c>{Prefix}{keyId}.{digest}</c>, or <c>{Prefix}{digest}</c> without the key id.</summary>
/// <remarks>Instances are immutable.</remarks>
public sealed record PseudonymFormat
{
    /// <summary>Gets the default format: base32, key id included, no prefix.</summary>
    public static PseudonymFormat Default { get; } = new();

    /// <summary>Gets how the HMAC is written.</summary>
    /// <value>The default is <see cref="PseudonymEncoding.Base32"/>.</value>
    public PseudonymEncoding Encoding { get; init; } = PseudonymEncoding.Base32;

    /// <summary>Gets text put before every pseudonym.</summary>
    /// <value>The default is empty.</value>
    public string Prefix { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether the key id is written into the pseudonym.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool IncludeKeyId { get; init; } = true;
}
