using System.Text;
using System.Text.Json;
using LmsPrivacy.Pseudonymization;
using LmsPrivacy.Xapi.Actors;
using LmsPrivacy.Xapi.Streaming;
using LmsPrivacy.Xapi.Validation;

namespace LmsPrivacy.Xapi.Tests.Streaming;

public sealed class StatementPseudonymizerTests
{
    internal const string HomePage = "https://lms.example.org/pseudonyms";
    internal static readonly PseudonymKey Key = PseudonymKey.FromText("k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    internal static StatementPseudonymizer Create(IPseudonymMap? map = null) => new(new Pseudonymizer(Key), HomePage, map);

    [Fact]
    public void Pseudonymize_Actor_ReplacedByKeyedAccountNameDropped()
    {
        var output = JsonDocument.Parse(Create().Pseudonymize("""{"actor":{"name":"Ann","mbox":"mailto:ann@example.org"},"verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/a"}}""")).RootElement;

        var actor = output.GetProperty("actor");
        Assert.Equal("Agent", actor.GetProperty("objectType").GetString());
        Assert.False(actor.TryGetProperty("name", out _));
        Assert.False(actor.TryGetProperty("mbox", out _));
        Assert.Equal(HomePage, actor.GetProperty("account").GetProperty("homePage").GetString());

        // Independent: the pseudonym is Core's HMAC of the identity {"mbox_sha1sum":sha1("mailto:ann@example.org")}.
        const string sha1 = "6168d27d1f76f1fd61099f4e24f911dbae8314dc"; // python3: hashlib.sha1(b"mailto:ann@example.org")
        var expected = new Pseudonymizer(Key).Pseudonymize("{\"mbox_sha1sum\":\"" + sha1 + "\"}");
        Assert.Equal(expected, actor.GetProperty("account").GetProperty("name").GetString());
    }

    [Fact]
    public void Pseudonymize_InvalidMboxBesideAnAccount_PseudonymOfTheAccount()
    {
        // An mbox that is not a mailto IRI does not name the learner when another identifier does.
        const string Statement = """{"actor":{"mbox":"ann at example","account":{"homePage":"https://lms.example.org","name":"ann"}},"verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/a"}}""";
        const string AccountOnly = """{"actor":{"account":{"homePage":"https://lms.example.org","name":"ann"}},"verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/a"}}""";
        var pseudonymizer = Create();

        string NameOf(string json) => JsonDocument.Parse(pseudonymizer.Pseudonymize(json)).RootElement.GetProperty("actor").GetProperty("account").GetProperty("name").GetString()!;

        Assert.Equal(NameOf(AccountOnly), NameOf(Statement));
    }

    [Fact]
    public void Pseudonymize_MboxAndItsSha1Sum_SamePseudonym()
    {
        var pseudonymizer = Create();

        Assert.Equal(
            pseudonymizer.PseudonymOf(InverseFunctionalIdentifier.FromMbox("mailto:xapi@adlnet.gov")),
            pseudonymizer.PseudonymOf(InverseFunctionalIdentifier.FromMboxSha1Sum("CD9B00A5611F94EAA7B1661EDAB976068E364975")));
    }

    [Fact]
    public void Pseudonymize_EveryActorPosition_NoIdentifierLeft()
    {
        var statement = TestStatements.With(TestStatements.Full, "object", """
            {"objectType":"SubStatement","actor":{"mbox":"mailto:sub@example.org","name":"Sub Actor"},"verb":{"id":"http://example.org/v"},
             "object":{"objectType":"Group","name":"Obj Group","member":[{"openid":"https://openid.example.org/obj"}]},
             "context":{"instructor":{"mbox":"mailto:subinstructor@example.org"},"team":{"objectType":"Group","mbox":"mailto:subteam@example.org"}}}
            """);
        statement = TestStatements.With(statement, "context.contextAgents", """[{"objectType":"contextAgent","agent":{"mbox":"mailto:ctx@example.org","name":"Ctx"}}]""");
        statement = TestStatements.With(statement, "context.contextGroups", """[{"objectType":"contextGroup","group":{"objectType":"Group","member":[{"mbox":"mailto:ctxg@example.org"}]}}]""");
        statement = TestStatements.With(statement, "context.revision", null);
        statement = TestStatements.With(statement, "context.platform", null);

        var output = Create().Pseudonymize(statement);

        Assert.DoesNotContain("mailto:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("openid.example.org", output, StringComparison.Ordinal);
        Assert.DoesNotContain("oauth_consumer_x75db", output, StringComparison.Ordinal);
        Assert.DoesNotContain("13936749", output, StringComparison.Ordinal);
        foreach (var name in new[] { "Project Tin Can API", "Andrew Downes", "Team PB", "Sub Actor", "Obj Group", "Ctx" })
        {
            Assert.DoesNotContain("\"" + name + "\"", output, StringComparison.Ordinal);
        }

        Assert.Empty(new StatementValidator(XapiVersion.Version200).Validate(output).Findings);
    }

    [Fact]
    public void Pseudonymize_AlreadyPseudonymized_Unchanged()
    {
        var pseudonymizer = Create();
        var once = pseudonymizer.Pseudonymize(TestStatements.Full);

        Assert.Equal(once, pseudonymizer.Pseudonymize(once));
    }

    [Fact]
    public void Pseudonymize_OtherValues_CopiedByteForByte()
    {
        var output = Create().Pseudonymize("""{"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/v", "display" : {"en-US":"did \u00e9"}},"object":{"id":"http://example.org/a"}}""");

        Assert.Contains("""{"id":"http://example.org/v", "display" : {"en-US":"did \u00e9"}}""", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PseudonymizeAsync_Map_RecordsIdentityForErasure()
    {
        var map = new InMemoryPseudonymMap();
        var pseudonymizer = Create(map);

        await pseudonymizer.PseudonymizeAsync(TestStatements.Minimal, TestContext.Current.CancellationToken);

        var identity = StatementPseudonymizer.IdentityOf(InverseFunctionalIdentifier.FromMbox("mailto:xapi@adlnet.gov"));
        Assert.Equal("""{"mbox_sha1sum":"cd9b00a5611f94eaa7b1661edab976068e364975"}""", identity);
        var pseudonym = Assert.Single(await map.FindPseudonymsAsync(identity, TestContext.Current.CancellationToken));
        Assert.Equal(1, await map.DeleteSubjectAsync(identity, TestContext.Current.CancellationToken));
        Assert.Null(await map.FindIdentityAsync(pseudonym, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("[" + TestStatements.Minimal + "," + TestStatements.Minimal + "]", StatementContainer.Array, "[", "]\n")]
    [InlineData(TestStatements.Minimal, StatementContainer.SingleStatement, "{", "}\n")]
    public async Task PseudonymizeAsync_Stream_KeepsContainerShape(string input, StatementContainer container, string starts, string ends)
    {
        var output = new MemoryStream();

        var result = await Create().PseudonymizeAsync(new MemoryStream(Encoding.UTF8.GetBytes(input.ReplaceLineEndings(" "))), output, TestContext.Current.CancellationToken);

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Equal(container, result.Container);
        Assert.StartsWith(starts, text, StringComparison.Ordinal);
        Assert.EndsWith(ends, text, StringComparison.Ordinal);
        using var parsed = JsonDocument.Parse(text);
    }

    [Fact]
    public async Task PseudonymizeAsync_NdJson_OneLinePerStatement()
    {
        var line = TestStatements.Minimal.ReplaceLineEndings(" ");
        var output = new MemoryStream();

        var result = await Create().PseudonymizeAsync(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n" + line + "\n" + line)), output, TestContext.Current.CancellationToken);

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, result.Statements);
        Assert.Equal(3, result.Actors);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.Empty(new StatementValidator().Validate(l).Findings));
    }

    [Fact]
    public async Task PseudonymizeAsync_MalformedInMiddle_ThrowsWithIndex()
    {
        var line = TestStatements.Minimal.ReplaceLineEndings(" ");
        var input = line + "\n" + "{\"actor\":{\"mbox\":}}\n" + line + "\n";

        var ex = await Assert.ThrowsAsync<StatementStreamException>(() => Create().PseudonymizeAsync(new MemoryStream(Encoding.UTF8.GetBytes(input)), new MemoryStream(), TestContext.Current.CancellationToken));

        Assert.Equal(1, ex.Index);
        Assert.InRange(ex.ByteOffset, line.Length + 1, line.Length + 20);
    }

    [Fact]
    public void Constructor_HomePageNotIrl_Throws() =>
        Assert.Throws<ArgumentException>(() => new StatementPseudonymizer(new Pseudonymizer(Key), "lms.example.org"));
}
