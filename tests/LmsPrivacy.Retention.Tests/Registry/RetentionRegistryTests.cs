using LmsPrivacy.Retention.Registry;
using static LmsPrivacy.Retention.Tests.Build;

namespace LmsPrivacy.Retention.Tests.Registry;

public sealed class RetentionRegistryTests
{
    [Fact]
    public void Validate_PurposeWithoutLawfulBasis_Error()
    {
        var registry = Reg([Purpose("site", "P1Y") with { LawfulBases = [] }], "site");

        var finding = Assert.Single(registry.Validate().Findings);

        Assert.Equal("retention.purpose.lawful_basis.missing", finding.Code);
        Assert.Equal("$.purposes[0].lawfulBases", finding.Path);
    }

    [Fact]
    public void Validate_NoSystemPurpose_Error()
    {
        var registry = new RetentionRegistry { Purposes = [Purpose("site", "P1Y")] };

        Assert.Contains(registry.Validate().Findings, f => f.Code == "retention.registry.system_purpose.missing");
    }

    [Fact]
    public void Validate_DuplicateRoleOverride_Error()
    {
        var registry = Reg([Purpose("site", "P1Y", false, Role("student", "P1M"), Role("student", "P2M"))], "site");

        Assert.Equal("retention.purpose.role_override.duplicate", Assert.Single(registry.Validate().Findings).Code);
    }

    [Fact]
    public void Validate_UnknownPurposeAndCategory_Errors()
    {
        var registry = Reg([Purpose("site", "P1Y")], "site", new() { [ContextKind.Course] = Slot("nope", "none") });

        var codes = registry.Validate().Findings.Select(f => f.Code).ToArray();

        Assert.Equal(["retention.purpose.unknown", "retention.category.unknown"], codes);
    }

    [Fact]
    public void Validate_NegativePeriod_ErrorAndZeroPeriod_Warning()
    {
        var registry = Reg([Purpose("site", "P1Y"), Purpose("neg", "P-1D"), Purpose("zero", "P0D")], "site");

        var findings = registry.Validate().Findings;

        Assert.Equal(["retention.purpose.period.invalid", "retention.purpose.period.zero"], findings.Select(f => f.Code).ToArray());
        Assert.Equal(LmsPrivacy.Findings.FindingSeverity.Warning, findings[1].Severity);
    }
}
