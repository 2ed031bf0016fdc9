using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using LmsPrivacy.Findings;
using Microsoft.Extensions.Options;

namespace LmsPrivacy.Scorm.Packages;

/// <summary>
/// Audits a SCORM content package (zip or folder): manifest structure, files missing or unlisted, other hosts the content
/// contacts (per host, with file, line and kind), reads of learner identity, embedded credentials; hostile zips are refused.
/// </summary>
/// <remarks>
/// <para>
/// Nothing is extracted to disk: zip entries are decompressed into memory one at a time, each bounded by
/// <see cref="ScormAuditOptions.MaxEntryBytes"/> whatever its header claims. Entry names with <c>..</c> or absolute
/// paths (zip-slip), too many entries, oversize entries and excessive compression ratios refuse the package before any
/// content is read. The manifest is parsed with DTDs prohibited and no resolver.
/// </para>
/// <para>The content scan is a heuristic over text (see docs/scorm.md): it may miss URLs assembled at run time. Thread-safe.</para>
/// </remarks>
public sealed class ScormPackageAuditor
{
    private readonly ScormAuditOptions _options;

    /// <summary>Initializes an auditor with the default limits.</summary>
    public ScormPackageAuditor()
        : this(new ScormAuditOptions())
    {
    }

    /// <summary>Initializes an auditor with options (the constructor used by dependency injection).</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ScormPackageAuditor(IOptions<ScormAuditOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value)
    {
    }

    /// <summary>Initializes an auditor.</summary>
    /// <param name="options">The options.</param>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ScormPackageAuditor(ScormAuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ScormAuditOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ScormAuditOptions), result.Failures);
        }

        _options = options;
    }

    /// <summary>Audits a zip file or a folder.</summary>
    /// <param name="path">The path of a <c>.zip</c> package or of a folder holding an unpacked package.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public ScormAuditReport Audit(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return AuditDirectory(path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException("No package file or folder at the path.", path);
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return AuditZip(stream);
    }

    /// <summary>Audits a zip package read from a seekable stream (left open).</summary>
    /// <param name="zip">The zip's bytes.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="zip"/> is <see langword="null"/>.</exception>
    public ScormAuditReport AuditZip(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        var findings = new List<Finding>();
        using var source = ZipPackageSource.TryOpen(zip, leaveOpen: true, _options, findings);
        if (source is null)
        {
            return Refused(findings);
        }

        try
        {
            return Audit(source, findings);
        }
        catch (InvalidDataException)
        {
            findings.Add(ScormRules.ZipMalformed.At("$", "An entry's compressed data is damaged."));
            return Refused(findings);
        }
    }

    /// <summary>Audits an unpacked package folder.</summary>
    /// <param name="directory">The folder holding <c>imsmanifest.xml</c>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> is <see langword="null"/>.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public ScormAuditReport AuditDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No folder at '{directory}'.");
        }

        var findings = new List<Finding>();
        using var source = DirectoryPackageSource.TryOpen(directory, _options, findings);
        return source is null ? Refused(findings) : Audit(source, findings);
    }

    private static ScormAuditReport Refused(List<Finding> findings) => new(null, 0, 0, [], [], [.. findings]);

    private ScormAuditReport Audit(PackageSource source, List<Finding> findings)
    {
        var byPath = new Dictionary<string, PackageEntry>(StringComparer.Ordinal);
        var byLowerPath = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in source.Entries)
        {
            byPath.TryAdd(entry.Path, entry);
            if (!byLowerPath.TryAdd(entry.Path, entry.Path) && !string.Equals(byLowerPath[entry.Path], entry.Path, StringComparison.Ordinal))
            {
                findings.Add(ScormRules.ZipDuplicateEntry.At(entry.Path, "Another entry has the same name in a different letter case."));
            }
        }

        var totalBytes = source.Entries.Sum(e => e.Length);
        ScormManifest? manifest = null;
        if (!byPath.TryGetValue(ScormManifestParser.FileName, out var manifestEntry))
        {
            var nested = source.Entries.FirstOrDefault(e => e.Path.EndsWith("/" + ScormManifestParser.FileName, StringComparison.OrdinalIgnoreCase));
            findings.Add(ScormRules.ManifestMissing.At(ScormManifestParser.FileName, nested is null
                ? "No imsmanifest.xml in the package."
                : $"imsmanifest.xml is in '{nested.Path}', not at the package root; LMSs will not find it."));
        }
        else
        {
            var bytes = source.ReadBounded(manifestEntry, _options.MaxManifestBytes);
            if (bytes is null)
            {
                findings.Add(ScormRules.ManifestTooLarge.At(ScormManifestParser.FileName, $"The manifest is larger than {_options.MaxManifestBytes} bytes; it was not parsed."));
            }
            else
            {
                manifest = ScormManifestParser.Parse(bytes, findings);
                if (findings.Any(f => f.Code == ScormRules.ManifestDtd.Code))
                {
                    return new ScormAuditReport(null, source.Entries.Count, totalBytes, [], [], [.. findings]);
                }
            }
        }

        if (manifest is not null)
        {
            CheckFiles(manifest, byPath, findings);
        }

        // Content scan.
        var hosts = new List<(string Host, ScormHostReference Reference)>();
        var reads = new List<ScormLearnerDataRead>();
        var contentFindings = new List<Finding>();
        var ignored = _options.IgnoredHosts;
        foreach (var entry in source.Entries.Where(e => ContentScanner.IsScannable(e.Path)).OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            if (entry.Length > _options.MaxScannedFileBytes)
            {
                continue;
            }

            if (!source.TryRentBounded(entry, _options.MaxScannedFileBytes, out var bytes, out var byteCount))
            {
                findings.Add(ScormRules.ZipBomb.At(entry.Path, "The entry expands beyond its declared size; the package is refused."));
                return new ScormAuditReport(manifest, source.Entries.Count, totalBytes, [], [], [.. findings]);
            }

            var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(byteCount));
            ContentScan scan;
            try
            {
                var length = Encoding.UTF8.GetChars(bytes, 0, byteCount, chars, 0);
                scan = ContentScanner.Scan(entry.Path, chars.AsSpan(0, length), ignored);
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
                ArrayPool<byte>.Shared.Return(bytes);
            }

            hosts.AddRange(scan.Hosts);
            reads.AddRange(scan.Reads);
            contentFindings.AddRange(scan.Credentials);
            if (scan.Reads.Count > 0)
            {
                var first = scan.Reads[0];
                var elements = string.Join(", ", scan.Reads.Select(r => r.Element).Distinct(StringComparer.Ordinal));
                contentFindings.Add(ScormRules.LearnerDataRead.At($"{entry.Path}:{first.Line}", $"The content reads {elements} from the run-time API."));
                var sinks = scan.Hosts.Where(h => h.Reference.Kind.IsDataSink()).Select(h => h.Host).Distinct(StringComparer.Ordinal).ToList();
                if (sinks.Count > 0 && (scan.UsesNetworkApi || scan.Hosts.Any(h => h.Reference.Kind is not (ScormReferenceKind.Reference or ScormReferenceKind.Image))))
                {
                    contentFindings.Add(ScormRules.LearnerDataSent.At($"{entry.Path}:{first.Line}",
                        $"The script reads learner identity and sends requests to {string.Join(", ", sinks)}; that host receives personal data."));
                }
            }
        }

        var externalHosts = hosts
            .GroupBy(h => h.Host, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ScormExternalHost(g.Key, [.. g.Select(h => h.Reference).Distinct().OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line)]))
            .ToImmutableArray();
        foreach (var host in externalHosts)
        {
            var first = host.References[0];
            var kinds = string.Join(", ", host.References.Select(r => r.Kind.ToCode()).Distinct(StringComparer.Ordinal));
            findings.Add(host.LoadsAutomatically
                ? ScormRules.ExternalHost.At($"{first.File}:{first.Line}", $"The content contacts {host.Host} ({kinds}); the learner's browser sends it at least the IP address. Declare it as a recipient and check for a processor contract.")
                : ScormRules.ExternalHost.At($"{first.File}:{first.Line}", $"The content links to {host.Host}; it is contacted only if the learner follows the link.", FindingSeverity.Info));
        }

        findings.AddRange(contentFindings);
        return new ScormAuditReport(manifest, source.Entries.Count, totalBytes, externalHosts, [.. reads], [.. findings]);
    }

    private static void CheckFiles(ScormManifest manifest, Dictionary<string, PackageEntry> byPath, List<Finding> findings)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal) { ScormManifestParser.FileName };
        foreach (var resource in manifest.Resources)
        {
            if (resource.LaunchPath is { } launch && !ScormManifestParser.IsAbsoluteUrl(launch) && !launch.StartsWith("//", StringComparison.Ordinal))
            {
                referenced.Add(launch);
                if (!byPath.ContainsKey(launch))
                {
                    findings.Add(ScormRules.FileMissing.At($"{ScormManifestParser.FileName}#{resource.Identifier}", $"The launch file '{launch}' is not in the package."));
                }
            }

            foreach (var file in resource.Files)
            {
                if (referenced.Add(file) && !byPath.ContainsKey(file))
                {
                    findings.Add(ScormRules.FileMissing.At($"{ScormManifestParser.FileName}#{resource.Identifier}", $"The file '{file}' is not in the package."));
                }
            }
        }

        foreach (var path in byPath.Keys.Where(p => !referenced.Contains(p)).Order(StringComparer.Ordinal))
        {
            var extension = Path.GetExtension(path);
            if (extension.Equals(".xsd", StringComparison.OrdinalIgnoreCase) || extension.Equals(".dtd", StringComparison.OrdinalIgnoreCase))
            {
                continue; // Schema files travel with packages by convention and are never launched.
            }

            findings.Add(ScormRules.FileUnreferenced.At(path, "The file is in the package but no manifest resource lists it."));
        }
    }
}
