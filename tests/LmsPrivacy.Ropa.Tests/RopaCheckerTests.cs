using LmsPrivacy.Classification;
using LmsPrivacy.Findings;
using LmsPrivacy.Legal;
using LmsPrivacy.Ropa.Countries;
using LmsPrivacy.Ropa.Records;
using NodaTime;

namespace LmsPrivacy.Ropa.Tests;

public sealed class RopaCheckerTests
{
    private static IReadOnlyList<Finding> Check(RecordOfProcessing record) => TestData.Checker.Check(record).Findings;

    private static IEnumerable<string> Codes(RecordOfProcessing record) => Check(record).Select(f => f.Code);

    private static ProcessingActivity WithPurpose(Purpose purpose, bool employment = false) =>
        TestData.Activity() with { Purposes = [purpose], Employment = employment };

    [Fact]
    public void Check_MinimalValidController_HasNoFindings() => Assert.Empty(Check(TestData.ValidController()));

    [Fact]
    public void Check_Sample_HasNoErrorsAndOnlyTheExpectedWarning()
    {
        var record = RopaJson.ParseRecord(TestData.SampleBytes("lms-controller.ropa.json"));

        var findings = Check(record);

        // Worked out by hand from the sample: everything documented, one consent-based optional feature for employees.
        var finding = Assert.Single(findings);
        Assert.Equal("ropa.basis.consent_in_employment", finding.Code);
        Assert.Equal("$.activities[6].purposes[0].lawfulBasis", finding.Path);
    }

    [Fact]
    public void Check_EveryFinding_CitesItsSource()
    {
        var record = new RecordOfProcessing { Activities = [new ProcessingActivity()], Recipients = [new Recipient { Country = "US", Role = RecipientRole.Processor }] };

        var findings = Check(record);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.False(string.IsNullOrWhiteSpace(f.Source)));
        Assert.All(findings, f => Assert.Contains(RopaRules.All, r => r.Code == f.Code));
    }

    [Fact]
    public void Check_FindingsAreStable_SameOrderTwice()
    {
        var record = new RecordOfProcessing { Activities = [new ProcessingActivity(), new ProcessingActivity()] };

        Assert.Equal(Check(record), Check(record));
    }

    // --- Art. 30(1)(a) ---

    [Fact]
    public void Check_NoOrganisation_ReportsOrganisationMissing() =>
        Assert.Contains("ropa.organisation.missing", Codes(TestData.ValidController() with { Organisation = null }));

    [Fact]
    public void Check_OrganisationWithoutContact_ReportsContactMissing()
    {
        var record = TestData.ValidController() with { Organisation = new Party { Name = "Example College" } };

        var finding = Assert.Single(Check(record));
        Assert.Equal("ropa.party.contact_missing", finding.Code);
        Assert.Equal("$.organisation", finding.Path);
    }

    [Fact]
    public void Check_PublicAuthorityWithoutDpo_ReportsDpoMissing()
    {
        var record = TestData.ValidController() with { PublicAuthority = true };

        Assert.Equal(["ropa.dpo.missing"], Codes(record));
        Assert.Empty(Codes(record with { Dpo = new Party { Name = "DPO", Email = "dpo@college.example" } }));
    }

    [Fact]
    public void Check_ControllerOutsideEeaWithoutRepresentative_ReportsRepresentativeMissing()
    {
        var record = TestData.ValidController() with { Organisation = new Party { Name = "US LMS Inc.", Email = "p@x.example", Country = "US" } };

        Assert.Equal(["ropa.representative.missing"], Codes(record));
        Assert.Empty(Codes(record with { Representative = new Party { Name = "EU Rep SARL", Email = "rep@x.example" } }));
    }

    [Fact]
    public void Check_FindingMessages_NeverEchoContactDetails()
    {
        var record = TestData.ValidController() with { Organisation = new Party { Name = "Jane Roe Tutoring", Country = "US" } };

        Assert.All(Check(record), f => Assert.DoesNotContain("Jane Roe", f.Message, StringComparison.Ordinal));
    }

    // --- Activities ---

    [Fact]
    public void Check_NoActivities_ReportsActivitiesMissing() =>
        Assert.Contains("ropa.activity.none", Codes(TestData.ValidController() with { Activities = [] }));

    [Fact]
    public void Check_DuplicateActivityIds_ReportsIdInvalid()
    {
        var record = TestData.ValidController() with { Activities = [TestData.Activity("a"), TestData.Activity("a")] };

        var finding = Assert.Single(Check(record));
        Assert.Equal(("ropa.activity.id_invalid", "$.activities[1].id"), (finding.Code, finding.Path));
    }

    [Fact]
    public void Check_ActivityWithoutPurposes_ReportsPurposeMissing() =>
        Assert.Equal(["ropa.activity.purpose_missing"], Codes(TestData.ValidController().WithActivity(TestData.Activity() with { Purposes = [] })));

    [Fact]
    public void Check_ActivityWithoutSubjects_ReportsSubjectsMissing() =>
        Assert.Equal(["ropa.activity.subjects_missing"], Codes(TestData.ValidController().WithActivity(TestData.Activity() with { DataSubjects = [] })));

    [Fact]
    public void Check_ActivityWithoutData_ReportsDataMissingAndRetention()
    {
        // Without data categories, per-category retention cannot cover the activity either; the activity has its own, so only data is missing.
        Assert.Equal(["ropa.activity.data_missing"], Codes(TestData.ValidController().WithActivity(TestData.Activity() with { PersonalData = [] })));
    }

    [Fact]
    public void Check_RecipientsNotStated_ReportsRecipientsMissing_EmptyListIsFine()
    {
        var record = TestData.ValidController();

        Assert.Equal(["ropa.activity.recipients_missing"], Codes(record.WithActivity(TestData.Activity() with { Recipients = null })));
        Assert.Empty(Codes(record.WithActivity(TestData.Activity() with { Recipients = [] })));
    }

    [Fact]
    public void Check_UnknownRecipientId_ReportsRecipientUndeclared()
    {
        var record = TestData.ValidController().WithActivity(TestData.Activity() with { Recipients = ["proc", "analytics"] });

        var finding = Assert.Single(Check(record));
        Assert.Equal(("ropa.activity.recipient_undeclared", "$.activities[0].recipients[1]"), (finding.Code, finding.Path));
    }

    // --- Retention and security ---

    [Fact]
    public void Check_NoRetention_ReportsRetentionMissing() =>
        Assert.Equal(["ropa.retention.missing"], Codes(TestData.ValidController().WithActivity(TestData.Activity() with { Retention = null })));

    [Fact]
    public void Check_RetentionRuleInsteadOfPeriod_IsEnough() =>
        Assert.Empty(Codes(TestData.ValidController().WithActivity(TestData.Activity() with { Retention = new Retention { Rule = "enrolment-records" } })));

    [Fact]
    public void Check_RetentionPerCategoryCoveringEveryCategory_IsEnough()
    {
        var activity = TestData.Activity() with
        {
            Retention = null,
            PersonalData =
            [
                new DataItem { Category = DataCategory.DirectIdentifier, Retention = new Retention { Period = Period.FromYears(2), Trigger = "last login" } },
                new DataItem { Category = DataCategory.AssessmentResult, Retention = new Retention { Rule = "grades" } },
            ],
        };

        Assert.Empty(Codes(TestData.ValidController().WithActivity(activity)));
        var partial = activity with { PersonalData = [activity.PersonalData[0], new DataItem { Label = "notes" }] };
        Assert.Equal(["ropa.retention.missing"], Codes(TestData.ValidController().WithActivity(partial)));
    }

    [Theory]
    [InlineData("P0D")]
    [InlineData("P-1Y")]
    public void Check_NonPositivePeriod_ReportsPeriodInvalid(string iso)
    {
        var period = NodaTime.Text.PeriodPattern.NormalizingIso.Parse(iso).Value;
        var record = TestData.ValidController().WithActivity(TestData.Activity() with { Retention = new Retention { Period = period, Trigger = "x" } });

        Assert.Equal(["ropa.retention.period_invalid"], Codes(record));
    }

    [Fact]
    public void Check_PeriodWithoutTrigger_ReportsTriggerMissing() =>
        Assert.Equal(["ropa.retention.trigger_missing"], Codes(TestData.ValidController().WithActivity(TestData.Activity() with { Retention = new Retention { Period = Period.FromYears(1) } })));

    [Fact]
    public void Check_NoSecurityAnywhere_ReportsSecurityMissing_ActivityMeasuresSuffice()
    {
        var record = TestData.ValidController() with { SecurityMeasures = [] };

        Assert.Equal(["ropa.security.missing"], Codes(record));
        Assert.Empty(Codes(record.WithActivity(TestData.Activity() with { SecurityMeasures = ["access control"] })));
    }

    // --- Lawful basis ---

    [Fact]
    public void Check_ControllerPurposeWithoutBasis_ReportsBasisMissing() =>
        Assert.Equal(["ropa.basis.missing"], Codes(TestData.ValidController().WithActivity(WithPurpose(new Purpose { Description = "x" }))));

    [Fact]
    public void Check_LegitimateInterestsUnstated_ReportsWarning() =>
        Assert.Equal(["ropa.basis.legitimate_interest_unstated"], Codes(TestData.ValidController().WithActivity(WithPurpose(new Purpose { Description = "x", LawfulBasis = LawfulBasis.LegitimateInterests }))));

    [Fact]
    public void Check_PublicAuthorityOnLegitimateInterests_ReportsWarning()
    {
        var record = TestData.ValidController() with { PublicAuthority = true, Dpo = new Party { Name = "DPO", Email = "d@x.example" } };
        var activity = WithPurpose(new Purpose { Description = "x", LawfulBasis = LawfulBasis.LegitimateInterests, LegitimateInterest = "y" });

        Assert.Equal(["ropa.basis.legitimate_interest_public_authority"], Codes(record.WithActivity(activity)));
    }

    [Fact]
    public void Check_ConsentForMandatoryTraining_IsAnError()
    {
        var activity = WithPurpose(new Purpose { Description = "Fire safety course", LawfulBasis = LawfulBasis.Consent, Mandatory = true }, employment: true);

        var finding = Assert.Single(Check(TestData.ValidController().WithActivity(activity)));
        Assert.Equal("ropa.basis.consent_for_mandatory", finding.Code);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("Art. 7(4)", finding.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConsentForOptionalEmployeeFeature_IsOnlyAWarning()
    {
        var activity = WithPurpose(new Purpose { Description = "Leaderboard", LawfulBasis = LawfulBasis.Consent }, employment: true);

        var finding = Assert.Single(Check(TestData.ValidController().WithActivity(activity)));
        Assert.Equal(("ropa.basis.consent_in_employment", FindingSeverity.Warning), (finding.Code, finding.Severity));
    }

    [Fact]
    public void Check_ConsentOutsideEmploymentNotMandatory_IsFine() =>
        Assert.Empty(Codes(TestData.ValidController().WithActivity(WithPurpose(new Purpose { Description = "Newsletter", LawfulBasis = LawfulBasis.Consent }))));

    [Fact]
    public void Check_MandatoryTrainingOnLegalObligation_IsFine() =>
        Assert.Empty(Codes(TestData.ValidController().WithActivity(WithPurpose(new Purpose { Description = "Safety", LawfulBasis = LawfulBasis.LegalObligation, Mandatory = true }, employment: true))));

    [Fact]
    public void Check_SpecialCategoryWithoutCondition_IsAnError_WithConditionFine()
    {
        var activity = TestData.Activity() with { PersonalData = [new DataItem { Category = DataCategory.SpecialCategory, Label = "disability adjustments" }] };

        Assert.Equal(["ropa.special_category.condition_missing"], Codes(TestData.ValidController().WithActivity(activity)));
        Assert.Empty(Codes(TestData.ValidController().WithActivity(activity with { SpecialCategoryConditions = [SpecialCategoryCondition.ExplicitConsent] })));
    }

    [Fact]
    public void Check_ConditionWithoutSpecialData_ReportsUnlisted() =>
        Assert.Equal(["ropa.special_category.data_unlisted"], Codes(TestData.ValidController().WithActivity(TestData.Activity() with { SpecialCategoryConditions = [SpecialCategoryCondition.ExplicitConsent] })));

    // --- Art. 8 children ---

    [Fact]
    public void Check_ChildrenOnConsentWithoutParentalConsent_NamesTheNationalAge()
    {
        var activity = WithPurpose(new Purpose { Description = "Study app", LawfulBasis = LawfulBasis.Consent }) with
        {
            Children = new ChildrenInfo { Countries = ["BE", "DE"] },
        };

        var finding = Assert.Single(Check(TestData.ValidController().WithActivity(activity)));
        Assert.Equal("ropa.children.parental_consent_missing", finding.Code);
        Assert.Contains("under 16", finding.Message, StringComparison.Ordinal); // BE 13, DE 16: the strictest applies.
    }

    [Fact]
    public void Check_ChildrenInBelgiumOnly_Age13()
    {
        var activity = WithPurpose(new Purpose { Description = "Study app", LawfulBasis = LawfulBasis.Consent }) with { Children = new ChildrenInfo { Countries = ["be"] } };

        Assert.Contains("under 13", Assert.Single(Check(TestData.ValidController().WithActivity(activity))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ChildrenCountryUnknown_WarnsAndAssumes16()
    {
        var activity = WithPurpose(new Purpose { Description = "Study app", LawfulBasis = LawfulBasis.Consent }) with { Children = new ChildrenInfo() };

        var findings = Check(TestData.ValidController().WithActivity(activity));

        Assert.Equal(["ropa.children.country_unknown", "ropa.children.parental_consent_missing"], findings.Select(f => f.Code));
        Assert.Contains("under 16", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ChildrenWithParentalConsent_IsFine()
    {
        var activity = WithPurpose(new Purpose { Description = "Study app", LawfulBasis = LawfulBasis.Consent }) with { Children = new ChildrenInfo { Countries = ["FR"], ParentalConsent = true } };

        Assert.Empty(Codes(TestData.ValidController().WithActivity(activity)));
    }

    [Fact]
    public void Check_SchoolChildrenOnPublicTask_Art8NotEngaged()
    {
        var activity = WithPurpose(new Purpose { Description = "Teaching", LawfulBasis = LawfulBasis.PublicTask }) with { Children = new ChildrenInfo { Countries = ["DE"] } };

        Assert.Empty(Codes(TestData.ValidController().WithActivity(activity)));
    }

    // --- Recipients ---

    [Fact]
    public void Check_ProcessorWithoutContract_ReportsContractMissing() =>
        Assert.Equal(["ropa.recipient.contract_missing"], Codes(TestData.ValidController().WithRecipient(TestData.Processor() with { Contract = null })));

    [Fact]
    public void Check_IndependentControllerRecipient_NeedsNoDpa() =>
        Assert.Empty(Codes(TestData.ValidController().WithRecipient(new Recipient { Id = "proc", Name = "Exam board", Role = RecipientRole.Controller, Country = "FR" })));

    [Fact]
    public void Check_SubProcessorWithoutContract_ReportsContractMissing()
    {
        var recipient = TestData.Processor() with { SubProcessors = [new Recipient { Name = "Cloud", Country = "DE" }] };

        var finding = Assert.Single(Check(TestData.ValidController().WithRecipient(recipient)));
        Assert.Equal(("ropa.recipient.contract_missing", "$.recipients[0].subProcessors[0].contract"), (finding.Code, finding.Path));
    }

    [Fact]
    public void Check_ProcessorSubProcessorsUndeclared_IsAnError_EmptyListFine()
    {
        Assert.Equal(["ropa.recipient.subprocessors_undeclared"], Codes(TestData.ValidController().WithRecipient(TestData.Processor() with { SubProcessors = null })));
        Assert.Empty(Codes(TestData.ValidController().WithRecipient(TestData.Processor() with { SubProcessors = [] })));
    }

    [Fact]
    public void Check_RecipientWithoutIdNameOrRole_ReportsInvalid()
    {
        var record = TestData.ValidController().WithActivity(TestData.Activity() with { Recipients = [] }).WithRecipient(new Recipient { Country = "DE" });

        Assert.Equal(["ropa.recipient.invalid", "ropa.recipient.invalid", "ropa.recipient.invalid"], Codes(record));
    }

    [Fact]
    public void Check_RecipientCountryMissingOrMalformed_Reported()
    {
        Assert.Equal(["ropa.recipient.country_missing"], Codes(TestData.ValidController().WithRecipient(TestData.Processor() with { Country = null })));
        Assert.Equal(["ropa.recipient.country_invalid"], Codes(TestData.ValidController().WithRecipient(TestData.Processor() with { Country = "Germany" })));
    }

    // --- Transfers: the non-findings that trip naive checkers ---

    [Theory]
    [InlineData("IE")]
    [InlineData("NO")] // EEA, not EU
    [InlineData("LI")]
    public void Check_EeaHostedSubProcessor_NeedsNoTransferMechanism(string country)
    {
        var recipient = TestData.Processor() with { SubProcessors = [new Recipient { Name = "Cloud", Country = country, Contract = "c" }] };

        Assert.Empty(Codes(TestData.ValidController().WithRecipient(recipient)));
    }

    [Fact]
    public void Check_DpfCertifiedUsRecipient_NeedsNoSccsOrTia()
    {
        var recipient = TestData.Processor(country: "US") with { Dpf = new DpfCertification { VerifiedOn = new LocalDate(2026, 10, 1) } };

        Assert.Empty(Codes(TestData.ValidController().WithRecipient(recipient)));
    }

    [Theory]
    [InlineData("CH")]
    [InlineData("GB")]
    public void Check_AdequateCountry_NeedsNoMechanism(string country)
    {
        var findings = Check(TestData.ValidController().WithRecipient(TestData.Processor(country: country)));

        Assert.DoesNotContain(findings, f => f.Severity != FindingSeverity.Info);
    }

    [Fact]
    public void Check_UkAfterAdequacyExpiry_NeedsAMechanism()
    {
        var clock = new NodaTime.Testing.FakeClock(Instant.FromUtc(2032, 1, 10, 0, 0));
        var checker = new RopaChecker(clock);

        var codes = checker.Check(TestData.ValidController().WithRecipient(TestData.Processor(country: "GB"))).Findings.Select(f => f.Code);

        Assert.Contains("ropa.transfer.mechanism_missing", codes);
    }

    [Fact]
    public void Check_UsRecipientWithoutDpfOrMechanism_ReportsMechanismMissing()
    {
        var finding = Assert.Single(Check(TestData.ValidController().WithRecipient(TestData.Processor(country: "US"))));

        Assert.Equal(("ropa.transfer.mechanism_missing", "$.recipients[0].transfer"), (finding.Code, finding.Path));
        Assert.Equal(FindingSeverity.Error, finding.Severity);
    }

    [Fact]
    public void Check_NonAdequateSubProcessor_ReportsMechanismMissing()
    {
        var recipient = TestData.Processor() with { SubProcessors = [new Recipient { Name = "Support", Country = "IN", Contract = "c" }] };

        Assert.Equal(["ropa.transfer.mechanism_missing"], Codes(TestData.ValidController().WithRecipient(recipient)));
    }

    [Fact]
    public void Check_SccsWithoutTia_ReportsTiaMissing_WithTiaFine()
    {
        var scc = new TransferSafeguard { Mechanism = TransferMechanism.Scc, SccModule = 2 };
        var recipient = TestData.Processor(country: "IN") with { Transfer = scc };

        Assert.Equal(["ropa.transfer.tia_missing"], Codes(TestData.ValidController().WithRecipient(recipient)));
        Assert.Empty(Codes(TestData.ValidController().WithRecipient(recipient with { Transfer = scc with { TiaDate = new LocalDate(2026, 1, 1) } })));
    }

    [Theory]
    [InlineData(null, "module 2")]
    [InlineData(1, "module 2")]
    public void Check_SccModuleMissingOrWrongForControllerToProcessor_Warns(int? module, string expected)
    {
        var recipient = TestData.Processor(country: "IN") with { Transfer = new TransferSafeguard { Mechanism = TransferMechanism.Scc, SccModule = module, TiaReference = "t" } };

        var finding = Assert.Single(Check(TestData.ValidController().WithRecipient(recipient)));
        Assert.Equal("ropa.transfer.scc_module", finding.Code);
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SubProcessorScc_ExpectsModule3()
    {
        var sub = new Recipient { Name = "Support", Country = "IN", Contract = "c", Transfer = new TransferSafeguard { Mechanism = TransferMechanism.Scc, SccModule = 2, TiaReference = "t" } };

        var finding = Assert.Single(Check(TestData.ValidController().WithRecipient(TestData.Processor() with { SubProcessors = [sub] })));
        Assert.Contains("module 3", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ControllerRecipientScc_ExpectsModule1()
    {
        var recipient = new Recipient { Id = "proc", Name = "Partner university", Role = RecipientRole.Controller, Country = "IN", Transfer = new TransferSafeguard { Mechanism = TransferMechanism.Scc, SccModule = 1, TiaReference = "t" } };

        Assert.Empty(Codes(TestData.ValidController().WithRecipient(recipient)));
    }

    [Fact]
    public void Check_AdequacyClaimedWithoutDecision_IsAnError() =>
        Assert.Equal(["ropa.transfer.adequacy_not_in_force"], Codes(TestData.ValidController().WithRecipient(TestData.Processor(country: "IN") with { Transfer = new TransferSafeguard { Mechanism = TransferMechanism.Adequacy } })));

    [Fact]
    public void Check_DpfClaimedOutsideUs_IsAnError() =>
        Assert.Equal(["ropa.transfer.adequacy_not_in_force"], Codes(TestData.ValidController().WithRecipient(TestData.Processor(country: "SG") with { Transfer = new TransferSafeguard { Mechanism = TransferMechanism.Dpf } })));

    [Fact]
    public void Check_DpfClaimedWithoutCertificationDetails_Warns() =>
        Assert.Equal(["ropa.transfer.dpf_unverified"], Codes(TestData.ValidController().WithRecipient(TestData.Processor(country: "US") with { Transfer = new TransferSafeguard { Mechanism = TransferMechanism.Dpf } })));

    [Fact]
    public void Check_DpfVerifiedInTheFuture_IsUnverified()
    {
        // Today is 2026-11-24; a check dated 2027-01-01 has not happened yet.
        var recipient = TestData.Processor(country: "US") with { Dpf = new DpfCertification { VerifiedOn = new LocalDate(2027, 1, 1) } };

        var finding = Assert.Single(Check(TestData.ValidController().WithRecipient(recipient)));
        Assert.Equal(("ropa.transfer.dpf_unverified", "$.recipients[0].dpf.verifiedOn"), (finding.Code, finding.Path));
        Assert.Contains("future", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DpfVerifiedToday_IsFine() =>
        Assert.Empty(Codes(TestData.ValidController().WithRecipient(TestData.Processor(country: "US") with { Dpf = new DpfCertification { VerifiedOn = TestData.Today } })));

    [Theory]
    [InlineData("EL")] // the EU's code for Greece
    [InlineData("el")]
    [InlineData("GR")]
    public void Check_SubProcessorInGreece_IsNoTransfer(string country)
    {
        var sub = new Recipient { Name = "Athens hosting", Country = country, Contract = "c" };

        Assert.Empty(Codes(TestData.ValidController().WithRecipient(TestData.Processor() with { SubProcessors = [sub] })));
    }

    [Theory]
    [InlineData("UK")] // common for the United Kingdom; ISO 3166-1 is GB
    [InlineData("GB")]
    public void Check_RecipientInUnitedKingdom_UsesTheGbAdequacyDecision(string country) =>
        Assert.Empty(Codes(TestData.ValidController().WithRecipient(TestData.Processor(country: country))));

    [Fact]
    public void Check_DpfCheckedOverAYearAgo_Warns()
    {
        // 2025-11-23 to 2026-11-24 is 366 days (python3: (date(2026,11,24)-date(2025,11,23)).days).
        var recipient = TestData.Processor(country: "US") with { Dpf = new DpfCertification { VerifiedOn = new LocalDate(2025, 11, 23) } };

        var finding = Assert.Single(Check(TestData.ValidController().WithRecipient(recipient)));
        Assert.Equal("ropa.transfer.dpf_unverified", finding.Code);
        Assert.Contains("366 days", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EmployeeDataToNonHrDpfRecipient_IsAnError()
    {
        var record = TestData.ValidController()
            .WithActivity(TestData.Activity() with { Employment = true })
            .WithRecipient(TestData.Processor(country: "US") with { Dpf = new DpfCertification { VerifiedOn = new LocalDate(2026, 10, 1), HrData = false } });

        Assert.Equal(["ropa.transfer.dpf_hr_scope"], Codes(record));
    }

    [Fact]
    public void Check_EmployeeDataToHrDpfSubProcessor_IsFine()
    {
        var sub = new Recipient { Name = "CDN", Country = "US", Contract = "c", Dpf = new DpfCertification { VerifiedOn = new LocalDate(2026, 10, 1), HrData = true } };
        var record = TestData.ValidController()
            .WithActivity(TestData.Activity() with { Employment = true })
            .WithRecipient(TestData.Processor() with { SubProcessors = [sub] });

        Assert.Empty(Codes(record));
    }

    [Theory]
    [InlineData("CA", "PIPEDA")] // Decision 2002/2/EC: commercial organisations only
    [InlineData("JP", "APPI")] // Decision (EU) 2019/419: private sector only
    public void Check_PartialAdequacyWithoutOtherMechanism_Warns(string country, string scope)
    {
        var finding = Assert.Single(Check(TestData.ValidController().WithRecipient(TestData.Processor(country: country))));

        Assert.Equal(("ropa.transfer.adequacy_partial_scope", FindingSeverity.Warning), (finding.Code, finding.Severity));
        Assert.Contains(scope, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Derogation_WarnsSystematic_AndCompellingInterestsNeedsSafeguards()
    {
        var consent = TestData.Processor(country: "IN") with { Transfer = new TransferSafeguard { Mechanism = TransferMechanism.Derogation, Derogation = "49(1)(a)" } };
        var compelling = consent with { Transfer = consent.Transfer! with { Derogation = "49(1)-second-subparagraph" } };

        Assert.Equal(["ropa.transfer.derogation_systematic"], Codes(TestData.ValidController().WithRecipient(consent)));
        Assert.Equal(["ropa.transfer.derogation_systematic", "ropa.transfer.derogation_safeguards_missing"], Codes(TestData.ValidController().WithRecipient(compelling)));
    }

    [Fact]
    public void Check_InternalRecipientAbroad_IsNotATransfer() =>
        Assert.Empty(Codes(TestData.ValidController().WithRecipient(new Recipient { Id = "proc", Name = "Our US office", Role = RecipientRole.Internal, Country = "US" })));

    [Fact]
    public void Check_StaleCountryData_ReportsInfo()
    {
        var old = new CountryData(new LocalDate(2025, 1, 1), CountryData.Default.EeaCountries, CountryData.Default.AdequacyDecisions.Values, CountryData.Default.DigitalConsentAges.Values);
        var checker = new RopaChecker(TestData.Clock, old, new RopaOptions());

        var finding = Assert.Single(checker.Check(TestData.ValidController()).Findings);
        Assert.Equal(("ropa.country_data.stale", FindingSeverity.Info), (finding.Code, finding.Severity));
    }

    // --- Processor records ---

    private static RecordOfProcessing ValidProcessorRecord() => new()
    {
        Kind = RecordKind.Processor,
        Organisation = new Party { Name = "Lumen LRS Inc.", Email = "privacy@lumen.example", Country = "IE" },
        Controllers = [new Party { Name = "Brightwell Logistics SE", Email = "privacy@brightwell.example" }],
        SecurityMeasures = ["ISO 27001 certified ISMS"],
        Activities = [new ProcessingActivity { Id = "lrs-hosting", CategoriesOfProcessing = ["storage and reporting of xAPI statements"] }],
        Recipients = [new Recipient { Id = "aws", Name = "AWS EMEA", Role = RecipientRole.SubProcessor, Country = "IE", Contract = "AWS DPA" }],
    };

    [Fact]
    public void Check_ProcessorRecord_HasNoLawfulBasisPurposeOrRetentionFinding() => Assert.Empty(Check(ValidProcessorRecord()));

    [Fact]
    public void Check_ProcessorRecordWithoutControllers_ReportsControllersMissing() =>
        Assert.Equal(["ropa.processor_record.controllers_missing"], Codes(ValidProcessorRecord() with { Controllers = [] }));

    [Fact]
    public void Check_ProcessorRecordWithoutCategories_ReportsCategoriesMissing() =>
        Assert.Equal(["ropa.processor_record.categories_missing"], Codes(ValidProcessorRecord() with { Activities = [new ProcessingActivity { Id = "x" }] }));

    [Fact]
    public void Check_ProcessorRecordServingTwoControllers_NeedsControllerPerActivity()
    {
        var record = ValidProcessorRecord() with { Controllers = [.. ValidProcessorRecord().Controllers, new Party { Name = "Other", Phone = "1" }] };

        Assert.Equal(["ropa.processor_record.categories_missing"], Codes(record));
    }

    [Fact]
    public void Check_ProcessorRecordTransferToSubProcessor_ExpectsModule3()
    {
        var record = ValidProcessorRecord() with
        {
            Recipients = [new Recipient { Id = "s", Name = "Support", Role = RecipientRole.SubProcessor, Country = "IN", Contract = "c", Transfer = new TransferSafeguard { Mechanism = TransferMechanism.Scc, SccModule = 3, TiaReference = "t" } }],
        };

        Assert.Empty(Codes(record));
    }

    [Fact]
    public void Check_Null_Throws() => Assert.Throws<ArgumentNullException>(() => TestData.Checker.Check(null!));

    [Fact]
    public void Constructor_InvalidOptions_Throws() =>
        Assert.Throws<ArgumentException>(() => new RopaChecker(TestData.Clock, CountryData.Default, new RopaOptions { DpfVerificationMaxAgeDays = 0 }));
}

public sealed class RopaCheckerProcessorSampleTests
{
    [Fact]
    public void Check_ProcessorSample_NoFindings()
    {
        // A US processor with an EU representative, two controllers named per activity, EU hosting, SCC module 3 with a TIA for support from India.
        var record = RopaJson.ParseRecord(TestData.SampleBytes("lrs-vendor.processor-ropa.json"));

        Assert.Empty(TestData.Checker.Check(record).Findings);
    }

    [Fact]
    public void Check_ProcessorSampleWithoutRepresentative_Warns()
    {
        var record = RopaJson.ParseRecord(TestData.SampleBytes("lrs-vendor.processor-ropa.json")) with { Representative = null };

        Assert.Equal("ropa.representative.missing", Assert.Single(TestData.Checker.Check(record).Findings).Code);
    }
}
