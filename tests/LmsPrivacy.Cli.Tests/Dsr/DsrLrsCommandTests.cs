using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LmsPrivacy.Xapi.SubjectAccess;

namespace LmsPrivacy.Cli.Tests.Dsr;

/// <summary>The CLI over a config with an LRS store, served by an in-process HttpListener.</summary>
public sealed class DsrLrsCommandTests : IDisposable
{
    private const string Learner = """{"account":{"homePage":"https://lms.example.org","name":"42"}}""";
    private const string Other = """{"account":{"homePage":"https://lms.example.org","name":"7"}}""";
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("lmsprivacy-dsr-lrs-");
    private readonly HttpListener _listener = new();
    private readonly List<string> _statements =
    [
        Statement(1, Learner), Statement(2, Other), Statement(3, Learner),
    ];

    private readonly Task _serving;

    public DsrLrsCommandTests()
    {
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
        File.WriteAllText(Path.Combine(_work.FullName, "stores.json"), $$$"""
            {"stores":[{"name":"lrs","type":"lrs","endpoint":"http://127.0.0.1:{{{port}}}/xAPI/","username":"lms","password":"pw",
              "agents":[{"account":{"homePage":"https://lms.example.org","name":"{subject}"}}]}]}
            """);
    }

    public List<string> Authorizations { get; } = [];

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task Export_LrsStore_OnlyTheLearnersStatementsWithBasicAuth()
    {
        var zip = Path.Combine(_work.FullName, "a.zip");

        var result = await CliRunner.RunAsync("dsr", "export", "--config", Path.Combine(_work.FullName, "stores.json"), "--subject", "42", "--out", zip, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Json.GetProperty("stores")[0].GetProperty("records").GetInt64());
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        using var part = JsonDocument.Parse(archive.GetEntry("stores/lrs.json")!.Open());
        Assert.Equal(
            [Id(1), Id(3)],
            part.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("data").GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        // base64("lms:pw") computed independently: printf 'lms:pw' | base64
        Assert.All(Authorizations, a => Assert.Equal("Basic bG1zOnB3", a));
    }

    [Fact]
    public async Task Erase_LrsHoldsRealIdentifiers_ReportedFailedExit1()
    {
        var result = await CliRunner.RunAsync(
            "dsr", "erase", "--config", Path.Combine(_work.FullName, "stores.json"), "--subject", "42", "--journal", Path.Combine(_work.FullName, "j.jsonl"),
            "--attempts", "1", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var store = result.Json.GetProperty("stores")[0];
        Assert.Equal("failed", store.GetProperty("status").GetString());
        Assert.Contains("still carry the learner's own identifiers", store.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            lock (Authorizations)
            {
                Authorizations.Add(context.Request.Headers["Authorization"] ?? string.Empty);
            }

            var agentText = context.Request.QueryString["agent"];
            string body;
            if (context.Request.QueryString["voidedStatementId"] is not null || agentText is null || context.Request.Headers["X-Experience-API-Version"] != "1.0.3")
            {
                context.Response.StatusCode = 404;
                body = "{}";
            }
            else
            {
                var agent = SubjectAgent.Parse(agentText);
                var matching = _statements.Where(s =>
                {
                    using var document = JsonDocument.Parse(s);
                    return agent.Matches(document.RootElement.GetProperty("actor"));
                });
                body = $"{{\"statements\":[{string.Join(',', matching)}],\"more\":\"\"}}";
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static string Id(int n) => $"00000000-0000-4000-8000-{n:D12}";

    private static string Statement(int n, string actor) =>
        $$$"""{"id":"{{{Id(n)}}}","actor":{{{actor}}},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"http://example.org/c"}}""";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
