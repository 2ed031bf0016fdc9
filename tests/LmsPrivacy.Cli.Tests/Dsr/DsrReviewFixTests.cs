using System.Text.Json;
using LmsPrivacy.Cli.Commands.Dsr;

namespace LmsPrivacy.Cli.Tests.Dsr;

/// <summary>Regression tests for the defects an independent review found in the dsr command.</summary>
public sealed class DsrReviewFixTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("lmsprivacy-dsr-fix-");

    public DsrReviewFixTests() => DsrCommandTests.CopySamplesTo(_work.FullName);

    private string Samples => Path.Combine(_work.FullName, "stores.json");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Erase_MixedArray_KeepsNonObjectElementsAndOtherSubjects()
    {
        var config = FolderStore("delete", "items.json", """[{"uid":42},{"uid":7},"legacy-note: keep me",[1,2,3],{"uid":42.0},{"uid":"42"}]""");

        var result = await CliRunner.RunAsync("dsr", "erase", "--config", config, "--subject", "42", "--journal", Journal(), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, result.Json.GetProperty("stores")[0].GetProperty("records").GetInt64());
        using var left = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work.FullName, "data", "items.json")));
        using var expected = JsonDocument.Parse("""[{"uid":7},"legacy-note: keep me",[1,2,3]]""");
        Assert.True(JsonElement.DeepEquals(expected.RootElement, left.RootElement), left.RootElement.GetRawText());
        Assert.Empty(Directory.GetFiles(Path.Combine(_work.FullName, "data"), "*.tmp"));
    }

    [Fact]
    public async Task Erase_SingleObjectAnonymised_StaysAnObject()
    {
        var config = FolderStore("anonymise", "profile.json", """{"uid":42,"note":"hello","score":3}""");

        var result = await CliRunner.RunAsync("dsr", "erase", "--config", config, "--subject", "42", "--journal", Journal(), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var left = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work.FullName, "data", "profile.json")));
        using var expected = JsonDocument.Parse("""{"uid":null,"note":null,"score":3}""");
        Assert.True(JsonElement.DeepEquals(expected.RootElement, left.RootElement), left.RootElement.GetRawText());
    }

    [Fact]
    public async Task Erase_NdjsonNonObjectLines_KeptByteForByte()
    {
        var config = FolderStore("delete", "log.ndjson", "{\"uid\":4.2e1}\n\"note\"\n\n[1, 2]\n{\"uid\": 7}\n");

        var result = await CliRunner.RunAsync("dsr", "erase", "--config", config, "--subject", "42", "--journal", Journal());

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("\"note\"\n\n[1, 2]\n{\"uid\": 7}\n", File.ReadAllText(Path.Combine(_work.FullName, "data", "log.ndjson")));
    }

    [Fact]
    public async Task Erase_NumberWrittenOtherwise_IsErased()
    {
        var config = FolderStore("delete", "items.json", """[{"uid":4.2e1},{"uid":420E-1},{"uid":42.000},{"uid":43},{"uid":4.2}]""");

        var result = await CliRunner.RunAsync("dsr", "erase", "--config", config, "--subject", "42", "--journal", Journal(), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, result.Json.GetProperty("stores")[0].GetProperty("records").GetInt64());
        using var left = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work.FullName, "data", "items.json")));
        using var expected = JsonDocument.Parse("""[{"uid":43},{"uid":4.2}]""");
        Assert.True(JsonElement.DeepEquals(expected.RootElement, left.RootElement), left.RootElement.GetRawText());
    }

    [Fact]
    public async Task Erase_NumberThatCannotBeCompared_NeverDone()
    {
        var config = FolderStore("delete", "items.json", """[{"uid":42},{"uid":1e99999999999}]""");

        var result = await CliRunner.RunAsync("dsr", "erase", "--config", config, "--subject", "42", "--journal", Journal(), "--attempts", "1", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("partially-completed", result.Json.GetProperty("state").GetString());
        Assert.Equal("failed", result.Json.GetProperty("stores")[0].GetProperty("status").GetString());
        Assert.Contains(result.Json.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "dsr.erasure.store_failed");
    }

    [Theory]
    [InlineData("42", "42e0")]
    [InlineData("42.0", "42e0")]
    [InlineData("4.2e1", "42e0")]
    [InlineData("420E-1", "42e0")]
    [InlineData("0042", "42e0")]
    [InlineData("-0.5", "-5e-1")]
    [InlineData("0.000", "0")]
    [InlineData("1200", "12e2")]
    [InlineData("1e400", "1e400")]
    public void TryCanonical_DecimalText_ExactForm(string text, string expected)
    {
        Assert.True(DecimalText.TryCanonical(text, out var canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("42x")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("1e")]
    [InlineData("1e99999999999")]
    public void TryCanonical_NotANumberOrOutOfRange_False(string text) => Assert.False(DecimalText.TryCanonical(text, out _));

    [Fact]
    public async Task Erase_WrongSubject_WarnsNothingFound()
    {
        var result = await CliRunner.RunAsync("dsr", "erase", "--config", Samples, "--subject", "4", "--journal", Journal(), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var finding = Assert.Single(result.Json.GetProperty("findings").EnumerateArray());
        Assert.Equal("dsr.erasure.nothing_found", finding.GetProperty("code").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Export_WrongSubject_WarnsNothingFound()
    {
        var result = await CliRunner.RunAsync("dsr", "export", "--config", Samples, "--subject", "4", "--out", Path.Combine(_work.FullName, "a.zip"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("dsr.export.nothing_found", Assert.Single(result.Json.GetProperty("findings").EnumerateArray()).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("export", "--timeout", "5000000", "--timeout must be between")]
    [InlineData("export", "--timeout", "0", "--timeout must be between")]
    [InlineData("erase", "--timeout", "86401", "--timeout must be between")]
    [InlineData("erase", "--attempts", "0", "--attempts must be between")]
    [InlineData("erase", "--attempts", "101", "--attempts must be between")]
    public async Task Run_LimitOutOfRange_Exit2OneLineAndNoJournal(string verb, string option, string value, string expected)
    {
        var journal = Journal();

        var zip = Path.Combine(_work.FullName, "a.zip");

        var result = await CliRunner.RunAsync("dsr", verb, "--config", Samples, "--subject", "42", verb == "erase" ? "--journal" : "--out", verb == "erase" ? journal : zip, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(journal));
        Assert.False(File.Exists(zip));
    }

    [Fact]
    public async Task Erase_RejectedThenRerun_RerunRuns()
    {
        var journal = Journal();

        var rejected = await CliRunner.RunAsync("dsr", "erase", "--config", Samples, "--subject", "42", "--journal", journal, "--attempts", "0");
        var rerun = await CliRunner.RunAsync("dsr", "erase", "--config", Samples, "--subject", "42", "--journal", journal);

        Assert.Equal(2, rejected.ExitCode);
        Assert.Equal(0, rerun.ExitCode);
        Assert.DoesNotContain("exists already", rerun.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ExistingOut_Exit2AndUntouched_ForceReplaces()
    {
        var zip = Path.Combine(_work.FullName, "a.zip");
        await File.WriteAllTextAsync(zip, "precious", TestContext.Current.CancellationToken);

        var refused = await CliRunner.RunAsync("dsr", "export", "--config", Samples, "--subject", "42", "--out", zip);
        var afterRefusal = await File.ReadAllTextAsync(zip, TestContext.Current.CancellationToken);
        var forced = await CliRunner.RunAsync("dsr", "export", "--config", Samples, "--subject", "42", "--out", zip, "--force");

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal("precious", afterRefusal);
        Assert.Equal(0, forced.ExitCode);
        Assert.NotEqual("precious", await File.ReadAllTextAsync(zip, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Erase_Finished_JournalKeepsNoIdentityAndResumeSaysFinished()
    {
        var journal = Journal();
        const string agent = """{"mbox":"mailto:ada@example.org"}""";

        var erased = await CliRunner.RunAsync("dsr", "erase", "--config", Samples, "--subject", "42", "--agent", agent, "--journal", journal, "--format", "json");
        var text = await File.ReadAllTextAsync(journal, TestContext.Current.CancellationToken);
        var resumed = await CliRunner.RunAsync("dsr", "resume", journal);
        var resumedJson = await CliRunner.RunAsync("dsr", "resume", journal, "--format", "json");

        Assert.Equal(0, erased.ExitCode);
        Assert.True(erased.Json.GetProperty("journalIdentityRemoved").GetBoolean());
        Assert.DoesNotContain("ada@example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"subject\"", text, StringComparison.Ordinal);
        using (var header = JsonDocument.Parse(text.Split('\n')[0]))
        {
            // SHA-256 of "42", computed with python3 hashlib.
            Assert.Equal("73475cb40a568e8da8a045ced110137e159f890ac4da883b6b17dc651b3a8049", header.RootElement.GetProperty("subjectSha256").GetString());
            Assert.Equal("completed-with-exceptions", header.RootElement.GetProperty("finishedState").GetString());
        }

        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("is finished", resumed.Output, StringComparison.Ordinal);
        Assert.Equal("completed-with-exceptions", resumedJson.Json.GetProperty("state").GetString());
        Assert.All(resumedJson.Json.GetProperty("stores").EnumerateArray(), s => Assert.True(s.GetProperty("fromEarlierRun").GetBoolean()));
    }

    [Fact]
    public async Task Erase_PartiallyCompleted_JournalKeepsIdentityForResume()
    {
        var grades = Path.Combine(_work.FullName, "grades");
        Directory.Move(grades, grades + "-offline");
        var journal = Journal();

        var result = await CliRunner.RunAsync("dsr", "erase", "--config", Samples, "--subject", "42", "--journal", journal, "--attempts", "1", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.False(result.Json.GetProperty("journalIdentityRemoved").GetBoolean());
        Assert.Contains("\"subject\":\"42\"", await File.ReadAllTextAsync(journal, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private string Journal() => Path.Combine(_work.FullName, $"j-{Guid.NewGuid():N}.jsonl");

    private string FolderStore(string erase, string file, string content)
    {
        var folder = Path.Combine(_work.FullName, "data");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, file), content);
        var collection = Path.GetFileNameWithoutExtension(file);
        var config = Path.Combine(_work.FullName, "fix-stores.json");
        File.WriteAllText(config, """
            {"stores": [{"name": "items", "type": "json-folder", "path": "data", "subjectField": "uid", "erase": "ERASE",
              "collections": {"COLLECTION": {"fields": {"uid": "pseudonymous-identifier", "note": "learner-content", "score": "assessment-result"}}}}]}
            """.Replace("ERASE", erase, StringComparison.Ordinal).Replace("COLLECTION", collection, StringComparison.Ordinal));
        return config;
    }
}
