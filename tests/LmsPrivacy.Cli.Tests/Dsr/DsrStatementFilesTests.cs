namespace LmsPrivacy.Cli.Tests.Dsr;

public sealed class DsrStatementFilesTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("lmsprivacy-dsr-xapi-files-");

    public DsrStatementFilesTests() => DsrCommandTests.CopySamplesTo(_work.FullName);

    private string Config => Path.Combine(_work.FullName, "stores-with-statements.json");

    private string Outbox => Path.Combine(_work.FullName, "statements", "outbox.ndjson");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task ExportEraseExport_XapiFiles_LearnerRewrittenOthersKept()
    {
        var before = File.ReadAllLines(Outbox);

        var export = await CliRunner.RunAsync("dsr", "export", "--config", Config, "--subject", "42", "--out", Path.Combine(_work.FullName, "a.zip"), "--format", "json");
        var erase = await CliRunner.RunAsync("dsr", "erase", "--config", Config, "--subject", "42", "--journal", Path.Combine(_work.FullName, "j.jsonl"), "--format", "json");
        var after = await CliRunner.RunAsync("dsr", "export", "--config", Config, "--subject", "42", "--out", Path.Combine(_work.FullName, "b.zip"), "--format", "json");

        // Statement 1 (Ada as actor, with her name) and 2 (Ada as instructor) name account 42; statement 3 names only 7.
        Assert.Equal(0, export.ExitCode);
        Assert.Equal(2, export.Json.GetProperty("stores")[0].GetProperty("records").GetInt64());
        Assert.Equal(0, erase.ExitCode);
        var store = erase.Json.GetProperty("stores")[0];
        Assert.Equal("done", store.GetProperty("status").GetString());
        Assert.Equal("anonymise-in-place", store.GetProperty("method").GetString());
        Assert.Equal(2, store.GetProperty("records").GetInt64());
        Assert.Equal(0, after.Json.GetProperty("stores")[0].GetProperty("records").GetInt64());
        var lines = File.ReadAllLines(Outbox);
        Assert.Equal(3, lines.Length);
        Assert.DoesNotContain("Lovelace", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"homePage\":\"https://lms.example.org/pseudonyms\",\"name\":\"k1.", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"actor\":{\"account\":{\"homePage\":\"https://lms.example.org\",\"name\":\"7\"}}", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("\"name\":\"42\"", string.Concat(lines), StringComparison.Ordinal);
        Assert.Equal(before[2], lines[2]);
    }

    [Fact]
    public async Task Load_XapiFilesWithoutKeyFile_Exit2OneLine()
    {
        await File.WriteAllTextAsync(Config, """{"stores":[{"name":"s","type":"xapi-files","path":"statements","homePage":"https://lms.example.org/p","keyFile":"missing.key"}]}""", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync("dsr", "export", "--config", Config, "--subject", "42");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
    }
}
