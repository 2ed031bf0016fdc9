using System.IO.Compression;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Cli.Commands.Check;

/// <summary>Limits that keep discovery and analysis bounded on hostile folders.</summary>
internal sealed record CheckLimits
{
    public int MaxFiles { get; init; } = 10_000;

    public int MaxFolderDepth { get; init; } = 24;

    /// <summary>The largest document read whole (ROPA, DPA, registry, LTI launch). Statement files are streamed.</summary>
    public long MaxDocumentBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>How much of a file is read to recognise it.</summary>
    public int SniffBytes { get; init; } = 256 * 1024;

    public int MaxJsonDepth { get; init; } = 64;

    public int MaxZipEntries { get; init; } = 20_000;

    public long MaxZipTotalBytes { get; init; } = 1024L * 1024 * 1024;

    public long MaxScannedFileBytes { get; init; } = 8L * 1024 * 1024;

    public int MaxCompressionRatio { get; init; } = 200;
}

/// <summary>Walks a folder and recognises artifacts by content. Files it does not recognise are reported as skipped.</summary>
internal sealed class ArtifactDiscovery(CheckLimits limits)
{
    public IEnumerable<DiscoveredArtifact> Discover(string root)
    {
        var display = root.Replace('\\', '/').TrimEnd('/');
        if (display.Length == 0)
        {
            display = "/";
        }

        if (File.Exists(root))
        {
            yield return ClassifyFile(Path.GetFullPath(root), display);
            yield break;
        }

        var files = 0;
        var limitReported = false;
        var pending = new Stack<(string Full, string Display, int Depth)>();
        pending.Push((Path.GetFullPath(root), display, 0));
        while (pending.Count > 0)
        {
            var (folder, folderDisplay, depth) = pending.Pop();
            if (File.Exists(Path.Combine(folder, "imsmanifest.xml")))
            {
                yield return new DiscoveredArtifact(folder, folderDisplay, ArtifactKind.ScormPackage, IsDirectory: true);
                continue;
            }

            FileSystemInfo[] entries;
            DiscoveredArtifact? failure = null;
            try
            {
                entries = new DirectoryInfo(folder).GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                entries = [];
                failure = Unreadable(folder, folderDisplay, true, ex);
            }

            if (failure is not null)
            {
                yield return failure;
                continue;
            }

            Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var subfolders = new List<(string, string, int)>();
            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.'))
                {
                    continue; // hidden files and folders (.git, .DS_Store) are not artifacts
                }

                var entryDisplay = folderDisplay == "/" ? "/" + entry.Name : folderDisplay + "/" + entry.Name;
                if (entry.LinkTarget is not null)
                {
                    yield return new DiscoveredArtifact(entry.FullName, entryDisplay, ArtifactKind.Unknown, entry is DirectoryInfo, "symbolic link, not followed");
                    continue;
                }

                if (entry is DirectoryInfo)
                {
                    if (depth + 1 > limits.MaxFolderDepth)
                    {
                        if (!limitReported)
                        {
                            limitReported = true;
                            yield return LimitReached(entry.FullName, entryDisplay, $"folders nest deeper than {limits.MaxFolderDepth} levels; deeper folders were not checked.");
                        }

                        continue;
                    }

                    subfolders.Add((entry.FullName, entryDisplay, depth + 1));
                    continue;
                }

                if (++files > limits.MaxFiles)
                {
                    if (!limitReported)
                    {
                        limitReported = true;
                        yield return LimitReached(entry.FullName, entryDisplay, $"the folder holds more than {limits.MaxFiles} files; the rest were not checked.");
                    }

                    yield break;
                }

                yield return ClassifyFile(entry.FullName, entryDisplay);
            }

            // Push in reverse so folders are visited in ordinal order.
            for (var i = subfolders.Count - 1; i >= 0; i--)
            {
                pending.Push(subfolders[i]);
            }
        }
    }

    /// <summary>Recognises one file by its content.</summary>
    public DiscoveredArtifact ClassifyFile(string full, string display)
    {
        byte[] prefix;
        long length;
        try
        {
            if (new FileInfo(full).Length == 0)
            {
                // Checked before opening: named pipes, sockets and devices report no length and would block a read.
                return Skip(full, display, "empty file, or not a regular file");
            }

            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
            length = stream.Length;
            prefix = new byte[(int)Math.Min(length, limits.SniffBytes)];
            stream.ReadExactly(prefix);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException)
        {
            return Unreadable(full, display, false, ex);
        }

        if (prefix.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            return ClassifyZip(full, display);
        }

        var text = prefix.AsSpan();
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        if (text[..Math.Min(text.Length, 8192)].Contains((byte)0))
        {
            return Skip(full, display, "binary file");
        }

        var trimmed = text.TrimStart(" \t\r\n"u8);
        if (trimmed.Length > 0 && trimmed[0] is (byte)'{' or (byte)'[')
        {
            var shape = ContentRecognizers.ReadShape(trimmed, isWholeDocument: length <= limits.SniffBytes);
            if (shape is null)
            {
                return Skip(full, display, "not JSON of a recognised shape");
            }

            var kind = ContentRecognizers.Recognize(shape);
            return kind == ArtifactKind.Unknown
                ? Skip(full, display, shape.IsArray ? "JSON array of unrecognised items" : "JSON document of unrecognised shape")
                : new DiscoveredArtifact(full, display, kind, IsDirectory: false);
        }

        if (length <= limits.SniffBytes && ContentRecognizers.TryDecodeCompactJwt(trimmed, out _, out var payload))
        {
            var shape = ContentRecognizers.ReadShape(payload, isWholeDocument: true);
            if (shape is not null && ContentRecognizers.Recognize(shape) == ArtifactKind.LtiLaunch)
            {
                return new DiscoveredArtifact(full, display, ArtifactKind.LtiLaunch, IsDirectory: false);
            }

            return Skip(full, display, "JWT that is not an LTI launch");
        }

        return Skip(full, display, "not a recognised artifact");
    }

    private static DiscoveredArtifact ClassifyZip(string full, string display)
    {
        try
        {
            using var zip = ZipFile.OpenRead(full);
            foreach (var entry in zip.Entries)
            {
                if (string.Equals(entry.FullName.Replace('\\', '/'), "imsmanifest.xml", StringComparison.OrdinalIgnoreCase))
                {
                    return new DiscoveredArtifact(full, display, ArtifactKind.ScormPackage, IsDirectory: false);
                }
            }

            return Skip(full, display, "zip archive without imsmanifest.xml at its root");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Unreadable(full, display, false, ex);
        }
    }

    private static DiscoveredArtifact Skip(string full, string display, string reason) =>
        new(full, display, ArtifactKind.Unknown, IsDirectory: false, reason);

    private static DiscoveredArtifact LimitReached(string full, string display, string message) =>
        new(full, display, ArtifactKind.Unknown, IsDirectory: false, "discovery limit reached",
            CheckRules.InputLimitReached.At("$", "Discovery stopped: " + message));

    private static DiscoveredArtifact Unreadable(string full, string display, bool isDirectory, Exception ex)
    {
        var why = ex switch
        {
            UnauthorizedAccessException => "permission denied",
            InvalidDataException => "not a readable zip archive",
            FileNotFoundException or DirectoryNotFoundException => "it disappeared while the folder was read",
            _ => "an I/O error occurred",
        };
        return new DiscoveredArtifact(full, display, ArtifactKind.Unknown, isDirectory, "unreadable",
            CheckRules.InputUnreadable.At("$", $"Could not read this {(isDirectory ? "folder" : "file")}: {why}."));
    }
}
