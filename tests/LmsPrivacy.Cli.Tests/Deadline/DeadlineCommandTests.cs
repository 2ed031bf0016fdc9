namespace LmsPrivacy.Cli.Tests.Deadline;

public sealed class DeadlineCommandTests
{
    [Fact]
    public async Task Dsar_Json_DueDateReasonAndFindings()
    {
        // 5 March 2026 -> Sunday 5 April; Monday 6 April is Easter Monday in Austria -> Tuesday 7 April.
        var result = await CliRunner.RunAsync("deadline", "dsar", "--received", "2026-03-05", "--country", "AT", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var json = result.Json;
        Assert.Equal("2026-04-07", json.GetProperty("due").GetString());
        Assert.Equal("2026-04-07", json.GetProperty("extensionNoticeDue").GetString());
        Assert.Equal("AT", json.GetProperty("country").GetString());
        Assert.Equal("eu", json.GetProperty("profile").GetString());
        Assert.False(json.GetProperty("extended").GetBoolean());
        Assert.Contains("Art. 3(4)", json.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var finding = Assert.Single(json.GetProperty("findings").EnumerateArray());
        Assert.Equal("deadline.dsar.rolled_forward", finding.GetProperty("code").GetString());
        Assert.Equal("info", finding.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Dsar_ExtendedWithoutCountry_NoticeDateAndWeekendsOnlyFinding()
    {
        // 31 January 2026 -> Saturday 28 February -> Monday 2 March; extension 28 February + 2 months = Tuesday 28 April.
        var result = await CliRunner.RunAsync("deadline", "dsar", "--received", "2026-01-31", "--extended", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2026-04-28", result.Json.GetProperty("due").GetString());
        Assert.Equal("2026-03-02", result.Json.GetProperty("extensionNoticeDue").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Json.GetProperty("country").ValueKind);
        var codes = result.Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("deadline.dsar.extension_notice", codes);
        Assert.Contains("deadline.calendar.weekends_only", codes);
    }

    [Fact]
    public async Task Dsar_UkProfile_TextOutputNamesTheIcoRule()
    {
        // 26 November 2026 -> Saturday 26 December; Monday 28 December is the Boxing Day substitute -> Tuesday 29.
        var result = await CliRunner.RunAsync("deadline", "dsar", "--received", "2026-11-26", "--profile", "uk", "--country", "GB");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("due 2026-12-29 (Tuesday)", result.Output, StringComparison.Ordinal);
        Assert.Contains("ICO", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--received", "2026-02-30")]
    [InlineData("--received", "05/03/2026")]
    [InlineData("--received", "1200-01-01")]
    [InlineData("--received", "2026-03-05", "--country", "XX")]
    [InlineData("--received", "2026-03-05", "--country", "GB")]
    [InlineData("--received", "2026-03-05", "--profile", "uk", "--country", "DE")]
    [InlineData("--received", "2026-03-05", "--profile", "us")]
    [InlineData("--country", "DE")]
    public async Task Dsar_BadInput_Exit2WithOneLine(params string[] args)
    {
        var result = await CliRunner.RunAsync(["deadline", "dsar", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("lmsprivacy:", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Breach_Json_72HoursThroughTheWeekend()
    {
        // Wednesday 23 December 2026 10:00 +01:00 = 09:00Z; + 72 h = Saturday 26 December 09:00Z, not moved.
        var result = await CliRunner.RunAsync("deadline", "breach", "--aware-at", "2026-12-23T10:00:00+01:00", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("controller", result.Json.GetProperty("role").GetString());
        Assert.Equal("2026-12-23T09:00:00Z", result.Json.GetProperty("awareAt").GetString());
        Assert.Equal("2026-12-26T09:00:00Z", result.Json.GetProperty("due").GetString());
        Assert.Contains("72 hours", result.Json.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("deadline.breach.weekend", Assert.Single(result.Json.GetProperty("findings").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Breach_ProcessorWithContractualHours_DueAndControllerLatest()
    {
        var result = await CliRunner.RunAsync(
            "deadline", "breach", "--aware-at", "2026-03-02T08:00Z", "--role", "processor", "--notice-hours", "24", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2026-03-03T08:00:00Z", result.Json.GetProperty("due").GetString());
        Assert.Equal("2026-03-06T08:00:00Z", result.Json.GetProperty("controllerDueAtLatest").GetString());
        Assert.Equal(24, result.Json.GetProperty("noticeHours").GetInt32());
    }

    [Fact]
    public async Task Breach_ProcessorWithoutWindow_NullDueAndWarning()
    {
        var result = await CliRunner.RunAsync("deadline", "breach", "--aware-at", "2026-03-02T08:00:00Z", "--role", "processor", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Json.GetProperty("due").ValueKind);
        var finding = Assert.Single(result.Json.GetProperty("findings").EnumerateArray());
        Assert.Equal("deadline.breach.processor_window_unset", finding.GetProperty("code").GetString());
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
    }

    [Fact]
    public async Task Breach_Text_PrintsDueInstant()
    {
        var result = await CliRunner.RunAsync("deadline", "breach", "--aware-at", "2026-11-20T17:30:00Z");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("due 2026-11-23T17:30:00Z (Monday, UTC)", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--aware-at", "2026-12-23T10:00")]
    [InlineData("--aware-at", "yesterday")]
    [InlineData("--aware-at", "2026-12-23T10:00Z", "--notice-hours", "24")]
    [InlineData("--aware-at", "2026-12-23T10:00Z", "--role", "processor", "--notice-hours", "0")]
    [InlineData("--aware-at", "2026-12-23T10:00Z", "--role", "auditor")]
    public async Task Breach_BadInput_Exit2WithOneLine(params string[] args)
    {
        var result = await CliRunner.RunAsync(["deadline", "breach", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("lmsprivacy:", result.Error, StringComparison.Ordinal);
    }
}
