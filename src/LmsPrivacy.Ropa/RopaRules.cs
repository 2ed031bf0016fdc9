using LmsPrivacy.Findings;

namespace LmsPrivacy.Ropa;

/// <summary>The rules <see cref="RopaChecker"/> and <see cref="Dpa.DpaChecker"/> apply, each citing the GDPR article or guidance it rests on.</summary>
/// <remarks>Codes are public contract: they are never renamed or reused. docs/ropa.md lists the catalog.</remarks>
public static class RopaRules
{
    private const FindingSeverity E = FindingSeverity.Error;
    private const FindingSeverity W = FindingSeverity.Warning;
    private const FindingSeverity I = FindingSeverity.Info;

    // --- Record: Art. 30(1)(a) / 30(2)(a) parties ---

    /// <summary>The record names no organisation (controller or processor) with contact details.</summary>
    public static RuleDescriptor OrganisationMissing { get; } = new("ropa.organisation.missing", "The record names the controller (or processor) and its contact details", E, "GDPR Art. 30(1)(a), 30(2)(a)");

    /// <summary>A named party has no address, e-mail or phone.</summary>
    public static RuleDescriptor ContactMissing { get; } = new("ropa.party.contact_missing", "Every named party has contact details", E, "GDPR Art. 30(1)(a), 30(2)(a)");

    /// <summary>A public authority names no DPO.</summary>
    public static RuleDescriptor DpoMissing { get; } = new("ropa.dpo.missing", "A public authority designates a DPO and records its contact details", E, "GDPR Art. 37(1)(a), 30(1)(a)");

    /// <summary>An organisation established outside the EEA names no representative in the Union.</summary>
    public static RuleDescriptor RepresentativeMissing { get; } = new("ropa.representative.missing", "A controller or processor established outside the EEA names its Union representative", W, "GDPR Art. 27(1), 30(1)(a)");

    /// <summary>A processor record names no controller on whose behalf it acts.</summary>
    public static RuleDescriptor ControllersMissing { get; } = new("ropa.processor_record.controllers_missing", "A processor record names each controller on whose behalf it acts", E, "GDPR Art. 30(2)(a)");

    // --- Activities: Art. 30(1)(b)–(c), 30(2)(b) ---

    /// <summary>The record has no processing activity.</summary>
    public static RuleDescriptor ActivitiesMissing { get; } = new("ropa.activity.none", "The record lists at least one processing activity", E, "GDPR Art. 30(1), 30(2)");

    /// <summary>Two activities share an id, or an activity has none.</summary>
    public static RuleDescriptor ActivityId { get; } = new("ropa.activity.id_invalid", "Every activity has a unique id", E, "GDPR Art. 30(3) (a usable written record)");

    /// <summary>A controller activity states no purpose.</summary>
    public static RuleDescriptor PurposeMissing { get; } = new("ropa.activity.purpose_missing", "Every activity states its purposes", E, "GDPR Art. 30(1)(b)");

    /// <summary>A controller activity states no categories of data subjects.</summary>
    public static RuleDescriptor SubjectsMissing { get; } = new("ropa.activity.subjects_missing", "Every activity describes the categories of data subjects", E, "GDPR Art. 30(1)(c)");

    /// <summary>A controller activity states no categories of personal data.</summary>
    public static RuleDescriptor DataMissing { get; } = new("ropa.activity.data_missing", "Every activity describes the categories of personal data", E, "GDPR Art. 30(1)(c)");

    /// <summary>An activity does not say who receives the data (not even "none").</summary>
    public static RuleDescriptor RecipientsMissing { get; } = new("ropa.activity.recipients_missing", "Every activity states its categories of recipients (an empty list for none)", E, "GDPR Art. 30(1)(d)");

    /// <summary>An activity refers to a recipient id the record does not declare.</summary>
    public static RuleDescriptor RecipientUndeclared { get; } = new("ropa.activity.recipient_undeclared", "Every recipient an activity names is declared in the record", E, "GDPR Art. 30(1)(d)");

    /// <summary>A processor-record activity states no categories of processing or controller.</summary>
    public static RuleDescriptor CategoriesOfProcessingMissing { get; } = new("ropa.processor_record.categories_missing", "A processor record states the categories of processing carried out for each controller", E, "GDPR Art. 30(2)(b)");

    // --- Retention and security: Art. 30(1)(f)–(g) ---

    /// <summary>An activity (or a data category) has no envisaged time limit for erasure.</summary>
    public static RuleDescriptor RetentionMissing { get; } = new("ropa.retention.missing", "Every activity states when its data are erased (a period or a retention rule)", E, "GDPR Art. 30(1)(f), 5(1)(e)");

    /// <summary>A retention period is zero or negative.</summary>
    public static RuleDescriptor RetentionInvalid { get; } = new("ropa.retention.period_invalid", "A retention period is positive", E, "GDPR Art. 30(1)(f)");

    /// <summary>A retention period has no trigger to run from.</summary>
    public static RuleDescriptor RetentionTriggerMissing { get; } = new("ropa.retention.trigger_missing", "A retention period says what event it runs from", W, "GDPR Art. 30(1)(f), 5(1)(e)");

    /// <summary>No security measures are described for an activity, nor for the record.</summary>
    public static RuleDescriptor SecurityMissing { get; } = new("ropa.security.missing", "The record gives a general description of the security measures", W, "GDPR Art. 30(1)(g), 30(2)(d), 32(1)");

    // --- Lawful basis: Art. 6, 7, 8, 9 ---

    /// <summary>A controller purpose has no lawful basis.</summary>
    public static RuleDescriptor BasisMissing { get; } = new("ropa.basis.missing", "Every purpose of a controller names its Art. 6(1) lawful basis", E, "GDPR Art. 6(1), 5(2), 13(1)(c)");

    /// <summary>Legitimate interests without the interest pursued.</summary>
    public static RuleDescriptor LegitimateInterestMissing { get; } = new("ropa.basis.legitimate_interest_unstated", "A purpose resting on legitimate interests states the interest pursued", W, "GDPR Art. 6(1)(f), 13(1)(d)");

    /// <summary>A public authority relies on legitimate interests for its tasks.</summary>
    public static RuleDescriptor LegitimateInterestPublicAuthority { get; } = new("ropa.basis.legitimate_interest_public_authority", "A public authority does not rely on legitimate interests for its tasks", W, "GDPR Art. 6(1), second subparagraph");

    /// <summary>Consent is the basis for a mandatory purpose (compulsory training or assessment).</summary>
    public static RuleDescriptor ConsentForMandatory { get; } = new("ropa.basis.consent_for_mandatory", "Consent is not the basis for processing the data subject cannot refuse (mandatory training)", E, "GDPR Art. 7(4), 4(11), Recital 43");

    /// <summary>Consent is the basis for processing employees' data.</summary>
    public static RuleDescriptor ConsentInEmployment { get; } = new("ropa.basis.consent_in_employment", "Consent in employment is valid only if refusing has no consequence at all", W, "GDPR Recital 43, Art. 7(4); EDPB Guidelines 05/2020 §3.1.1");

    /// <summary>Special-category data without an Art. 9(2) condition.</summary>
    public static RuleDescriptor SpecialCategoryConditionMissing { get; } = new("ropa.special_category.condition_missing", "Special-category data have an Art. 9(2) condition besides the Art. 6 basis", E, "GDPR Art. 9(1)–(2)");

    /// <summary>An Art. 9(2) condition is recorded but no special-category data are listed.</summary>
    public static RuleDescriptor SpecialCategoryUnlisted { get; } = new("ropa.special_category.data_unlisted", "An activity with an Art. 9(2) condition lists the special-category data it covers", W, "GDPR Art. 30(1)(c), 9(1)");

    /// <summary>Children's consent without parental consent below the national age.</summary>
    public static RuleDescriptor ParentalConsentMissing { get; } = new("ropa.children.parental_consent_missing", "Consent from children below the member state's age of digital consent is given or authorised by a parent", E, "GDPR Art. 8(1)–(2)");

    /// <summary>Children rely on consent but their member state's age is unknown.</summary>
    public static RuleDescriptor ChildCountryUnknown { get; } = new("ropa.children.country_unknown", "The member states of children relying on consent are known, to apply the right age", W, "GDPR Art. 8(1)");

    // --- Recipients, processors, sub-processors: Art. 28, 30(1)(d) ---

    /// <summary>A recipient has no id, name or role, or an id is used twice.</summary>
    public static RuleDescriptor RecipientInvalid { get; } = new("ropa.recipient.invalid", "Every recipient has a unique id, a name and a role", E, "GDPR Art. 30(1)(d)");

    /// <summary>A processor or sub-processor without a contract reference.</summary>
    public static RuleDescriptor ContractMissing { get; } = new("ropa.recipient.contract_missing", "Every processor is bound by an Art. 28(3) contract, every sub-processor by an Art. 28(4) one", E, "GDPR Art. 28(3), 28(4), 28(9)");

    /// <summary>A processor whose sub-processors are not declared.</summary>
    public static RuleDescriptor SubProcessorsUndeclared { get; } = new("ropa.recipient.subprocessors_undeclared", "Every processor's sub-processors are declared (an empty list for none)", E, "GDPR Art. 28(2), 30(1)(d)");

    /// <summary>A recipient with no country.</summary>
    public static RuleDescriptor CountryMissing { get; } = new("ropa.recipient.country_missing", "Every recipient states the country it processes in, to find transfers", W, "GDPR Art. 30(1)(e), 44");

    /// <summary>A country that is not an ISO 3166-1 alpha-2 code.</summary>
    public static RuleDescriptor CountryInvalid { get; } = new("ropa.recipient.country_invalid", "Countries are ISO 3166-1 alpha-2 codes", E, "ISO 3166-1; GDPR Art. 30(1)(e)");

    // --- Transfers: Chapter V ---

    /// <summary>A transfer outside the EEA without adequacy, DPF certification or another Chapter V mechanism.</summary>
    public static RuleDescriptor TransferMechanismMissing { get; } = new("ropa.transfer.mechanism_missing", "A transfer outside the EEA rests on adequacy, DPF certification, SCCs, BCRs or a derogation", E, "GDPR Art. 44, 45, 46, 30(1)(e)");

    /// <summary>Adequacy claimed for a country without a decision in force.</summary>
    public static RuleDescriptor AdequacyNotInForce { get; } = new("ropa.transfer.adequacy_not_in_force", "Adequacy is relied on only where a Commission decision is in force for the country", E, "GDPR Art. 45(1)");

    /// <summary>A partial-scope adequacy decision: the recipient must be in scope.</summary>
    public static RuleDescriptor AdequacyPartialScope { get; } = new("ropa.transfer.adequacy_partial_scope", "Under a partial adequacy decision, confirm the recipient is within its scope", W, "GDPR Art. 45(1) (sectoral decisions)");

    /// <summary>DPF relied on without a recent check of the DPF List.</summary>
    public static RuleDescriptor DpfUnverified { get; } = new("ropa.transfer.dpf_unverified", "A DPF certification is re-checked on the DPF List at least yearly", W, "Commission Implementing Decision (EU) 2023/1795");

    /// <summary>Employees' data sent to a DPF recipient certified only for non-HR data.</summary>
    public static RuleDescriptor DpfHrScope { get; } = new("ropa.transfer.dpf_hr_scope", "Employment data go to a DPF recipient only if its certification covers HR data", E, "Decision (EU) 2023/1795, DPF Supplemental Principle 9");

    /// <summary>SCCs without a transfer impact assessment.</summary>
    public static RuleDescriptor TiaMissing { get; } = new("ropa.transfer.tia_missing", "A transfer on SCCs, BCRs or ad-hoc clauses has a transfer impact assessment", E, "SCC 2021/914 Clause 14; CJEU C-311/18; EDPB Recommendations 01/2020");

    /// <summary>SCCs without a module, or with one that does not fit the roles.</summary>
    public static RuleDescriptor SccModule { get; } = new("ropa.transfer.scc_module", "SCCs name the module that fits the parties' roles (1 C2C, 2 C2P, 3 P2P, 4 P2C)", W, "Commission Implementing Decision (EU) 2021/914, Annex");

    /// <summary>A derogation used for a systematic transfer.</summary>
    public static RuleDescriptor DerogationSystematic { get; } = new("ropa.transfer.derogation_systematic", "Art. 49 derogations cover occasional transfers, not an integration's regular flow", W, "GDPR Art. 49(1); EDPB Guidelines 2/2018");

    /// <summary>The Art. 49(1) second-subparagraph derogation without documented safeguards.</summary>
    public static RuleDescriptor DerogationSafeguards { get; } = new("ropa.transfer.derogation_safeguards_missing", "Transfers on compelling legitimate interests record the suitable safeguards", E, "GDPR Art. 49(1) second subparagraph, 30(1)(e)");

    /// <summary>The country data shipped with the package are old.</summary>
    public static RuleDescriptor CountryDataStale { get; } = new("ropa.country_data.stale", "The adequacy and country data used were checked recently", I, "GDPR Art. 45(3)–(5) (decisions change)");

    // --- DPA: Art. 28 ---

    /// <summary>The DPA does not describe the processing (subject-matter, duration, nature, purpose, data, subjects).</summary>
    public static RuleDescriptor DpaDescriptionMissing { get; } = new("dpa.description.missing", "The DPA sets out subject-matter, duration, nature, purpose, data types and subject categories", E, "GDPR Art. 28(3), first subparagraph");

    /// <summary>The DPA describes data or subjects only generically.</summary>
    public static RuleDescriptor DpaDescriptionVague { get; } = new("dpa.description.vague", "Data types and subject categories are specific, not just \"personal data\"", W, "GDPR Art. 28(3), first subparagraph; EDPB Guidelines 07/2020");

    /// <summary>An Art. 28 requirement is absent from the DPA.</summary>
    public static RuleDescriptor DpaClauseMissing { get; } = new("dpa.clause.missing", "The DPA contains every Art. 28(3)(a)–(h), 28(2) and 28(4) requirement", E, "GDPR Art. 28(2)–(4)");

    /// <summary>An Art. 28 requirement is present but misses a practical threshold.</summary>
    public static RuleDescriptor DpaClauseWeak { get; } = new("dpa.clause.weak", "Each Art. 28 clause meets the practical threshold a privacy officer expects", W, "GDPR Art. 28(2)–(4); EDPB Guidelines 07/2020");

    /// <summary>The vendor may use the data for its own purposes (analytics, AI training).</summary>
    public static RuleDescriptor DpaVendorOwnPurposes { get; } = new("dpa.instructions.vendor_own_purposes", "The processor does not use the data for its own purposes (analytics, product improvement, AI training)", E, "GDPR Art. 28(3)(a), 28(10), 29");

    /// <summary>The processor notifies breaches 72 hours or later, making the controller's Art. 33(1) deadline impossible.</summary>
    public static RuleDescriptor DpaBreachTooSlow { get; } = new("dpa.breach.notice_too_slow", "The processor's breach notice leaves the controller time for its own 72-hour notification", E, "GDPR Art. 33(1)–(2)");

    /// <summary>The processor may keep data after the end for its own purposes.</summary>
    public static RuleDescriptor DpaRetainsAfterEnd { get; } = new("dpa.end_of_contract.retains_for_own_purposes", "The processor keeps no copy after the end unless Union or member-state law requires it", E, "GDPR Art. 28(3)(g)");

    /// <summary>A day or hour count in the DPA is negative (or zero where zero means nothing), so the term sets no real limit.</summary>
    public static RuleDescriptor DpaNumberInvalid { get; } = new("dpa.clause.number_invalid", "Day and hour counts in the DPA are positive (a deadline of zero or fewer hours or days is no deadline)", E, "GDPR Art. 28(3); EDPB Guidelines 07/2020");

    /// <summary>Gets every rule, in catalog order.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } =
    [
        OrganisationMissing, ContactMissing, DpoMissing, RepresentativeMissing, ControllersMissing,
        ActivitiesMissing, ActivityId, PurposeMissing, SubjectsMissing, DataMissing, RecipientsMissing, RecipientUndeclared,
        CategoriesOfProcessingMissing, RetentionMissing, RetentionInvalid, RetentionTriggerMissing, SecurityMissing,
        BasisMissing, LegitimateInterestMissing, LegitimateInterestPublicAuthority, ConsentForMandatory, ConsentInEmployment,
        SpecialCategoryConditionMissing, SpecialCategoryUnlisted, ParentalConsentMissing, ChildCountryUnknown,
        RecipientInvalid, ContractMissing, SubProcessorsUndeclared, CountryMissing, CountryInvalid,
        TransferMechanismMissing, AdequacyNotInForce, AdequacyPartialScope, DpfUnverified, DpfHrScope, TiaMissing, SccModule,
        DerogationSystematic, DerogationSafeguards, CountryDataStale,
        DpaDescriptionMissing, DpaDescriptionVague, DpaClauseMissing, DpaClauseWeak, DpaVendorOwnPurposes, DpaBreachTooSlow, DpaRetainsAfterEnd,
        DpaNumberInvalid,
    ];
}
