using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace LmsPrivacy.Lti.Migration;

/// <summary>
/// The LTI 1.1 to 1.3 migration signature: <c>oauth_consumer_key_sign</c> = Base64(HMAC-SHA256(key = the LTI 1.1
/// shared secret, message = UTF-8 of <c>oauth_consumer_key &amp; deployment_id &amp; iss &amp; client_id &amp; exp &amp; nonce</c>)).
/// </summary>
/// <remarks>
/// It proves that the 1.3 platform knows the 1.1 secret, so the tool may link its 1.1 records (keyed on the 1.1
/// <c>user_id</c>) to the 1.3 <c>sub</c>. Source: LTI 1.1 to 1.3 migration guide (https://www.imsglobal.org/spec/lti/v1p3/migr).
/// </remarks>
public static class Lti11MigrationSignature
{
    /// <summary>Computes the expected <c>oauth_consumer_key_sign</c>.</summary>
    /// <param name="consumerKey">The LTI 1.1 <c>oauth_consumer_key</c>.</param>
    /// <param name="deploymentId">The 1.3 <c>deployment_id</c>.</param>
    /// <param name="issuer">The 1.3 <c>iss</c>.</param>
    /// <param name="clientId">The tool's client id (<c>aud</c>).</param>
    /// <param name="exp">The <c>exp</c> claim exactly as written in the token (its JSON number text).</param>
    /// <param name="nonce">The <c>nonce</c> claim.</param>
    /// <param name="secret">The LTI 1.1 shared secret.</param>
    /// <returns>The standard Base64 text of the HMAC.</returns>
    public static string Compute(string consumerKey, string deploymentId, string issuer, string clientId, string exp, string nonce, string secret)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeMac(consumerKey, deploymentId, issuer, clientId, exp, nonce, secret, mac);
        return Convert.ToBase64String(mac);
    }

    /// <summary>Verifies a signature in constant time.</summary>
    /// <param name="signature">The <c>oauth_consumer_key_sign</c> value from the launch.</param>
    /// <param name="consumerKey">The LTI 1.1 <c>oauth_consumer_key</c>.</param>
    /// <param name="deploymentId">The 1.3 <c>deployment_id</c>.</param>
    /// <param name="issuer">The 1.3 <c>iss</c>.</param>
    /// <param name="clientId">The tool's client id.</param>
    /// <param name="exp">The <c>exp</c> claim exactly as written in the token.</param>
    /// <param name="nonce">The <c>nonce</c> claim.</param>
    /// <param name="secret">The LTI 1.1 shared secret.</param>
    /// <returns><see langword="true"/> if the signature matches.</returns>
    public static bool Verify(string signature, string consumerKey, string deploymentId, string issuer, string clientId, string exp, string nonce, string secret)
    {
        ArgumentNullException.ThrowIfNull(signature);
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeMac(consumerKey, deploymentId, issuer, clientId, exp, nonce, secret, expected);
        Span<byte> given = stackalloc byte[64];
        if (!Convert.TryFromBase64String(signature, given, out var written))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given[..written]);
    }

    /// <summary>Verifies the <c>lti1p1</c> claim of a decoded launch.</summary>
    /// <param name="payload">The launch payload.</param>
    /// <param name="clientId">The tool's client id at this platform.</param>
    /// <param name="secret">The LTI 1.1 shared secret.</param>
    /// <returns>
    /// <see langword="true"/> if the claim carries <c>oauth_consumer_key</c> and <c>oauth_consumer_key_sign</c> and
    /// the signature matches; <see langword="false"/> if it is missing, incomplete or does not match.
    /// </returns>
    public static bool Verify(JsonElement payload, string clientId, string secret)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(secret);
        return TryRead(payload, out var parts) is true
            && Verify(parts.Signature, parts.ConsumerKey, parts.DeploymentId, parts.Issuer, clientId, parts.Exp, parts.Nonce, secret);
    }

    /// <summary>Reads the parts of the signature from a payload: <see langword="null"/> when there is no lti1p1 claim, false when it is incomplete.</summary>
    internal static bool? TryRead(JsonElement payload, out (string Signature, string ConsumerKey, string DeploymentId, string Issuer, string Exp, string Nonce) parts)
    {
        parts = default;
        if (payload.ValueKind != JsonValueKind.Object || !payload.TryGetProperty(LtiClaimNames.Lti1p1, out var claim))
        {
            return null;
        }

        if (claim.ValueKind != JsonValueKind.Object
            || !TryString(claim, "oauth_consumer_key_sign", out var signature)
            || !TryString(claim, "oauth_consumer_key", out var consumerKey)
            || !TryString(payload, LtiClaimNames.DeploymentId, out var deploymentId)
            || !TryString(payload, LtiClaimNames.Issuer, out var issuer)
            || !TryString(payload, LtiClaimNames.Nonce, out var nonce)
            || !payload.TryGetProperty(LtiClaimNames.Expires, out var exp)
            || exp.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        parts = (signature, consumerKey, deploymentId, issuer, exp.GetRawText(), nonce);
        return true;
    }

    private static bool TryString(JsonElement obj, string name, out string value)
    {
        if (obj.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString()!;
            return value.Length > 0;
        }

        value = string.Empty;
        return false;
    }

    private static void ComputeMac(string consumerKey, string deploymentId, string issuer, string clientId, string exp, string nonce, string secret, Span<byte> mac)
    {
        ArgumentNullException.ThrowIfNull(consumerKey);
        ArgumentNullException.ThrowIfNull(deploymentId);
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(exp);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(secret);
        var message = string.Join('&', consumerKey, deploymentId, issuer, clientId, exp, nonce);
        var key = Encoding.UTF8.GetBytes(secret);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(message.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(message, bytes);
            HMACSHA256.HashData(key, bytes.AsSpan(0, length), mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
        }
    }
}
