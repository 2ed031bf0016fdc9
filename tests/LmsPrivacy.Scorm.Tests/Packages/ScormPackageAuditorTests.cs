using System.Text;
using LmsPrivacy.Findings;
using LmsPrivacy.Scorm.Packages;

namespace LmsPrivacy.Scorm.Tests.Packages;

public sealed class ScormPackageAuditorTests
{
    private static ScormAuditReport AuditStoryline()
    {
        using var zip = PackageFixtures.Zip(PackageFixtures.StorylineStyle2004());
        return new ScormPackageAuditor().AuditZip(zip);
    }

    private static ScormExternalHost Host(ScormAuditReport report, string host) => Assert.Single(report.ExternalHosts, h => h.Host == host);

    [Fact]
    public void AuditZip_StorylineStyle_ManifestStructure()
    {
        var report = AuditStoryline();

        Assert.NotNull(report.Manifest);
        Assert.Equal(ScormVersion.Scorm2004, report.Manifest.Version);
        Assert.Equal("2004 4th Edition", report.Manifest.SchemaVersion);
        Assert.Equal("Safety Basics", Assert.Single(report.Manifest.Organizations).Title);
        var sco = Assert.Single(report.Manifest.Scos);
        Assert.Equal("scormcontent/index_lms.html", sco.LaunchPath);
        Assert.Equal(["shared/pipwerks.js"], report.Manifest.Resources[1].Files);
    }

    [Fact]
    public void AuditZip_StorylineStyle_EveryExternalHostWithKind()
    {
        var report = AuditStoryline();

        Assert.Equal(
            [
                "api.mixpanel.com", "cdn.jsdelivr.net", "collect.analytics.example", "fonts.googleapis.com", "live.vendor-cloud.example",
                "lrs.vendor-cloud.example", "pixel.adtrack.example", "player.vimeo.com", "static.brandfonts.example", "support.vendor.example",
                "www.googletagmanager.com",
            ],
            report.ExternalHosts.Select(h => h.Host));
        Assert.Equal(ScormReferenceKind.Script, Host(report, "www.googletagmanager.com").References.Single().Kind);
        Assert.Equal(ScormReferenceKind.Script, Host(report, "cdn.jsdelivr.net").References.Single().Kind);
        Assert.Equal(ScormReferenceKind.Frame, Host(report, "player.vimeo.com").References.Single().Kind);
        Assert.Equal(ScormReferenceKind.Image, Host(report, "pixel.adtrack.example").References.Single().Kind);
        Assert.Equal(ScormReferenceKind.Link, Host(report, "support.vendor.example").References.Single().Kind);
        Assert.Equal(ScormReferenceKind.Beacon, Host(report, "collect.analytics.example").References.Single().Kind);
        Assert.Equal(ScormReferenceKind.Fetch, Host(report, "api.mixpanel.com").References.Single().Kind);
        Assert.Equal(ScormReferenceKind.WebSocket, Host(report, "live.vendor-cloud.example").References.Single().Kind);
        Assert.Equal(ScormReferenceKind.Font, Host(report, "static.brandfonts.example").References.Single().Kind);
        Assert.All(Host(report, "fonts.googleapis.com").References, r => Assert.Equal(ScormReferenceKind.Font, r.Kind));
        Assert.Equal(
            [new ScormHostReference("scormcontent/lms/tracking.js", 5, ScormReferenceKind.Xhr), new ScormHostReference("scormcontent/lms/xapi-config.js", 3, ScormReferenceKind.Endpoint)],
            Host(report, "lrs.vendor-cloud.example").References);
    }

    [Fact]
    public void AuditZip_StorylineStyle_ProtocolRelativeUrlsAndLines()
    {
        var report = AuditStoryline();

        Assert.Equal(new ScormHostReference("scormcontent/index_lms.html", 6, ScormReferenceKind.Script), Host(report, "cdn.jsdelivr.net").References[0]);
        Assert.Contains(new ScormHostReference("scormcontent/css/player.css", 1, ScormReferenceKind.Font), Host(report, "fonts.googleapis.com").References);
    }

    [Fact]
    public void AuditZip_StorylineStyle_IgnoresCommentsNamespacesAndVocabularyIris()
    {
        var report = AuditStoryline();

        Assert.DoesNotContain(report.ExternalHosts, h => h.Host is "www.w3.org" or "adlnet.gov" or "github.com" or "www.articulate.com" or "www.imsglobal.org");
    }

    [Fact]
    public void AuditZip_StorylineStyle_LearnerIdentityReadsAndSentFinding()
    {
        var report = AuditStoryline();

        Assert.Equal(
            [("cmi.learner_name", 2), ("cmi.learner_id", 3)],
            report.LearnerDataRead.Select(r => (r.Element, r.Line)));
        var sent = Assert.Single(report.Findings, f => f.Code == "scorm.package.learner_data_sent");
        Assert.Equal("scormcontent/lms/tracking.js:2", sent.Path);
        Assert.Equal(FindingSeverity.Error, sent.Severity);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void AuditZip_StorylineStyle_EmbeddedCredentialsWithoutEchoingThem()
    {
        var report = AuditStoryline();

        var credentials = report.Findings.Where(f => f.Code == "scorm.package.credentials_embedded").ToList();
        Assert.Equal(["scormcontent/lms/xapi-config.js:4", "scormcontent/lms/xapi-config.js:5"], credentials.Select(f => f.Path));
        Assert.All(report.Findings, f => Assert.DoesNotContain("hunter2", f.Message, StringComparison.Ordinal));
        Assert.All(report.Findings, f => Assert.DoesNotContain("dXNlcm5hbWU6", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void AuditZip_StorylineStyle_MissingUnreferencedAndUnresolved()
    {
        var report = AuditStoryline();

        Assert.Contains(report.Findings, f => f.Code == "scorm.package.file.missing" && f.Message.Contains("scormcontent/lms/missing.js", StringComparison.Ordinal));
        Assert.Equal(["scormcontent/unused.txt"], report.Findings.Where(f => f.Code == "scorm.package.file.unreferenced").Select(f => f.Path));
        Assert.Equal("imsmanifest.xml#Item_2", Assert.Single(report.Findings, f => f.Code == "scorm.package.reference.unresolved").Path);
    }

    [Fact]
    public void AuditZip_StorylineStyle_ExternalHostSeverityByLoading()
    {
        var report = AuditStoryline();

        var hostFindings = report.Findings.Where(f => f.Code == "scorm.package.external_host").ToList();
        Assert.Equal(11, hostFindings.Count);
        Assert.Equal(FindingSeverity.Info, Assert.Single(hostFindings, f => f.Message.Contains("support.vendor.example", StringComparison.Ordinal)).Severity);
        Assert.Equal(10, hostFindings.Count(f => f.Severity == FindingSeverity.Warning));
    }

    [Fact]
    public void AuditZip_Scorm12_XmlBaseChainResolved()
    {
        using var zip = PackageFixtures.Zip(PackageFixtures.Scorm12WithXmlBase());

        var report = new ScormPackageAuditor().AuditZip(zip);

        Assert.Equal(ScormVersion.Scorm12, report.Manifest!.Version);
        var sco = Assert.Single(report.Manifest.Scos);
        Assert.Equal("course/units/unit1/putting.html", sco.LaunchPath);
        Assert.Equal(["course/units/unit1/putting.html", "course/units/common/api.js"], sco.Files);
        Assert.Equal("?tc=API", report.Manifest.Organizations[0].Items[0].Parameters);
        Assert.DoesNotContain(report.Findings, f => f.Code is "scorm.package.file.missing" or "scorm.package.file.unreferenced");
        Assert.Equal(("cmi.core.student_name", "course/units/common/api.js"), (report.LearnerDataRead.Single().Element, report.LearnerDataRead.Single().File));
        Assert.True(report.IsValid);
    }

    [Fact]
    public void AuditZip_ZipSlip_Refused()
    {
        using var zip = PackageFixtures.Zip(("imsmanifest.xml", "<manifest/>"), ("../../evil.sh", "rm -rf /"));

        var report = new ScormPackageAuditor().AuditZip(zip);

        Assert.True(report.Refused);
        Assert.Equal("scorm.package.zip.unsafe_path", Assert.Single(report.Findings).Code);
        Assert.Null(report.Manifest);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("C:/Windows/evil.dll")]
    [InlineData("content\\..\\..\\evil.js")]
    public void AuditZip_UnsafeNames_Refused(string name)
    {
        using var zip = PackageFixtures.Zip(("imsmanifest.xml", "<manifest/>"), (name, "x"));

        Assert.Contains(new ScormPackageAuditor().AuditZip(zip).Findings, f => f.Code == "scorm.package.zip.unsafe_path");
    }

    [Fact]
    public void AuditZip_ZipBombRatio_Refused()
    {
        using var zip = PackageFixtures.Zip(("imsmanifest.xml", Encoding.UTF8.GetBytes("<manifest/>")), ("bomb.bin", new byte[4 * 1024 * 1024]));

        var report = new ScormPackageAuditor().AuditZip(zip);

        Assert.True(report.Refused);
        Assert.Contains(report.Findings, f => f.Code == "scorm.package.zip.bomb" && f.Path == "bomb.bin");
        Assert.Equal(0, report.FileCount);
    }

    [Fact]
    public void AuditZip_TotalSizeOverLimit_Refused()
    {
        var random = new Random(7);
        var noise = new byte[300_000];
        random.NextBytes(noise);
        using var zip = PackageFixtures.Zip(("a.bin", noise), ("b.bin", noise), ("imsmanifest.xml", Encoding.UTF8.GetBytes("<manifest/>")));

        var report = new ScormPackageAuditor(new ScormAuditOptions { MaxTotalBytes = 500_000, MaxEntryBytes = 400_000 }).AuditZip(zip);

        Assert.Contains(report.Findings, f => f.Code == "scorm.package.zip.bomb" && f.Path == "$");
    }

    [Fact]
    public void AuditZip_HugeEntry_Refused()
    {
        using var zip = PackageFixtures.Zip(("imsmanifest.xml", "<manifest/>"), ("video.mp4", new string('x', 5000)));

        var report = new ScormPackageAuditor(new ScormAuditOptions { MaxEntryBytes = 4096 }).AuditZip(zip);

        Assert.Equal("scorm.package.zip.entry_too_large", Assert.Single(report.Findings).Code);
    }

    [Fact]
    public void AuditZip_TooManyEntries_Refused()
    {
        using var zip = PackageFixtures.Zip([.. Enumerable.Range(0, 12).Select(i => ($"f{i}.txt", "x"))]);

        var report = new ScormPackageAuditor(new ScormAuditOptions { MaxEntries = 10 }).AuditZip(zip);

        Assert.Equal("scorm.package.zip.too_many_entries", Assert.Single(report.Findings).Code);
    }

    [Fact]
    public void AuditZip_XxeManifest_RefusedWithoutReadingTheEntity()
    {
        const string manifest = """
            <?xml version="1.0"?>
            <!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <manifest identifier="&xxe;" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"><organizations/><resources/></manifest>
            """;
        using var zip = PackageFixtures.Zip(("imsmanifest.xml", manifest));

        var report = new ScormPackageAuditor().AuditZip(zip);

        Assert.True(report.Refused);
        Assert.Equal("scorm.package.manifest.dtd", Assert.Single(report.Findings).Code);
        Assert.Null(report.Manifest);
    }

    [Fact]
    public void AuditZip_BillionLaughsManifest_Refused()
    {
        const string manifest = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <manifest>&lol2;</manifest>
            """;
        using var zip = PackageFixtures.Zip(("imsmanifest.xml", manifest));

        Assert.Equal("scorm.package.manifest.dtd", Assert.Single(new ScormPackageAuditor().AuditZip(zip).Findings).Code);
    }

    [Fact]
    public void AuditZip_NotAZip_MalformedFinding()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("this is not a zip file at all"));

        Assert.Equal("scorm.package.zip.malformed", Assert.Single(new ScormPackageAuditor().AuditZip(stream).Findings).Code);
    }

    [Fact]
    public void AuditZip_ManifestInSubfolder_MissingWithHint()
    {
        using var zip = PackageFixtures.Zip(("js/imsmanifest.xml", "<manifest/>"), ("js/index.html", "<html/>"));

        var finding = Assert.Single(new ScormPackageAuditor().AuditZip(zip).Findings, f => f.Code == "scorm.package.manifest.missing");

        Assert.Contains("js/imsmanifest.xml", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditZip_MalformedManifest_Finding()
    {
        using var zip = PackageFixtures.Zip(("imsmanifest.xml", "<manifest><organizations></manifest>"));

        Assert.Contains(new ScormPackageAuditor().AuditZip(zip).Findings, f => f.Code == "scorm.package.manifest.malformed");
    }

    [Fact]
    public void AuditZip_EscapingAndExternalHrefs_Findings()
    {
        const string manifest = """
            <manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
              <organizations/>
              <resources>
                <resource identifier="R1" type="webcontent" adlcp:scormType="sco" href="../../outside.html"/>
                <resource identifier="R2" type="webcontent" adlcp:scormType="sco" href="https://content.vendor.example/launch"/>
              </resources>
            </manifest>
            """;
        using var zip = PackageFixtures.Zip(("imsmanifest.xml", manifest));

        var findings = new ScormPackageAuditor().AuditZip(zip).Findings;

        Assert.Equal("imsmanifest.xml#R1", Assert.Single(findings, f => f.Code == "scorm.package.href.escapes").Path);
        Assert.Equal("imsmanifest.xml#R2", Assert.Single(findings, f => f.Code == "scorm.package.href.external").Path);
    }

    [Fact]
    public void AuditZip_UnknownVersion_Warning()
    {
        using var zip = PackageFixtures.Zip(("imsmanifest.xml", "<manifest identifier=\"m\"><organizations/><resources/></manifest>"));

        var report = new ScormPackageAuditor().AuditZip(zip);

        Assert.Null(report.Manifest!.Version);
        Assert.Contains(report.Findings, f => f.Code == "scorm.package.version.unknown");
    }

    [Fact]
    public void AuditZip_CaseOnlyDuplicateNames_Warning()
    {
        using var zip = PackageFixtures.Zip(("imsmanifest.xml", "<manifest/>"), ("Index.html", "a"), ("index.html", "b"));

        Assert.Contains(new ScormPackageAuditor().AuditZip(zip).Findings, f => f.Code == "scorm.package.zip.duplicate_entry");
    }

    [Fact]
    public void Audit_SampleFolder_ThirdPartyHostAndNameRead()
    {
        var report = new ScormPackageAuditor().Audit(Path.Combine(TestFiles.RepositoryRoot(), "samples", "scorm", "package"));

        Assert.Equal(ScormVersion.Scorm2004, report.Manifest!.Version);
        Assert.Equal(["cdn.tracker-analytics.example", "collect.tracker-analytics.example", "fonts.googleapis.com", "help.vendor.example"], report.ExternalHosts.Select(h => h.Host));
        Assert.Equal(new ScormLearnerDataRead("cmi.learner_name", LmsPrivacy.Classification.DataCategory.DirectIdentifier, "content/tracking.js", 3), Assert.Single(report.LearnerDataRead));
        Assert.Contains(report.Findings, f => f.Code == "scorm.package.learner_data_sent");
        Assert.DoesNotContain(report.Findings, f => f.Code is "scorm.package.file.missing" or "scorm.package.file.unreferenced");
    }

    [Fact]
    public void Audit_SampleFolderAsZip_SameHostsAsFolder()
    {
        var folder = Path.Combine(TestFiles.RepositoryRoot(), "samples", "scorm", "package");
        var entries = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes(f))).ToArray();
        using var zip = PackageFixtures.Zip(entries);

        var fromZip = new ScormPackageAuditor().AuditZip(zip);
        var fromFolder = new ScormPackageAuditor().Audit(folder);

        Assert.Equal(fromFolder.ExternalHosts.Select(h => h.Host), fromZip.ExternalHosts.Select(h => h.Host));
        Assert.Equal(fromFolder.Findings.Select(f => f.Code), fromZip.Findings.Select(f => f.Code));
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => new ScormPackageAuditor(new ScormAuditOptions { MaxEntries = 0 }));
    }
}
