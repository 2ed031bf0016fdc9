using System.IO.Compression;
using System.Text;
using LmsPrivacy.Cli.Commands.Check;
using LmsPrivacy.Cli.Commands.Check.Analyzers;
using LmsPrivacy.Cli.Infrastructure;
using NodaTime;

namespace LmsPrivacy.Cli.Tests.Check;

/// <summary>A temporary folder of test artifacts, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lmsprivacy-check-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text, new UTF8Encoding(false));
        return full;
    }

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public string WriteZip(string relative, params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return WriteBytes(relative, buffer.ToArray());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Small artifacts and a runner for the check pipeline.</summary>
internal static class CheckFixtures
{
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 9, 0);

    public const string Statement =
        """{"id":"6f1e2d3c-4b5a-4968-8776-655443322110","actor":{"mbox":"mailto:learner@example.org","name":"A Learner"},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"https://lms.example.org/course/1"}}""";

    public const string PseudonymousStatement =
        """{"actor":{"account":{"homePage":"https://lms.example.org","name":"k1.abc"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"https://lms.example.org/course/1"},"authority":{"account":{"homePage":"https://lrs.vendor.example","name":"client"}}}""";

    public const string Ropa = """
        {"kind":"controller","organisation":{"name":"Org B.V.","email":"privacy@org.example","country":"NL"},
         "securityMeasures":["MFA for administrators"],
         "activities":[{"id":"training","name":"Training","purposes":[{"description":"Deliver training","lawfulBasis":"contract"}],
           "dataSubjects":["employees"],"personalData":[{"category":"behavioural","label":"completion"}],
           "recipients":["lrs"],"retention":{"period":"P1Y","trigger":"course completion"}}],
         "recipients":[{"id":"lrs","name":"Vendor LRS B.V.","role":"processor","country":"NL","hosts":["vendor.example"],
           "contract":"DPA 2026","subProcessors":[]}]}
        """;

    public static CheckReport Run(string path) =>
        CheckRunner.Run(path, Now, new CheckLimits(), Quiet, TestContext.Current.CancellationToken);

    /// <summary>Runs only the built-in analyzers (the fallbacks used when a package cannot read an artifact).</summary>
    public static CheckReport RunBuiltIn(string path) =>
        CheckRunner.Run(path, Now, new CheckLimits(), Quiet,
            [new XapiStatementAnalyzer(), new ScormPackageAnalyzer(), new LtiLaunchAnalyzer(), new RopaAnalyzer(), new DpaAnalyzer(), new RetentionRegistryAnalyzer()],
            TestContext.Current.CancellationToken);

    private static CheckProgress Quiet => new(new CliContext(TextWriter.Null, TextWriter.Null, () => Stream.Null));

    public static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "..", "..", ".."));
}
