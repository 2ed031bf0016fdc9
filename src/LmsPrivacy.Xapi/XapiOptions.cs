using LmsPrivacy.Xapi.Actors;

namespace LmsPrivacy.Xapi;

/// <summary>Options of the xAPI services; validated when the host starts (see <c>XapiServiceCollectionExtensions</c>).</summary>
public sealed class XapiOptions
{
    /// <summary>The default largest statement, in bytes (4 MiB).</summary>
    public const int DefaultMaxStatementBytes = 4 * 1024 * 1024;

    /// <summary>The default deepest nesting of a statement (64 levels).</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>Gets or sets the xAPI version whose rules the validator applies.</summary>
    /// <value>The default is <see cref="XapiVersion.Version103"/>.</value>
    public XapiVersion Version { get; set; } = XapiVersion.Version103;

    /// <summary>Gets or sets the IRL written as <c>account.homePage</c> of pseudonymized actors.</summary>
    /// <value>Required for pseudonymization; the default is <see langword="null"/>.</value>
    public string? PseudonymHomePage { get; set; }

    /// <summary>Gets or sets the normalizations applied to an mbox before it is hashed or pseudonymized.</summary>
    /// <value>The default is <see cref="MboxNormalization.None"/>, as the spec computes <c>mbox_sha1sum</c>.</value>
    public MboxNormalization MboxNormalization { get; set; } = MboxNormalization.None;

    /// <summary>Gets or sets the largest statement the readers accept, in bytes.</summary>
    /// <value>The default is <see cref="DefaultMaxStatementBytes"/>; between 1 KiB and 1 GiB.</value>
    public int MaxStatementBytes { get; set; } = DefaultMaxStatementBytes;

    /// <summary>Gets or sets the deepest nesting the readers accept.</summary>
    /// <value>The default is <see cref="DefaultMaxDepth"/>; between 8 and 256.</value>
    public int MaxDepth { get; set; } = DefaultMaxDepth;
}
