using LmsPrivacy.Findings;

namespace LmsPrivacy.Cli.Commands.Check;

/// <summary>
/// The rules the <c>check</c> command itself applies: discovery, the cross-artifact review, and the built-in
/// privacy checks on each kind of artifact. Package validators add their own codes (xapi.*, scorm.*, …).
/// Listed in docs/check.md; a test keeps the two in sync.
/// </summary>
internal static class CheckRules
{
    // Discovery and hostile input.
    public static RuleDescriptor InputUnreadable { get; } = new(
        "check.input.unreadable", "A file or folder could not be read", FindingSeverity.Warning, "lmsprivacy check: discovery");

    public static RuleDescriptor InputTooLarge { get; } = new(
        "check.input.too_large", "A document is larger than the limit for documents read whole", FindingSeverity.Warning, "lmsprivacy check: input limits");

    public static RuleDescriptor InputTooDeep { get; } = new(
        "check.input.too_deep", "A document nests deeper than the limit", FindingSeverity.Error, "lmsprivacy check: input limits");

    public static RuleDescriptor InputMalformed { get; } = new(
        "check.input.malformed", "A recognised artifact is not well-formed", FindingSeverity.Error, "RFC 8259; RFC 7519");

    public static RuleDescriptor InputLimitReached { get; } = new(
        "check.input.limit_reached", "The folder has more files or levels than the discovery limits; the rest was not checked", FindingSeverity.Warning, "lmsprivacy check: input limits");

    // Cross-artifact review.
    public static RuleDescriptor ProcessorUndeclared { get; } = new(
        "check.processor.undeclared", "A host receives learner data but no processor or sub-processor in the record of processing covers it", FindingSeverity.Error, "GDPR Art. 28(1), 28(2), 30(1)(d); seed guide issue 5");

    public static RuleDescriptor HostUndeclared { get; } = new(
        "check.host.undeclared", "Content makes learners' browsers contact a host the record of processing does not name", FindingSeverity.Warning, "GDPR Art. 5(1)(a), 13(1)(e), 30(1)(d); seed guide issue 5");

    public static RuleDescriptor RopaMissing { get; } = new(
        "check.ropa.missing", "Artifacts send personal data to other hosts but the folder holds no record of processing to compare them with", FindingSeverity.Warning, "GDPR Art. 30(1)");

    public static RuleDescriptor ProcessorNoDpa { get; } = new(
        "check.processor.no_dpa", "A declared processor has no data processing agreement in the folder", FindingSeverity.Warning, "GDPR Art. 28(3)");

    public static RuleDescriptor DpaBreachWindow { get; } = new(
        "check.dpa.breach_window", "The processor's breach-notice window leaves the controller too little of its 72 hours", FindingSeverity.Warning, "GDPR Art. 33(1), 33(2)");

    public static RuleDescriptor DpaSubjectRightsWindow { get; } = new(
        "check.dpa.subject_rights_window", "The processor's response window for subject requests does not fit inside the one-month deadline", FindingSeverity.Warning, "GDPR Art. 12(3), 28(3)(e)");

    // Built-in artifact checks (used until, and beside, the package validators).
    public static RuleDescriptor XapiMboxPlain { get; } = new(
        "check.xapi.mbox.plain", "Statements identify learners by plain e-mail address (mbox)", FindingSeverity.Warning, "GDPR Art. 5(1)(c), 25(1); xAPI 1.0.3 §2.4.2.3");

    public static RuleDescriptor XapiMboxSha1 { get; } = new(
        "check.xapi.mbox_sha1sum.unkeyed", "Statements use mbox_sha1sum, an unkeyed hash that a list of addresses reverses", FindingSeverity.Info, "GDPR Recital 26; xAPI 1.0.3 §2.4.2.3");

    public static RuleDescriptor XapiNamePresent { get; } = new(
        "check.xapi.name.present", "Statements carry people's names", FindingSeverity.Warning, "GDPR Art. 5(1)(c)");

    public static RuleDescriptor XapiFreeText { get; } = new(
        "check.xapi.response.free_text", "Statements carry learner-written text (result.response)", FindingSeverity.Info, "GDPR Art. 5(1)(c), 15");

    public static RuleDescriptor XapiNotStatement { get; } = new(
        "check.xapi.statement.shape", "An item of a statement file is not a statement object (actor, verb, object)", FindingSeverity.Error, "xAPI 1.0.3 §2.2");

    public static RuleDescriptor ScormExternalHost { get; } = new(
        "check.scorm.host.external", "Package content makes the learner's browser contact another host", FindingSeverity.Warning, "GDPR Art. 28, 44; seed guide issue 5");

    public static RuleDescriptor ScormTracking { get; } = new(
        "check.scorm.host.tracking", "Package content reads learner identity and sends data to another host", FindingSeverity.Warning, "GDPR Art. 28, 30(1)(d); seed guide issue 5");

    public static RuleDescriptor ScormManifestMissing { get; } = new(
        "check.scorm.manifest.invalid", "The package's imsmanifest.xml is missing, malformed or uses a DTD", FindingSeverity.Error, "SCORM 2004 4th Ed. CAM §3.4; IMS Content Packaging 1.1.4");

    public static RuleDescriptor ScormZipUnsafe { get; } = new(
        "check.scorm.zip.unsafe", "A zip entry escapes the package folder or exceeds the size or ratio limits; it was not read", FindingSeverity.Error, "lmsprivacy check: input limits (zip slip, zip bomb)");

    public static RuleDescriptor LtiIdentitySent { get; } = new(
        "check.lti.identity.sent", "The launch sends the learner's name, e-mail, picture or SIS id to the tool", FindingSeverity.Warning, "GDPR Art. 5(1)(c), 25(2); LTI 1.3 §5.3.6");

    public static RuleDescriptor LtiUnsigned { get; } = new(
        "check.lti.jwt.not_verified", "The launch JWT's signature was not verified by check (no platform key)", FindingSeverity.Info, "IMS Security Framework 1.0 §5.1.3");

    public static RuleDescriptor RopaProcessorNoHost { get; } = new(
        "check.ropa.processor.no_host", "A declared processor names no host or domain, so content hosts cannot be matched to it", FindingSeverity.Info, "GDPR Art. 30(1)(d)");

    public static RuleDescriptor RetentionNoAnchor { get; } = new(
        "check.retention.clock.never_starts", "A context has a retention purpose but no anchor date: its retention clock never starts", FindingSeverity.Warning, "GDPR Art. 5(1)(e); seed guide issue 2");

    public static RuleDescriptor DpaClause { get; } = new(
        "check.dpa.clause", "A DPA clause required by Art. 28(3) is missing or weak", FindingSeverity.Warning, "GDPR Art. 28(3); seed guide issue 3");

    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        InputUnreadable, InputTooLarge, InputTooDeep, InputMalformed, InputLimitReached,
        ProcessorUndeclared, HostUndeclared, RopaMissing, ProcessorNoDpa, DpaBreachWindow, DpaSubjectRightsWindow,
        XapiMboxPlain, XapiMboxSha1, XapiNamePresent, XapiFreeText, XapiNotStatement,
        ScormExternalHost, ScormTracking, ScormManifestMissing, ScormZipUnsafe,
        LtiIdentitySent, LtiUnsigned,
        RopaProcessorNoHost, RetentionNoAnchor, DpaClause,
    ];
}
