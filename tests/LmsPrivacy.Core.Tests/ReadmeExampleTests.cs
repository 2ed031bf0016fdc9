using System.Text.RegularExpressions;
using LmsPrivacy.Pseudonymization;

namespace LmsPrivacy.Core.Tests;

/// <summary>Keeps the README's C# example compiling and true: the block below is the README's, verbatim.</summary>
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public void ReadmeExample_RunsAndIsVerbatimInReadme()
    {
        // README example begin
        var key = PseudonymKey.FromText("k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="); // keep real keys out of code
        var pseudonymizer = new Pseudonymizer(key);

        // The same learner always gets the same pseudonym; ("ab","c") and ("a","bc") never collide.
        string learnerKey = pseudonymizer.Pseudonymize("https://lms.example.org", "learner-42");

        bool same = pseudonymizer.Verify(learnerKey, "https://lms.example.org", "learner-42");
        string mboxSha1 = TextHash.Sha1Hex("mailto:learner@example.org"); // unkeyed: not pseudonymization
        Console.WriteLine($"{learnerKey} {same} {mboxSha1}");
        // README example end

        Assert.Equal("k1.4hg34wtzunou4sf5csya72y5jzl5s4njjv3vhoxqxwohgfz7yhya", learnerKey);
        Assert.True(same);
        Assert.Equal("1fa6a628aa9a1b4ab94d6045e153e0979b24dc8a", mboxSha1);

        var readme = File.ReadAllText(Path.Combine(RepoRoot(), "README.md")).ReplaceLineEndings("\n");
        var block = ReadmeBlock().Match(readme);
        Assert.True(block.Success, "README.md has no ```csharp block.");
        Assert.Equal(Normalize(ExampleFromThisFile()), Normalize(block.Groups[1].Value));
    }

    private static string ExampleFromThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf("// README example begin\n", StringComparison.Ordinal) + "// README example begin\n".Length;
        var end = text.IndexOf("        // README example end", StringComparison.Ordinal);
        return text[start..end];
    }

    private static string Normalize(string code) =>
        string.Join('\n', code.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal)));

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeBlock();
}
