using LmsPrivacy.Cli.Commands.Check;
using LmsPrivacy.Cli.Commands.Check.Analyzers;

namespace LmsPrivacy.Cli.Tests.Check;

public sealed class PackageAndLaunchAnalyzerTests
{
    private const string Manifest2004 = """
        <?xml version="1.0"?>
        <manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
          <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
          <organizations/><resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="index.html"/></resources>
        </manifest>
        """;

    private static ArtifactResult Artifact(CheckReport report, string suffix) =>
        report.Artifacts.Single(a => a.Path.EndsWith(suffix, StringComparison.Ordinal));

    [Fact]
    public void BuiltInScorm_TrackingScript_ReportsHostWithFileAndLine()
    {
        using var folder = new TempFolder();
        folder.WriteZip("course.zip",
            ("imsmanifest.xml", Manifest2004),
            ("index.html", "<html><script src=\"https://cdn.jsvendor.example/lib.js\"></script></html>"),
            ("t.js", "var who = api.GetValue('cmi.learner_name');\nnavigator.sendBeacon('https://collect.vendor.example/c', who);\n// https://docs.example.com is only a comment link\nvar ns = 'http://www.w3.org/2000/svg';"));

        var report = CheckFixtures.RunBuiltIn(folder.Path);
        var result = Artifact(report, "course.zip");

        var tracking = Assert.Single(result.Findings, f => f.Code == "check.scorm.host.tracking");
        Assert.Equal("t.js:2", tracking.Path);
        Assert.Contains("collect.vendor.example", tracking.Message, StringComparison.Ordinal);
        Assert.Single(result.Findings, f => f.Code == "check.scorm.host.external" && f.Path == "index.html:1");
        var hosts = report.Hosts.Select(h => h.Host).ToList();
        Assert.Equal(["cdn.jsvendor.example", "collect.vendor.example"], hosts); // not the comment, not the namespace
        Assert.True(report.Hosts.Single(h => h.Host == "collect.vendor.example").ReceivesLearnerData);
        Assert.False(report.Hosts.Single(h => h.Host == "cdn.jsvendor.example").ReceivesLearnerData);
    }

    [Fact]
    public void BuiltInScorm_CleanPackage_NoFindings()
    {
        using var folder = new TempFolder();
        folder.WriteZip("clean.zip", ("imsmanifest.xml", Manifest2004), ("index.html", "<html><script src=\"api.js\"></script></html>"), ("api.js", "API_1484_11.Initialize('');"));

        var result = Artifact(CheckFixtures.RunBuiltIn(folder.Path), "clean.zip");

        Assert.Empty(result.Findings);
        Assert.Contains(result.Facts, f => f.StartsWith("SCORM 2004 4th Edition", StringComparison.Ordinal));
    }

    [Fact]
    public void BuiltInScorm_ZipSlipEntry_RefusedWithFinding()
    {
        using var folder = new TempFolder();
        folder.WriteZip("evil.zip", ("imsmanifest.xml", Manifest2004), ("../../outside.js", "fetch('https://x.example/')"));

        var result = Artifact(CheckFixtures.RunBuiltIn(folder.Path), "evil.zip");

        var finding = Assert.Single(result.Findings);
        Assert.Equal("check.scorm.zip.unsafe", finding.Code);
        Assert.Equal("../../outside.js", finding.Path);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("a/../../b")]
    [InlineData("C:/windows/x")]
    public void IsSafeEntryName_Escapes_False(string name) => Assert.False(ScormPackageAnalyzer.IsSafeEntryName(name));

    [Theory]
    [InlineData("index.html")]
    [InlineData("a/b..c/d.js")]
    public void IsSafeEntryName_Inside_True(string name) => Assert.True(ScormPackageAnalyzer.IsSafeEntryName(name));

    [Fact]
    public void BuiltInScorm_ManifestWithDtd_RefusedWithFinding()
    {
        using var folder = new TempFolder();
        folder.Write("pkg/imsmanifest.xml", "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><manifest>&x;</manifest>");

        var result = Artifact(CheckFixtures.RunBuiltIn(folder.Path), "/pkg");

        Assert.Contains(result.Findings, f => f.Code == "check.scorm.manifest.invalid");
    }

    [Fact]
    public void BuiltInScorm_ZipBombEntry_NotExpanded()
    {
        using var folder = new TempFolder();
        folder.WriteZip("bomb.zip", ("imsmanifest.xml", Manifest2004), ("big.js", new string(' ', 4 * 1024 * 1024)));

        var result = Artifact(CheckFixtures.RunBuiltIn(folder.Path), "bomb.zip");

        Assert.Contains(result.Findings, f => f.Code == "check.scorm.zip.unsafe" && f.Path == "big.js");
    }

    [Fact]
    public void Lti_IdentityClaims_WarnAndFlowToTool()
    {
        using var folder = new TempFolder();
        folder.Write("launch.json", """
            {"iss":"https://canvas.example","sub":"s","name":"A B","email":"a@b.example",
             "https://purl.imsglobal.org/spec/lti/claim/message_type":"LtiResourceLinkRequest",
             "https://purl.imsglobal.org/spec/lti/claim/target_link_uri":"https://tool.example/launch"}
            """);

        var report = CheckFixtures.Run(folder.Path);
        var result = Artifact(report, "launch.json");

        var finding = Assert.Single(result.Findings);
        Assert.Equal("check.lti.identity.sent", finding.Code);
        Assert.DoesNotContain("a@b.example", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("A B", finding.Message, StringComparison.Ordinal);
        var flow = Assert.Single(report.Flows);
        Assert.Equal(("canvas.example", "tool.example"), (flow.From, flow.To));
        Assert.True(report.Hosts.Single().ReceivesLearnerData);
    }

    [Fact]
    public void Lti_OnlySub_NoWarning()
    {
        using var folder = new TempFolder();
        folder.Write("launch.json", """
            {"iss":"https://moodle.example","sub":"s",
             "https://purl.imsglobal.org/spec/lti/claim/target_link_uri":"https://tool.example/launch"}
            """);

        Assert.Empty(Artifact(CheckFixtures.Run(folder.Path), "launch.json").Findings);
    }

    [Fact]
    public void BuiltInRetention_MissingAnchors_ClockNeverStarts()
    {
        using var folder = new TempFolder();
        folder.Write("registry.json", """
            {"purposes":[{"id":"p","retention":"P1Y"}],
             "contexts":[{"id":"c1","kind":"course","endDate":"2026-01-31"},{"id":"c2","kind":"course","endDate":null},
                         {"id":"u1","kind":"user"},{"id":"m1","kind":"module"}]}
            """);

        var report = CheckFixtures.RunBuiltIn(folder.Path);
        var result = Artifact(report, "registry.json");

        Assert.Equal(["$.contexts[1]", "$.contexts[2]"], result.Findings.Where(f => f.Code == "check.retention.clock.never_starts").Select(f => f.Path));
        Assert.Equal(["c1:anchored", "c2:no-anchor", "u1:no-anchor"], report.RetentionClocks.Select(c => c.Context + ":" + c.Status));
    }

    [Fact]
    public void Ropa_OversizedDocument_FailsWithFinding()
    {
        using var folder = new TempFolder();
        folder.Write("ropa.json", CheckFixtures.Ropa.TrimEnd().TrimEnd('}') + ",\"pad\":\"" + new string('x', 2048) + "\"}");

        var report = CheckRunner.Run(folder.Path, CheckFixtures.Now, new CheckLimits { MaxDocumentBytes = 1024 },
            new CheckProgress(new LmsPrivacy.Cli.Infrastructure.CliContext(TextWriter.Null, TextWriter.Null, () => Stream.Null)), TestContext.Current.CancellationToken);
        var result = Artifact(report, "ropa.json");

        Assert.Equal(ArtifactStatus.Failed, result.Status);
        Assert.Equal("check.input.too_large", Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void Ropa_DeeplyNested_FailsWithFinding()
    {
        using var folder = new TempFolder();
        folder.Write("ropa.json", "{\"controller\":{},\"activities\":[],\"x\":" + string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)) + "}");

        var result = Artifact(CheckFixtures.Run(folder.Path), "ropa.json");

        Assert.Equal("check.input.too_deep", Assert.Single(result.Findings).Code);
    }

    [Theory]
    [InlineData("ndjson", "$<0>.verb.id", 3)]
    [InlineData("array", "$[0].verb.id", 2)]
    public void XapiValidator_RepeatedViolation_OneAggregatedFinding(string container, string path, int count)
    {
        using var folder = new TempFolder();
        const string statement = """{"actor":{"account":{"homePage":"https://lms.example.org","name":"k1"}},"verb":{"id":"not an iri"},"object":{"id":"https://lms.example.org/a"}}""";
        folder.Write("s", container == "array" ? "[" + string.Join(",", Enumerable.Repeat(statement, count)) + "]" : string.Join("\n", Enumerable.Repeat(statement, count)) + "\n");

        var result = Artifact(CheckFixtures.Run(folder.Path), "/s");

        var finding = Assert.Single(result.Findings, f => f.Code.StartsWith("xapi.", StringComparison.Ordinal));
        Assert.Equal(path, finding.Path);
        Assert.EndsWith($"({count} occurrences; the first is shown)", finding.Message, StringComparison.Ordinal);
        Assert.Contains("LmsPrivacy.Xapi StatementValidator", result.Analyzers);
    }

    [Fact]
    public void ScormPackage_TrackingPackage_HostReceivesLearnerDataThroughThePackageAudit()
    {
        using var folder = new TempFolder();
        folder.WriteZip("course.zip",
            ("imsmanifest.xml", Manifest2004),
            ("index.html", "<html><script src=\"t.js\"></script></html>"),
            ("t.js", "var who = API_1484_11.GetValue('cmi.learner_name');\nfetch('https://collect.vendor.example/c', { method: 'POST', body: who });\n"));

        var report = CheckFixtures.Run(folder.Path);

        Assert.Contains("LmsPrivacy.Scorm ScormPackageAuditor", Artifact(report, "course.zip").Analyzers);
        Assert.True(Assert.Single(report.Hosts).ReceivesLearnerData);
        Assert.Equal("check.ropa.missing", Assert.Single(report.ReviewFindings).Finding.Code);
    }
}
