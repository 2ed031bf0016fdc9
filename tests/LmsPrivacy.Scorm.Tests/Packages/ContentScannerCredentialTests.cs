using LmsPrivacy.Scorm.Packages;

namespace LmsPrivacy.Scorm.Tests.Packages;

public sealed class ContentScannerCredentialTests
{
    // The credential patterns ignore case, so the hints that gate them must too: mixed-case keys were missed.
    [Theory]
    [InlineData("headers: { \"X-Api-Key\": \"k3y-value-123\" }")]
    [InlineData("var APIKEY = 'abcd1234';")]
    [InlineData("config.Api_Key = \"abcd1234\";")]
    [InlineData("{\"ACCESSTOKEN\": \"tok-12345\"}")]
    [InlineData("{\"Access_Token\": \"tok-12345\"}")]
    [InlineData("var PassWord = 'hunter22';")]
    [InlineData("xhr.setRequestHeader('Authorization', 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=');")]
    public void Scan_CredentialInAnyCase_IsReported(string line)
    {
        var scan = ContentScanner.Scan("lms/config.js", $"// config\n{line}\n", new HashSet<string>(StringComparer.OrdinalIgnoreCase));

        Assert.Equal("lms/config.js:2", Assert.Single(scan.Credentials).Path);
    }

    [Fact]
    public void Scan_NoCredential_NothingReported()
    {
        var scan = ContentScanner.Scan("lms/config.js", "var apiKeyName = getName();\n", new HashSet<string>(StringComparer.OrdinalIgnoreCase));

        Assert.Empty(scan.Credentials);
    }
}
