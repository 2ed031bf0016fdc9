namespace LmsPrivacy.Lti;

/// <summary>The names of the claims an LTI 1.3 launch carries (LTI Core 1.3 §5, 1EdTech Security Framework 1.0 §5.1.2, LTI Advantage).</summary>
public static class LtiClaimNames
{
    /// <summary>The prefix of the LTI core claims: <c>https://purl.imsglobal.org/spec/lti/claim/</c>.</summary>
    public const string LtiPrefix = "https://purl.imsglobal.org/spec/lti/claim/";

    /// <summary>The issuer: the platform's case-sensitive HTTPS identifier.</summary>
    public const string Issuer = "iss";

    /// <summary>The audience: the tool's client id, a string or an array.</summary>
    public const string Audience = "aud";

    /// <summary>The authorized party: the tool's client id when present.</summary>
    public const string AuthorizedParty = "azp";

    /// <summary>The subject: the platform's user id of the launching user.</summary>
    public const string Subject = "sub";

    /// <summary>The expiry time, seconds since the Unix epoch.</summary>
    public const string Expires = "exp";

    /// <summary>The issue time, seconds since the Unix epoch.</summary>
    public const string IssuedAt = "iat";

    /// <summary>The nonce that binds the token to one authentication request.</summary>
    public const string Nonce = "nonce";

    /// <summary>The message type claim.</summary>
    public const string MessageType = LtiPrefix + "message_type";

    /// <summary>The LTI version claim (<c>1.3.0</c>).</summary>
    public const string Version = LtiPrefix + "version";

    /// <summary>The deployment id claim.</summary>
    public const string DeploymentId = LtiPrefix + "deployment_id";

    /// <summary>The target link URI claim.</summary>
    public const string TargetLinkUri = LtiPrefix + "target_link_uri";

    /// <summary>The resource link claim.</summary>
    public const string ResourceLink = LtiPrefix + "resource_link";

    /// <summary>The roles claim.</summary>
    public const string Roles = LtiPrefix + "roles";

    /// <summary>The context (course) claim.</summary>
    public const string Context = LtiPrefix + "context";

    /// <summary>The tool platform claim.</summary>
    public const string ToolPlatform = LtiPrefix + "tool_platform";

    /// <summary>The role scope mentor claim: the user ids a mentor may see (another person's data).</summary>
    public const string RoleScopeMentor = LtiPrefix + "role_scope_mentor";

    /// <summary>The launch presentation claim.</summary>
    public const string LaunchPresentation = LtiPrefix + "launch_presentation";

    /// <summary>The LIS claim (institutional sourced ids).</summary>
    public const string Lis = LtiPrefix + "lis";

    /// <summary>The custom parameters claim: a map of strings.</summary>
    public const string Custom = LtiPrefix + "custom";

    /// <summary>The LTI 1.1 migration claim.</summary>
    public const string Lti1p1 = LtiPrefix + "lti1p1";

    /// <summary>The pre-standard LTI 1.1 user id claim some platforms (Canvas, D2L) send.</summary>
    public const string Lti11LegacyUserId = LtiPrefix + "lti11_legacy_user_id";

    /// <summary>The user a submission review or data privacy launch is about (another person than the launching user).</summary>
    public const string ForUser = LtiPrefix + "for_user";

    /// <summary>Moodle's extension claim (<c>user_username</c> when names are shared).</summary>
    public const string MoodleExtension = LtiPrefix + "ext";

    /// <summary>The deep linking settings claim.</summary>
    public const string DeepLinkingSettings = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

    /// <summary>The Assignment and Grade Services endpoint claim.</summary>
    public const string AgsEndpoint = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";

    /// <summary>The Names and Role Provisioning Services claim.</summary>
    public const string NamesRoleService = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";

    /// <summary>The course groups service claim.</summary>
    public const string GroupsService = "https://purl.imsglobal.org/spec/lti-gs/claim/groupsservice";

    /// <summary>The role URI of a mentor, which <see cref="RoleScopeMentor"/> requires.</summary>
    public const string MentorRole = "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor";
}
