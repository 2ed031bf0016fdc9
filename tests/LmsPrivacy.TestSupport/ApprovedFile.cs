using System.Runtime.CompilerServices;

namespace LmsPrivacy.TestSupport;

/// <summary>Compares text with a checked-in approved file next to the calling test (approval testing).</summary>
public static class ApprovedFile
{
    /// <summary>Throws if <paramref name="actual"/> differs from the approved file; writes a .received.txt beside it.</summary>
    public static void AssertMatches(string actual, string approvedFileName, [CallerFilePath] string callerPath = "")
    {
        // Needs DeterministicSourcePaths=false in tests (tests/Directory.Build.props), or callerPath is rewritten under CI=true.
        var directory = Path.GetDirectoryName(callerPath)!;
        var approvedPath = Path.Combine(directory, approvedFileName);
        var receivedPath = Path.ChangeExtension(approvedPath, ".received.txt");
        var normalized = actual.ReplaceLineEndings("\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (string.Equals(approved, normalized, StringComparison.Ordinal))
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, normalized);
        throw new InvalidOperationException(
            $"Approved file {approvedFileName} does not match. Review {receivedPath}; if the change is intended, copy it over {approvedPath} in the same commit.");
    }
}
