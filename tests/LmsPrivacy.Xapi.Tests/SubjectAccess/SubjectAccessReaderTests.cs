using LmsPrivacy.Xapi.Lrs;
using LmsPrivacy.Xapi.SubjectAccess;
using LmsPrivacy.Xapi.Tests.Lrs;
using static LmsPrivacy.Xapi.Tests.Lrs.Statements;

namespace LmsPrivacy.Xapi.Tests.SubjectAccess;

public sealed class SubjectAccessReaderTests
{
    [Fact]
    public async Task ReadAsync_TwoIfisSeveralPages_EachStatementOnceWithVersionHeader()
    {
        var lrs = new FakeLrs(pageSize: 2);
        for (var i = 1; i <= 5; i++)
        {
            lrs.Add(Make(Id(i), Ada));
        }

        lrs.Add(Make(Id(6), AdaAccount)).Add(Make(Id(7), Bob)).Add(Make(Id(8), Bob, instructor: Ada));

        var ids = await Read(lrs, Ada, AdaAccount);

        Assert.Equal([Id(1), Id(2), Id(3), Id(4), Id(5), Id(8), Id(6)], ids);
        Assert.All(lrs.VersionHeaders, h => Assert.Equal("1.0.3", h));
        // Ada: 6 statements in pages of 2 = 3 requests; account: 1 request.
        Assert.Equal(4, lrs.Requests.Count);
    }

    [Fact]
    public async Task ReadAsync_MoreLinkDropsAgentFilter_RepairedAndOnlyLearnersStatements()
    {
        var lrs = new FakeLrs(pageSize: 2) { Fault = LrsFault.BrokenMoreLink };
        for (var i = 1; i <= 3; i++)
        {
            lrs.Add(Make(Id(i), Ada)).Add(Make(Id(10 + i), Bob));
        }

        var reader = Reader(lrs);
        var ids = await Read(reader, Ada);

        Assert.Equal([Id(1), Id(2), Id(3)], ids);
        Assert.Equal(1, reader.RepairedMoreLinks);
        Assert.DoesNotContain(lrs.Requests, r => r.Contains("object%20Object", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_LrsIgnoresFilter_ClientSideFilterKeepsOnlyLearner()
    {
        var lrs = new UnfilteredLrs();
        lrs.Add(Make(Id(1), Ada)).Add(Make(Id(2), Bob)).Add(Make(Id(3), Bob, instructor: Ada));

        var reader = Reader(lrs);
        var ids = await Read(reader, Ada);

        Assert.Equal([Id(1), Id(3)], ids);
        Assert.Equal(1, reader.DroppedStatements);
    }

    [Fact]
    public async Task ReadAsync_VoidedStatements_FetchedByVoidedStatementId()
    {
        var lrs = new FakeLrs();
        lrs.Add(Make(Id(1), Ada))
            .Add(Make(Id(2), Ada, verb: "http://adlnet.gov/expapi/verbs/voided", @object: $$"""{"objectType":"StatementRef","id":"{{Id(1)}}"}"""))
            .Add(Make(Id(3), Ada))
            .Add(Make(Id(4), """{"mbox":"mailto:admin@example.org"}""", verb: "http://adlnet.gov/expapi/verbs/voided", @object: $$"""{"objectType":"StatementRef","id":"{{Id(3)}}"}"""));

        var statements = await Reader(lrs).ReadAsync([SubjectAgent.Parse(Ada)], TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([(Id(2), false), (Id(1), true), (Id(3), true), (Id(4), false)], statements.Select(s => (s.Statement.GetProperty("id").GetString(), s.Voided)));
        Assert.Contains(lrs.Requests, r => r.Contains("voidedStatementId=" + Id(1), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_StatementRefToLearnersStatement_Included()
    {
        var lrs = new FakeLrs();
        lrs.Add(Make(Id(1), Ada))
            .Add(Make(Id(2), Bob, verb: "http://adlnet.gov/expapi/verbs/commented", @object: $$"""{"objectType":"StatementRef","id":"{{Id(1)}}"}"""));
        var unfiltered = new UnfilteredLrs();
        unfiltered.Add(Make(Id(1), Ada))
            .Add(Make(Id(2), Bob, verb: "http://adlnet.gov/expapi/verbs/commented", @object: $$"""{"objectType":"StatementRef","id":"{{Id(1)}}"}"""))
            .Add(Make(Id(3), Bob, verb: "http://adlnet.gov/expapi/verbs/commented", @object: $$"""{"objectType":"StatementRef","id":"{{Id(9)}}"}"""));

        Assert.Equal([Id(1), Id(2)], await Read(lrs, Ada));
        Assert.Equal([Id(1), Id(2)], await Read(unfiltered, Ada));
    }

    [Fact]
    public async Task ReadAsync_GroupMemberAndSubStatement_Match()
    {
        var lrs = new UnfilteredLrs();
        lrs.Add(Make(Id(1), $$"""{"objectType":"Group","member":[{{Bob}},{{Ada}}]}"""))
            .Add(Make(Id(2), Bob, @object: $$$"""{"objectType":"SubStatement","actor":{{{Ada}}},"verb":{"id":"http://x/v"},"object":{"id":"http://x/a"}}"""))
            .Add(Make(Id(3), Bob, @object: $$"""{"objectType":"Agent","mbox":"mailto:ada@example.org"}"""))
            .Add(Make(Id(4), Bob));

        Assert.Equal([Id(1), Id(2), Id(3)], await Read(lrs, Ada));
    }

    [Theory]
    [InlineData(LrsFault.ServerError, "GET statements answered HTTP 500.")]
    [InlineData(LrsFault.Unauthorized, "GET statements answered HTTP 401 (the LRS refused the credentials).")]
    [InlineData(LrsFault.MalformedBody, "GET statements answered with a body that is not JSON.")]
    [InlineData(LrsFault.LoopingMoreLink, "The LRS returned a 'more' link that points back to a page already read.")]
    [InlineData(LrsFault.ForeignMoreLink, "The LRS returned a 'more' link to another origin; it was not followed.")]
    public async Task ReadAsync_Faults_LrsExceptionWithClearMessage(LrsFault fault, string message)
    {
        var lrs = new FakeLrs(pageSize: 1) { Fault = fault };
        lrs.Add(Make(Id(1), Ada)).Add(Make(Id(2), Ada));

        var ex = await Assert.ThrowsAsync<LrsException>(() => Read(lrs, Ada));

        Assert.Equal(message, ex.Message);
        Assert.DoesNotContain(lrs.Requests, r => r.Contains("evil", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_SlowLrs_Cancellable()
    {
        var lrs = new FakeLrs { Fault = LrsFault.Hang };
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Reader(lrs).ReadAsync([SubjectAgent.Parse(Ada)], cts.Token).ToListAsync(cts.Token).AsTask());
    }

    [Fact]
    public async Task DiscoverAgentsAsync_PersonObject_AddsOtherIfis()
    {
        var lrs = new FakeLrs();
        lrs.People[SubjectAgent.Parse(Ada).Key] = System.Text.Json.Nodes.JsonNode.Parse("""
            {"objectType":"Person","name":["Ada"],"mbox":["mailto:ada@example.org","mailto:ada@home.example"],
             "account":[{"homePage":"https://lms.example.org","name":"42"}]}
            """)!.AsObject();

        var agents = await Reader(lrs).DiscoverAgentsAsync([SubjectAgent.Parse(Ada), SubjectAgent.Parse(Bob)], TestContext.Current.CancellationToken);

        Assert.Equal(
            ["mbox\nmailto:ada@example.org", "mbox\nmailto:bob@example.org", "mbox\nmailto:ada@home.example", "account\nhttps://lms.example.org\n42"],
            agents.Select(a => a.Key));
    }

    [Fact]
    public async Task HttpLrsClient_SendsBasicAuthAndAccept()
    {
        var capture = new CaptureHandler();
        var client = new HttpLrsClient(new HttpClient(capture), new LrsCredentials("key", "secret"));

        await client.GetAsync(new Uri("http://lrs.test/xAPI/statements"), [new("X-Experience-API-Version", "1.0.3")], TestContext.Current.CancellationToken);

        // base64("key:secret") computed independently: printf 'key:secret' | base64
        Assert.Equal("Basic a2V5OnNlY3JldA==", capture.Authorization);
        Assert.Equal("1.0.3", capture.Version);
        Assert.DoesNotContain("secret", new LrsCredentials("key", "secret").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpLrsClient_ResponseOverLimit_Throws()
    {
        var client = new HttpLrsClient(new HttpClient(new CaptureHandler { Body = new string('x', 100) }), maxResponseBytes: 10);

        await Assert.ThrowsAsync<LrsException>(() => client.GetAsync(new Uri("http://lrs.test/x"), [], TestContext.Current.CancellationToken));
    }

    private static SubjectAccessReader Reader(HttpMessageHandler lrs) =>
        new(new HttpLrsClient(new HttpClient(lrs)), new SubjectAccessQueryBuilder(new Uri("http://lrs.test/xAPI/")));

    private static Task<List<string>> Read(HttpMessageHandler lrs, params string[] agents) => Read(Reader(lrs), agents);

    private static async Task<List<string>> Read(SubjectAccessReader reader, params string[] agents)
    {
        var list = new List<string>();
        await foreach (var s in reader.ReadAsync(agents.Select(SubjectAgent.Parse), TestContext.Current.CancellationToken))
        {
            list.Add(s.Statement.GetProperty("id").GetString()!);
        }

        return list;
    }

    /// <summary>An LRS that ignores the agent filter entirely and returns every statement.</summary>
    private sealed class UnfilteredLrs : HttpMessageHandler
    {
        private readonly List<string> _statements = [];

        public UnfilteredLrs Add(string json)
        {
            _statements.Add(json);
            return this;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(request.RequestUri!.Query.Contains("voidedStatementId", StringComparison.Ordinal)
                    ? "{}"
                    : $"{{\"statements\":[{string.Join(',', _statements)}],\"more\":\"\"}}"),
            });
    }

    private sealed class CaptureHandler : HttpMessageHandler
    {
        public string? Authorization { get; private set; }

        public string? Version { get; private set; }

        public string Body { get; init; } = "{}";

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization?.ToString();
            Version = request.Headers.TryGetValues("X-Experience-API-Version", out var v) ? v.Single() : null;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(Body) });
        }
    }
}
