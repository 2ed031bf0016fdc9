using FsCheck;
using FsCheck.Fluent;
using LmsPrivacy.Scorm.Packages;

namespace LmsPrivacy.Scorm.Tests.Packages;

public sealed class ContentScannerPropertyTests
{
    [FsCheck.Xunit.Property(MaxTest = 50)]
    public Property AuditZip_ArbitraryScriptText_NeverThrowsAndLinesAreInRange()
    {
        var fragments = Gen.Elements("https://", "//", "\"//", "cmi.learner_name", "\n", "fetch(", "<script src=", "password: 'x'", "a", " ", "\\/\\/", "ws://", ".", "-");
        var gen = Gen.ListOf(fragments).Select(parts => string.Concat(parts));
        return Prop.ForAll(gen.ToArbitrary(), text =>
        {
            using var zip = PackageFixtures.Zip(("imsmanifest.xml", "<manifest/>"), ("a.js", text));
            var report = new ScormPackageAuditor().AuditZip(zip);
            var lines = text.Split('\n').Length;
            return report.ExternalHosts.SelectMany(h => h.References).All(r => r.Line >= 1 && r.Line <= lines)
                && report.LearnerDataRead.All(r => r.Line >= 1 && r.Line <= lines);
        });
    }

    [Fact]
    public void AuditZip_JsonEscapedUrl_Found()
    {
        using var zip = PackageFixtures.Zip(("imsmanifest.xml", "<manifest/>"), ("data.json", "{\"endpoint\":\"https:\\/\\/lrs.escaped.example\\/xapi\"}"));

        var host = Assert.Single(new ScormPackageAuditor().AuditZip(zip).ExternalHosts);

        Assert.Equal(("lrs.escaped.example", ScormReferenceKind.Endpoint), (host.Host, host.References[0].Kind));
    }

    [Fact]
    public void AuditZip_IgnoredHostOption_NotReported()
    {
        using var zip = PackageFixtures.Zip(("imsmanifest.xml", "<manifest/>"), ("a.html", "<script src=\"https://cdn.ours.example/a.js\"></script>"));
        var options = new ScormAuditOptions();
        options.IgnoredHosts.Add("cdn.ours.example");

        Assert.Empty(new ScormPackageAuditor(options).AuditZip(zip).ExternalHosts);
    }
}
