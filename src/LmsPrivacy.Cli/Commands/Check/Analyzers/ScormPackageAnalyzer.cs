using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using LmsPrivacy.Classification;

namespace LmsPrivacy.Cli.Commands.Check.Analyzers;

/// <summary>
/// Audits a SCORM package (zip or folder) without extracting it: reads imsmanifest.xml with DTDs prohibited,
/// then scans HTML, JS and CSS for other hosts the learner's browser would contact and for reads of learner
/// identity. Zip entries that escape the package, or exceed the size or ratio limits, are refused unread.
/// </summary>
internal sealed partial class ScormPackageAnalyzer : IFallbackAnalyzer
{
    /// <summary>Hosts of XML namespace and schema URIs: identifiers, never fetched by content.</summary>
    private static readonly string[] NamespaceHosts = ["w3.org", "adlnet.org", "imsglobal.org", "imsproject.org", "xmlsoap.org"];

    private static readonly string[] ScannedExtensions = [".html", ".htm", ".xhtml", ".js", ".mjs", ".css", ".svg"];

    public string Name => "check (built-in SCORM package audit, when the Scorm package is unavailable)";

    public bool AppliesTo(ArtifactKind kind) => kind == ArtifactKind.ScormPackage;

    public void Analyze(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        if (result.HandledByPackage)
        {
            return; // LmsPrivacy.Scorm audited the package
        }

        var audit = new PackageAudit();
        try
        {
            if (artifact.IsDirectory)
            {
                AuditFolder(artifact.FullPath, audit, result, context);
            }
            else
            {
                AuditZip(artifact.FullPath, audit, result, context);
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            result.Status = ArtifactStatus.Failed;
            result.Findings.Add(CheckRules.InputUnreadable.At("$", "The package could not be read completely."));
        }

        Report(audit, artifact, result, context);
    }

    private static void AuditZip(string path, PackageAudit audit, ArtifactResult result, AnalysisContext context)
    {
        var limits = context.Limits;
        using var zip = ZipFile.OpenRead(path);
        if (zip.Entries.Count > limits.MaxZipEntries)
        {
            result.Findings.Add(CheckRules.ScormZipUnsafe.At("$", $"The zip has more than {limits.MaxZipEntries} entries; it was not read."));
            return;
        }

        long total = 0;
        foreach (var entry in zip.Entries)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var name = entry.FullName.Replace('\\', '/');
            if (name.EndsWith('/'))
            {
                continue;
            }

            if (!IsSafeEntryName(name))
            {
                result.Findings.Add(CheckRules.ScormZipUnsafe.At(name, "This entry's path leaves the package folder (zip slip); it was not read."));
                continue;
            }

            total += entry.Length;
            if (total > limits.MaxZipTotalBytes)
            {
                result.Findings.Add(CheckRules.ScormZipUnsafe.At(name, $"The package expands beyond {limits.MaxZipTotalBytes / (1024 * 1024)} MiB; the rest was not read."));
                return;
            }

            if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > limits.MaxCompressionRatio && entry.Length > 1024 * 1024)
            {
                result.Findings.Add(CheckRules.ScormZipUnsafe.At(name, $"This entry expands more than {limits.MaxCompressionRatio}:1 (a zip bomb?); it was not read."));
                continue;
            }

            audit.Files.Add(name);
            var isManifest = string.Equals(name, "imsmanifest.xml", StringComparison.OrdinalIgnoreCase);
            if (!isManifest && !IsScanned(name))
            {
                continue;
            }

            if (entry.Length > limits.MaxScannedFileBytes)
            {
                result.Findings.Add(CheckRules.InputTooLarge.At(name, $"This file is larger than {limits.MaxScannedFileBytes / (1024 * 1024)} MiB and was not scanned."));
                continue;
            }

            using var stream = entry.Open();
            var bytes = ReadBounded(stream, limits.MaxScannedFileBytes);
            if (bytes is null)
            {
                result.Findings.Add(CheckRules.ScormZipUnsafe.At(name, "This entry expands beyond its declared size; it was not read."));
                continue;
            }

            if (isManifest)
            {
                ReadManifest(bytes, audit, result);
            }
            else
            {
                ScanText(name, bytes, audit);
            }
        }

        if (!audit.ManifestRead && !result.Findings.Exists(f => f.Code == CheckRules.ScormManifestMissing.Code))
        {
            result.Findings.Add(CheckRules.ScormManifestMissing.At("imsmanifest.xml", "The package has no readable imsmanifest.xml at its root."));
        }
    }

    private static void AuditFolder(string root, PackageAudit audit, ArtifactResult result, AnalysisContext context)
    {
        var limits = context.Limits;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true, MaxRecursionDepth = limits.MaxFolderDepth };
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*", options).Order(StringComparer.Ordinal))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (++count > limits.MaxZipEntries)
            {
                result.Findings.Add(CheckRules.InputLimitReached.At("$", $"The package has more than {limits.MaxZipEntries} files; the rest were not scanned."));
                break;
            }

            var name = Path.GetRelativePath(root, file).Replace('\\', '/');
            audit.Files.Add(name);
            var isManifest = string.Equals(name, "imsmanifest.xml", StringComparison.OrdinalIgnoreCase);
            if (!isManifest && !IsScanned(name))
            {
                continue;
            }

            var info = new FileInfo(file);
            if (info.Length > limits.MaxScannedFileBytes)
            {
                result.Findings.Add(CheckRules.InputTooLarge.At(name, $"This file is larger than {limits.MaxScannedFileBytes / (1024 * 1024)} MiB and was not scanned."));
                continue;
            }

            var bytes = File.ReadAllBytes(file);
            if (isManifest)
            {
                ReadManifest(bytes, audit, result);
            }
            else
            {
                ScanText(name, bytes, audit);
            }
        }
    }

    internal static bool IsSafeEntryName(string name)
    {
        if (name.Length == 0 || name.StartsWith('/') || name.Contains(':', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment == "..")
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsScanned(string name) =>
        ScannedExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static byte[]? ReadBounded(Stream stream, long max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static void ReadManifest(byte[] bytes, PackageAudit audit, ArtifactResult result)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 16 * 1024 * 1024,
            IgnoreComments = true,
        };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var inSchemaVersion = false;
            var inTitle = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    inSchemaVersion = reader.LocalName == "schemaversion";
                    inTitle = reader.LocalName == "title" && audit.Title is null;
                    if (reader.LocalName == "resource")
                    {
                        audit.Resources++;
                        var type = reader.GetAttribute("scormType", "http://www.adlnet.org/xsd/adlcp_v1p3")
                            ?? reader.GetAttribute("scormtype", "http://www.adlnet.org/xsd/adlcp_rootv1p2");
                        if (string.Equals(type, "sco", StringComparison.OrdinalIgnoreCase))
                        {
                            audit.Scos++;
                        }
                    }
                }
                else if (reader.NodeType == XmlNodeType.Text)
                {
                    if (inSchemaVersion)
                    {
                        audit.SchemaVersion = reader.Value.Trim();
                    }
                    else if (inTitle)
                    {
                        audit.Title = reader.Value.Trim();
                    }

                    inSchemaVersion = inTitle = false;
                }
            }

            audit.ManifestRead = true;
        }
        catch (XmlException)
        {
            result.Findings.Add(CheckRules.ScormManifestMissing.At("imsmanifest.xml", "imsmanifest.xml is not well-formed XML, or declares a DTD (refused); the package was not audited."));
        }
    }

    private static void ScanText(string file, byte[] bytes, PackageAudit audit)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("//") || trimmed.StartsWith("/*") || trimmed.StartsWith("*") || trimmed.StartsWith("<!--"))
            {
                continue; // a comment: a URL in it is documentation, not a request
            }

            var lineText = line.ToString();
            if (LearnerIdentity().IsMatch(lineText))
            {
                audit.IdentityReads.Add((file, lineNumber));
            }

            foreach (Match match in UrlPattern().Matches(lineText))
            {
                if (!Hosts.TryGetHost(match.Value, out var host) || NamespaceHosts.Any(n => Hosts.Covers(n, host)))
                {
                    continue;
                }

                var kind = KindOf(lineText, match.Index, file);
                if (kind is null)
                {
                    continue;
                }

                if (!audit.Hosts.TryGetValue(host, out var refs))
                {
                    refs = [];
                    audit.Hosts.Add(host, refs);
                }

                refs.Add((file, lineNumber, kind));
            }
        }
    }

    /// <summary>What a URL on a line is used for; null for plain links and namespace URIs (no request is made).</summary>
    internal static string? KindOf(string line, int index, string file)
    {
        var before = line[Math.Max(0, index - 200)..index]; // bounded look-behind: minified bundles have megabyte lines
        static bool Has(string text, string token) => text.Contains(token, StringComparison.OrdinalIgnoreCase);
        if (Has(before, "sendBeacon"))
        {
            return "beacon";
        }

        if (Has(before, "fetch("))
        {
            return "fetch";
        }

        if (Has(before, "WebSocket") || line.AsSpan(index).StartsWith("ws", StringComparison.OrdinalIgnoreCase))
        {
            return "websocket";
        }

        if (Has(before, ".open(") || Has(before, "XMLHttpRequest"))
        {
            return "xhr";
        }

        if (Has(before, "<script") || Has(before, ".src") && Has(line, "script"))
        {
            return "script";
        }

        if (Has(before, "<iframe"))
        {
            return "iframe";
        }

        if (Has(before, "<img") || Has(before, "new Image") || Has(before, ".src"))
        {
            return "image";
        }

        if (Has(before, "@import") || Has(before, "<link") || Has(before, "url("))
        {
            return file.EndsWith(".css", StringComparison.OrdinalIgnoreCase) && Has(line, "font") ? "font" : "stylesheet";
        }

        if (Has(before, "action="))
        {
            return "form";
        }

        if (file.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase))
        {
            return "script-url"; // a URL in code: an endpoint unless proven otherwise
        }

        return null;
    }

    private static bool Sends(string kind) => kind is "beacon" or "fetch" or "websocket" or "xhr" or "form" or "image" or "script-url";

    private static void Report(PackageAudit audit, DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        var ci = CultureInfo.InvariantCulture;
        var version = audit.SchemaVersion switch
        {
            null => "schema version not stated",
            "1.2" => "SCORM 1.2",
            var v when v.Contains("2004", StringComparison.Ordinal) => "SCORM " + v,
            var v => "schema version " + v,
        };
        result.Facts.Add(string.Create(ci, $"{version}; {audit.Resources} resource(s), {audit.Scos} SCO(s), {audit.Files.Count} file(s)"));
        if (audit.IdentityReads.Count > 0)
        {
            var (file, line) = audit.IdentityReads[0];
            result.Facts.Add(string.Create(ci, $"reads learner identity (first at {file}:{line})"));
        }

        foreach (var (host, refs) in audit.Hosts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var sends = refs.Any(r => Sends(r.Kind));
            var tracking = sends && audit.IdentityReads.Count > 0;
            var first = refs[0];
            var kinds = string.Join(", ", refs.Select(r => r.Kind).Distinct(StringComparer.Ordinal));
            foreach (var (file, line, kind) in refs)
            {
                context.Report.SeeHost(host, new HostReference(artifact.DisplayPath, string.Create(ci, $"{file}:{line}"), kind), tracking);
            }

            if (tracking)
            {
                result.Findings.Add(CheckRules.ScormTracking.At(string.Create(ci, $"{first.File}:{first.Line}"), string.Create(ci,
                    $"Content reads learner identity and sends requests to {host} ({kinds}); the vendor behind it processes learner data: declare it as a processor and sign a DPA, or switch the content to LMS-only tracking.")));
                context.Report.Flows.Add(new DataFlow("learner's browser", host,
                    [DataCategory.DirectIdentifier, DataCategory.Behavioural, DataCategory.Technical], "SCORM content (" + kinds + ")", artifact.DisplayPath));
            }
            else
            {
                result.Findings.Add(CheckRules.ScormExternalHost.At(string.Create(ci, $"{first.File}:{first.Line}"), string.Create(ci,
                    $"Content makes the learner's browser contact {host} ({kinds}), which receives the learner's IP address; host it with the package or declare the provider.")));
                context.Report.Flows.Add(new DataFlow("learner's browser", host, [DataCategory.Technical], "SCORM content (" + kinds + ")", artifact.DisplayPath));
            }
        }
    }

    [GeneratedRegex(@"(?:(?:https?|wss?):|(?<=[""'(=]))//[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+(?::\d{1,5})?(?:[/?#][^\s""'`<>)]*)?", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"cmi\.(?:learner_name|learner_id|core\.student_name|core\.student_id)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex LearnerIdentity();

    private sealed class PackageAudit
    {
        public string? SchemaVersion { get; set; }

        public string? Title { get; set; }

        public bool ManifestRead { get; set; }

        public int Resources { get; set; }

        public int Scos { get; set; }

        public List<string> Files { get; } = [];

        public List<(string File, int Line)> IdentityReads { get; } = [];

        public SortedDictionary<string, List<(string File, int Line, string Kind)>> Hosts { get; } = new(StringComparer.Ordinal);
    }
}
