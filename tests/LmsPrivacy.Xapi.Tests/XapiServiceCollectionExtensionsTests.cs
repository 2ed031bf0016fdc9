using LmsPrivacy.Pseudonymization;
using LmsPrivacy.Xapi.Scanning;
using LmsPrivacy.Xapi.Streaming;
using LmsPrivacy.Xapi.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LmsPrivacy.Xapi.Tests;

public sealed class XapiServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLmsPrivacyXapi_Configured_ResolvesServicesThatRecordInTheMap()
    {
        var services = new ServiceCollection()
            .AddLmsPrivacyCore(o => o.Keys.Add(new PseudonymKeyOptions { Id = "k1", Secret = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=" }))
            .AddLmsPrivacyXapi(o =>
            {
                o.PseudonymHomePage = "https://lms.example.org/pseudonyms";
                o.Version = XapiVersion.Version200;
            });
        await using var provider = services.BuildServiceProvider();

        Assert.Equal(XapiVersion.Version200, provider.GetRequiredService<StatementValidator>().Version);
        Assert.NotNull(provider.GetRequiredService<StatementScanner>());
        var pseudonymizer = provider.GetRequiredService<StatementPseudonymizer>();
        await pseudonymizer.PseudonymizeAsync(TestStatements.Minimal, TestContext.Current.CancellationToken);
        Assert.Equal(1, ((InMemoryPseudonymMap)provider.GetRequiredService<IPseudonymMap>()).Count);
    }

    [Theory]
    [InlineData("not an irl", 4096, 64)]
    [InlineData("https://lms.example.org", 10, 64)]
    [InlineData("https://lms.example.org", 4096, 2)]
    public void AddLmsPrivacyXapi_InvalidOptions_FailValidation(string homePage, int maxBytes, int maxDepth)
    {
        var services = new ServiceCollection().AddLmsPrivacyXapi(o =>
        {
            o.PseudonymHomePage = homePage;
            o.MaxStatementBytes = maxBytes;
            o.MaxDepth = maxDepth;
        });
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<XapiOptions>>().Value);
    }
}
