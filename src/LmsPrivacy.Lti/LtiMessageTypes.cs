using System.Diagnostics.CodeAnalysis;

namespace LmsPrivacy.Lti;

/// <summary>The LTI message types this package knows, and normalization of the spellings seen in the wild.</summary>
/// <remarks>
/// The data privacy launch is sent as <c>LtiDataPrivacyLaunchRequest</c> by Sakai/Tsugi-family platforms and as
/// <c>DataPrivacyLaunchRequest</c> by other implementations (pylti1.3, older Sakai); both normalize to
/// <see cref="DataPrivacyLaunch"/>. Comparison is ordinal: message types are case-sensitive.
/// </remarks>
public static class LtiMessageTypes
{
    /// <summary>A resource link launch (LTI Core 1.3 §5.3).</summary>
    public const string ResourceLink = "LtiResourceLinkRequest";

    /// <summary>A deep linking request (Deep Linking 2.0 §4.4).</summary>
    public const string DeepLinking = "LtiDeepLinkingRequest";

    /// <summary>A submission review launch (AGS 2.0 submission review message).</summary>
    public const string SubmissionReview = "LtiSubmissionReviewRequest";

    /// <summary>The data privacy launch, normalized spelling.</summary>
    public const string DataPrivacyLaunch = "LtiDataPrivacyLaunchRequest";

    /// <summary>The data privacy launch, alternative spelling without the <c>Lti</c> prefix.</summary>
    public const string DataPrivacyLaunchAlias = "DataPrivacyLaunchRequest";

    private static readonly string[] KnownValues = [ResourceLink, DeepLinking, SubmissionReview, DataPrivacyLaunch];

    /// <summary>Gets the normalized message types.</summary>
    public static IReadOnlyList<string> Known => KnownValues;

    /// <summary>Normalizes a message type given as a JSON string without allocating.</summary>
    /// <param name="messageType">The string element.</param>
    /// <param name="plain">Its unescaped UTF-8 value, or empty when it has escapes (then the element is compared).</param>
    /// <param name="normalized">The normalized type.</param>
    internal static bool TryNormalize(System.Text.Json.JsonElement messageType, ReadOnlySpan<byte> plain, [NotNullWhen(true)] out string? normalized)
    {
        // UTF-8 literals: comparing with a string would transcode it on every call.
        normalized = Is(messageType, plain, "LtiResourceLinkRequest"u8) ? ResourceLink
            : Is(messageType, plain, "LtiDeepLinkingRequest"u8) ? DeepLinking
            : Is(messageType, plain, "LtiSubmissionReviewRequest"u8) ? SubmissionReview
            : Is(messageType, plain, "DataPrivacyLaunchRequest"u8) || Is(messageType, plain, "LtiDataPrivacyLaunchRequest"u8) ? DataPrivacyLaunch
            : null;
        return normalized is not null;
    }

    private static bool Is(System.Text.Json.JsonElement messageType, ReadOnlySpan<byte> plain, ReadOnlySpan<byte> type) =>
        plain.IsEmpty ? messageType.ValueEquals(type) : plain.SequenceEqual(type);

    /// <summary>Normalizes a message type string.</summary>
    /// <param name="messageType">The value of the message type claim.</param>
    /// <param name="normalized">The normalized type, when the value is a known type or alias.</param>
    /// <returns><see langword="true"/> if the value names a known message type.</returns>
    public static bool TryNormalize([NotNullWhen(true)] string? messageType, [NotNullWhen(true)] out string? normalized)
    {
        normalized = messageType switch
        {
            ResourceLink => ResourceLink,
            DeepLinking => DeepLinking,
            SubmissionReview => SubmissionReview,
            DataPrivacyLaunch or DataPrivacyLaunchAlias => DataPrivacyLaunch,
            _ => null,
        };
        return normalized is not null;
    }

    /// <summary>Normalizes a message type string.</summary>
    /// <param name="messageType">The value of the message type claim.</param>
    /// <returns>The normalized message type.</returns>
    /// <exception cref="FormatException"><paramref name="messageType"/> is not a known message type.</exception>
    public static string Normalize(string messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return TryNormalize(messageType, out var normalized)
            ? normalized
            : throw new FormatException($"Unknown LTI message type; expected one of: {string.Join(", ", KnownValues)}, {DataPrivacyLaunchAlias}.");
    }
}
