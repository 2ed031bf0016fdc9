using LmsPrivacy.Findings;

namespace LmsPrivacy.Core.Tests.Findings;

public sealed class ValidationReportTests
{
    private static readonly RuleDescriptor Rule = new("core.test.rule", "A test rule", FindingSeverity.Error, "test §1");

    [Fact]
    public void IsValid_OnlyWarningsAndInfo_IsTrue()
    {
        var report = new ValidationReport([
            Rule.At("$.a", "warn", FindingSeverity.Warning),
            Rule.At("$.b", "info", FindingSeverity.Info),
        ]);

        Assert.True(report.IsValid);
        Assert.Equal(1, report.WarningCount);
        Assert.Equal(1, report.InfoCount);
        report.ThrowIfInvalid();
    }

    [Fact]
    public void IsValid_AnError_IsFalseAndThrowListsCodeAndPath()
    {
        var report = new ValidationReport([Rule.At("$.actor.mbox", "mbox must be a mailto IRI.")]);

        Assert.False(report.IsValid);
        var ex = Assert.Throws<PrivacyValidationException>(report.ThrowIfInvalid);
        Assert.Contains("core.test.rule at $.actor.mbox", ex.Message, StringComparison.Ordinal);
        Assert.Same(report, ex.Report);
    }

    [Fact]
    public void Findings_KeepInsertionOrder()
    {
        var report = new ValidationReport([Rule.At("$.z", "1"), Rule.At("$.a", "2")]);

        Assert.Equal(["$.z", "$.a"], report.Findings.Select(f => f.Path));
    }

    [Fact]
    public void At_CarriesSourceAndDefaultSeverity()
    {
        var finding = Rule.At("$.x", "m");

        Assert.Equal(new Finding("core.test.rule", FindingSeverity.Error, "$.x", "m") { Source = "test §1" }, finding);
        Assert.Equal("error", finding.Severity.ToCode());
    }

    [Theory]
    [InlineData("NoDots")]
    [InlineData("Upper.Case")]
    [InlineData(".leading")]
    [InlineData("trailing.")]
    [InlineData("has space.x")]
    public void RuleDescriptor_BadCode_Throws(string code)
        => Assert.Throws<ArgumentException>(() => new RuleDescriptor(code, "t", FindingSeverity.Error, "s"));

    [Fact]
    public void FindingJson_SeverityIsLowerCase()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(FindingSeverity.Warning, TestJsonContext.Default.FindingSeverity);

        Assert.Equal("\"warning\"", json);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(FindingSeverity))]
internal sealed partial class TestJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

public sealed class StrictEnumJsonTests
{
    [Theory]
    [InlineData("99")]
    [InlineData("0")]
    [InlineData("\"1\"")]
    [InlineData("\"consent, contract\"")]
    [InlineData("\"\"")]
    public void LawfulBasis_IntegerValue_IsRefused(string json)
        => Assert.ThrowsAny<System.Text.Json.JsonException>(() =>
            System.Text.Json.JsonSerializer.Deserialize(json, StrictEnumJsonContext.Default.LawfulBasis));

    [Fact]
    public void LawfulBasis_Name_IsRead()
        => Assert.Equal(LmsPrivacy.Legal.LawfulBasis.PublicTask,
            System.Text.Json.JsonSerializer.Deserialize("\"public-task\"", StrictEnumJsonContext.Default.LawfulBasis));

    [Fact]
    public void DataCategory_IntegerValue_IsRefused()
        => Assert.ThrowsAny<System.Text.Json.JsonException>(() =>
            System.Text.Json.JsonSerializer.Deserialize("3", StrictEnumJsonContext.Default.DataCategory));
}

[System.Text.Json.Serialization.JsonSerializable(typeof(LmsPrivacy.Legal.LawfulBasis))]
[System.Text.Json.Serialization.JsonSerializable(typeof(LmsPrivacy.Classification.DataCategory))]
internal sealed partial class StrictEnumJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
