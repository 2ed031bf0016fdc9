using System.Reflection;
using LmsPrivacy.TestSupport;
using PublicApiGenerator;

namespace LmsPrivacy.PublicApi.Tests;

/// <summary>Any change to a package's public surface fails here until its approved file is updated in the same commit.</summary>
public sealed class PublicApiTests
{
    public static TheoryData<string> Packages =>
        ["LmsPrivacy.Core", "LmsPrivacy.Xapi", "LmsPrivacy.Scorm", "LmsPrivacy.Lti", "LmsPrivacy.Retention", "LmsPrivacy.Ropa", "LmsPrivacy.Testing"];

    [Theory]
    [MemberData(nameof(Packages))]
    public void PublicApi_MatchesApprovedFile(string package)
    {
        var assembly = Assembly.Load(package);
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            ExcludeAttributes = ["System.Runtime.CompilerServices.InternalsVisibleToAttribute"],
        });

        ApprovedFile.AssertMatches(api, $"{package}.approved.txt");
    }

    [Fact]
    public void EveryLibraryPackage_IsCoveredByAnApprovedFile()
    {
        var folder = Path.GetDirectoryName(ThisFile())!;
        var srcFolder = Path.GetFullPath(Path.Combine(folder, "..", "..", "src"));
        var libraries = Directory.GetDirectories(srcFolder, "LmsPrivacy.*")
            .Select(Path.GetFileName)
            .Where(name => name != "LmsPrivacy.Cli")
            .Order(StringComparer.Ordinal);
        var covered = Packages.Select(row => row.Data).Order(StringComparer.Ordinal);

        Assert.Equal(libraries, covered);
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
