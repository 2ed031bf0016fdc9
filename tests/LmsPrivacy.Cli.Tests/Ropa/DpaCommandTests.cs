namespace LmsPrivacy.Cli.Tests.Ropa;

public sealed class DpaCommandTests
{
    private static readonly string[] Clauses = ["28(3)(a)", "28(3)(b)", "28(3)(c)", "28(3)(d)", "28(3)(e)", "28(3)(f)", "28(3)(g)", "28(3)(h)", "28(2)", "28(4)"];

    [Fact]
    public async Task Check_GoodDpa_AllMetExit0()
    {
        var result = await CliRunner.RunAsync("dpa", "check", RopaCommandTests.Sample("lrs-vendor-good.dpa.json"), "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var clauses = result.Json.GetProperty("clauses").EnumerateArray().ToList();
        Assert.Equal(Clauses, clauses.Select(c => c.GetProperty("clause").GetString()));
        Assert.All(clauses, c => Assert.Equal("met", c.GetProperty("status").GetString()));
        Assert.All(clauses, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("reason").GetString())));
        Assert.Equal(0, result.Json.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public async Task Check_WeakDpa_Exit1WithReasons()
    {
        var result = await CliRunner.RunAsync("dpa", "check", RopaCommandTests.Sample("lrs-vendor-weak.dpa.json"), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        var clauses = result.Json.GetProperty("clauses").EnumerateArray().ToDictionary(c => c.GetProperty("clause").GetString()!);
        Assert.Equal("weak", clauses["28(3)(a)"].GetProperty("status").GetString());
        Assert.Contains("AI training", clauses["28(3)(a)"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("weak", clauses["28(3)(f)"].GetProperty("status").GetString());
        Assert.Equal("weak", clauses["28(2)"].GetProperty("status").GetString());
        var codes = result.Json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("dpa.instructions.vendor_own_purposes", codes);
        Assert.Contains("dpa.breach.notice_too_slow", codes);
    }

    [Fact]
    public async Task Check_Text_OneLinePerClause()
    {
        var result = await CliRunner.RunAsync("dpa", "check", RopaCommandTests.Sample("lrs-vendor-weak.dpa.json"));

        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.StartsWith("28(3)(a)  weak", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("28(3)(b)  met", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Malformed_Exit2() =>
        Assert.Equal(2, (await CliRunner.RunWithInputAsync("{\"audits\":{\"rightToAudit\":\"yes\"}}", "dpa", "check", "-")).ExitCode);

    [Theory]
    [InlineData("{\"subProcessors\":{\"authorisation\":7}}", "$.subProcessors.authorisation")]
    [InlineData("{\"endOfContract\":{\"choice\":1}}", "$.endOfContract.choice")]
    public async Task Check_NumericEnumValue_Exit2NamingThePath(string input, string path)
    {
        var result = await CliRunner.RunWithInputAsync(input, "dpa", "check", "-", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Contains($" at {path}", result.Error, StringComparison.Ordinal);
    }
}
