using LmsPrivacy.Findings;

namespace LmsPrivacy.Lti;

/// <summary>The rule catalog of LmsPrivacy.Lti: every finding the launch validator, classifier and key deriver report.</summary>
/// <remarks>Codes are public contract: they are never renamed or reused. docs/lti.md lists the catalog.</remarks>
public static class LtiRules
{
    /// <summary>Gets the rule <c>lti.payload.malformed</c>: The launch payload must be a well-formed JSON document within the size and depth limits.</summary>
    public static RuleDescriptor PayloadMalformed { get; } = new("lti.payload.malformed", "The launch payload must be a well-formed JSON document within the size and depth limits.", FindingSeverity.Error, "RFC 7519 §7.2");

    /// <summary>Gets the rule <c>lti.jwt.malformed</c>: A compact JWT must be three base64url parts whose header and payload are JSON objects.</summary>
    public static RuleDescriptor JwtMalformed { get; } = new("lti.jwt.malformed", "A compact JWT must be three base64url parts whose header and payload are JSON objects.", FindingSeverity.Error, "RFC 7519 §7.2; RFC 7515 §7.1");

    /// <summary>Gets the rule <c>lti.payload.not_object</c>: The launch payload must be a JSON object of claims.</summary>
    public static RuleDescriptor PayloadNotObject { get; } = new("lti.payload.not_object", "The launch payload must be a JSON object of claims.", FindingSeverity.Error, "RFC 7519 §7.2");

    /// <summary>Gets the rule <c>lti.claim.duplicate</c>: A claim name must not appear twice in the payload.</summary>
    public static RuleDescriptor ClaimDuplicate { get; } = new("lti.claim.duplicate", "A claim name must not appear twice in the payload.", FindingSeverity.Error, "RFC 7519 §4");

    /// <summary>Gets the rule <c>lti.claim.unknown</c>: A claim this package does not know; it is classified conservatively.</summary>
    public static RuleDescriptor ClaimUnknown { get; } = new("lti.claim.unknown", "A claim this package does not know; it is classified conservatively.", FindingSeverity.Info, "LTI Core 1.3 §5.4 (unknown claims are ignored)");

    /// <summary>Gets the rule <c>lti.claim.third_party</c>: The launch carries personal data of another person than the launching user.</summary>
    public static RuleDescriptor ClaimThirdParty { get; } = new("lti.claim.third_party", "The launch carries personal data of another person than the launching user.", FindingSeverity.Info, "GDPR Art. 14");

    /// <summary>Gets the rule <c>lti.header.malformed</c>: The JOSE header must be a JSON object.</summary>
    public static RuleDescriptor HeaderMalformed { get; } = new("lti.header.malformed", "The JOSE header must be a JSON object.", FindingSeverity.Error, "RFC 7515 §4");

    /// <summary>Gets the rule <c>lti.header.not_checked</c>: No JOSE header was given, so kid and alg were not checked.</summary>
    public static RuleDescriptor HeaderNotChecked { get; } = new("lti.header.not_checked", "No JOSE header was given, so kid and alg were not checked.", FindingSeverity.Info, "Security Framework 1.0 §5.1.3");

    /// <summary>Gets the rule <c>lti.header.kid.missing</c>: The JOSE header must name the signing key with kid.</summary>
    public static RuleDescriptor HeaderKidMissing { get; } = new("lti.header.kid.missing", "The JOSE header must name the signing key with kid.", FindingSeverity.Error, "Security Framework 1.0 §6.3; certification 'No KID Sent in JWT header'");

    /// <summary>Gets the rule <c>lti.header.kid.unknown</c>: The kid must be one of the registration's known key ids.</summary>
    public static RuleDescriptor HeaderKidUnknown { get; } = new("lti.header.kid.unknown", "The kid must be one of the registration's known key ids.", FindingSeverity.Error, "Security Framework 1.0 §6.3; certification 'Incorrect KID in JWT header'");

    /// <summary>Gets the rule <c>lti.header.alg.missing</c>: The JOSE header must name the signing algorithm.</summary>
    public static RuleDescriptor HeaderAlgMissing { get; } = new("lti.header.alg.missing", "The JOSE header must name the signing algorithm.", FindingSeverity.Error, "RFC 7515 §4.1.1");

    /// <summary>Gets the rule <c>lti.header.alg.none</c>: The signing algorithm must never be none.</summary>
    public static RuleDescriptor HeaderAlgNone { get; } = new("lti.header.alg.none", "The signing algorithm must never be none.", FindingSeverity.Error, "Security Framework 1.0 §5.1.3 (MUST NOT be none)");

    /// <summary>Gets the rule <c>lti.header.alg.not_approved</c>: The signing algorithm must be one of the approved asymmetric algorithms.</summary>
    public static RuleDescriptor HeaderAlgNotApproved { get; } = new("lti.header.alg.not_approved", "The signing algorithm must be one of the approved asymmetric algorithms.", FindingSeverity.Error, "Security Framework 1.1 §6.1 (RS256/384/512, ES256/384/512)");

    /// <summary>Gets the rule <c>lti.iss.missing</c>: The iss claim is required.</summary>
    public static RuleDescriptor IssMissing { get; } = new("lti.iss.missing", "The iss claim is required.", FindingSeverity.Error, "Security Framework 1.0 §5.1.2");

    /// <summary>Gets the rule <c>lti.iss.not_registered</c>: The issuer must exactly match a registered platform issuer (case-sensitive).</summary>
    public static RuleDescriptor IssNotRegistered { get; } = new("lti.iss.not_registered", "The issuer must exactly match a registered platform issuer (case-sensitive).", FindingSeverity.Error, "Security Framework 1.0 §5.1.3 step 2");

    /// <summary>Gets the rule <c>lti.iss.not_https</c>: The issuer should be an HTTPS URL without query or fragment.</summary>
    public static RuleDescriptor IssNotHttps { get; } = new("lti.iss.not_https", "The issuer should be an HTTPS URL without query or fragment.", FindingSeverity.Warning, "Security Framework 1.0 §5.1.2");

    /// <summary>Gets the rule <c>lti.aud.missing</c>: The aud claim is required.</summary>
    public static RuleDescriptor AudMissing { get; } = new("lti.aud.missing", "The aud claim is required.", FindingSeverity.Error, "Security Framework 1.0 §5.1.2");

    /// <summary>Gets the rule <c>lti.aud.invalid</c>: The aud claim must be a string or an array of strings.</summary>
    public static RuleDescriptor AudInvalid { get; } = new("lti.aud.invalid", "The aud claim must be a string or an array of strings.", FindingSeverity.Error, "Security Framework 1.0 §5.1.2");

    /// <summary>Gets the rule <c>lti.aud.client_id_absent</c>: The audience must contain the tool's registered client id.</summary>
    public static RuleDescriptor AudClientIdAbsent { get; } = new("lti.aud.client_id_absent", "The audience must contain the tool's registered client id.", FindingSeverity.Error, "Security Framework 1.0 §5.1.3 step 3");

    /// <summary>Gets the rule <c>lti.aud.untrusted</c>: The audience must not contain audiences the tool does not trust.</summary>
    public static RuleDescriptor AudUntrusted { get; } = new("lti.aud.untrusted", "The audience must not contain audiences the tool does not trust.", FindingSeverity.Error, "Security Framework 1.0 §5.1.3 step 3");

    /// <summary>Gets the rule <c>lti.azp.missing</c>: With several audiences the azp claim should be present.</summary>
    public static RuleDescriptor AzpMissing { get; } = new("lti.azp.missing", "With several audiences the azp claim should be present.", FindingSeverity.Warning, "Security Framework 1.0 §5.1.3 step 4");

    /// <summary>Gets the rule <c>lti.azp.mismatch</c>: When present, azp must be the tool's client id.</summary>
    public static RuleDescriptor AzpMismatch { get; } = new("lti.azp.mismatch", "When present, azp must be the tool's client id.", FindingSeverity.Error, "Security Framework 1.0 §5.1.3 step 5");

    /// <summary>Gets the rule <c>lti.exp.missing</c>: The exp claim is required.</summary>
    public static RuleDescriptor ExpMissing { get; } = new("lti.exp.missing", "The exp claim is required.", FindingSeverity.Error, "Security Framework 1.0 §5.1.2");

    /// <summary>Gets the rule <c>lti.exp.invalid</c>: The exp claim must be a number of seconds since the epoch.</summary>
    public static RuleDescriptor ExpInvalid { get; } = new("lti.exp.invalid", "The exp claim must be a number of seconds since the epoch.", FindingSeverity.Error, "RFC 7519 §2 (NumericDate)");

    /// <summary>Gets the rule <c>lti.exp.expired</c>: The token must not be used after exp (plus the configured leeway).</summary>
    public static RuleDescriptor ExpExpired { get; } = new("lti.exp.expired", "The token must not be used after exp (plus the configured leeway).", FindingSeverity.Error, "Security Framework 1.0 §5.1.3 step 7; certification 'Timestamps Incorrect'");

    /// <summary>Gets the rule <c>lti.iat.missing</c>: The iat claim is required.</summary>
    public static RuleDescriptor IatMissing { get; } = new("lti.iat.missing", "The iat claim is required.", FindingSeverity.Error, "Security Framework 1.0 §5.1.2");

    /// <summary>Gets the rule <c>lti.iat.invalid</c>: The iat claim must be a number of seconds since the epoch.</summary>
    public static RuleDescriptor IatInvalid { get; } = new("lti.iat.invalid", "The iat claim must be a number of seconds since the epoch.", FindingSeverity.Error, "RFC 7519 §2 (NumericDate)");

    /// <summary>Gets the rule <c>lti.iat.in_future</c>: The token must not be issued in the future (beyond the leeway).</summary>
    public static RuleDescriptor IatInFuture { get; } = new("lti.iat.in_future", "The token must not be issued in the future (beyond the leeway).", FindingSeverity.Error, "Security Framework 1.0 §5.1.3 step 8");

    /// <summary>Gets the rule <c>lti.iat.too_old</c>: The token must not be older than the configured maximum age.</summary>
    public static RuleDescriptor IatTooOld { get; } = new("lti.iat.too_old", "The token must not be older than the configured maximum age.", FindingSeverity.Error, "Security Framework 1.0 §5.1.3 step 8");

    /// <summary>Gets the rule <c>lti.nonce.missing</c>: The nonce claim is required and must be a non-empty string.</summary>
    public static RuleDescriptor NonceMissing { get; } = new("lti.nonce.missing", "The nonce claim is required and must be a non-empty string.", FindingSeverity.Error, "Security Framework 1.0 §5.1.2");

    /// <summary>Gets the rule <c>lti.nonce.replayed</c>: A nonce must not be used twice.</summary>
    public static RuleDescriptor NonceReplayed { get; } = new("lti.nonce.replayed", "A nonce must not be used twice.", FindingSeverity.Error, "Security Framework 1.0 §5.1.3 step 9");

    /// <summary>Gets the rule <c>lti.sub.empty</c>: When present, sub must be a non-empty string.</summary>
    public static RuleDescriptor SubEmpty { get; } = new("lti.sub.empty", "When present, sub must be a non-empty string.", FindingSeverity.Error, "Security Framework 1.0 §5.1.2; certification 'User claim missing'");

    /// <summary>Gets the rule <c>lti.sub.too_long</c>: The sub claim must not exceed 255 ASCII characters.</summary>
    public static RuleDescriptor SubTooLong { get; } = new("lti.sub.too_long", "The sub claim must not exceed 255 ASCII characters.", FindingSeverity.Error, "Security Framework 1.0 §5.1.2");

    /// <summary>Gets the rule <c>lti.anonymous.not_allowed</c>: The launch has no sub (anonymous) and the tool does not allow anonymous launches.</summary>
    public static RuleDescriptor AnonymousNotAllowed { get; } = new("lti.anonymous.not_allowed", "The launch has no sub (anonymous) and the tool does not allow anonymous launches.", FindingSeverity.Error, "LTI Core 1.3 §5.3.6.1");

    /// <summary>Gets the rule <c>lti.anonymous.identity_claims</c>: An anonymous launch (no sub) should not carry user identity claims.</summary>
    public static RuleDescriptor AnonymousWithIdentity { get; } = new("lti.anonymous.identity_claims", "An anonymous launch (no sub) should not carry user identity claims.", FindingSeverity.Warning, "LTI Core 1.3 §5.3.6.1");

    /// <summary>Gets the rule <c>lti.identifier.not_ascii</c>: Identifiers are limited to 255 ASCII characters; this one has other characters.</summary>
    public static RuleDescriptor IdentifierNotAscii { get; } = new("lti.identifier.not_ascii", "Identifiers are limited to 255 ASCII characters; this one has other characters.", FindingSeverity.Warning, "LTI Core 1.3 §5.3.3, §5.3.5; Security Framework 1.0 §5.1.2");

    /// <summary>Gets the rule <c>lti.version.missing</c>: The version claim is required.</summary>
    public static RuleDescriptor VersionMissing { get; } = new("lti.version.missing", "The version claim is required.", FindingSeverity.Error, "LTI Core 1.3 §5.3.2; certification 'No LTI Version'");

    /// <summary>Gets the rule <c>lti.version.unsupported</c>: The version claim must be 1.3.0.</summary>
    public static RuleDescriptor VersionUnsupported { get; } = new("lti.version.unsupported", "The version claim must be 1.3.0.", FindingSeverity.Error, "LTI Core 1.3 §5.3.2; certification 'Wrong LTI Version'");

    /// <summary>Gets the rule <c>lti.message_type.missing</c>: The message_type claim is required.</summary>
    public static RuleDescriptor MessageTypeMissing { get; } = new("lti.message_type.missing", "The message_type claim is required.", FindingSeverity.Error, "LTI Core 1.3 §5.3.1; certification 'message_type claim missing'");

    /// <summary>Gets the rule <c>lti.message_type.unknown</c>: The message type must be one the tool handles.</summary>
    public static RuleDescriptor MessageTypeUnknown { get; } = new("lti.message_type.unknown", "The message type must be one the tool handles.", FindingSeverity.Error, "LTI Core 1.3 §5.3.1");

    /// <summary>Gets the rule <c>lti.deployment_id.missing</c>: The deployment_id claim is required and must be a non-empty string.</summary>
    public static RuleDescriptor DeploymentIdMissing { get; } = new("lti.deployment_id.missing", "The deployment_id claim is required and must be a non-empty string.", FindingSeverity.Error, "LTI Core 1.3 §5.3.3; certification 'deployment_id claim missing'");

    /// <summary>Gets the rule <c>lti.deployment_id.too_long</c>: The deployment_id must not exceed 255 ASCII characters.</summary>
    public static RuleDescriptor DeploymentIdTooLong { get; } = new("lti.deployment_id.too_long", "The deployment_id must not exceed 255 ASCII characters.", FindingSeverity.Error, "LTI Core 1.3 §5.3.3");

    /// <summary>Gets the rule <c>lti.deployment_id.not_registered</c>: The deployment_id must be registered for the issuer and client id.</summary>
    public static RuleDescriptor DeploymentIdNotRegistered { get; } = new("lti.deployment_id.not_registered", "The deployment_id must be registered for the issuer and client id.", FindingSeverity.Error, "LTI Core 1.3 §5.3.3; Security Framework 1.0 §5.1.3");

    /// <summary>Gets the rule <c>lti.target_link_uri.missing</c>: A resource link launch must carry target_link_uri.</summary>
    public static RuleDescriptor TargetLinkUriMissing { get; } = new("lti.target_link_uri.missing", "A resource link launch must carry target_link_uri.", FindingSeverity.Error, "LTI Core 1.3 §5.3.4");

    /// <summary>Gets the rule <c>lti.roles.missing</c>: The roles claim is required (it may be an empty array).</summary>
    public static RuleDescriptor RolesMissing { get; } = new("lti.roles.missing", "The roles claim is required (it may be an empty array).", FindingSeverity.Error, "LTI Core 1.3 §5.3.7; certification 'role claim missing'");

    /// <summary>Gets the rule <c>lti.roles.invalid</c>: The roles claim must be an array of strings.</summary>
    public static RuleDescriptor RolesInvalid { get; } = new("lti.roles.invalid", "The roles claim must be an array of strings.", FindingSeverity.Error, "LTI Core 1.3 §5.3.7");

    /// <summary>Gets the rule <c>lti.roles.short_name</c>: A role uses a short name; it is normalized to its full URI.</summary>
    public static RuleDescriptor RolesShortName { get; } = new("lti.roles.short_name", "A role uses a short name; it is normalized to its full URI.", FindingSeverity.Info, "LTI Core 1.3 §A.2.2 (deprecated simple names)");

    /// <summary>Gets the rule <c>lti.roles.unknown</c>: A role is not in the LTI vocabularies; it is accepted.</summary>
    public static RuleDescriptor RolesUnknown { get; } = new("lti.roles.unknown", "A role is not in the LTI vocabularies; it is accepted.", FindingSeverity.Info, "LTI Core 1.3 §5.3.7 (unknown roles are accepted)");

    /// <summary>Gets the rule <c>lti.roles.no_vocabulary_role</c>: A non-empty roles claim should contain at least one role from the LTI vocabularies.</summary>
    public static RuleDescriptor RolesNoVocabularyRole { get; } = new("lti.roles.no_vocabulary_role", "A non-empty roles claim should contain at least one role from the LTI vocabularies.", FindingSeverity.Warning, "LTI Core 1.3 §5.3.7");

    /// <summary>Gets the rule <c>lti.resource_link.missing</c>: A resource link launch must carry the resource_link claim as an object.</summary>
    public static RuleDescriptor ResourceLinkMissing { get; } = new("lti.resource_link.missing", "A resource link launch must carry the resource_link claim as an object.", FindingSeverity.Error, "LTI Core 1.3 §5.3.5; certification 'resource_link_id claim missing'");

    /// <summary>Gets the rule <c>lti.resource_link.id.missing</c>: The resource_link claim must have a non-empty string id.</summary>
    public static RuleDescriptor ResourceLinkIdMissing { get; } = new("lti.resource_link.id.missing", "The resource_link claim must have a non-empty string id.", FindingSeverity.Error, "LTI Core 1.3 §5.3.5");

    /// <summary>Gets the rule <c>lti.resource_link.id.too_long</c>: The resource_link id must not exceed 255 ASCII characters.</summary>
    public static RuleDescriptor ResourceLinkIdTooLong { get; } = new("lti.resource_link.id.too_long", "The resource_link id must not exceed 255 ASCII characters.", FindingSeverity.Error, "LTI Core 1.3 §5.3.5");

    /// <summary>Gets the rule <c>lti.context.invalid</c>: The context claim must be an object.</summary>
    public static RuleDescriptor ContextInvalid { get; } = new("lti.context.invalid", "The context claim must be an object.", FindingSeverity.Error, "LTI Core 1.3 §5.4.1");

    /// <summary>Gets the rule <c>lti.context.id.missing</c>: When context is present it must have a non-empty string id.</summary>
    public static RuleDescriptor ContextIdMissing { get; } = new("lti.context.id.missing", "When context is present it must have a non-empty string id.", FindingSeverity.Error, "LTI Core 1.3 §5.4.1");

    /// <summary>Gets the rule <c>lti.context.id.too_long</c>: The context id must not exceed 255 ASCII characters.</summary>
    public static RuleDescriptor ContextIdTooLong { get; } = new("lti.context.id.too_long", "The context id must not exceed 255 ASCII characters.", FindingSeverity.Error, "LTI Core 1.3 §5.4.1");

    /// <summary>Gets the rule <c>lti.tool_platform.guid.missing</c>: When tool_platform is present it must have a non-empty string guid.</summary>
    public static RuleDescriptor ToolPlatformGuidMissing { get; } = new("lti.tool_platform.guid.missing", "When tool_platform is present it must have a non-empty string guid.", FindingSeverity.Error, "LTI Core 1.3 §5.4.2");

    /// <summary>Gets the rule <c>lti.tool_platform.guid.too_long</c>: The tool_platform guid must not exceed 255 ASCII characters.</summary>
    public static RuleDescriptor ToolPlatformGuidTooLong { get; } = new("lti.tool_platform.guid.too_long", "The tool_platform guid must not exceed 255 ASCII characters.", FindingSeverity.Error, "LTI Core 1.3 §5.4.2");

    /// <summary>Gets the rule <c>lti.custom.invalid</c>: The custom claim must be an object.</summary>
    public static RuleDescriptor CustomInvalid { get; } = new("lti.custom.invalid", "The custom claim must be an object.", FindingSeverity.Error, "LTI Core 1.3 §5.4.6");

    /// <summary>Gets the rule <c>lti.custom.value_not_string</c>: Every custom value must be a string (an empty string is allowed, null is not).</summary>
    public static RuleDescriptor CustomValueNotString { get; } = new("lti.custom.value_not_string", "Every custom value must be a string (an empty string is allowed, null is not).", FindingSeverity.Error, "LTI Core 1.3 §5.4.6");

    /// <summary>Gets the rule <c>lti.custom.direct_identifier</c>: A custom parameter carries a direct identifier (an e-mail address or a name), whatever the platform's privacy setting.</summary>
    public static RuleDescriptor CustomDirectIdentifier { get; } = new("lti.custom.direct_identifier", "A custom parameter carries a direct identifier (an e-mail address or a name), whatever the platform's privacy setting.", FindingSeverity.Warning, "GDPR Art. 5(1)(c); LTI Core 1.3 §5.4.6");

    /// <summary>Gets the rule <c>lti.role_scope_mentor.without_mentor_role</c>: role_scope_mentor must only be sent when roles contains the Mentor role.</summary>
    public static RuleDescriptor RoleScopeMentorWithoutMentor { get; } = new("lti.role_scope_mentor.without_mentor_role", "role_scope_mentor must only be sent when roles contains the Mentor role.", FindingSeverity.Error, "LTI Core 1.3 §5.4.3");

    /// <summary>Gets the rule <c>lti.role_scope_mentor.invalid</c>: role_scope_mentor must be an array of user id strings.</summary>
    public static RuleDescriptor RoleScopeMentorInvalid { get; } = new("lti.role_scope_mentor.invalid", "role_scope_mentor must be an array of user id strings.", FindingSeverity.Error, "LTI Core 1.3 §5.4.3");

    /// <summary>Gets the rule <c>lti.deep_linking_settings.missing</c>: A deep linking request must carry deep_linking_settings as an object.</summary>
    public static RuleDescriptor DeepLinkingSettingsMissing { get; } = new("lti.deep_linking_settings.missing", "A deep linking request must carry deep_linking_settings as an object.", FindingSeverity.Error, "Deep Linking 2.0 §4.4.1");

    /// <summary>Gets the rule <c>lti.deep_linking_settings.incomplete</c>: deep_linking_settings must have deep_link_return_url, accept_types and accept_presentation_document_targets.</summary>
    public static RuleDescriptor DeepLinkingSettingsIncomplete { get; } = new("lti.deep_linking_settings.incomplete", "deep_linking_settings must have deep_link_return_url, accept_types and accept_presentation_document_targets.", FindingSeverity.Error, "Deep Linking 2.0 §4.4.1");

    /// <summary>Gets the rule <c>lti.for_user.missing</c>: Submission review and data privacy launches must carry for_user as an object.</summary>
    public static RuleDescriptor ForUserMissing { get; } = new("lti.for_user.missing", "Submission review and data privacy launches must carry for_user as an object.", FindingSeverity.Error, "AGS 2.0 submission review; LTI Data Privacy Launch (draft)");

    /// <summary>Gets the rule <c>lti.for_user.user_id.missing</c>: for_user must identify the user with a non-empty user_id.</summary>
    public static RuleDescriptor ForUserIdMissing { get; } = new("lti.for_user.user_id.missing", "for_user must identify the user with a non-empty user_id.", FindingSeverity.Error, "AGS 2.0 submission review; LTI Data Privacy Launch (draft)");

    /// <summary>Gets the rule <c>lti.for_user.id_alias</c>: for_user identifies the user with id instead of user_id; it is accepted.</summary>
    public static RuleDescriptor ForUserIdAlias { get; } = new("lti.for_user.id_alias", "for_user identifies the user with id instead of user_id; it is accepted.", FindingSeverity.Warning, "LTI Data Privacy Launch (draft); seen in pylti1.3");

    /// <summary>Gets the rule <c>lti.submission_review.lineitem.missing</c>: A submission review launch must carry the AGS endpoint claim with a lineitem URL.</summary>
    public static RuleDescriptor SubmissionReviewLineItemMissing { get; } = new("lti.submission_review.lineitem.missing", "A submission review launch must carry the AGS endpoint claim with a lineitem URL.", FindingSeverity.Error, "AGS 2.0 §3.1 submission review");

    /// <summary>Gets the rule <c>lti.privacy_launch.unexpected_claim</c>: A data privacy launch should not carry resource_link or context.</summary>
    public static RuleDescriptor PrivacyLaunchUnexpectedClaim { get; } = new("lti.privacy_launch.unexpected_claim", "A data privacy launch should not carry resource_link or context.", FindingSeverity.Warning, "LTI Data Privacy Launch (draft); seen in pylti1.3 and Tsugi");

    /// <summary>Gets the rule <c>lti.lti1p1.sign.missing</c>: A 1.1 secret is configured but the lti1p1 claim has no oauth_consumer_key and oauth_consumer_key_sign.</summary>
    public static RuleDescriptor Lti1p1SignMissing { get; } = new("lti.lti1p1.sign.missing", "A 1.1 secret is configured but the lti1p1 claim has no oauth_consumer_key and oauth_consumer_key_sign.", FindingSeverity.Error, "LTI 1.1 to 1.3 migration §3 (oauth_consumer_key_sign)");

    /// <summary>Gets the rule <c>lti.lti1p1.sign.mismatch</c>: oauth_consumer_key_sign does not verify with the configured LTI 1.1 secret.</summary>
    public static RuleDescriptor Lti1p1SignMismatch { get; } = new("lti.lti1p1.sign.mismatch", "oauth_consumer_key_sign does not verify with the configured LTI 1.1 secret.", FindingSeverity.Error, "LTI 1.1 to 1.3 migration §3 (oauth_consumer_key_sign)");

    /// <summary>Gets the rule <c>lti.key.component_missing</c>: A learner key cannot be derived: the scope needs a claim the launch does not carry unambiguously.</summary>
    public static RuleDescriptor KeyComponentMissing { get; } = new("lti.key.component_missing", "A learner key cannot be derived: the scope needs a claim the launch does not carry unambiguously.", FindingSeverity.Error, "GDPR Art. 4(5); docs/lti.md learner keys");

    /// <summary>Gets the rule <c>lti.key.anonymous</c>: The launch is anonymous (no sub): there is no learner to key.</summary>
    public static RuleDescriptor KeyAnonymous { get; } = new("lti.key.anonymous", "The launch is anonymous (no sub): there is no learner to key.", FindingSeverity.Info, "LTI Core 1.3 §5.3.6.1");

    /// <summary>Gets every rule, in catalog order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        PayloadMalformed,
        JwtMalformed,
        PayloadNotObject,
        ClaimDuplicate,
        ClaimUnknown,
        ClaimThirdParty,
        HeaderMalformed,
        HeaderNotChecked,
        HeaderKidMissing,
        HeaderKidUnknown,
        HeaderAlgMissing,
        HeaderAlgNone,
        HeaderAlgNotApproved,
        IssMissing,
        IssNotRegistered,
        IssNotHttps,
        AudMissing,
        AudInvalid,
        AudClientIdAbsent,
        AudUntrusted,
        AzpMissing,
        AzpMismatch,
        ExpMissing,
        ExpInvalid,
        ExpExpired,
        IatMissing,
        IatInvalid,
        IatInFuture,
        IatTooOld,
        NonceMissing,
        NonceReplayed,
        SubEmpty,
        SubTooLong,
        AnonymousNotAllowed,
        AnonymousWithIdentity,
        IdentifierNotAscii,
        VersionMissing,
        VersionUnsupported,
        MessageTypeMissing,
        MessageTypeUnknown,
        DeploymentIdMissing,
        DeploymentIdTooLong,
        DeploymentIdNotRegistered,
        TargetLinkUriMissing,
        RolesMissing,
        RolesInvalid,
        RolesShortName,
        RolesUnknown,
        RolesNoVocabularyRole,
        ResourceLinkMissing,
        ResourceLinkIdMissing,
        ResourceLinkIdTooLong,
        ContextInvalid,
        ContextIdMissing,
        ContextIdTooLong,
        ToolPlatformGuidMissing,
        ToolPlatformGuidTooLong,
        CustomInvalid,
        CustomValueNotString,
        CustomDirectIdentifier,
        RoleScopeMentorWithoutMentor,
        RoleScopeMentorInvalid,
        DeepLinkingSettingsMissing,
        DeepLinkingSettingsIncomplete,
        ForUserMissing,
        ForUserIdMissing,
        ForUserIdAlias,
        SubmissionReviewLineItemMissing,
        PrivacyLaunchUnexpectedClaim,
        Lti1p1SignMissing,
        Lti1p1SignMismatch,
        KeyComponentMissing,
        KeyAnonymous,
    ];
}
