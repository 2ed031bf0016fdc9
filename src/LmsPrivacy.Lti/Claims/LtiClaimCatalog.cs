using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using LmsPrivacy.Classification;

namespace LmsPrivacy.Lti.Claims;

/// <summary>
/// The personal-data category of every claim an LTI 1.3 launch may carry: the OIDC standard claims, the LTI Core,
/// Deep Linking, submission review and data privacy launch claims, AGS/NRPS, the 1.1 migration claims and known
/// vendor extensions (Canvas, Moodle).
/// </summary>
/// <remarks>
/// Claims about another person than the launching user (<c>for_user</c>, <c>role_scope_mentor</c>, Canvas
/// <c>lti_student_id</c>, the platform's contact e-mail) are <see cref="DataCategory.ThirdParty"/>. The <c>custom</c>
/// claim is not catalogued by member: its values are inspected (see <see cref="LtiClaimClassifier"/>).
/// Claims the catalog does not know are classified conservatively as <see cref="DataCategory.QuasiIdentifier"/>,
/// or <see cref="DataCategory.DirectIdentifier"/> when they hold an e-mail address.
/// </remarks>
public static class LtiClaimCatalog
{
    private const string Canvas = "https://www.instructure.com/";

    private static readonly LtiClaimDescriptor[] Entries =
    [
        // 1EdTech Security Framework 1.0 §5.1.2 (ID token).
        Whole(LtiClaimNames.Issuer, DataCategory.Technical, "The platform's issuer identifier (Security Framework §5.1.2)."),
        Whole(LtiClaimNames.Audience, DataCategory.Technical, "The tool's client id(s) (Security Framework §5.1.2)."),
        Whole(LtiClaimNames.AuthorizedParty, DataCategory.Technical, "The authorized party, the tool's client id (Security Framework §5.1.2)."),
        Whole(LtiClaimNames.Subject, DataCategory.PseudonymousIdentifier, "The platform's stable user id of the launching user (Security Framework §5.1.2, LTI Core §5.3.6)."),
        Whole(LtiClaimNames.Expires, DataCategory.Technical, "Expiry time (Security Framework §5.1.2)."),
        Whole(LtiClaimNames.IssuedAt, DataCategory.Technical, "Issue time (Security Framework §5.1.2)."),
        Whole(LtiClaimNames.Nonce, DataCategory.Technical, "Replay protection nonce (Security Framework §5.1.2)."),
        Whole("auth_time", DataCategory.Behavioural, "When the user authenticated (OIDC Core §2)."),
        Whole("at_hash", DataCategory.Technical, "Access token hash (OIDC Core §2)."),
        Whole("jti", DataCategory.Technical, "Token id (RFC 7519 §4.1.7)."),
        Whole("nbf", DataCategory.Technical, "Not-before time (RFC 7519 §4.1.5)."),

        // OIDC Core §5.1 standard claims (LTI Core §5.3.6 user identity claims).
        Whole("name", DataCategory.DirectIdentifier, "Full name (OIDC Core §5.1, LTI Core §5.3.6)."),
        Whole("given_name", DataCategory.DirectIdentifier, "Given name (OIDC Core §5.1, LTI Core §5.3.6)."),
        Whole("family_name", DataCategory.DirectIdentifier, "Family name (OIDC Core §5.1, LTI Core §5.3.6)."),
        Whole("middle_name", DataCategory.DirectIdentifier, "Middle name (OIDC Core §5.1)."),
        Whole("nickname", DataCategory.DirectIdentifier, "Casual name (OIDC Core §5.1)."),
        Whole("preferred_username", DataCategory.DirectIdentifier, "Username (OIDC Core §5.1)."),
        Whole("email", DataCategory.DirectIdentifier, "E-mail address (OIDC Core §5.1, LTI Core §5.3.6)."),
        Whole("email_verified", DataCategory.QuasiIdentifier, "Whether the e-mail address was verified (OIDC Core §5.1)."),
        Whole("phone_number", DataCategory.DirectIdentifier, "Telephone number (OIDC Core §5.1)."),
        Whole("phone_number_verified", DataCategory.QuasiIdentifier, "Whether the telephone number was verified (OIDC Core §5.1)."),
        Whole("address", DataCategory.DirectIdentifier, "Postal address (OIDC Core §5.1.1)."),
        Whole("picture", DataCategory.DirectIdentifier, "URL of the user's photo (OIDC Core §5.1)."),
        Whole("profile", DataCategory.DirectIdentifier, "URL of the user's profile page (OIDC Core §5.1)."),
        Whole("website", DataCategory.DirectIdentifier, "URL of the user's web site (OIDC Core §5.1)."),
        Whole("gender", DataCategory.QuasiIdentifier, "Gender (OIDC Core §5.1)."),
        Whole("birthdate", DataCategory.QuasiIdentifier, "Birth date; reveals age and minor status (OIDC Core §5.1)."),
        Whole("zoneinfo", DataCategory.Preference, "Time zone (OIDC Core §5.1)."),
        Whole("locale", DataCategory.Preference, "Preferred language (OIDC Core §5.1, LTI Core §5.3.6)."),
        Whole("updated_at", DataCategory.Technical, "When the profile last changed (OIDC Core §5.1)."),

        // LTI Core 1.3 §5.3 required message claims.
        Whole(LtiClaimNames.MessageType, DataCategory.Technical, "The message type (LTI Core §5.3.1)."),
        Whole(LtiClaimNames.Version, DataCategory.Technical, "The LTI version, 1.3.0 (LTI Core §5.3.2)."),
        Whole(LtiClaimNames.DeploymentId, DataCategory.Technical, "The platform-tool integration (LTI Core §5.3.3)."),
        Whole(LtiClaimNames.TargetLinkUri, DataCategory.Technical, "The launch URL (LTI Core §5.3.4)."),
        Whole(LtiClaimNames.ResourceLink, DataCategory.QuasiIdentifier, "The placement of the link in the course (LTI Core §5.3.5)."),
        Whole(LtiClaimNames.Roles, DataCategory.QuasiIdentifier, "The user's roles; reveals learner, mentor or guest status (LTI Core §5.3.7)."),

        // LTI Core 1.3 §5.4 optional message claims.
        Whole(LtiClaimNames.Context, DataCategory.QuasiIdentifier, "The course or group (LTI Core §5.4.1)."),
        Whole(LtiClaimNames.ToolPlatform, DataCategory.Technical, "The platform instance (LTI Core §5.4.2)."),
        Member(LtiClaimNames.ToolPlatform, "contact_email", DataCategory.ThirdParty, "The platform administrator's e-mail address: another person's data (LTI Core §5.4.2)."),
        Member(LtiClaimNames.ToolPlatform, "guid", DataCategory.Technical, "The platform instance id (LTI Core §5.4.2)."),
        Member(LtiClaimNames.ToolPlatform, "name", DataCategory.Technical, "The platform instance name (LTI Core §5.4.2)."),
        Member(LtiClaimNames.ToolPlatform, "description", DataCategory.Technical, "The platform instance description (LTI Core §5.4.2)."),
        Member(LtiClaimNames.ToolPlatform, "url", DataCategory.Technical, "The platform instance URL (LTI Core §5.4.2)."),
        Member(LtiClaimNames.ToolPlatform, "product_family_code", DataCategory.Technical, "The platform product (LTI Core §5.4.2)."),
        Member(LtiClaimNames.ToolPlatform, "version", DataCategory.Technical, "The platform version (LTI Core §5.4.2)."),
        Whole(LtiClaimNames.RoleScopeMentor, DataCategory.ThirdParty, "The user ids of the mentor's mentees: other persons' identifiers (LTI Core §5.4.3)."),
        Whole(LtiClaimNames.LaunchPresentation, DataCategory.Technical, "How the tool is shown (LTI Core §5.4.4)."),
        Member(LtiClaimNames.LaunchPresentation, "locale", DataCategory.Preference, "The user's language (LTI Core §5.4.4)."),
        Member(LtiClaimNames.LaunchPresentation, "document_target", DataCategory.Technical, "frame, iframe or window (LTI Core §5.4.4)."),
        Member(LtiClaimNames.LaunchPresentation, "height", DataCategory.Technical, "Display height (LTI Core §5.4.4)."),
        Member(LtiClaimNames.LaunchPresentation, "width", DataCategory.Technical, "Display width (LTI Core §5.4.4)."),
        Member(LtiClaimNames.LaunchPresentation, "return_url", DataCategory.Technical, "Where to return in the platform (LTI Core §5.4.4)."),
        Whole(LtiClaimNames.Lis, DataCategory.QuasiIdentifier, "Institutional (SIS) sourced ids (LTI Core §5.4.5)."),
        Member(LtiClaimNames.Lis, "person_sourcedid", DataCategory.DirectIdentifier, "The institution's id for the person, often a student number (LTI Core §5.4.5)."),
        Member(LtiClaimNames.Lis, "result_sourcedid", DataCategory.PseudonymousIdentifier, "The LTI 1.1 outcomes id of the user's result."),
        Member(LtiClaimNames.Lis, "outcome_service_url", DataCategory.Technical, "The LTI 1.1 outcomes endpoint."),
        Member(LtiClaimNames.Lis, "course_offering_sourcedid", DataCategory.QuasiIdentifier, "The institution's id of the course offering (LTI Core §5.4.5)."),
        Member(LtiClaimNames.Lis, "course_section_sourcedid", DataCategory.QuasiIdentifier, "The institution's id of the course section (LTI Core §5.4.5)."),
        Whole(LtiClaimNames.Custom, DataCategory.QuasiIdentifier, "Custom parameters; values are inspected because substitutions can carry names and e-mail addresses (LTI Core §5.4.6)."),

        // LTI 1.1 to 1.3 migration (https://www.imsglobal.org/spec/lti/v1p3/migr).
        Whole(LtiClaimNames.Lti1p1, DataCategory.Technical, "LTI 1.1 migration values (LTI 1.1 to 1.3 migration guide)."),
        Member(LtiClaimNames.Lti1p1, "user_id", DataCategory.PseudonymousIdentifier, "The user's LTI 1.1 id: links the 1.1 and 1.3 pseudonyms."),
        Member(LtiClaimNames.Lti1p1, "context_id", DataCategory.QuasiIdentifier, "The LTI 1.1 course id."),
        Member(LtiClaimNames.Lti1p1, "resource_link_id", DataCategory.QuasiIdentifier, "The LTI 1.1 resource link id."),
        Member(LtiClaimNames.Lti1p1, "oauth_consumer_key", DataCategory.Technical, "The LTI 1.1 consumer key."),
        Member(LtiClaimNames.Lti1p1, "oauth_consumer_key_sign", DataCategory.Technical, "The migration signature."),
        Member(LtiClaimNames.Lti1p1, "tool_consumer_instance_guid", DataCategory.Technical, "The LTI 1.1 platform instance id."),
        Whole(LtiClaimNames.Lti11LegacyUserId, DataCategory.PseudonymousIdentifier, "Pre-standard LTI 1.1 user id (Canvas, D2L); links pseudonyms."),

        // Messages about another person.
        Whole(LtiClaimNames.ForUser, DataCategory.ThirdParty, "The user a submission review or data privacy launch is about, not the launching user."),

        // LTI Advantage services and Deep Linking 2.0.
        Whole(LtiClaimNames.AgsEndpoint, DataCategory.Technical, "Assignment and Grade Services endpoints (AGS 2.0 §3.1)."),
        Whole(LtiClaimNames.NamesRoleService, DataCategory.Technical, "Names and Role Provisioning Services endpoint (NRPS 2.0 §3.6.1)."),
        Whole(LtiClaimNames.GroupsService, DataCategory.Technical, "Course groups service endpoints."),
        Whole(LtiClaimNames.DeepLinkingSettings, DataCategory.Technical, "Deep linking settings (Deep Linking 2.0 §4.4.1)."),
        Member(LtiClaimNames.DeepLinkingSettings, "title", DataCategory.QuasiIdentifier, "Default title written by the instructor."),
        Member(LtiClaimNames.DeepLinkingSettings, "text", DataCategory.QuasiIdentifier, "Default text written by the instructor."),

        // Vendor extensions.
        Whole(LtiClaimNames.MoodleExtension, DataCategory.Technical, "Moodle extension values."),
        Member(LtiClaimNames.MoodleExtension, "user_username", DataCategory.DirectIdentifier, "Moodle username, sent when names are shared."),
        Member(LtiClaimNames.MoodleExtension, "lms", DataCategory.Technical, "Moodle's platform code."),
        Whole(Canvas + "placement", DataCategory.Technical, "Canvas placement of the tool."),
        Whole(Canvas + "lti_student_id", DataCategory.ThirdParty, "Canvas: the student a launch is about, not the launching user."),
        Whole(Canvas + "canvas_user_id", DataCategory.PseudonymousIdentifier, "Canvas internal user id."),
        Whole(Canvas + "canvas_user_login_id", DataCategory.DirectIdentifier, "Canvas login id, often an e-mail address."),
        Whole(Canvas + "canvas_course_id", DataCategory.QuasiIdentifier, "Canvas internal course id."),
    ];

    private static readonly FrozenSet<string> IdentityClaimNames = new[]
    {
        "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "email", "email_verified",
        "phone_number", "phone_number_verified", "address", "picture", "profile", "website", "gender", "birthdate",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> MigrationClaimNames =
        new[] { LtiClaimNames.Lti1p1, LtiClaimNames.Lti11LegacyUserId }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Gets every catalog entry: whole claims and the members of object claims that differ from their claim.</summary>
    public static IReadOnlyList<LtiClaimDescriptor> All => Entries;

    /// <summary>Looks up a claim by its exact (case-sensitive) name.</summary>
    /// <param name="claim">The claim name.</param>
    /// <param name="descriptor">The entry for the whole claim, when known.</param>
    /// <returns><see langword="true"/> if the catalog knows the claim.</returns>
    public static bool TryGetClaim(string claim, [NotNullWhen(true)] out LtiClaimDescriptor? descriptor)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return ClaimLookup.Builtin.TryGetClaim(claim, out descriptor);
    }

    /// <summary>Returns the category of a member of an object claim: its own entry, else its claim's.</summary>
    /// <param name="claim">The claim name.</param>
    /// <param name="member">The member name.</param>
    /// <param name="category">The category, when the claim is known.</param>
    /// <returns><see langword="true"/> if the catalog knows the claim.</returns>
    public static bool TryGetMemberCategory(string claim, string member, out DataCategory category)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(member);
        if (!ClaimLookup.Builtin.Knows(claim))
        {
            category = default;
            return false;
        }

        category = ClaimLookup.Builtin.GetMemberCategory(claim, member);
        return true;
    }

    /// <summary>Returns whether a claim is an OIDC user identity claim, which an anonymous launch omits (LTI Core §5.3.6.1).</summary>
    /// <param name="claim">The claim name.</param>
    /// <returns><see langword="true"/> for <c>name</c>, <c>email</c>, <c>picture</c> and the other OIDC profile claims.</returns>
    public static bool IsIdentityClaim(string claim) => IdentityClaimNames.Contains(claim ?? throw new ArgumentNullException(nameof(claim)));

    /// <summary>Returns whether a claim only serves LTI 1.1 to 1.3 migration and links two pseudonyms of one user.</summary>
    /// <param name="claim">The claim name.</param>
    /// <returns><see langword="true"/> for <c>lti1p1</c> and <c>lti11_legacy_user_id</c>.</returns>
    public static bool IsMigrationClaim(string claim) => MigrationClaimNames.Contains(claim ?? throw new ArgumentNullException(nameof(claim)));

    private static LtiClaimDescriptor Whole(string claim, DataCategory category, string description) => new(claim, null, category, description);

    private static LtiClaimDescriptor Member(string claim, string member, DataCategory category, string description) => new(claim, member, category, description);
}
