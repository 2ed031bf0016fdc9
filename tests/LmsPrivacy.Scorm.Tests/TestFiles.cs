using System.Runtime.CompilerServices;

namespace LmsPrivacy.Scorm.Tests;

/// <summary>Finds files checked in next to the tests and in the repository.</summary>
internal static class TestFiles
{
    public static string TestsDirectory([CallerFilePath] string callerPath = "") => Path.GetDirectoryName(callerPath)!;

    public static string RepositoryRoot() => Path.GetFullPath(Path.Combine(TestsDirectory(), "..", ".."));

    public static string ReadTestFile(string relative) => File.ReadAllText(Path.Combine(TestsDirectory(), relative));

    public static string ReadRepositoryFile(string relative) => File.ReadAllText(Path.Combine(RepositoryRoot(), relative));
}
