using LmsPrivacy.Cli.Commands.Check;

namespace LmsPrivacy.Cli.Tests.Check;

public sealed class ArtifactDiscoveryTests
{
    private static List<DiscoveredArtifact> Discover(string root) =>
        [.. new ArtifactDiscovery(new CheckLimits()).Discover(root)];

    private static DiscoveredArtifact Only(TempFolder folder, string name) =>
        Discover(folder.Path).Single(a => a.DisplayPath.EndsWith(name, StringComparison.Ordinal));

    [Fact]
    public void Discover_ContentNotName_RecognisesStatementsInATextFile()
    {
        using var folder = new TempFolder();
        folder.Write("export-2026.txt", CheckFixtures.Statement + "\n" + CheckFixtures.Statement + "\n");
        folder.Write("statements.json", """{"hello":"not a statement"}""");

        Assert.Equal(ArtifactKind.XapiStatements, Only(folder, "export-2026.txt").Kind);
        var misnamed = Only(folder, "statements.json");
        Assert.Equal(ArtifactKind.Unknown, misnamed.Kind);
        Assert.NotNull(misnamed.SkipReason);
    }

    [Theory]
    [InlineData("[\n  STATEMENT\n]", "array")]
    [InlineData("STATEMENT", "single")]
    [InlineData("\uFEFFSTATEMENT\nSTATEMENT", "ndjson with BOM")]
    public void Discover_StatementContainers_AreXapi(string template, string label)
    {
        using var folder = new TempFolder();
        folder.Write("a", template.Replace("STATEMENT", CheckFixtures.Statement, StringComparison.Ordinal));

        Assert.True(Only(folder, "/a").Kind == ArtifactKind.XapiStatements, label);
    }

    [Fact]
    public void Discover_EveryKind_RecognisedByShape()
    {
        using var folder = new TempFolder();
        folder.Write("1", """{"iss":"https://p.example","sub":"x","https://purl.imsglobal.org/spec/lti/claim/message_type":"LtiResourceLinkRequest"}""");
        folder.Write("2", CheckFixtures.Ropa);
        folder.Write("3", """{"$schema":"../docs/schemas/dpa.schema.json","processor":{"name":"V"}}""");
        folder.Write("4", """{"controller":{"name":"C"},"processor":{"name":"V"},"subProcessors":{"noticeDays":30}}""");
        folder.Write("5", """{"purposes":[],"contexts":[]}""");
        folder.WriteZip("6", ("imsmanifest.xml", "<manifest/>"));
        folder.Write("7/imsmanifest.xml", "<manifest/>");

        var kinds = Discover(folder.Path).ToDictionary(a => Path.GetFileName(a.DisplayPath), a => a.Kind);

        Assert.Equal(ArtifactKind.LtiLaunch, kinds["1"]);
        Assert.Equal(ArtifactKind.Ropa, kinds["2"]);
        Assert.Equal(ArtifactKind.Dpa, kinds["3"]);
        Assert.Equal(ArtifactKind.Dpa, kinds["4"]);
        Assert.Equal(ArtifactKind.RetentionRegistry, kinds["5"]);
        Assert.Equal(ArtifactKind.ScormPackage, kinds["6"]);
        Assert.Equal(ArtifactKind.ScormPackage, kinds["7"]);
    }

    [Fact]
    public void Discover_CompactJwtWithLtiClaims_IsLtiLaunch()
    {
        using var folder = new TempFolder();
        static string B64(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        folder.Write("launch", B64("""{"alg":"RS256"}""") + "." + B64("""{"sub":"a","https://purl.imsglobal.org/spec/lti/claim/version":"1.3.0"}""") + ".c2ln\n");
        folder.Write("other-jwt", B64("""{"alg":"RS256"}""") + "." + B64("""{"sub":"a"}""") + ".c2ln");

        Assert.Equal(ArtifactKind.LtiLaunch, Only(folder, "launch").Kind);
        Assert.Equal(ArtifactKind.Unknown, Only(folder, "other-jwt").Kind);
    }

    [Fact]
    public void Discover_KeysConfigAndNoise_SkippedNotFailed()
    {
        using var folder = new TempFolder();
        folder.Write("keys/demo.key", "base64:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n");
        folder.Write("dsr/stores.json", """{"stores":[{"name":"lms","kind":"folder","path":"data"}]}""");
        folder.Write("README.md", "# hello\n");
        folder.Write("empty.json", string.Empty);
        folder.WriteBytes("image.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0]);
        folder.WriteZip("archive.zip", ("readme.txt", "no manifest here"));
        folder.Write(".git/config", "[core]");

        var found = Discover(folder.Path);

        Assert.Equal(6, found.Count); // the hidden .git folder is not listed at all
        Assert.All(found, a =>
        {
            Assert.Equal(ArtifactKind.Unknown, a.Kind);
            Assert.NotNull(a.SkipReason);
            Assert.Null(a.Problem);
        });
    }

    [Fact]
    public void Discover_NamedPipe_SkippedWithoutBlocking()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "mkfifo is POSIX");
        using var folder = new TempFolder();
        var fifo = Path.Combine(folder.Path, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }

        var artifact = Assert.Single(Discover(folder.Path));

        Assert.Equal("empty file, or not a regular file", artifact.SkipReason);
    }

    [Fact]
    public void Discover_CorruptZip_IsAFindingNotACrash()
    {
        using var folder = new TempFolder();
        folder.WriteBytes("broken.zip", [(byte)'P', (byte)'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]);

        var artifact = Assert.Single(Discover(folder.Path));

        Assert.Equal("check.input.unreadable", artifact.Problem?.Code);
    }

    [Fact]
    public void Discover_SymbolicLinks_NotFollowed()
    {
        using var folder = new TempFolder();
        folder.Write("real/statements", CheckFixtures.Statement);
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "loop"), folder.Path);

        var found = Discover(folder.Path);

        Assert.Equal("symbolic link, not followed", found.Single(a => a.DisplayPath.EndsWith("/loop", StringComparison.Ordinal)).SkipReason);
        Assert.Single(found, a => a.Kind == ArtifactKind.XapiStatements);
    }

    [Fact]
    public void Discover_TooManyFiles_StopsWithOneLimitFinding()
    {
        using var folder = new TempFolder();
        for (var i = 0; i < 5; i++)
        {
            folder.Write($"f{i}.txt", "x");
        }

        var found = new ArtifactDiscovery(new CheckLimits { MaxFiles = 3 }).Discover(folder.Path).ToList();

        Assert.Equal(4, found.Count); // three files, then the limit
        Assert.Equal("check.input.limit_reached", found[^1].Problem?.Code);
    }

    [Fact]
    public void Discover_TooDeep_StopsDescendingWithAFinding()
    {
        using var folder = new TempFolder();
        folder.Write("a/b/c/d/statements", CheckFixtures.Statement);

        var found = new ArtifactDiscovery(new CheckLimits { MaxFolderDepth = 2 }).Discover(folder.Path).ToList();

        Assert.DoesNotContain(found, a => a.Kind == ArtifactKind.XapiStatements);
        Assert.Contains(found, a => a.Problem?.Code == "check.input.limit_reached");
    }

    [Fact]
    public void Discover_OrderIsOrdinalAndStable()
    {
        using var folder = new TempFolder();
        folder.Write("b/x", "x");
        folder.Write("a/y", "y");
        folder.Write("C", "c");

        var paths = Discover(folder.Path).Select(a => a.DisplayPath[folder.Path.Length..]).ToList();

        Assert.Equal(["/C", "/a/y", "/b/x"], paths);
    }
}
