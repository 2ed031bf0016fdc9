using System.Reflection;
using System.Text.RegularExpressions;

namespace LmsPrivacy.PublicApi.Tests;

/// <summary>Conventions of DESIGN.md §5 that the compiler does not enforce.</summary>
public sealed partial class ConventionTests
{
    [Theory]
    [MemberData(nameof(PublicApiTests.Packages), MemberType = typeof(PublicApiTests))]
    public void PublicClasses_AreSealedStaticOrAbstract(string package)
    {
        var open = Assembly.Load(package).GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && !t.IsSubclassOf(typeof(Delegate)))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(open);
    }

    [Theory]
    [MemberData(nameof(PublicApiTests.Packages), MemberType = typeof(PublicApiTests))]
    public void Namespaces_MatchFolders(string package)
    {
        var root = package == "LmsPrivacy.Core" ? "LmsPrivacy" : package;
        var folder = Path.Combine(RepoRoot(), "src", package);
        var mismatches = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, Path.GetDirectoryName(file)!);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal))
            {
                continue;
            }

            var match = NamespaceLine().Match(File.ReadAllText(file));
            if (!match.Success)
            {
                continue;
            }

            var expected = relative == "." ? root : $"{root}.{relative.Replace(Path.DirectorySeparatorChar, '.')}";
            if (match.Groups[1].Value != expected)
            {
                mismatches.Add($"{Path.GetRelativePath(RepoRoot(), file)}: namespace {match.Groups[1].Value}, expected {expected}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Theory]
    [MemberData(nameof(PublicApiTests.Packages), MemberType = typeof(PublicApiTests))]
    public void Packages_ReferenceCoreOnly(string package)
    {
        var allowed = package == "LmsPrivacy.Testing"
            ? new[] { "LmsPrivacy.Core", "LmsPrivacy.Xapi", "LmsPrivacy.Scorm", "LmsPrivacy.Lti" }
            : ["LmsPrivacy.Core"];
        var references = Assembly.Load(package).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("LmsPrivacy.", StringComparison.Ordinal))
            .Except(allowed);

        Assert.Empty(references);
    }

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
