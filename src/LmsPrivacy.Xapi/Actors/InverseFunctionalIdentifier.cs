using System.Text.Encodings.Web;
using System.Text.Json;
using LmsPrivacy.Xapi.Validation;

namespace LmsPrivacy.Xapi.Actors;

/// <summary>One inverse functional identifier (IFI) of an Agent or identified Group (xAPI 1.0.3 Data 2.4.2.3). Immutable.</summary>
/// <remarks>Two IFIs are equal when they have the same kind and ordinally equal values, as LRSs compare them (no case folding).</remarks>
public sealed record InverseFunctionalIdentifier
{
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private InverseFunctionalIdentifier(IfiKind kind, string? value, XapiAccount? account)
    {
        Kind = kind;
        Value = value;
        Account = account;
    }

    /// <summary>Gets which of the four IFIs this is.</summary>
    public IfiKind Kind { get; }

    /// <summary>Gets the value of an <c>mbox</c>, <c>mbox_sha1sum</c> or <c>openid</c>; <see langword="null"/> for an account.</summary>
    public string? Value { get; }

    /// <summary>Gets the account; <see langword="null"/> unless <see cref="Kind"/> is <see cref="IfiKind.Account"/>.</summary>
    public XapiAccount? Account { get; }

    /// <summary>Gets the JSON property name of this IFI: <c>mbox</c>, <c>mbox_sha1sum</c>, <c>openid</c> or <c>account</c>.</summary>
    public string PropertyName => PropertyNameOf(Kind);

    /// <summary>Creates an <c>mbox</c> IFI.</summary>
    /// <param name="mbox">A <c>mailto:</c> IRI.</param>
    /// <returns>The IFI.</returns>
    /// <exception cref="FormatException">The value is not a valid mbox (see <see cref="Mbox.Validate"/>).</exception>
    public static InverseFunctionalIdentifier FromMbox(string mbox)
    {
        ArgumentNullException.ThrowIfNull(mbox);
        return Mbox.IsValid(mbox) ? new(IfiKind.Mbox, mbox, null) : throw new FormatException("The value is not a valid mbox ('mailto:' followed by an e-mail address, no outer whitespace).");
    }

    /// <summary>Creates an <c>mbox_sha1sum</c> IFI. Either hex case is accepted and kept as given.</summary>
    /// <param name="sha1Sum">40 hex digits.</param>
    /// <returns>The IFI.</returns>
    /// <exception cref="FormatException">The value is not 40 hex digits.</exception>
    public static InverseFunctionalIdentifier FromMboxSha1Sum(string sha1Sum)
    {
        ArgumentNullException.ThrowIfNull(sha1Sum);
        return XapiFormats.IsSha1Hex(sha1Sum) ? new(IfiKind.MboxSha1Sum, sha1Sum, null) : throw new FormatException("mbox_sha1sum must be 40 hex digits.");
    }

    /// <summary>Creates an <c>openid</c> IFI.</summary>
    /// <param name="openId">An absolute URI.</param>
    /// <returns>The IFI.</returns>
    /// <exception cref="FormatException">The value is not an absolute URI.</exception>
    public static InverseFunctionalIdentifier FromOpenId(string openId)
    {
        ArgumentNullException.ThrowIfNull(openId);
        return XapiFormats.IsIri(openId) ? new(IfiKind.OpenId, openId, null) : throw new FormatException("openid must be an absolute URI.");
    }

    /// <summary>Creates an <c>account</c> IFI.</summary>
    /// <param name="homePage">The IRL of the system.</param>
    /// <param name="name">The account name on that system.</param>
    /// <returns>The IFI.</returns>
    /// <exception cref="FormatException"><paramref name="homePage"/> is not an IRL.</exception>
    public static InverseFunctionalIdentifier FromAccount(string homePage, string name)
    {
        ArgumentNullException.ThrowIfNull(homePage);
        ArgumentNullException.ThrowIfNull(name);
        return XapiFormats.IsIri(homePage) ? new(IfiKind.Account, null, new XapiAccount(homePage, name)) : throw new FormatException("account.homePage must be an IRL.");
    }

    /// <summary>
    /// Returns this IFI as a compact JSON object, such as <c>{"mbox":"mailto:learner@example.org"}</c> or
    /// <c>{"account":{"homePage":"…","name":"…"}}</c>: the agent filter of an LRS query, and the identity a pseudonym map records.
    /// </summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
        {
            writer.WriteStartObject();
            WriteTo(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes this IFI as one property of the object being written.</summary>
    /// <param name="writer">The writer, positioned inside an object.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (Account is { } account)
        {
            writer.WriteStartObject("account");
            writer.WriteString("homePage", account.HomePage);
            writer.WriteString("name", account.Name);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString(PropertyName, Value);
        }
    }

    /// <summary>Returns a description that names the kind only, never the value (safe to log).</summary>
    /// <returns>For example <c>mbox IFI</c>.</returns>
    public override string ToString() => $"{PropertyName} IFI";

    internal static string PropertyNameOf(IfiKind kind) => kind switch
    {
        IfiKind.Mbox => "mbox",
        IfiKind.MboxSha1Sum => "mbox_sha1sum",
        IfiKind.OpenId => "openid",
        IfiKind.Account => "account",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown IFI kind."),
    };
}
