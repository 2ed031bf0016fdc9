using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LmsPrivacy.Ropa.Countries;
using LmsPrivacy.Ropa.Dpa;
using LmsPrivacy.Ropa.Records;

namespace LmsPrivacy.Ropa.Tests;

public sealed class RopaPropertyTests
{
    private static readonly string[] Eea = [.. CountryData.Default.EeaCountries];

    private static readonly TransferSafeguard?[] Safeguards =
    [
        null,
        new TransferSafeguard { Mechanism = TransferMechanism.Scc },
        new TransferSafeguard { Mechanism = TransferMechanism.Derogation, Derogation = "49(1)-second-subparagraph" },
        new TransferSafeguard { Mechanism = TransferMechanism.Adequacy },
    ];

    [Property]
    public Property Art44_RecipientInTheEea_NeverTriggersATransferFinding() =>
        Prop.ForAll(Gen.Elements(Eea).ToArbitrary(), Gen.Elements(Safeguards).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (country, safeguard, nested) =>
        {
            var recipient = nested
                ? TestData.Processor() with { SubProcessors = [new Recipient { Name = "Sub", Country = country.ToLowerInvariant(), Contract = "c", Transfer = safeguard }] }
                : TestData.Processor(country: country) with { Transfer = safeguard };
            var findings = TestData.Checker.Check(TestData.ValidController().WithRecipient(recipient)).Findings;
            return findings.All(f => !f.Code.StartsWith("ropa.transfer.", StringComparison.Ordinal));
        });

    [Property]
    public Property Art28_2_GeneralAuthorisation_IsMetExactlyWhenNoticeReachesTheThresholdWithARightToObject() =>
        Prop.ForAll(Gen.Choose(0, 60).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (days, objection) =>
        {
            var dpa = new DataProcessingAgreement
            {
                SubProcessors = new DpaSubProcessing { Authorisation = SubProcessorAuthorisation.General, NoticeDays = days, RightToObject = objection, FlowDown = true, ProcessorRemainsLiable = true },
            };
            var met = new DpaChecker().Check(dpa)["28(2)"].Status == ClauseStatus.Met;
            return met == (days >= 14 && objection);
        });

    [Property]
    public Property Art33_2_BreachNoticeOf72HoursOrMore_IsAlwaysAnError() =>
        Prop.ForAll(Gen.Choose(0, 2000).ToArbitrary(), hours =>
        {
            var dpa = new DataProcessingAgreement { Assistance = new DpaComplianceAssistance { Assists = true, BreachNotificationHours = hours } };
            var error = new DpaChecker().Check(dpa).Findings.Findings.Any(f => f.Code == "dpa.breach.notice_too_slow");
            return error == (hours >= 72);
        });
}
