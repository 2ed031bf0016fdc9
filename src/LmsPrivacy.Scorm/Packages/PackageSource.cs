using System.IO.Compression;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Scorm.Packages;

/// <summary>One file of a package.</summary>
internal sealed record PackageEntry(string Path, long Length, long CompressedLength, object Handle);

/// <summary>A package's files, read in place: zip entries are decompressed into memory one at a time, never extracted.</summary>
internal abstract class PackageSource : IDisposable
{
    public List<PackageEntry> Entries { get; } = [];

    public abstract Stream Open(PackageEntry entry);

    public virtual void Dispose()
    {
    }

    /// <summary>
    /// Reads an entry whose declared length is within <paramref name="limit"/> into a pooled buffer; false when it is
    /// longer than declared (a lying header) or than the limit. On true, return <paramref name="buffer"/> to the shared
    /// pool; on false it is empty (a buffer already rented went back).
    /// </summary>
    public bool TryRentBounded(PackageEntry entry, long limit, out byte[] buffer, out int length)
    {
        buffer = [];
        length = 0;
        if (entry.Length < 0 || entry.Length > limit)
        {
            return false;
        }

        using var stream = Open(entry);
        buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)entry.Length + 1);
        length = stream.ReadAtLeast(buffer.AsSpan(0, (int)entry.Length + 1), (int)entry.Length + 1, throwOnEndOfStream: false);
        if (length <= entry.Length)
        {
            return true;
        }

        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        length = 0;
        return false;
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the entry is longer (whatever its header claims).</summary>
    public byte[]? ReadBounded(PackageEntry entry, long limit)
    {
        using var stream = Open(entry);
        if (entry.Length >= 0 && entry.Length <= limit)
        {
            // The usual case: read exactly the declared length, then make sure nothing follows.
            var data = new byte[entry.Length];
            var total = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
            Span<byte> probe = stackalloc byte[1];
            if (total == data.Length && stream.Read(probe) > 0)
            {
                return null;
            }

            return total == data.Length ? data : data[..total];
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        // Declared length unknown or above the limit: read in chunks up to the limit.
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>A zip read through <see cref="ZipArchive"/>; entry names are checked before anything is read.</summary>
internal sealed class ZipPackageSource : PackageSource
{
    private readonly ZipArchive _archive;

    private ZipPackageSource(ZipArchive archive) => _archive = archive;

    public static ZipPackageSource? TryOpen(Stream stream, bool leaveOpen, ScormAuditOptions options, List<Finding> findings)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen);
        }
        catch (InvalidDataException)
        {
            findings.Add(ScormRules.ZipMalformed.At("$", "The file is not a readable zip archive."));
            return null;
        }

        var source = new ZipPackageSource(archive);
        try
        {
            if (archive.Entries.Count > options.MaxEntries)
            {
                findings.Add(ScormRules.ZipTooManyEntries.At("$", $"The zip has {archive.Entries.Count} entries; the limit is {options.MaxEntries}."));
                source.Dispose();
                return null;
            }

            long total = 0;
            long compressed = 0;
            var refused = false;
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (IsUnsafe(name))
                {
                    findings.Add(ScormRules.ZipUnsafePath.At("$", "An entry name is absolute or contains '..'; extracting it would write outside the package folder."));
                    refused = true;
                    continue;
                }

                if (name.EndsWith('/') || IsNoise(name))
                {
                    continue;
                }

                total += entry.Length;
                compressed += entry.CompressedLength;
                if (entry.Length > options.MaxEntryBytes)
                {
                    findings.Add(ScormRules.ZipEntryTooLarge.At(name, $"The entry expands to {entry.Length} bytes; the limit is {options.MaxEntryBytes}."));
                    refused = true;
                }
                else if (entry.Length >= options.RatioCheckThresholdBytes && entry.Length > options.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
                {
                    findings.Add(ScormRules.ZipBomb.At(name, $"The entry's compression ratio exceeds {options.MaxCompressionRatio}:1."));
                    refused = true;
                }

                source.Entries.Add(new PackageEntry(name, entry.Length, entry.CompressedLength, entry));
            }

            if (total > options.MaxTotalBytes)
            {
                findings.Add(ScormRules.ZipBomb.At("$", $"The package expands to {total} bytes; the limit is {options.MaxTotalBytes}."));
                refused = true;
            }
            else if (total >= options.RatioCheckThresholdBytes && total > options.MaxCompressionRatio * Math.Max(compressed, 1))
            {
                findings.Add(ScormRules.ZipBomb.At("$", $"The package's compression ratio exceeds {options.MaxCompressionRatio}:1."));
                refused = true;
            }

            if (refused)
            {
                source.Dispose();
                return null;
            }

            return source;
        }
        catch (InvalidDataException)
        {
            findings.Add(ScormRules.ZipMalformed.At("$", "The zip's central directory is damaged."));
            source.Dispose();
            return null;
        }
    }

    public override Stream Open(PackageEntry entry) => ((ZipArchiveEntry)entry.Handle).Open();

    public override void Dispose()
    {
        _archive.Dispose();
        base.Dispose();
    }

    internal static bool IsUnsafe(string name) =>
        name.StartsWith('/') || (name.Length >= 2 && name[1] == ':') || name.Contains('\0', StringComparison.Ordinal)
        || name.Split('/').Any(s => s == "..");

    internal static bool IsNoise(string name) =>
        name.StartsWith("__MACOSX/", StringComparison.Ordinal) || name.EndsWith(".DS_Store", StringComparison.Ordinal)
        || name.EndsWith("Thumbs.db", StringComparison.OrdinalIgnoreCase);
}

/// <summary>A folder; symbolic links and other reparse points are skipped so nothing outside it is read.</summary>
internal sealed class DirectoryPackageSource : PackageSource
{
    public static DirectoryPackageSource? TryOpen(string root, ScormAuditOptions options, List<Finding> findings)
    {
        var source = new DirectoryPackageSource();
        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
            ReturnSpecialDirectories = false,
        };
        long total = 0;
        var fullRoot = Path.GetFullPath(root);
        foreach (var file in Directory.EnumerateFiles(fullRoot, "*", enumeration))
        {
            var name = Path.GetRelativePath(fullRoot, file).Replace('\\', '/');
            if (ZipPackageSource.IsNoise(name))
            {
                continue;
            }

            if (source.Entries.Count >= options.MaxEntries)
            {
                findings.Add(ScormRules.ZipTooManyEntries.At("$", $"The folder has more than {options.MaxEntries} files."));
                return null;
            }

            var length = new FileInfo(file).Length;
            if (length > options.MaxEntryBytes)
            {
                findings.Add(ScormRules.ZipEntryTooLarge.At(name, $"The file has {length} bytes; the limit is {options.MaxEntryBytes}."));
                return null;
            }

            total += length;
            if (total > options.MaxTotalBytes)
            {
                findings.Add(ScormRules.ZipBomb.At("$", $"The folder holds more than {options.MaxTotalBytes} bytes."));
                return null;
            }

            source.Entries.Add(new PackageEntry(name, length, length, file));
        }

        return source;
    }

    public override Stream Open(PackageEntry entry) =>
        new FileStream((string)entry.Handle, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
}
