using System.Text.Json;
using LmsPrivacy.Cli.Commands.Check;
using LmsPrivacy.Cli.Commands.Check.Analyzers;
using NodaTime;

namespace LmsPrivacy.Cli.Tests.Check;

public sealed class ReviewTests
{
    [Fact]
    public void Review_HostReceivingLearnerDataNotInRopa_IsUndeclaredProcessorError()
    {
        using var folder = new TempFolder();
        folder.Write("ropa.json", CheckFixtures.Ropa);
        folder.Write("launch.json", """{"iss":"https://lms.example","sub":"s","https://purl.imsglobal.org/spec/lti/claim/target_link_uri":"https://tool.other.example/x"}""");

        var report = CheckFixtures.Run(folder.Path);

        var finding = Assert.Single(report.ReviewFindings).Finding;
        Assert.Equal("check.processor.undeclared", finding.Code);
        Assert.True(finding.IsError);
        Assert.Contains("Art. 28", finding.Source, StringComparison.Ordinal);
        Assert.Contains("seed guide issue 5", finding.Source, StringComparison.Ordinal);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void Review_SubdomainOfDeclaredHost_IsCovered()
    {
        using var folder = new TempFolder();
        folder.Write("ropa.json", CheckFixtures.Ropa); // declares vendor.example
        folder.Write("statements.ndjson", CheckFixtures.PseudonymousStatement); // authority lrs.vendor.example

        var report = CheckFixtures.Run(folder.Path);

        Assert.Empty(report.ReviewFindings);
        Assert.Equal("Vendor LRS B.V. (processor)", report.Hosts.Single().DeclaredAs);
        Assert.True(report.IsValid);
    }

    [Theory]
    [InlineData("vendor.example", "vendor.example", true)]
    [InlineData("vendor.example", "lrs.vendor.example", true)]
    [InlineData("vendor.example", "evilvendor.example", false)]
    [InlineData("lrs.vendor.example", "vendor.example", false)]
    public void Covers_DeclaredDomain_CoversItselfAndSubdomainsOnly(string declared, string host, bool expected) =>
        Assert.Equal(expected, Hosts.Covers(declared, host));

    [Fact]
    public void Review_NoRopa_OneWarningNotErrors()
    {
        using var folder = new TempFolder();
        folder.Write("statements.ndjson", CheckFixtures.PseudonymousStatement);

        var report = CheckFixtures.Run(folder.Path);

        Assert.Equal("check.ropa.missing", Assert.Single(report.ReviewFindings).Finding.Code);
        Assert.True(report.IsValid);
    }

    [Fact]
    public void Review_BrowserOnlyHost_IsAWarning()
    {
        using var folder = new TempFolder();
        folder.Write("ropa.json", CheckFixtures.Ropa);
        folder.Write("pkg/imsmanifest.xml", "<manifest/>");
        folder.Write("pkg/style.css", "@import url(\"https://fonts.other.example/a.css\");");

        var report = CheckFixtures.Run(folder.Path);

        var finding = Assert.Single(report.ReviewFindings).Finding;
        Assert.Equal("check.host.undeclared", finding.Code);
        Assert.Equal(LmsPrivacy.Findings.FindingSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void Review_ProcessorWithoutDpa_OnlyWhenTheFolderHasDpas()
    {
        using var folder = new TempFolder();
        folder.Write("ropa.json", CheckFixtures.Ropa);
        Assert.Empty(CheckFixtures.Run(folder.Path).ReviewFindings);

        folder.Write("other.dpa.json", """{"$schema":"dpa.schema.json","processor":{"name":"Someone Else Ltd"}}""");
        var finding = Assert.Single(CheckFixtures.Run(folder.Path).ReviewFindings, f => f.Finding.Code == "check.processor.no_dpa");
        Assert.Equal("$.recipients[0]", finding.Finding.Path);

        folder.Write("vendor.dpa.json", """{"$schema":"dpa.schema.json","processor":{"name":"Vendor LRS BV"}}""");
        Assert.DoesNotContain(CheckFixtures.Run(folder.Path).ReviewFindings, f => f.Finding.Code == "check.processor.no_dpa");
    }

    [Theory]
    [InlineData("Vendor LRS B.V.", "Vendor LRS", true)]
    [InlineData("Acme Inc.", "ACME", true)]
    [InlineData("Acme", "Acmeco", false)]
    public void NamesMatch_IgnoresLegalFormAndCase(string a, string b, bool expected) =>
        Assert.Equal(expected, ProcessorReview.NamesMatch(a, b));

    [Theory]
    [InlineData("weak-dpa", "28(2)", "weak")]
    [InlineData("weak-dpa", "28(3)(a)", "weak")]
    [InlineData("weak-dpa", "28(3)(f)", "weak")]
    [InlineData("weak-dpa", "28(3)(h)", "missing")]
    [InlineData("good-dpa", "28(2)", "met")]
    [InlineData("good-dpa", "28(3)(f)", "met")]
    public void DpaAssess_Thresholds(string which, string clause, string expected)
    {
        const string weak = """
            {"processor":{"name":"V"},"instructions":{"documentedInstructionsOnly":true,"vendorOwnPurposes":["ai training"]},
             "confidentiality":{"staffBound":true},"security":{"encryptionAtRest":true},
             "subProcessors":{"authorisation":"general","noticeDays":13,"rightToObject":true,"flowDown":true},
             "dataSubjectRights":{"assists":true},"assistance":{"breachNotificationHours":49},"endOfContract":{"days":30}}
            """;
        const string good = """
            {"processor":{"name":"V"},"instructions":{"documentedInstructionsOnly":true,"vendorOwnPurposes":[]},
             "subProcessors":{"authorisation":"general","noticeDays":14,"rightToObject":true,"flowDown":true},
             "assistance":{"breachNotificationHours":48}}
            """;
        using var document = JsonDocument.Parse(which == "weak-dpa" ? weak : good);

        var rows = DpaAnalyzer.Assess(document.RootElement);

        Assert.Equal(expected, rows.Single(r => r.Clause == clause).Status);
    }
}
