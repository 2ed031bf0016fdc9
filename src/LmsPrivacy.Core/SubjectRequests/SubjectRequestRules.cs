using LmsPrivacy.Findings;

namespace LmsPrivacy.SubjectRequests;

/// <summary>The rule catalog of subject requests: store coverage and the outcome of access and erasure runs.</summary>
public static class SubjectRequestRules
{
    /// <summary>A store holds personal data but cannot export it.</summary>
    public static RuleDescriptor StoreCannotExport { get; } = new(
        "dsr.store.cannot_export", "A store that holds personal data implements IExportableStore.", FindingSeverity.Error,
        "GDPR Art. 15(3), Art. 20(1)");

    /// <summary>A store holds personal data but cannot erase it.</summary>
    public static RuleDescriptor StoreCannotErase { get; } = new(
        "dsr.store.cannot_erase", "A store that holds personal data implements IErasableStore.", FindingSeverity.Error,
        "GDPR Art. 17(1)");

    /// <summary>A store declares nothing: no collection and no reason for holding no personal data.</summary>
    public static RuleDescriptor StoreUndescribed { get; } = new(
        "dsr.store.undescribed", "A store declares its collections, or why it holds no personal data.", FindingSeverity.Error,
        "GDPR Art. 30(1)(c); Moodle core_privacy null_provider");

    /// <summary>A declared field has no data category.</summary>
    public static RuleDescriptor FieldUncategorised { get; } = new(
        "dsr.field.uncategorised", "Every declared field has a data category.", FindingSeverity.Error,
        "GDPR Art. 30(1)(c)");

    /// <summary>A schema table that looks like it holds personal data is declared by no store.</summary>
    public static RuleDescriptor TableUndeclared { get; } = new(
        "dsr.table.undeclared", "A table with personal-data columns is declared by a store.", FindingSeverity.Error,
        "GDPR Art. 30(1)(c); Moodle privacy provider_test test_table_coverage");

    /// <summary>A column that looks like personal data is missing from the declaring store's collection.</summary>
    public static RuleDescriptor ColumnUndeclared { get; } = new(
        "dsr.column.undeclared", "A personal-data column of a declared table is declared as a field.", FindingSeverity.Error,
        "GDPR Art. 30(1)(c); Moodle privacy provider_test test_table_coverage");

    /// <summary>A store failed during an access export; its part of the package is missing.</summary>
    public static RuleDescriptor ExportStoreFailed { get; } = new(
        "dsr.export.store_failed", "Every store that holds personal data contributes to the access package.", FindingSeverity.Error,
        "GDPR Art. 15(1), Art. 15(3)");

    /// <summary>A store failed to confirm an erasure.</summary>
    public static RuleDescriptor ErasureStoreFailed { get; } = new(
        "dsr.erasure.store_failed", "Every store that holds personal data confirms the erasure.", FindingSeverity.Error,
        "GDPR Art. 17(1), Art. 19");

    /// <summary>A store kept the subject's data under a retention obligation or hold.</summary>
    public static RuleDescriptor ErasureStoreProtected { get; } = new(
        "dsr.erasure.store_protected", "Data kept under an exception to erasure is reported with its reason.", FindingSeverity.Warning,
        "GDPR Art. 17(3)");

    /// <summary>Gets every rule, in catalog order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        StoreCannotExport, StoreCannotErase, StoreUndescribed, FieldUncategorised, TableUndeclared, ColumnUndeclared,
        ExportStoreFailed, ErasureStoreFailed, ErasureStoreProtected,
    ];
}
