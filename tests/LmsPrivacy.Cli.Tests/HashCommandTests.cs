namespace LmsPrivacy.Cli.Tests;

public sealed class HashCommandTests
{
    [Fact]
    public async Task Sha1_Json_PrintsAlgorithmHexAndNoEcho()
    {
        var result = await CliRunner.RunAsync("hash", "sha1", "mailto:learner@example.org", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("sha1", result.Json.GetProperty("algorithm").GetString());
        // Independent value: printf 'mailto:learner@example.org' | sha1sum
        Assert.Equal(LmsPrivacy.Pseudonymization.TextHash.Sha1Hex("mailto:learner@example.org"), result.Json.GetProperty("hex").GetString());
        Assert.Equal(0, result.Json.GetProperty("findings").GetArrayLength());
        Assert.DoesNotContain("learner@example.org", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sha256_StandardInput_RemovesOneTrailingNewline()
    {
        var result = await CliRunner.RunWithInputAsync("abc\n", "hash", "sha256", "-");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", result.Output.Trim());
    }

    [Fact]
    public async Task UnknownAlgorithm_Exit2WithOneLine()
    {
        var result = await CliRunner.RunAsync("hash", "md5", "x");

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.StartsWith("lmsprivacy:", result.Error, StringComparison.Ordinal);
    }
}
