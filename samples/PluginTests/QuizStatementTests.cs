using System.Text.Json;
using LmsPrivacy.Testing;

namespace PluginTests;

/// <summary>The quiz plugin also sends xAPI statements to the LRS: they must be valid and carry no direct identifier.</summary>
public sealed class QuizStatementTests
{
    // What the plugin emits for an answered question: the learner as a keyed pseudonymous account, no name, no e-mail.
    private const string AnsweredStatement = """
        {
          "actor": { "objectType": "Agent", "account": { "homePage": "https://lms.example.org/pseudonyms", "name": "k1.MZXW6YTBOI" } },
          "verb": { "id": "http://adlnet.gov/expapi/verbs/answered", "display": { "en-US": "answered" } },
          "object": { "objectType": "Activity", "id": "https://lms.example.org/quiz/7/question/3" },
          "result": { "success": true, "score": { "scaled": 0.8 } }
        }
        """;

    [Fact]
    public void AnsweredStatement_IsValidXapi()
    {
        PrivacyAssert.ValidXapiStatement(AnsweredStatement);
    }

    [Fact]
    public void AnsweredStatement_HasNoDirectIdentifiers()
    {
        using var statement = JsonDocument.Parse(AnsweredStatement);

        PrivacyAssert.NoDirectIdentifiersInStatement(statement.RootElement);
    }

    /// <summary>
    /// What a plugin author sees when the statement leaks the learner: the assertion lists each path with the xAPI
    /// scanner's rule code — "$.actor.mbox: xapi.pii.mbox, direct-identifier" — and never the address itself.
    /// </summary>
    [Fact]
    public void StatementWithMbox_FailsNamingPathAndRule()
    {
        using var leaky = JsonDocument.Parse(AnsweredStatement.Replace(
            "\"account\": { \"homePage\": \"https://lms.example.org/pseudonyms\", \"name\": \"k1.MZXW6YTBOI\" }",
            "\"mbox\": \"mailto:ada@example.org\"",
            StringComparison.Ordinal));

        var failure = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.NoDirectIdentifiersInStatement(leaky.RootElement));

        Assert.Equal(["$.actor.mbox: xapi.pii.mbox, direct-identifier"], failure.Problems);
        Assert.DoesNotContain("ada@example.org", failure.Message, StringComparison.Ordinal);
    }
}
