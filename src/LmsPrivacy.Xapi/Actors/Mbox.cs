using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LmsPrivacy.Findings;
using LmsPrivacy.Xapi.Validation;

namespace LmsPrivacy.Xapi.Actors;

/// <summary>
/// The <c>mbox</c> IFI and its <c>mbox_sha1sum</c>: the SHA-1 of the UTF-8 bytes of the whole <c>mailto:</c> IRI
/// (xAPI 1.0.3 Data 2.4.2.3), written as 40 lower-case hex digits.
/// </summary>
/// <remarks>
/// <para>Nothing is normalised silently: whitespace is rejected (never trimmed), and lower-casing the domain or
/// Unicode NFC happen only when asked for with <see cref="MboxNormalization"/>.</para>
/// <para>An unkeyed <c>mbox_sha1sum</c> is not pseudonymization: anyone holding a list of addresses can hash them
/// and match. Use <c>StatementPseudonymizer</c> (a keyed account) for that.</para>
/// </remarks>
public static class Mbox
{
    /// <summary>The IRI scheme prefix, <c>mailto:</c>.</summary>
    public const string Scheme = "mailto:";

    /// <summary>Checks that a value is a well-formed mbox: <c>mailto:</c> plus an address, without outer whitespace.</summary>
    /// <param name="mbox">The value.</param>
    /// <param name="path">The JSON path reported in findings.</param>
    /// <returns>The findings (<c>xapi.mbox.whitespace</c>, <c>xapi.mbox.invalid</c>); empty when valid. They never repeat the value.</returns>
    public static ValidationReport Validate(string mbox, string path = "$")
    {
        ArgumentNullException.ThrowIfNull(mbox);
        ArgumentNullException.ThrowIfNull(path);
        if (XapiFormats.HasOuterWhitespace(mbox))
        {
            return new ValidationReport([XapiRules.MboxWhitespace.At(path, "The mbox starts or ends with whitespace; remove it at the source (it is not trimmed).")]);
        }

        return XapiFormats.IsMbox(mbox)
            ? ValidationReport.Empty
            : new ValidationReport([XapiRules.MboxInvalid.At(path, "The mbox is not 'mailto:' followed by an e-mail address.")]);
    }

    /// <summary>Returns whether a value is a well-formed mbox.</summary>
    /// <param name="mbox">The value.</param>
    /// <returns><see langword="true"/> when <see cref="Validate"/> finds nothing.</returns>
    public static bool IsValid(string? mbox) => mbox is not null && !XapiFormats.HasOuterWhitespace(mbox) && XapiFormats.IsMbox(mbox);

    /// <summary>Applies the requested normalizations to a valid mbox.</summary>
    /// <param name="mbox">A valid mbox.</param>
    /// <param name="normalization">What to normalise; <see cref="MboxNormalization.None"/> returns the value unchanged.</param>
    /// <returns>The normalised mbox.</returns>
    /// <exception cref="FormatException"><paramref name="mbox"/> is not a valid mbox.</exception>
    public static string Normalize(string mbox, MboxNormalization normalization)
    {
        ArgumentNullException.ThrowIfNull(mbox);
        if (!IsValid(mbox))
        {
            throw new FormatException("The value is not a valid mbox ('mailto:' followed by an e-mail address).");
        }

        var result = mbox;
        if ((normalization & MboxNormalization.Nfc) != 0)
        {
            result = result.Normalize(NormalizationForm.FormC);
        }

        if ((normalization & MboxNormalization.LowercaseDomain) != 0)
        {
            var at = result.LastIndexOf('@');
            result = string.Concat(result.AsSpan(0, at + 1), result[(at + 1)..].ToLowerInvariant());
        }

        return result;
    }

    /// <summary>Computes the <c>mbox_sha1sum</c> of an mbox.</summary>
    /// <param name="mbox">The full IRI, such as <c>mailto:learner@example.org</c>.</param>
    /// <param name="sha1Sum">40 lower-case hex digits, when the mbox is valid.</param>
    /// <param name="normalization">Opt-in normalizations applied first.</param>
    /// <returns><see langword="false"/> when the mbox is not valid (see <see cref="Validate"/>).</returns>
    public static bool TryComputeSha1Sum(string mbox, [NotNullWhen(true)] out string? sha1Sum, MboxNormalization normalization = MboxNormalization.None)
    {
        ArgumentNullException.ThrowIfNull(mbox);
        if (!IsValid(mbox))
        {
            sha1Sum = null;
            return false;
        }

        sha1Sum = HashIri(Normalize(mbox, normalization));
        return true;
    }

    /// <summary>Computes the <c>mbox_sha1sum</c> of an mbox.</summary>
    /// <param name="mbox">The full IRI, such as <c>mailto:learner@example.org</c>.</param>
    /// <param name="normalization">Opt-in normalizations applied first.</param>
    /// <returns>40 lower-case hex digits.</returns>
    /// <exception cref="FormatException"><paramref name="mbox"/> is not a valid mbox.</exception>
    public static string ComputeSha1Sum(string mbox, MboxNormalization normalization = MboxNormalization.None) =>
        TryComputeSha1Sum(mbox, out var sha1, normalization)
            ? sha1
            : throw new FormatException("The value is not a valid mbox ('mailto:' followed by an e-mail address, no outer whitespace).");

    /// <summary>Returns whether two <c>mbox_sha1sum</c> values are the same hash, ignoring hex case.</summary>
    /// <param name="left">A hash.</param>
    /// <param name="right">Another hash.</param>
    /// <returns><see langword="true"/> when both are 40 hex digits and equal ignoring case.</returns>
    public static bool Sha1SumEquals(string? left, string? right) =>
        left is not null && right is not null && XapiFormats.IsSha1Hex(left) && XapiFormats.IsSha1Hex(right)
        && string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    internal static string HashIri(string iri)
    {
        var byteCount = Encoding.UTF8.GetByteCount(iri);
        Span<byte> buffer = byteCount <= 512 ? stackalloc byte[512] : new byte[byteCount];
        var written = Encoding.UTF8.GetBytes(iri, buffer);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // SHA-1 is what xAPI 1.0.3 Data 2.4.2.3 defines for mbox_sha1sum; not a security use.
        SHA1.HashData(buffer[..written], hash);
#pragma warning restore CA5350
        return Convert.ToHexStringLower(hash);
    }

    internal static string LowerHex(string sha1) => sha1.ToLower(CultureInfo.InvariantCulture);
}
