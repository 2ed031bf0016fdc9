namespace LmsPrivacy.Xapi.Tests.Streaming;

public sealed class StatementPseudonymizerInvalidInputTests
{
    [Fact]
    public void Pseudonymize_InvalidActors_RewrittenWithoutThrowing()
    {
        var output = StatementPseudonymizerTests.Create().Pseudonymize("""
            {"actor":{"account":{"homePage":"not an irl","name":"x"},"name":"Nnn"},"verb":{"id":"http://example.org/v"},
             "object":{"objectType":"Agent","mbox":"not-a-mailto"},"context":{"instructor":{"name":"no ifi"}}}
            """);

        Assert.DoesNotContain("Nnn", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-mailto", output, StringComparison.Ordinal);
        Assert.DoesNotContain("no ifi", output, StringComparison.Ordinal);
        Assert.Contains("\"instructor\":{\"objectType\":\"Agent\"}", output, StringComparison.Ordinal);
    }
}
