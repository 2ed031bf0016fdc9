using LmsPrivacy.Findings;

namespace LmsPrivacy.Xapi;

/// <summary>
/// The catalog of every rule the xAPI package reports: statement validation (xAPI 1.0.3 Data, IEEE 9274.1.1),
/// stream and container problems, and the personal data the scanner finds.
/// </summary>
/// <remarks>
/// Codes are public contract: they never change meaning and are never reused. Sections such as <c>Data 2.4.2.1</c>
/// refer to <c>xAPI-Data.md</c> of xAPI 1.0.3; requirement ids (<c>XAPI-00xxx</c>) are those of the ADL LRS conformance suite.
/// </remarks>
public static class XapiRules
{
    private const string Data = "xAPI 1.0.3 Data ";

    /// <summary>The input is not well-formed JSON (or is truncated).</summary>
    public static RuleDescriptor JsonMalformed { get; } = new("xapi.json.malformed", "The input must be well-formed JSON.", FindingSeverity.Error, "RFC 8259; " + Data + "2.2.s4.b1");

    /// <summary>The input is not valid UTF-8.</summary>
    public static RuleDescriptor JsonInvalidUtf8 { get; } = new("xapi.json.invalid_utf8", "JSON text must be encoded as valid UTF-8.", FindingSeverity.Error, "RFC 8259 §8.1");

    /// <summary>One statement is larger than the configured limit.</summary>
    public static RuleDescriptor JsonTooLarge { get; } = new("xapi.json.too_large", "A statement must not exceed the configured size limit.", FindingSeverity.Error, "LmsPrivacy hostile-input limit (DESIGN.md §5)");

    /// <summary>A statement nests deeper than the configured limit.</summary>
    public static RuleDescriptor JsonTooDeep { get; } = new("xapi.json.too_deep", "A statement must not nest deeper than the configured limit.", FindingSeverity.Error, "LmsPrivacy hostile-input limit (DESIGN.md §5)");

    /// <summary>An object has the same key twice.</summary>
    public static RuleDescriptor JsonDuplicateKey { get; } = new("xapi.json.duplicate_key", "An object must not repeat a key: readers disagree on which value wins.", FindingSeverity.Error, "RFC 8259 §4; " + Data + "2.2.s4.b1");

    /// <summary>A value in the statement container is not a JSON object.</summary>
    public static RuleDescriptor ContainerNotObject { get; } = new("xapi.container.not_object", "Every statement must be a JSON object.", FindingSeverity.Error, Data + "2.2");

    /// <summary>The input holds no statement.</summary>
    public static RuleDescriptor ContainerEmpty { get; } = new("xapi.container.empty", "The input holds no statement.", FindingSeverity.Warning, Data + "2.1");

    /// <summary>A required property is missing.</summary>
    public static RuleDescriptor PropertyRequired { get; } = new("xapi.property.required", "A required property is missing.", FindingSeverity.Error, Data + "2.2.s2.b3, 2.4 (property tables)");

    /// <summary>A property is not allowed at this place.</summary>
    public static RuleDescriptor PropertyUnknown { get; } = new("xapi.property.unknown", "Only the properties the spec defines are allowed (keys are case-sensitive).", FindingSeverity.Error, Data + "2.2.s4.b1.b7; XAPI-00003");

    /// <summary>A property is null outside extensions.</summary>
    public static RuleDescriptor PropertyNull { get; } = new("xapi.property.null", "Null is not allowed outside extensions.", FindingSeverity.Error, Data + "2.2.s4.b1.b1");

    /// <summary>A property has the wrong JSON type.</summary>
    public static RuleDescriptor PropertyType { get; } = new("xapi.property.type", "A property must have the JSON type the spec defines (\"100\" is not a number).", FindingSeverity.Error, Data + "2.2.s4.b1.b2-b3");

    /// <summary>A value that must be a UUID is not.</summary>
    public static RuleDescriptor UuidInvalid { get; } = new("xapi.uuid.invalid", "Statement ids, registrations and StatementRef ids must be UUIDs in 8-4-4-4-12 form.", FindingSeverity.Error, Data + "2.4.1, 4.1 (UUID); RFC 4122");

    /// <summary>A timestamp is not an ISO 8601 date and time.</summary>
    public static RuleDescriptor TimestampInvalid { get; } = new("xapi.timestamp.invalid", "Timestamps must be ISO 8601 date-times (extended or basic, not mixed; real dates).", FindingSeverity.Error, Data + "4.5; XAPI-00123");

    /// <summary>A timestamp uses a negative zero offset.</summary>
    public static RuleDescriptor TimestampNegativeZero { get; } = new("xapi.timestamp.negative_zero_offset", "Timestamps must not use the offsets -00, -0000 or -00:00.", FindingSeverity.Error, Data + "4.5.s1.b3; RFC 3339 §4.3; XAPI-00123");

    /// <summary>A duration is not an ISO 8601 duration.</summary>
    public static RuleDescriptor DurationInvalid { get; } = new("xapi.duration.invalid", "Durations must be ISO 8601 durations (PnYnMnDTnHnMnS or PnW).", FindingSeverity.Error, Data + "4.6; XAPI-00077");

    /// <summary>The statement version is not accepted.</summary>
    public static RuleDescriptor VersionInvalid { get; } = new("xapi.version.invalid", "version must be 1.0 or 1.0.x (and, in xAPI 2.0 mode, 2.0.0).", FindingSeverity.Error, Data + "2.4.10; IEEE 9274.1.1 §4.2.2.10");

    /// <summary>A value that must be an IRI is not.</summary>
    public static RuleDescriptor IriInvalid { get; } = new("xapi.iri.invalid", "Ids, types and extension keys must be absolute IRIs with a scheme.", FindingSeverity.Error, Data + "4.1.4; RFC 3987; XAPI-00015");

    /// <summary>A value that must be an IRL is not.</summary>
    public static RuleDescriptor IrlInvalid { get; } = new("xapi.irl.invalid", "homePage, moreInfo and fileUrl must be IRLs.", FindingSeverity.Error, Data + "2.4.2.4, 2.4.4.1; RFC 3987");

    /// <summary>A language-map key is not an RFC 5646 tag.</summary>
    public static RuleDescriptor LanguageMapTag { get; } = new("xapi.language_map.tag", "Language-map keys must be RFC 5646 language tags and values strings.", FindingSeverity.Error, Data + "4.2; RFC 5646");

    /// <summary>A language map has no entry.</summary>
    public static RuleDescriptor LanguageMapEmpty { get; } = new("xapi.language_map.empty", "A language map must have at least one entry.", FindingSeverity.Error, Data + "4.2; conformance suite (Languages)");

    /// <summary>context.language is not an RFC 5646 tag.</summary>
    public static RuleDescriptor LanguageTagInvalid { get; } = new("xapi.language_tag.invalid", "context.language must be an RFC 5646 language tag.", FindingSeverity.Error, Data + "2.4.6; RFC 5646");

    /// <summary>An objectType value is unknown or wrong at this place.</summary>
    public static RuleDescriptor ObjectTypeInvalid { get; } = new("xapi.object_type.invalid", "objectType must be one of the values allowed at this place, with exact case.", FindingSeverity.Error, Data + "2.4.2, 2.4.4; 2.2.s4.b1.b5");

    /// <summary>An Agent has no inverse functional identifier.</summary>
    public static RuleDescriptor AgentIfiMissing { get; } = new("xapi.agent.ifi.missing", "An Agent must have exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account).", FindingSeverity.Error, Data + "2.4.2.1.s2.b1");

    /// <summary>An Agent has more than one inverse functional identifier.</summary>
    public static RuleDescriptor AgentIfiMultiple { get; } = new("xapi.agent.ifi.multiple", "An Agent must not have more than one inverse functional identifier.", FindingSeverity.Error, Data + "2.4.2.1.s2.b2");

    /// <summary>An identified Group has more than one inverse functional identifier.</summary>
    public static RuleDescriptor GroupIfiMultiple { get; } = new("xapi.group.ifi.multiple", "An identified Group must have exactly one inverse functional identifier.", FindingSeverity.Error, Data + "2.4.2.2.s5");

    /// <summary>An anonymous Group has no members.</summary>
    public static RuleDescriptor GroupMemberRequired { get; } = new("xapi.group.member.required", "An anonymous Group (no identifier) must list at least one member.", FindingSeverity.Error, Data + "2.4.2.2.s4");

    /// <summary>A Group lists a Group as a member.</summary>
    public static RuleDescriptor GroupMemberGroup { get; } = new("xapi.group.member.group", "Group members must be Agents, not Groups.", FindingSeverity.Error, Data + "2.4.2.2.s4.b3, s5");

    /// <summary>An mbox is not a mailto IRI.</summary>
    public static RuleDescriptor MboxInvalid { get; } = new("xapi.mbox.invalid", "mbox must be 'mailto:' followed by an e-mail address.", FindingSeverity.Error, Data + "2.4.2.3; 2.2.s4.b1.b4");

    /// <summary>An mbox has leading or trailing whitespace.</summary>
    public static RuleDescriptor MboxWhitespace { get; } = new("xapi.mbox.whitespace", "mbox must not have leading or trailing whitespace; it is rejected, never trimmed.", FindingSeverity.Error, Data + "2.4.2.3; 2.2.s4.b1.b4");

    /// <summary>A bare e-mail address was turned into a mailto IRI.</summary>
    public static RuleDescriptor MboxSchemeAdded { get; } = new("xapi.mbox.scheme_added", "A bare e-mail address was given: 'mailto:' was put in front before hashing.", FindingSeverity.Info, Data + "2.4.2.3");

    /// <summary>An mbox_sha1sum is not 40 hex digits.</summary>
    public static RuleDescriptor MboxSha1SumInvalid { get; } = new("xapi.mbox_sha1sum.invalid", "mbox_sha1sum must be the 40 hex digits of a SHA-1.", FindingSeverity.Error, Data + "2.4.2.3");

    /// <summary>An openid is not a URI.</summary>
    public static RuleDescriptor OpenIdInvalid { get; } = new("xapi.openid.invalid", "openid must be an absolute URI.", FindingSeverity.Error, Data + "2.4.2.3");

    /// <summary>A voiding statement does not point at a statement.</summary>
    public static RuleDescriptor VoidingObject { get; } = new("xapi.voiding.object", "A statement with the verb 'voided' must have a StatementRef object.", FindingSeverity.Error, Data + "2.3.2.s2.b4");

    /// <summary>An interactionType is not one of the ten values.</summary>
    public static RuleDescriptor InteractionTypeInvalid { get; } = new("xapi.activity.interaction_type.invalid", "interactionType must be one of the ten lower-case values of the spec.", FindingSeverity.Error, Data + "2.4.4.1.s8");

    /// <summary>An interaction component list is used with an interaction type that does not take it.</summary>
    public static RuleDescriptor InteractionComponent { get; } = new("xapi.activity.interaction_component", "Interaction components must match the interaction type (choices for choice/sequencing, scale for likert, source/target for matching, steps for performance).", FindingSeverity.Warning, Data + "2.4.4.1.s8.table2");

    /// <summary>score.scaled is outside −1..1.</summary>
    public static RuleDescriptor ScoreScaled { get; } = new("xapi.result.score.scaled", "score.scaled must lie between -1 and 1 inclusive.", FindingSeverity.Error, Data + "2.4.5.1; XAPI-00083");

    /// <summary>score.raw is outside min..max.</summary>
    public static RuleDescriptor ScoreRaw { get; } = new("xapi.result.score.raw", "score.raw must lie between score.min and score.max inclusive.", FindingSeverity.Error, Data + "2.4.5.1; XAPI-00084");

    /// <summary>score.min is not less than score.max.</summary>
    public static RuleDescriptor ScoreMinMax { get; } = new("xapi.result.score.min_max", "score.min must be less than score.max.", FindingSeverity.Error, Data + "2.4.5.1; XAPI-00085");

    /// <summary>context.revision or context.platform with a non-Activity object.</summary>
    public static RuleDescriptor ContextActivityOnly { get; } = new("xapi.context.activity_only", "context.revision and context.platform are allowed only when the object is an Activity.", FindingSeverity.Error, Data + "2.4.6.s4.b1-b2; XAPI-00091-00092");

    /// <summary>context.team is not a Group.</summary>
    public static RuleDescriptor ContextTeamNotGroup { get; } = new("xapi.context.team.not_group", "context.team must be a Group.", FindingSeverity.Error, Data + "2.4.6.s3.table1");

    /// <summary>A SubStatement has a property it must not have.</summary>
    public static RuleDescriptor SubStatementForbidden { get; } = new("xapi.substatement.forbidden_property", "A SubStatement must not have id, stored, version or authority.", FindingSeverity.Error, Data + "2.4.4.3.s2.b2");

    /// <summary>A SubStatement contains a SubStatement.</summary>
    public static RuleDescriptor SubStatementNested { get; } = new("xapi.substatement.nested", "A SubStatement must not contain a SubStatement.", FindingSeverity.Error, Data + "2.4.4.3.s2.b3");

    /// <summary>The authority Group is not an anonymous group of two Agents.</summary>
    public static RuleDescriptor AuthorityGroup { get; } = new("xapi.authority.group", "A Group authority must be an anonymous Group of exactly two Agents (OAuth consumer and user).", FindingSeverity.Error, Data + "2.4.9.s3.b3, s7");

    /// <summary>A 2.0 contextAgents/contextGroups entry has no relevant types, or bad ones.</summary>
    public static RuleDescriptor ContextAgentRelevantTypes { get; } = new("xapi.context_agent.relevant_types", "relevantTypes, when present, must be a non-empty array of IRIs.", FindingSeverity.Error, "IEEE 9274.1.1 §4.2.2.6 (contextAgents, contextGroups)");

    /// <summary>The statement carries an e-mail address as mbox.</summary>
    public static RuleDescriptor PersonalMbox { get; } = new("xapi.pii.mbox", "An mbox is a direct identifier: prefer an account with an opaque, keyed name.", FindingSeverity.Warning, "GDPR Art. 5(1)(c), 25(1); " + Data + "2.4.2.4.s2.b2");

    /// <summary>The statement carries an unkeyed mbox_sha1sum.</summary>
    public static RuleDescriptor PersonalMboxSha1Sum { get; } = new("xapi.pii.mbox_sha1sum", "An unkeyed mbox_sha1sum can be reversed from a list of addresses: it is personal data, not a pseudonym.", FindingSeverity.Warning, "GDPR Art. 4(1), Recital 26");

    /// <summary>The statement carries an OpenID.</summary>
    public static RuleDescriptor PersonalOpenId { get; } = new("xapi.pii.openid", "An openid URL usually names its owner and is linkable across services.", FindingSeverity.Warning, "GDPR Art. 4(1), 5(1)(c)");

    /// <summary>The statement carries an account identifier.</summary>
    public static RuleDescriptor PersonalAccount { get; } = new("xapi.pii.account", "An account name is a pseudonymous identifier: still personal data for whoever holds the mapping.", FindingSeverity.Info, "GDPR Art. 4(5), Recital 26");

    /// <summary>The statement carries the name of an Agent or Group.</summary>
    public static RuleDescriptor PersonalName { get; } = new("xapi.pii.name", "An Agent or Group name is a direct identifier and is not needed to identify the actor.", FindingSeverity.Warning, "GDPR Art. 5(1)(c)");

    /// <summary>A string outside identifiers contains an e-mail address.</summary>
    public static RuleDescriptor PersonalEmailInText { get; } = new("xapi.pii.email_in_text", "A string value contains an e-mail address.", FindingSeverity.Warning, "GDPR Art. 4(1), 5(1)(c)");

    /// <summary>result.response holds free text.</summary>
    public static RuleDescriptor PersonalFreeText { get; } = new("xapi.pii.free_text", "result.response holds what the learner wrote; it may contain anything.", FindingSeverity.Info, "GDPR Art. 4(1), 9(1)");

    /// <summary>An extension holds data the spec does not describe.</summary>
    public static RuleDescriptor PersonalExtension { get; } = new("xapi.pii.extension", "Extension values are free-form and often carry user ids, IP addresses or locations.", FindingSeverity.Info, Data + "2.4.4.1, 2.4.5, 2.4.6 (extensions); GDPR Art. 4(1)");

    /// <summary>context.registration links the attempts of one learner.</summary>
    public static RuleDescriptor PersonalRegistration { get; } = new("xapi.pii.registration", "context.registration links every statement of one learner's attempt.", FindingSeverity.Info, "GDPR Recital 26 (singling out)");

    /// <summary>The statement has attachments.</summary>
    public static RuleDescriptor PersonalAttachment { get; } = new("xapi.pii.attachment", "Attachments (essays, certificates, signatures) carry content and are not rewritten by the pseudonymizer.", FindingSeverity.Info, Data + "2.4.11; GDPR Art. 4(1)");

    /// <summary>A rewritten statement carried a signature, which no longer matches.</summary>
    public static RuleDescriptor SignatureInvalidated { get; } = new("xapi.pseudonymize.signature_invalidated", "Rewriting a signed statement invalidates its JWS signature: re-sign it or drop the signature attachment.", FindingSeverity.Warning, Data + "2.6 (Signed Statements)");

    /// <summary>Gets every rule in a stable order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        JsonMalformed, JsonInvalidUtf8, JsonTooLarge, JsonTooDeep, JsonDuplicateKey,
        ContainerNotObject, ContainerEmpty,
        PropertyRequired, PropertyUnknown, PropertyNull, PropertyType,
        UuidInvalid, TimestampInvalid, TimestampNegativeZero, DurationInvalid, VersionInvalid,
        IriInvalid, IrlInvalid, LanguageMapTag, LanguageMapEmpty, LanguageTagInvalid, ObjectTypeInvalid,
        AgentIfiMissing, AgentIfiMultiple, GroupIfiMultiple, GroupMemberRequired, GroupMemberGroup,
        MboxInvalid, MboxWhitespace, MboxSchemeAdded, MboxSha1SumInvalid, OpenIdInvalid,
        VoidingObject, InteractionTypeInvalid, InteractionComponent,
        ScoreScaled, ScoreRaw, ScoreMinMax,
        ContextActivityOnly, ContextTeamNotGroup, SubStatementForbidden, SubStatementNested, AuthorityGroup,
        ContextAgentRelevantTypes,
        PersonalMbox, PersonalMboxSha1Sum, PersonalOpenId, PersonalAccount, PersonalName, PersonalEmailInText,
        PersonalFreeText, PersonalExtension, PersonalRegistration, PersonalAttachment,
        SignatureInvalidated,
    ];
}
