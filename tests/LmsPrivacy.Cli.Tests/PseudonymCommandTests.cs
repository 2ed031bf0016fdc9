namespace LmsPrivacy.Cli.Tests;

public sealed class PseudonymCommandTests
{
    private static string DemoKey => Path.Combine(RepoRoot(), "samples", "keys", "demo.key");

    internal static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    [Fact]
    public async Task Pseudonym_Json_MatchesPublishedVector()
    {
        var result = await CliRunner.RunAsync("pseudonym", "learner-42", "--key-file", DemoKey, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("k1.lbwir7s2spxipndwjv75i44gchfkwzo675eab4todcuzrwazujta", result.Json.GetProperty("pseudonym").GetString());
        Assert.Equal("k1", result.Json.GetProperty("keyId").GetString());
        Assert.Equal(0, result.Json.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task Pseudonym_TwoComponentsAndKeyId_Text()
    {
        var result = await CliRunner.RunAsync("pseudonym", "https://lms.example.org", "learner-42", "--key-file", DemoKey);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("k1.4hg34wtzunou4sf5csya72y5jzl5s4njjv3vhoxqxwohgfz7yhya", result.Output.Trim());
    }

    [Fact]
    public async Task Pseudonym_ShortKey_Exit2WithOneLineAndNoKey()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "AAECAwQFBgcICQoLDA0ODw==", TestContext.Current.CancellationToken);
        try
        {
            var result = await CliRunner.RunAsync("pseudonym", "x", "--key-file", file);

            Assert.Equal(2, result.ExitCode);
            Assert.Single(result.Error.Trim().Split('\n'));
            Assert.Contains("at least 32 bytes", result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("AAECAwQF", result.Error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("pseudonym", "x", "--key-file", "/nonexistent/key")]
    [InlineData("pseudonym", "x")]
    [InlineData("pseudonym", "--key-file", "samples/keys/demo.key")]
    [InlineData("nosuchcommand")]
    [InlineData("pseudonym", "x", "--key-file", "k", "--encoding", "zzz")]
    [InlineData("hash", "sha1")]
    [InlineData("hash", "sha1", "x", "--format", "yaml")]
    public async Task BadUsage_Exit2WithOneClearLineAndNoStackTrace(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("lmsprivacy:", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsVersion()
    {
        var result = await CliRunner.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output.Trim());
    }

    [Fact]
    public async Task Help_ListsCommands()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("pseudonym", result.Output, StringComparison.Ordinal);
        Assert.Contains("hash", result.Output, StringComparison.Ordinal);
    }
}

public sealed class CliContractTests
{
    [Fact]
    public async Task Pseudonym_DashReadsComponentsFromStandardInput()
    {
        var key = Path.Combine(PseudonymCommandTests.RepoRoot(), "samples", "keys", "demo.key");

        var result = await CliRunner.RunWithInputAsync("https://lms.example.org\nlearner-42\n", "pseudonym", "-", "--key-file", key);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("k1.4hg34wtzunou4sf5csya72y5jzl5s4njjv3vhoxqxwohgfz7yhya", result.Output.Trim());
    }

    [Fact]
    public async Task Pseudonym_BadKeyId_NamesTheOptionNotTheKeyFile()
    {
        var key = Path.Combine(PseudonymCommandTests.RepoRoot(), "samples", "keys", "demo.key");

        var result = await CliRunner.RunAsync("pseudonym", "x", "--key-file", key, "--key-id", "bad id");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("lmsprivacy: --key-id:", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectoryAsInput_SaysItIsADirectory()
    {
        var result = await CliRunner.RunAsync("hash", "sha1", "x", "--format", "json");
        Assert.Equal(0, result.ExitCode);

        var dir = await CliRunner.RunAsync("pseudonym", "x", "--key-file", Path.GetTempPath());

        Assert.Equal(2, dir.ExitCode);
        Assert.Contains("is a directory", dir.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorNamingAFileWithANewline_StaysOneLine()
    {
        var result = await CliRunner.RunAsync("pseudonym", "x", "--key-file", "/nonexistent/a\nb");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void OneLine_FoldsLineBreaksAndTabs()
        => Assert.Equal("a b c", LmsPrivacy.Cli.Infrastructure.CliApp.OneLine("a\r\nb\n\tc\n"));
}
