using System.IO.Compression;
using System.Text.Json;

namespace LmsPrivacy.Cli.Tests.Dsr;

public sealed class DsrDeadlineTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("lmsprivacy-dsr-due-");

    public DsrDeadlineTests() => DsrCommandTests.CopySamplesTo(_work.FullName);

    private string Config => Path.Combine(_work.FullName, "stores.json");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Export_ReceivedInAustria_DueAfterEasterMondayInOutputAndManifest()
    {
        // Thursday 5 March 2026 → Sunday 5 April (Easter) → Monday 6 April is Easter Monday in AT → Tuesday 7 April.
        var zip = Path.Combine(_work.FullName, "out.zip");

        var result = await CliRunner.RunAsync("dsr", "export", "--config", Config, "--subject", "42", "--out", zip,
            "--received", "2026-03-05", "--country", "AT", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2026-04-07", result.Json.GetProperty("due").GetString());
        Assert.Equal("2026-04-07", result.Json.GetProperty("extensionNoticeDue").GetString());
        Assert.Contains("Easter Monday (public holiday in AT)", result.Json.GetProperty("dueReason").GetString(), StringComparison.Ordinal);
        using var archive = ZipFile.OpenRead(zip);
        using var manifest = JsonDocument.Parse(archive.GetEntry("manifest.json")!.Open());
        Assert.Equal("2026-03-05T00:00:00Z", manifest.RootElement.GetProperty("receivedAt").GetString());
        Assert.Equal("2026-04-07", manifest.RootElement.GetProperty("due").GetString());
        Assert.Equal("2026-04-07", manifest.RootElement.GetProperty("extensionNoticeDue").GetString());
        Assert.False(manifest.RootElement.GetProperty("extended").GetBoolean());
    }

    [Fact]
    public async Task Export_NoCountry_OnlyWeekendsMoveTheDueDate()
    {
        // Saturday 31 January 2026 → February has no 31st → Saturday 28 February → Monday 2 March.
        var result = await CliRunner.RunAsync("dsr", "export", "--config", Config, "--subject", "42", "--out", Path.Combine(_work.FullName, "o.zip"),
            "--received", "2026-01-31");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("due 2026-03-02 (Monday)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseThenResume_UkProfile_DueKeptFromTheJournalHeader()
    {
        // Saturday 25 April 2026 → Monday 25 May 2026, the last Monday of May: the spring bank holiday in England and
        // Wales → Tuesday 26 May 2026.
        var journal = Path.Combine(_work.FullName, "j.jsonl");

        var erase = await CliRunner.RunAsync("dsr", "erase", "--config", Config, "--subject", "42", "--journal", journal,
            "--received", "2026-04-25", "--profile", "uk", "--country", "GB", "--format", "json");
        var resume = await CliRunner.RunAsync("dsr", "resume", journal, "--format", "json");

        Assert.Equal(0, erase.ExitCode);
        Assert.Equal("2026-05-26", erase.Json.GetProperty("due").GetString());
        Assert.Equal(0, resume.ExitCode);
        Assert.Equal("2026-05-26", resume.Json.GetProperty("due").GetString());
        Assert.Equal(erase.Json.GetProperty("dueReason").GetString(), resume.Json.GetProperty("dueReason").GetString());
        using var header = JsonDocument.Parse(File.ReadLines(journal).First());
        Assert.Equal("2026-05-26", header.RootElement.GetProperty("due").GetString());
        Assert.Equal("2026-05-26", header.RootElement.GetProperty("extensionNoticeDue").GetString());
    }

    [Theory]
    [InlineData("--profile", "eu", "--country", "GB", "is a UK calendar")]
    [InlineData("--profile", "uk", "--country", "FR", "is an EU/EEA country")]
    [InlineData("--profile", "us", "--country", "DE", "--profile must be eu or uk")]
    [InlineData("--country", "XX", "--received", "2026-01-05", "unknown country code")]
    [InlineData("--country", "DE", "--received", "2026-02-30", "--received must be a calendar date")]
    [InlineData("--country", "DE", "--received", "2999-01-01", "cannot be in the future")]
    [InlineData("--country", "DE", "--time-zone", "Mars/Olympus", "--time-zone must be an IANA")]
    public async Task Erase_BadDeadlineOptions_Exit2OneLineNoJournal(string o1, string v1, string o2, string v2, string expected)
    {
        var journal = Path.Combine(_work.FullName, "j.jsonl");

        var result = await CliRunner.RunAsync("dsr", "erase", "--config", Config, "--subject", "42", "--journal", journal, o1, v1, o2, v2);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(journal));
    }
}
