using System.Text.Json;

namespace LmsPrivacy.Lti.Claims;

/// <summary>Classifies every claim of a decoded LTI launch by personal-data category, using <see cref="LtiClaimCatalog"/>.</summary>
/// <remarks>
/// <para>
/// Object claims that mix categories (<c>lis</c>, <c>tool_platform</c>, <c>launch_presentation</c>, <c>lti1p1</c>,
/// Moodle's <c>ext</c>, deep linking settings) are reported member by member. Each <c>custom</c> value is inspected
/// rather than trusted: an e-mail address, a repeat of the user's name, e-mail or institutional id, or a key naming
/// such data (<c>email</c>, <c>user_name</c>, <c>sis_id</c>, …) makes it a direct identifier and raises
/// <c>lti.custom.direct_identifier</c>; a repeat of <c>sub</c> or a key naming a user id makes it pseudonymous; an
/// unexpanded substitution variable (<c>$Person.name.full</c>) is technical.
/// </para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public sealed class LtiClaimClassifier
{
    private readonly ClaimLookup? _additional;

    /// <summary>Initializes a classifier with the built-in catalog only.</summary>
    public LtiClaimClassifier()
    {
    }

    /// <summary>Initializes a classifier with the built-in catalog plus the host's own claims (which win over built-in entries).</summary>
    /// <param name="additionalClaims">Descriptors of claims the host's platforms send, such as its own vendor extensions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="additionalClaims"/> is <see langword="null"/>.</exception>
    public LtiClaimClassifier(IEnumerable<LtiClaimDescriptor> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(additionalClaims);
        _additional = new ClaimLookup(additionalClaims);
    }

    /// <summary>Gets a shared instance with the built-in catalog.</summary>
    public static LtiClaimClassifier Default { get; } = new();

    internal ClaimLookup? Additional => _additional;

    /// <summary>Classifies a decoded launch payload.</summary>
    /// <param name="payload">The JSON object of claims (the JWT payload).</param>
    /// <returns>The classified claims and the findings; a payload that is not an object gives one error finding.</returns>
    public LtiClaimClassification Classify(JsonElement payload) => ClaimTree.Classify(payload, _additional);
}
