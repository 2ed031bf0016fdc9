using System.Collections.Immutable;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Scorm;

/// <summary>The rules this package enforces, each with its stable code, default severity and source.</summary>
/// <remarks>
/// "RTE" is the SCORM 2004 4th Edition Run-Time Environment book; "RTE 1.2" the SCORM 1.2 Run-Time Environment;
/// "CAM" the 2004 4th Edition Content Aggregation Model book. Value rules carry the SCORM error code in
/// <see cref="Validation.ScormSetResult.ErrorCode"/>.
/// </remarks>
public static class ScormRules
{
    /// <summary>Gets <c>scorm.element.unknown</c>: the element is not part of the version's data model (2004: 401, 1.2: 201).</summary>
    public static RuleDescriptor ElementUnknown { get; } = new("scorm.element.unknown", "The element is not defined by the data model.", FindingSeverity.Error, "RTE 3.1.7.6 (401); RTE 1.2 3.3.2 (201)");

    /// <summary>Gets <c>scorm.element.read_only</c>: SetValue on a read-only element (2004: 404, 1.2: 403).</summary>
    public static RuleDescriptor ElementReadOnly { get; } = new("scorm.element.read_only", "A read-only element cannot be set.", FindingSeverity.Error, "RTE 3.1.7.6 (404); RTE 1.2 3.3.2 (403)");

    /// <summary>Gets <c>scorm.element.write_only</c>: GetValue on a write-only element (2004: 405, 1.2: 404).</summary>
    public static RuleDescriptor ElementWriteOnly { get; } = new("scorm.element.write_only", "A write-only element cannot be read.", FindingSeverity.Error, "RTE 3.1.7.6 (405); RTE 1.2 3.3.2 (404)");

    /// <summary>Gets <c>scorm.element.keyword</c>: SetValue on a keyword (<c>_version</c>, <c>_children</c>, <c>_count</c>) (2004: 404, 1.2: 402).</summary>
    public static RuleDescriptor ElementKeyword { get; } = new("scorm.element.keyword", "Keywords (_version, _children, _count) cannot be set.", FindingSeverity.Error, "RTE 4.1.1 (404); RTE 1.2 3.4.3 (402)");

    /// <summary>Gets <c>scorm.value.type_mismatch</c>: the value does not match the element's data type (2004: 406, 1.2: 405).</summary>
    public static RuleDescriptor ValueTypeMismatch { get; } = new("scorm.value.type_mismatch", "The value does not match the element's data type.", FindingSeverity.Error, "RTE 4.1.1, 4.2 (406); RTE 1.2 3.4.2 (405)");

    /// <summary>Gets <c>scorm.value.out_of_range</c>: the number is outside the element's range (2004: 407, 1.2: 405).</summary>
    public static RuleDescriptor ValueOutOfRange { get; } = new("scorm.value.out_of_range", "The number is outside the element's range.", FindingSeverity.Error, "RTE 4.2 (407); RTE 1.2 3.4.4 (405)");

    /// <summary>Gets <c>scorm.value.spm_exceeded</c>: a 2004 value is longer than the smallest permitted maximum (error 0: the LMS may truncate).</summary>
    public static RuleDescriptor ValueSpmExceeded { get; } = new("scorm.value.spm_exceeded", "The value is longer than the SPM; an LMS may truncate it.", FindingSeverity.Warning, "RTE 4.1.1.3 (SPM)");

    /// <summary>Gets <c>scorm.value.too_long</c>: a 1.2 string is longer than its type allows (405).</summary>
    public static RuleDescriptor ValueTooLong { get; } = new("scorm.value.too_long", "The value is longer than the CMIString type allows.", FindingSeverity.Error, "RTE 1.2 3.4.2 (CMIString255/4096, 405)");

    /// <summary>Gets <c>scorm.value.deprecated</c>: a value deprecated by 4th Edition (<c>cmi.exit</c> = <c>logout</c>).</summary>
    public static RuleDescriptor ValueDeprecated { get; } = new("scorm.value.deprecated", "The value is deprecated by SCORM 2004 4th Edition.", FindingSeverity.Warning, "RTE 4.2.8 (cmi.exit)");

    /// <summary>Gets <c>scorm.value.dependency_not_established</c>: an interaction's or objective's id (or type) was not set first (2004: 408).</summary>
    public static RuleDescriptor ValueDependency { get; } = new("scorm.value.dependency_not_established", "The id (or interaction type) must be set before this element.", FindingSeverity.Error, "RTE 4.2.9, 4.2.17 (408)");

    /// <summary>Gets <c>scorm.value.index_out_of_order</c>: a collection index skips ahead of <c>_count</c> (2004: 351, 1.2: 201).</summary>
    public static RuleDescriptor ValueIndexOutOfOrder { get; } = new("scorm.value.index_out_of_order", "Collection entries must be added in order, with no gaps.", FindingSeverity.Error, "RTE 4.1.1.6 (351); RTE 1.2 3.4.3 (201)");

    /// <summary>Gets <c>scorm.value.duplicate_id</c>: an objective id is already used by another objective, or an id is changed (2004: 351).</summary>
    public static RuleDescriptor ValueDuplicateId { get; } = new("scorm.value.duplicate_id", "Objective ids are unique and cannot be changed once set.", FindingSeverity.Error, "RTE 4.2.17 (351)");

    /// <summary>Gets <c>scorm.snapshot.too_many_elements</c>: a snapshot has more elements than the configured limit.</summary>
    public static RuleDescriptor SnapshotTooManyElements { get; } = new("scorm.snapshot.too_many_elements", "The snapshot has more elements than the limit; the rest were not checked.", FindingSeverity.Error, "LmsPrivacy hostile-input limits");

    /// <summary>Gets <c>scorm.classify.personal_data</c>: the element holds personal data (classifier report).</summary>
    public static RuleDescriptor ClassifyPersonalData { get; } = new("scorm.classify.personal_data", "The element holds personal data about the learner.", FindingSeverity.Info, "GDPR Art. 4(1)");

    /// <summary>Gets <c>scorm.package.manifest.missing</c>: no <c>imsmanifest.xml</c> at the package root.</summary>
    public static RuleDescriptor ManifestMissing { get; } = new("scorm.package.manifest.missing", "The package has no imsmanifest.xml at its root.", FindingSeverity.Error, "CAM 3.2 (package interchange file)");

    /// <summary>Gets <c>scorm.package.manifest.malformed</c>: the manifest is not well-formed XML or lacks required parts.</summary>
    public static RuleDescriptor ManifestMalformed { get; } = new("scorm.package.manifest.malformed", "The manifest is not well-formed or lacks required elements.", FindingSeverity.Error, "CAM 3.4 (manifest)");

    /// <summary>Gets <c>scorm.package.manifest.dtd</c>: the manifest declares a DTD (entity expansion / XXE risk); refused.</summary>
    public static RuleDescriptor ManifestDtd { get; } = new("scorm.package.manifest.dtd", "The manifest declares a DTD; it is refused (XXE and entity expansion).", FindingSeverity.Error, "OWASP XXE prevention; CAM 3.4");

    /// <summary>Gets <c>scorm.package.manifest.too_large</c>: the manifest exceeds the size limit.</summary>
    public static RuleDescriptor ManifestTooLarge { get; } = new("scorm.package.manifest.too_large", "The manifest is larger than the limit.", FindingSeverity.Error, "LmsPrivacy hostile-input limits");

    /// <summary>Gets <c>scorm.package.version.unknown</c>: the SCORM version could not be told from the namespaces or schemaversion.</summary>
    public static RuleDescriptor VersionUnknown { get; } = new("scorm.package.version.unknown", "The SCORM version cannot be determined from the manifest.", FindingSeverity.Warning, "CAM 3.4.1.6 (schemaversion)");

    /// <summary>Gets <c>scorm.package.reference.unresolved</c>: an item or dependency names a resource that does not exist.</summary>
    public static RuleDescriptor ReferenceUnresolved { get; } = new("scorm.package.reference.unresolved", "An identifierref names no resource in the manifest.", FindingSeverity.Error, "CAM 3.4.1.10, 3.4.1.21");

    /// <summary>Gets <c>scorm.package.file.missing</c>: a file the manifest references is not in the package.</summary>
    public static RuleDescriptor FileMissing { get; } = new("scorm.package.file.missing", "A file referenced by the manifest is not in the package.", FindingSeverity.Error, "CAM 3.4.1.19 (file)");

    /// <summary>Gets <c>scorm.package.file.unreferenced</c>: a file is in the package but the manifest does not list it.</summary>
    public static RuleDescriptor FileUnreferenced { get; } = new("scorm.package.file.unreferenced", "A file in the package is not listed by the manifest.", FindingSeverity.Warning, "CAM 3.4.1.19 (file)");

    /// <summary>Gets <c>scorm.package.href.external</c>: a manifest href is an absolute URL (content served from elsewhere).</summary>
    public static RuleDescriptor HrefExternal { get; } = new("scorm.package.href.external", "A manifest href points outside the package (an absolute URL).", FindingSeverity.Warning, "CAM 3.4.1.16 (href); GDPR Art. 28");

    /// <summary>Gets <c>scorm.package.href.escapes</c>: a manifest href climbs out of the package root.</summary>
    public static RuleDescriptor HrefEscapes { get; } = new("scorm.package.href.escapes", "A manifest href escapes the package root.", FindingSeverity.Error, "CAM 3.4.1.16 (href)");

    /// <summary>Gets <c>scorm.package.external_host</c>: the content loads from or sends to another host, a likely sub-processor to declare.</summary>
    public static RuleDescriptor ExternalHost { get; } = new("scorm.package.external_host", "The content contacts another host; declare it as a recipient or processor.", FindingSeverity.Warning, "GDPR Art. 13(1)(e), Art. 28, Art. 44");

    /// <summary>Gets <c>scorm.package.learner_data_read</c>: the content reads learner identity or free text from the run-time API.</summary>
    public static RuleDescriptor LearnerDataRead { get; } = new("scorm.package.learner_data_read", "The content reads personal data from the run-time API.", FindingSeverity.Info, "GDPR Art. 5(1)(c)");

    /// <summary>Gets <c>scorm.package.learner_data_sent</c>: a file reads learner data and sends requests to another host.</summary>
    public static RuleDescriptor LearnerDataSent { get; } = new("scorm.package.learner_data_sent", "A script reads learner data and sends requests to another host.", FindingSeverity.Error, "GDPR Art. 5(1)(a), Art. 28, Art. 44");

    /// <summary>Gets <c>scorm.package.credentials_embedded</c>: credentials (LRS basic auth, passwords, API keys) are embedded in the content.</summary>
    public static RuleDescriptor CredentialsEmbedded { get; } = new("scorm.package.credentials_embedded", "The content embeds credentials that any learner can read.", FindingSeverity.Error, "GDPR Art. 32(1)");

    /// <summary>Gets <c>scorm.package.zip.malformed</c>: the package is not a readable zip.</summary>
    public static RuleDescriptor ZipMalformed { get; } = new("scorm.package.zip.malformed", "The package is not a readable zip archive.", FindingSeverity.Error, "CAM 3.2 (PKZip v2.04g)");

    /// <summary>Gets <c>scorm.package.zip.unsafe_path</c>: an entry name is absolute or climbs out of the package (zip-slip); refused.</summary>
    public static RuleDescriptor ZipUnsafePath { get; } = new("scorm.package.zip.unsafe_path", "An entry path escapes the package (zip-slip); the package is refused.", FindingSeverity.Error, "CWE-22 (path traversal)");

    /// <summary>Gets <c>scorm.package.zip.bomb</c>: the package expands beyond the total-size or compression-ratio limit; refused.</summary>
    public static RuleDescriptor ZipBomb { get; } = new("scorm.package.zip.bomb", "The package expands beyond the size or ratio limit; it is refused.", FindingSeverity.Error, "CWE-409 (decompression bomb)");

    /// <summary>Gets <c>scorm.package.zip.entry_too_large</c>: one entry exceeds the per-entry size limit; refused.</summary>
    public static RuleDescriptor ZipEntryTooLarge { get; } = new("scorm.package.zip.entry_too_large", "An entry is larger than the per-entry limit; the package is refused.", FindingSeverity.Error, "CWE-409 (decompression bomb)");

    /// <summary>Gets <c>scorm.package.zip.too_many_entries</c>: the package has more entries than the limit; refused.</summary>
    public static RuleDescriptor ZipTooManyEntries { get; } = new("scorm.package.zip.too_many_entries", "The package has more entries than the limit; it is refused.", FindingSeverity.Error, "CWE-400 (resource exhaustion)");

    /// <summary>Gets <c>scorm.package.zip.duplicate_entry</c>: two entries differ only in letter case.</summary>
    public static RuleDescriptor ZipDuplicateEntry { get; } = new("scorm.package.zip.duplicate_entry", "Two entries differ only in letter case; which one is served depends on the server.", FindingSeverity.Warning, "CAM 3.2");

    /// <summary>Gets every rule, in a stable order.</summary>
    public static ImmutableArray<RuleDescriptor> All { get; } =
    [
        ElementUnknown, ElementReadOnly, ElementWriteOnly, ElementKeyword,
        ValueTypeMismatch, ValueOutOfRange, ValueSpmExceeded, ValueTooLong, ValueDeprecated, ValueDependency, ValueIndexOutOfOrder, ValueDuplicateId,
        SnapshotTooManyElements, ClassifyPersonalData,
        ManifestMissing, ManifestMalformed, ManifestDtd, ManifestTooLarge, VersionUnknown, ReferenceUnresolved,
        FileMissing, FileUnreferenced, HrefExternal, HrefEscapes,
        ExternalHost, LearnerDataRead, LearnerDataSent, CredentialsEmbedded,
        ZipMalformed, ZipUnsafePath, ZipBomb, ZipEntryTooLarge, ZipTooManyEntries, ZipDuplicateEntry,
    ];
}
