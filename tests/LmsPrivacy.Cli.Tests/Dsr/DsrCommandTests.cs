using System.CommandLine;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LmsPrivacy.Cli.Commands;
using LmsPrivacy.Cli.Infrastructure;

namespace LmsPrivacy.Cli.Tests.Dsr;

public sealed class DsrCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("lmsprivacy-dsr-");

    public DsrCommandTests() => CopySamples(Path.Combine(RepoRoot(), "samples", "dsr"), _work.FullName);

    private string Config => Path.Combine(_work.FullName, "stores.json");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Export_Samples_PackageWithEveryStore()
    {
        var zip = Path.Combine(_work.FullName, "out.zip");

        var result = await CliRunner.RunAsync("dsr", "export", "--config", Config, "--subject", "42", "--out", zip, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.True(json.GetProperty("complete").GetBoolean());
        Assert.Equal(
            [("certificates", 1L), ("forum", 1L), ("grades", 2L), ("lms-users", 1L)],
            json.GetProperty("stores").EnumerateArray().Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("records").GetInt64())));
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["stores/certificates.json", "stores/forum.json", "stores/grades.json", "stores/lms-users.json", "manifest.json"], archive.Entries.Select(e => e.FullName));
        Assert.False(File.Exists(zip + ".partial"));
    }

    [Fact]
    public async Task Erase_Samples_ErasesAnonymisesKeepsProtectedAndOtherSubjects()
    {
        var journal = Path.Combine(_work.FullName, "j.jsonl");

        var result = await CliRunner.RunAsync("dsr", "erase", "--config", Config, "--subject", "42", "--journal", journal, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("completed-with-exceptions", result.Json.GetProperty("state").GetString());
        Assert.Equal(
            [("certificates", "skipped-protected"), ("forum", "done"), ("grades", "done"), ("lms-users", "done")],
            result.Json.GetProperty("stores").EnumerateArray().Select(s => (s.GetProperty("name").GetString()!, s.GetProperty("status").GetString()!)));
        Assert.Equal("dsr.erasure.store_protected", result.Json.GetProperty("findings")[0].GetProperty("code").GetString());
        var grades = File.ReadAllLines(Path.Combine(_work.FullName, "grades", "grades.ndjson"));
        Assert.Equal(["""{"userid":"7","course":"math-101","grade":0.61,"feedback":"Check chapter 3."}"""], grades);
        using var posts = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work.FullName, "forum", "posts.json")));
        Assert.Equal(JsonValueKind.Null, posts.RootElement[0].GetProperty("author").ValueKind);
        Assert.Equal(JsonValueKind.Null, posts.RootElement[0].GetProperty("text").ValueKind);
        Assert.Equal(10, posts.RootElement[0].GetProperty("thread").GetInt32());
        Assert.Equal("7", posts.RootElement[1].GetProperty("author").GetString());
        Assert.DoesNotContain("ada@example.org", File.ReadAllText(Path.Combine(_work.FullName, "lms", "users.json")), StringComparison.Ordinal);
        Assert.Contains("CERT-8F3K2", File.ReadAllText(Path.Combine(_work.FullName, "certificates", "certificates.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_AfterStoreFailure_FinishesWithoutRepeatingDoneStores()
    {
        var grades = Path.Combine(_work.FullName, "grades");
        Directory.Move(grades, grades + "-offline");
        var journal = Path.Combine(_work.FullName, "j.jsonl");

        var first = await CliRunner.RunAsync("dsr", "erase", "--config", Config, "--subject", "42", "--journal", journal, "--attempts", "1", "--format", "json");
        Directory.Move(grades + "-offline", grades);
        await File.AppendAllTextAsync(journal, "{\"requestId\":\"cut by a cr", TestContext.Current.CancellationToken);
        var second = await CliRunner.RunAsync("dsr", "resume", journal, "--format", "json");
        var third = await CliRunner.RunAsync("dsr", "resume", journal, "--format", "json");

        Assert.Equal(1, first.ExitCode);
        Assert.Equal("partially-completed", first.Json.GetProperty("state").GetString());
        Assert.Equal("dsr.erasure.store_failed", first.Json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("severity").GetString() == "error").GetProperty("code").GetString());
        Assert.Equal(0, second.ExitCode);
        var resumed = second.Json.GetProperty("stores").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.True(resumed["lms-users"].GetProperty("fromEarlierRun").GetBoolean());
        Assert.False(resumed["grades"].GetProperty("fromEarlierRun").GetBoolean());
        Assert.Equal(2, resumed["grades"].GetProperty("records").GetInt64());
        Assert.Equal(2, resumed["grades"].GetProperty("attempts").GetInt32());
        Assert.All(third.Json.GetProperty("stores").EnumerateArray(), s => Assert.True(s.GetProperty("fromEarlierRun").GetBoolean()));
    }

    [Fact]
    public async Task Erase_ExistingJournal_Exit2()
    {
        var journal = Path.Combine(_work.FullName, "j.jsonl");
        await File.WriteAllTextAsync(journal, "x", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("dsr", "erase", "--config", Config, "--subject", "42", "--journal", journal);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("use 'dsr resume'", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "is not valid JSON")]
    [InlineData("{\"stores\": [{\"name\": \"a b\", \"type\": \"json-folder\"}]}", "name must be")]
    [InlineData("{\"stores\": [{\"name\": \"a\", \"type\": \"ftp\"}]}", "type must be")]
    [InlineData("{\"stores\": [{\"name\": \"a\", \"type\": \"json-folder\", \"path\": \"x\", \"subjectField\": \"u\", \"collections\": {\"c\": {\"fields\": {\"u\": \"secret\"}}}}]}", "unknown data category")]
    [InlineData("{\"stores\": [{\"name\": \"l\", \"type\": \"lrs\", \"endpoint\": \"ftp://x\"}]}", "endpoint must be")]
    public async Task Export_BadConfig_Exit2OneLine(string config, string expected)
    {
        await File.WriteAllTextAsync(Config, config, TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("dsr", "export", "--config", Config, "--subject", "42");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_NotAJournal_Exit2()
    {
        var result = await CliRunner.RunAsync("dsr", "resume", Path.Combine(_work.FullName, "missing.jsonl"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SarQuery_TwoAgents_JsonWithUrlsAndHeader()
    {
        var (code, output, _) = await RunSarQueryAsync(
            "--endpoint", "https://lrs.example.org/xAPI", "--agent", """{"mbox":"mailto:ada@example.org"}""",
            "--agent", """{"account":{"homePage":"https://lms.example.org","name":"42"}}""", "--format", "json");

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal("1.0.3", root.GetProperty("headers").GetProperty("X-Experience-API-Version").GetString());
        var queries = root.GetProperty("queries").EnumerateArray().ToList();
        Assert.Equal(2, queries.Count);
        // Independent: python3 urllib.parse.quote('{"mbox":"mailto:ada@example.org"}', safe='')
        Assert.Equal(
            "https://lrs.example.org/xAPI/statements?agent=%7B%22mbox%22%3A%22mailto%3Aada%40example.org%22%7D&related_agents=true&format=exact",
            queries[0].GetProperty("statements").GetString());
        Assert.Equal(0, root.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task SarQuery_BadAgent_Exit2WithoutEcho()
    {
        var (code, _, error) = await RunSarQueryAsync("--endpoint", "https://lrs.example.org/xAPI", "--agent", """{"mbox":"ada@example.org"}""");

        Assert.Equal(2, code);
        Assert.Equal("lmsprivacy: --agent #1: mbox must be a mailto: IRI.", error.Trim());
    }

    private static async Task<(int Code, string Output, string Error)> RunSarQueryAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, () => Stream.Null);
        var root = new RootCommand();
        root.Options.Add(CommonOptions.Format);
        root.Subcommands.Add(new Command("xapi") { XapiSarQueryCommand.Create(context) });
        var parse = root.Parse(["xapi", "sar-query", .. args]);
        if (parse.Errors.Count > 0)
        {
            return (2, string.Empty, parse.Errors[0].Message);
        }

        try
        {
            var code = await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, TestContext.Current.CancellationToken);
            return (code, output.ToString(), error.ToString());
        }
        catch (CliException ex)
        {
            return (2, output.ToString(), "lmsprivacy: " + ex.Message);
        }
    }

    internal static void CopySamplesTo(string to) => CopySamples(Path.Combine(RepoRoot(), "samples", "dsr"), to);

    private static void CopySamples(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }

    private static string RepoRoot([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
