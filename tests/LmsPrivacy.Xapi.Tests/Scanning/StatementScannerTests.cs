using LmsPrivacy.Classification;
using LmsPrivacy.Xapi.Scanning;

namespace LmsPrivacy.Xapi.Tests.Scanning;

public sealed class StatementScannerTests
{
    [Fact]
    public void Scan_FullStatement_ReportsEachKindWithCategoryAndPath()
    {
        var findings = new StatementScanner().Scan(TestStatements.Full);

        void Has(string code, string path, DataCategory category) =>
            Assert.Contains(findings, f => f.Finding.Code == code && f.Finding.Path == path && f.Category == category);

        Has("xapi.pii.name", "$.actor.name", DataCategory.DirectIdentifier);
        Has("xapi.pii.mbox", "$.actor.mbox", DataCategory.DirectIdentifier);
        Has("xapi.pii.free_text", "$.result.response", DataCategory.LearnerContent);
        Has("xapi.pii.extension", "$.result.extensions['http://example.com/profiles/meetings/resultextensions/minuteslocation']", DataCategory.QuasiIdentifier);
        Has("xapi.pii.registration", "$.context.registration", DataCategory.QuasiIdentifier);
        Has("xapi.pii.account", "$.context.instructor.account", DataCategory.PseudonymousIdentifier);
        Has("xapi.pii.mbox", "$.context.team.mbox", DataCategory.DirectIdentifier);
        Has("xapi.pii.mbox", "$.authority.member[1].mbox", DataCategory.DirectIdentifier);
        Has("xapi.pii.attachment", "$.attachments[0]", DataCategory.LearnerContent);
        Has("xapi.pii.extension", "$.object.definition.extensions['http://example.com/profiles/meetings/extension/location']", DataCategory.QuasiIdentifier);
    }

    [Fact]
    public void Scan_EmailInFreeText_ReportedWithoutEcho()
    {
        var findings = new StatementScanner().Scan(TestStatements.With("result", """{"response":"write to jane.doe@example.org please"}"""));

        var email = Assert.Single(findings, f => f.Finding.Code == "xapi.pii.email_in_text");
        Assert.Equal("$.result.response", email.Finding.Path);
        Assert.All(findings, f => Assert.DoesNotContain("jane", f.Finding.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_Sha1SumAndOpenId_Categorised()
    {
        var findings = new StatementScanner().Scan(TestStatements.With("object", """{"objectType":"Group","member":[{"mbox_sha1sum":"cd9b00a5611f94eaa7b1661edab976068e364975"},{"openid":"https://id.example.org/x"}]}"""));

        Assert.Contains(findings, f => f.Finding.Code == "xapi.pii.mbox_sha1sum" && f.Finding.Path == "$.object.member[0].mbox_sha1sum" && f.Category == DataCategory.PseudonymousIdentifier);
        Assert.Contains(findings, f => f.Finding.Code == "xapi.pii.openid" && f.Finding.Path == "$.object.member[1].openid");
    }

    [Theory]
    [InlineData("contact a.b+c@sub.example.org now", true)]
    [InlineData("mailto:x@example.org", true)]
    [InlineData("reach me at ada.private@example.net.", true)]
    [InlineData("no address here @ all", false)]
    [InlineData("user@localhost", false)]
    [InlineData("version 1.0@3", false)]
    public void ContainsEmailAddress_Detects(string text, bool expected) =>
        Assert.Equal(expected, StatementScanner.ContainsEmailAddress(text));

    [Fact]
    public void Scan_WithoutStringSearch_SkipsEmailInText() =>
        Assert.DoesNotContain(
            new StatementScanner(searchStrings: false).Scan(TestStatements.With("result", """{"response":"jane@example.org"}""")),
            f => f.Finding.Code == "xapi.pii.email_in_text");
}
