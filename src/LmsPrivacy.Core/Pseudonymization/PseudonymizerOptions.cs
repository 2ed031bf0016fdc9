namespace LmsPrivacy.Pseudonymization;

/// <summary>Options for <see cref="Pseudonymizer"/>: the keys, which one is active, and the text format.</summary>
/// <remarks>Validated at start: key ids are well formed and unique, every key decodes to at least 32 bytes, and the active key exists.</remarks>
public sealed class PseudonymizerOptions
{
    /// <summary>Gets the keys: the active one and any retired ones still used to recognise old pseudonyms.</summary>
    /// <value>Empty by default; pseudonymization needs at least one key.</value>
    public IList<PseudonymKeyOptions> Keys { get; } = [];

    /// <summary>Gets or sets the id of the key that makes new pseudonyms.</summary>
    /// <value>The default is <see langword="null"/>: the only key when there is exactly one.</value>
    public string? ActiveKeyId { get; set; }

    /// <summary>Gets or sets how the HMAC is written.</summary>
    /// <value>The default is <see cref="PseudonymEncoding.Base32"/>.</value>
    public PseudonymEncoding Encoding { get; set; } = PseudonymEncoding.Base32;

    /// <summary>Gets or sets text put before every pseudonym, such as <c>lp_</c>.</summary>
    /// <value>The default is empty.</value>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Gets or sets a value indicating whether the key id is written into the pseudonym (<c>{prefix}{keyId}.{digest}</c>).</summary>
    /// <value>The default is <see langword="true"/>; without it, verification tries every key.</value>
    public bool IncludeKeyId { get; set; } = true;
}

/// <summary>One configured pseudonymization key.</summary>
public sealed class PseudonymKeyOptions
{
    /// <summary>Gets or sets the key id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets or sets the secret as base64 or hex (see <see cref="PseudonymKey.FromText"/>). Never logged.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>Returns the key id only; never the secret.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"PseudonymKeyOptions({Id})";
}
