using LmsPrivacy.Findings;
using LmsPrivacy.Ropa.Dpa;

namespace LmsPrivacy.Ropa.Tests.Dpa;

public sealed class DpaCheckerTests
{
    private static readonly string[] ClauseOrder = ["28(3)(a)", "28(3)(b)", "28(3)(c)", "28(3)(d)", "28(3)(e)", "28(3)(f)", "28(3)(g)", "28(3)(h)", "28(2)", "28(4)"];

    private static DataProcessingAgreement Good => RopaJson.ParseDpa(TestData.SampleBytes("lrs-vendor-good.dpa.json"));

    private static DataProcessingAgreement Weak => RopaJson.ParseDpa(TestData.SampleBytes("lrs-vendor-weak.dpa.json"));

    private static DpaReport Check(DataProcessingAgreement dpa) => new DpaChecker().Check(dpa);

    [Fact]
    public void Check_GoodSample_EveryClauseMetNoFindings()
    {
        var report = Check(Good);

        Assert.Equal(ClauseOrder, report.Clauses.Select(c => c.Clause));
        Assert.All(report.Clauses, c => Assert.Equal(ClauseStatus.Met, c.Status));
        Assert.Empty(report.Findings.Findings);
    }

    [Fact]
    public void Check_WeakSample_StatusPerClauseAsReviewedByHand()
    {
        var report = Check(Weak);

        // Reviewed by hand against the sample: only (b) confidentiality is met; 28(4) is weak (no full liability).
        Assert.Equal(
            [ClauseStatus.Weak, ClauseStatus.Met, ClauseStatus.Weak, ClauseStatus.Weak, ClauseStatus.Weak, ClauseStatus.Weak, ClauseStatus.Weak, ClauseStatus.Weak, ClauseStatus.Weak, ClauseStatus.Weak],
            report.Clauses.Select(c => c.Status));
        Assert.False(report.Findings.IsValid);
        var codes = report.Findings.Findings.Select(f => f.Code).ToHashSet();
        Assert.Contains("dpa.instructions.vendor_own_purposes", codes);
        Assert.Contains("dpa.breach.notice_too_slow", codes);
        Assert.Contains("dpa.end_of_contract.retains_for_own_purposes", codes);
        Assert.Contains("dpa.description.vague", codes);
        Assert.Contains("720 hours", report["28(3)(f)"].Reason, StringComparison.Ordinal);
        Assert.Contains("notice period", report["28(2)"].Reason, StringComparison.Ordinal);
        Assert.Contains("right to object", report["28(2)"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EmptyDpa_EveryClauseMissing()
    {
        var report = Check(new DataProcessingAgreement());

        Assert.All(report.Clauses, c => Assert.Equal(ClauseStatus.Missing, c.Status));
        // Nine missing-clause errors ((d) is reported through 28(2) and 28(4)) plus six description errors.
        Assert.Equal(9, report.Findings.Findings.Count(f => f.Code == "dpa.clause.missing"));
        Assert.Equal(6, report.Findings.Findings.Count(f => f.Code == "dpa.description.missing"));
    }

    [Fact]
    public void Check_VendorOwnPurposes_IsAnErrorAndWeakensA()
    {
        var dpa = Good with { Instructions = Good.Instructions! with { VendorOwnPurposes = ["AI model training"] } };

        var report = Check(dpa);

        Assert.Equal(ClauseStatus.Weak, report["28(3)(a)"].Status);
        var finding = Assert.Single(report.Findings.Findings);
        Assert.Equal(("dpa.instructions.vendor_own_purposes", FindingSeverity.Error, "$.instructions"), (finding.Code, finding.Severity, finding.Path));
        Assert.DoesNotContain("AI model training", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoDocumentedInstructions_AMissing() =>
        Assert.Equal(ClauseStatus.Missing, Check(Good with { Instructions = Good.Instructions! with { DocumentedInstructionsOnly = false } })["28(3)(a)"].Status);

    [Fact]
    public void Check_NoUnlawfulInstructionNotice_AWeakWithAWarning()
    {
        var report = Check(Good with { Instructions = Good.Instructions! with { NotifiesUnlawfulInstructions = false } });

        Assert.Equal(ClauseStatus.Weak, report["28(3)(a)"].Status);
        var finding = Assert.Single(report.Findings.Findings);
        Assert.Equal(("dpa.clause.weak", FindingSeverity.Warning, "$.instructions", "GDPR Art. 28(3)(a); EDPB Guidelines 07/2020"), (finding.Code, finding.Severity, finding.Path, finding.Source));
        Assert.True(report.Findings.IsValid); // a weak clause alone does not fail the DPA
    }

    [Fact]
    public void Check_StaffNotBound_BMissing() =>
        Assert.Equal(ClauseStatus.Missing, Check(Good with { Confidentiality = new DpaConfidentiality() })["28(3)(b)"].Status);

    [Theory]
    [InlineData("1.1", ClauseStatus.Weak)]
    [InlineData("TLS 1.0", ClauseStatus.Weak)]
    [InlineData("1.2", ClauseStatus.Met)]
    [InlineData("TLSv1.3", ClauseStatus.Met)]
    [InlineData("TLS 1.2", ClauseStatus.Met)]
    [InlineData("tls1.2", ClauseStatus.Met)]
    [InlineData("2", ClauseStatus.Met)]
    [InlineData("SSLv3", ClauseStatus.Weak)]
    [InlineData("SSL 3.0", ClauseStatus.Weak)]
    [InlineData("sslv2", ClauseStatus.Weak)]
    [InlineData("modern", ClauseStatus.Weak)]
    [InlineData("TLS", ClauseStatus.Weak)]
    [InlineData("1.2.3", ClauseStatus.Weak)]
    [InlineData("TLS 1.3 or SSLv3", ClauseStatus.Weak)]
    public void Check_TlsVersion_BelowOnePointTwoIsWeak(string tls, ClauseStatus expected) =>
        Assert.Equal(expected, Check(Good with { Security = Good.Security! with { MinimumTlsVersion = tls } })["28(3)(c)"].Status);

    [Fact]
    public void Check_NoEncryptionAtRest_CWeak() =>
        Assert.Contains("at rest", Check(Good with { Security = Good.Security! with { EncryptionAtRest = false } })["28(3)(c)"].Reason, StringComparison.Ordinal);

    [Fact]
    public void Check_NoSecuritySection_CMissing() =>
        Assert.Equal(ClauseStatus.Missing, Check(Good with { Security = null })["28(3)(c)"].Status);

    [Theory]
    [InlineData(13, ClauseStatus.Weak)]
    [InlineData(14, ClauseStatus.Met)]
    [InlineData(30, ClauseStatus.Met)]
    public void Check_GeneralAuthorisationNotice_FourteenDaysThreshold(int days, ClauseStatus expected)
    {
        var report = Check(Good with { SubProcessors = Good.SubProcessors! with { NoticeDays = days } });

        Assert.Equal(expected, report["28(2)"].Status);
        Assert.Equal(expected, report["28(3)(d)"].Status);
    }

    [Fact]
    public void Check_SpecificAuthorisation_MetWithoutNoticeDays() =>
        Assert.Equal(ClauseStatus.Met, Check(Good with { SubProcessors = Good.SubProcessors! with { Authorisation = SubProcessorAuthorisation.Specific, NoticeDays = null } })["28(2)"].Status);

    [Fact]
    public void Check_NoAuthorisation_28_2Missing_DFollows()
    {
        var report = Check(Good with { SubProcessors = Good.SubProcessors! with { Authorisation = SubProcessorAuthorisation.None } });

        Assert.Equal(ClauseStatus.Missing, report["28(2)"].Status);
        Assert.Equal(ClauseStatus.Missing, report["28(3)(d)"].Status);
        Assert.Equal(ClauseStatus.Met, report["28(4)"].Status);
        Assert.Single(report.Findings.Findings); // reported once, under 28(2), not again under (d)
    }

    [Fact]
    public void Check_NoFlowDown_28_4Missing() =>
        Assert.Equal(ClauseStatus.Missing, Check(Good with { SubProcessors = Good.SubProcessors! with { FlowDown = false } })["28(4)"].Status);

    [Theory]
    [InlineData(10, ClauseStatus.Met)]
    [InlineData(11, ClauseStatus.Weak)]
    [InlineData(null, ClauseStatus.Weak)]
    public void Check_RightsResponseDays_TenDayThreshold(int? days, ClauseStatus expected) =>
        Assert.Equal(expected, Check(Good with { DataSubjectRights = new DpaRightsAssistance { Assists = true, ResponseDays = days } })["28(3)(e)"].Status);

    [Theory]
    [InlineData(48, ClauseStatus.Met, false)]
    [InlineData(49, ClauseStatus.Weak, false)]
    [InlineData(71, ClauseStatus.Weak, false)]
    [InlineData(72, ClauseStatus.Weak, true)] // 72 h for the processor leaves the controller nothing of its own 72 h (Art. 33(1))
    [InlineData(73, ClauseStatus.Weak, true)]
    public void Check_BreachNotice_48HourThresholdAnd72HourError(int hours, ClauseStatus expected, bool error)
    {
        var report = Check(Good with { Assistance = new DpaComplianceAssistance { Assists = true, BreachNotificationHours = hours } });

        Assert.Equal(expected, report["28(3)(f)"].Status);
        Assert.Equal(error, report.Findings.Findings.Any(f => f.Code == "dpa.breach.notice_too_slow"));
    }

    [Fact]
    public void Check_NoBreachDeadline_FWeak() =>
        Assert.Equal(ClauseStatus.Weak, Check(Good with { Assistance = new DpaComplianceAssistance { Assists = true } })["28(3)(f)"].Status);

    [Theory]
    [InlineData(EndOfContractChoice.Delete, ClauseStatus.Weak)]
    [InlineData(EndOfContractChoice.Return, ClauseStatus.Weak)]
    [InlineData(EndOfContractChoice.None, ClauseStatus.Missing)]
    [InlineData(EndOfContractChoice.DeleteOrReturn, ClauseStatus.Met)]
    public void Check_EndOfContractChoice(EndOfContractChoice choice, ClauseStatus expected) =>
        Assert.Equal(expected, Check(Good with { EndOfContract = Good.EndOfContract! with { Choice = choice } })["28(3)(g)"].Status);

    [Theory]
    [InlineData(90, ClauseStatus.Met)]
    [InlineData(91, ClauseStatus.Weak)]
    public void Check_EndOfContractDays_NinetyDayThreshold(int days, ClauseStatus expected) =>
        Assert.Equal(expected, Check(Good with { EndOfContract = Good.EndOfContract! with { Days = days } })["28(3)(g)"].Status);

    [Fact]
    public void Check_RetainsAfterEnd_IsAnError() =>
        Assert.Contains(Check(Good with { EndOfContract = Good.EndOfContract! with { RetainsForOwnPurposes = true } }).Findings.Findings, f => f.Code == "dpa.end_of_contract.retains_for_own_purposes" && f.IsError);

    [Fact]
    public void Check_ReportsOnlyNoAuditRight_HWeak()
    {
        var report = Check(Good with { Audits = new DpaAudits { Reports = ["soc2-type2"] } });

        Assert.Equal(ClauseStatus.Weak, report["28(3)(h)"].Status);
        Assert.Contains("cannot be excluded", report["28(3)(h)"].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NoAudits_HMissing() =>
        Assert.Equal(ClauseStatus.Missing, Check(Good with { Audits = new DpaAudits() })["28(3)(h)"].Status);

    [Fact]
    public void Check_AuditWithoutInspections_HWeak() =>
        Assert.Equal(ClauseStatus.Weak, Check(Good with { Audits = Good.Audits! with { Inspections = false } })["28(3)(h)"].Status);

    [Fact]
    public void Check_VagueDescription_Warns()
    {
        var finding = Assert.Single(Check(Good with { DataSubjectCategories = ["Users"] }).Findings.Findings);

        Assert.Equal(("dpa.description.vague", "$.dataSubjectCategories"), (finding.Code, finding.Path));
    }

    [Fact]
    public void Check_CustomThreshold_Applies() =>
        Assert.Equal(ClauseStatus.Weak, new DpaChecker(new RopaOptions { MinimumSubProcessorNoticeDays = 45 }).Check(Good)["28(2)"].Status);

    [Fact]
    public void Indexer_UnknownClause_Throws() => Assert.Throws<KeyNotFoundException>(() => Check(Good)["28(5)"]);

    [Fact]
    public void Check_Null_Throws() => Assert.Throws<ArgumentNullException>(() => new DpaChecker().Check(null!));

    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    public void Check_RightsResponseDaysNotPositive_WeakWithNumberInvalid(int days)
    {
        var report = Check(Good with { DataSubjectRights = new DpaRightsAssistance { Assists = true, ResponseDays = days } });

        Assert.Equal(ClauseStatus.Weak, report["28(3)(e)"].Status);
        var finding = Assert.Single(report.Findings.Findings);
        Assert.Equal(("dpa.clause.number_invalid", FindingSeverity.Error, "$.dataSubjectRights"), (finding.Code, finding.Severity, finding.Path));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void Check_BreachHoursNotPositive_WeakWithNumberInvalidNotMet(int hours)
    {
        var report = Check(Good with { Assistance = new DpaComplianceAssistance { Assists = true, BreachNotificationHours = hours } });

        Assert.Equal(ClauseStatus.Weak, report["28(3)(f)"].Status);
        Assert.Equal(["dpa.clause.number_invalid"], report.Findings.Findings.Select(f => f.Code));
    }

    [Fact]
    public void Check_EndOfContractDaysNegative_WeakWithNumberInvalid()
    {
        var report = Check(Good with { EndOfContract = Good.EndOfContract! with { Days = -1 } });

        Assert.Equal(ClauseStatus.Weak, report["28(3)(g)"].Status);
        Assert.Equal(["dpa.clause.number_invalid"], report.Findings.Findings.Select(f => f.Code));
    }

    [Fact]
    public void Check_EndOfContractDaysZero_MeansAtTheEndAndIsMet() =>
        Assert.Equal(ClauseStatus.Met, Check(Good with { EndOfContract = Good.EndOfContract! with { Days = 0 } })["28(3)(g)"].Status);

    [Fact]
    public void Check_SubProcessorNoticeNegative_WeakWithNumberInvalid()
    {
        var report = Check(Good with { SubProcessors = Good.SubProcessors! with { NoticeDays = -30 } });

        Assert.Equal(ClauseStatus.Weak, report["28(2)"].Status);
        Assert.Equal(["dpa.clause.number_invalid"], report.Findings.Findings.Select(f => f.Code));
    }

    [Fact]
    public void Check_UnreadableTls_ReasonSaysSo() =>
        Assert.Contains("cannot be read", Check(Good with { Security = Good.Security! with { MinimumTlsVersion = "strong" } })["28(3)(c)"].Reason, StringComparison.Ordinal);
}

public sealed class DpaCheckerSourceTests
{
    [Fact]
    public void Check_ClauseFindings_CiteTheirOwnParagraph()
    {
        var report = new DpaChecker().Check(new DataProcessingAgreement());

        var audit = report.Findings.Findings.Single(f => f.Path == "$.audits");
        Assert.Equal("GDPR Art. 28(3)(h)", audit.Source);
        var notice = report.Findings.Findings.Single(f => f.Path == "$.subProcessors.authorisation");
        Assert.Equal("GDPR Art. 28(2)", notice.Source);
    }
}
