using LmsPrivacy.Xapi.SubjectAccess;
using NodaTime;

namespace LmsPrivacy.Xapi.Tests.SubjectAccess;

public sealed class SubjectAccessQueryBuilderTests
{
    private static readonly Uri Endpoint = new("https://lrs.example.org/xAPI");

    [Fact]
    public void StatementQuery_Defaults_AgentEncodedRelatedAgentsExact()
    {
        var uri = new SubjectAccessQueryBuilder(Endpoint).StatementQuery(SubjectAgent.Parse("""{"objectType":"Agent","name":"Ada","mbox":"mailto:ada@example.org"}"""));

        // Independent: python3 -c 'import urllib.parse;print(urllib.parse.quote("{\"objectType\":\"Agent\",\"mbox\":\"mailto:ada@example.org\"}", safe=""))'
        Assert.Equal(
            "https://lrs.example.org/xAPI/statements?agent=%7B%22objectType%22%3A%22Agent%22%2C%22mbox%22%3A%22mailto%3Aada%40example.org%22%7D&related_agents=true&format=exact",
            uri.AbsoluteUri);
    }

    [Fact]
    public void StatementQuery_AllOptions_InOrder()
    {
        var options = new SubjectAccessQueryOptions
        {
            RelatedAgents = false, Format = StatementFormat.Ids, Since = Instant.FromUtc(2026, 1, 1, 0, 0), Until = Instant.FromUtc(2026, 2, 1, 12, 30), Limit = 500,
        };

        var uri = new SubjectAccessQueryBuilder(Endpoint, options).StatementQuery(SubjectAgent.Account("https://lms.example.org", "42"));

        Assert.Equal(
            "/xAPI/statements?agent=%7B%22account%22%3A%7B%22homePage%22%3A%22https%3A%2F%2Flms.example.org%22%2C%22name%22%3A%2242%22%7D%7D&format=ids&since=2026-01-01T00%3A00%3A00Z&until=2026-02-01T12%3A30%3A00Z&limit=500",
            uri.PathAndQuery);
    }

    [Fact]
    public void StatementQueries_DuplicateIfis_OneQueryEach()
    {
        var builder = new SubjectAccessQueryBuilder(Endpoint);
        SubjectAgent[] agents =
        [
            SubjectAgent.Parse("""{"mbox":"mailto:ada@example.org","name":"Ada"}"""),
            SubjectAgent.Parse("""{"objectType":"Agent","mbox":"mailto:ada@example.org"}"""),
            SubjectAgent.Parse("""{"mbox_sha1sum":"EBD31E95054C018B10727CCFFD2EF2EC3A016EE9"}"""),
            SubjectAgent.Parse("""{"mbox_sha1sum":"ebd31e95054c018b10727ccffd2ef2ec3a016ee9"}"""),
            SubjectAgent.Parse("""{"openid":"https://id.example.org/ada"}"""),
        ];

        Assert.Equal(3, builder.StatementQueries(agents).Count);
        Assert.Equal(SubjectAccessQueryBuilder.VersionHeader, Assert.Single(builder.Headers).Key);
        Assert.Equal("1.0.3", builder.Headers[0].Value);
    }

    [Theory]
    [InlineData("/xAPI/statements?more=abc", "https://lrs.example.org/xAPI/statements?more=abc")]
    [InlineData("/other/more/1", "https://lrs.example.org/other/more/1")]
    [InlineData("xAPI/statements?x=1", "https://lrs.example.org/xAPI/statements?x=1")]
    [InlineData("https://lrs.example.org/xAPI/statements?p=2", "https://lrs.example.org/xAPI/statements?p=2")]
    public void TryResolveMore_RelativeToOrigin(string more, string expected)
    {
        var builder = new SubjectAccessQueryBuilder(new Uri("https://lrs.example.org/tenant/xAPI/"));

        Assert.True(builder.TryResolveMore(more, out var next));
        Assert.Equal(expected, next!.AbsoluteUri);
    }

    [Theory]
    [InlineData("https://evil.example.org/xAPI/statements")]
    [InlineData("//evil.example.org/xAPI/statements")]
    public void TryResolveMore_OtherOrigin_Refused(string more)
    {
        Assert.False(new SubjectAccessQueryBuilder(Endpoint).TryResolveMore(more, out _));
    }

    [Fact]
    public void TryResolveMore_Empty_IsLastPage()
    {
        Assert.True(new SubjectAccessQueryBuilder(Endpoint).TryResolveMore(string.Empty, out var next));
        Assert.Null(next);
    }

    [Fact]
    public void VoidedAndAgentsQueries()
    {
        var builder = new SubjectAccessQueryBuilder(Endpoint);

        Assert.Equal("/xAPI/statements?voidedStatementId=00000000-0000-4000-8000-000000000001&format=exact", builder.VoidedStatementQuery("00000000-0000-4000-8000-000000000001").PathAndQuery);
        Assert.Equal("/xAPI/agents?agent=%7B%22openid%22%3A%22https%3A%2F%2Fid.example.org%2Fa%22%7D", builder.AgentsQuery(SubjectAgent.Parse("""{"openid":"https://id.example.org/a"}""")).PathAndQuery);
        Assert.Throws<ArgumentException>(() => builder.VoidedStatementQuery("not-a-uuid"));
    }

    [Theory]
    [InlineData("[]", "The agent must be a JSON object.")]
    [InlineData("{\"name\":\"Ada\"}", "The agent has no inverse functional identifier (mbox, mbox_sha1sum, openid or account).")]
    [InlineData("{\"mbox\":\"mailto:a@b.c\",\"openid\":\"https://x.y/\"}", "The agent has more than one inverse functional identifier; give each as its own agent.")]
    [InlineData("{\"mbox\":\"a@b.c\"}", "mbox must be a mailto: IRI.")]
    [InlineData("{\"mbox_sha1sum\":\"xyz\"}", "mbox_sha1sum must be 40 hexadecimal digits.")]
    [InlineData("{\"account\":{\"name\":\"1\"}}", "account needs a homePage and a name, both strings.")]
    [InlineData("{\"objectType\":\"Activity\",\"mbox\":\"mailto:a@b.c\"}", "objectType must be \"Agent\" or \"Group\".")]
    [InlineData("{", "The agent is not valid JSON.")]
    public void SubjectAgent_TryParse_Invalid_ClearErrorWithoutValue(string json, string expected)
    {
        Assert.False(SubjectAgent.TryParse(json, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Constructor_BadEndpoint_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SubjectAccessQueryBuilder(new Uri("ftp://lrs.example.org/")));
        Assert.Throws<ArgumentException>(() => new SubjectAccessQueryBuilder(new Uri("https://lrs.example.org/x?y=1")));
    }
}

public sealed class SubjectAccessQueryBuilderProperties
{
    private static readonly SubjectAccessQueryBuilder Builder = new(new Uri("https://lrs.example.org/xAPI/"));

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public bool AgentParameter_DecodesBackToTheAgentJson(FsCheck.NonEmptyString name)
    {
        var agent = SubjectAgent.Account("https://lms.example.org", name.Get);
        var query = Builder.StatementQuery(agent).Query;
        var encoded = query.Split('&')[0]["?agent=".Length..];

        return Uri.UnescapeDataString(encoded) == agent.Json
            && SubjectAgent.Parse(Uri.UnescapeDataString(encoded)).Key == agent.Key;
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public bool ResolvedMore_NeverLeavesTheOrigin(string? more)
    {
        return !Builder.TryResolveMore(more, out var next) || next is null
            || next.GetLeftPart(UriPartial.Authority) == "https://lrs.example.org";
    }
}
