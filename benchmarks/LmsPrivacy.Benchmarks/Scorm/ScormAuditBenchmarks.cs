using System.IO.Compression;
using System.Text;
using BenchmarkDotNet.Attributes;
using LmsPrivacy.Scorm.Packages;

namespace LmsPrivacy.Benchmarks.Scorm;

/// <summary>
/// Package audit throughput against the limit: decompressing every entry of the same zip (no parsing, no scanning).
/// Goal: ratio ≤ 2 (audit at least half as fast as decompression alone).
/// </summary>
[MemoryDiagnoser]
public class ScormAuditBenchmarks
{
    private byte[] _zip = [];
    private ScormPackageAuditor _auditor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _auditor = new ScormPackageAuditor();
        _zip = BuildPackage();
    }

    /// <summary>The limit: open the zip and decompress every entry to nowhere.</summary>
    [Benchmark(Baseline = true)]
    public long DecompressEveryEntry()
    {
        using var stream = new MemoryStream(_zip, writable: false);
        using var archive = new ZipArchive(stream, ZipArchiveMode.Read);
        long total = 0;
        var buffer = new byte[81920];
        foreach (var entry in archive.Entries)
        {
            using var content = entry.Open();
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                total += read;
            }
        }

        return total;
    }

    /// <summary>The whole audit: limits, manifest, file checks, content scan of every text file.</summary>
    [Benchmark]
    public int AuditZip()
    {
        using var stream = new MemoryStream(_zip, writable: false);
        return _auditor.AuditZip(stream).Findings.Length;
    }

    /// <summary>A Storyline-sized package: 1 manifest, 40 HTML pages, 120 scripts (~24 KB each), 20 stylesheets, 60 binary media files.</summary>
    internal static byte[] BuildPackage()
    {
        var random = new Random(42);
        var files = new List<(string Name, byte[] Content)>();
        var manifest = new StringBuilder("""
            <?xml version="1.0"?>
            <manifest identifier="bench" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
              <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
              <organizations default="o"><organization identifier="o"><title>Bench</title><item identifier="i" identifierref="r"><title>t</title></item></organization></organizations>
              <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="html/page0.html">
            """);
        void Add(string name, byte[] content)
        {
            files.Add((name, content));
            manifest.Append("<file href=\"").Append(name).AppendLine("\"/>");
        }

        for (var i = 0; i < 40; i++)
        {
            Add($"html/page{i}.html", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(
                "<div class=\"slide\"><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p><img src=\"../media/img1.png\"></div>\n", 60))
                + "<script src=\"https://www.googletagmanager.com/gtag/js?id=G-1\"></script>\n"));
        }

        for (var i = 0; i < 120; i++)
        {
            var js = new StringBuilder();
            for (var line = 0; line < 300; line++)
            {
                js.Append("function f").Append(line).Append("(a, b) { var x = a * b + ").Append(line).AppendLine("; return window.player.slides[x % 7].render(x); }");
            }

            js.AppendLine("var u = api.GetValue('cmi.learner_name'); fetch('https://lrs.example.net/xapi/statements', {body: u});");
            Add($"lib/script{i}.js", Encoding.UTF8.GetBytes(js.ToString()));
        }

        for (var i = 0; i < 20; i++)
        {
            Add($"css/style{i}.css", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(".slide p { margin: 0 1em; font-family: Lato, sans-serif; }\n", 200))));
        }

        for (var i = 0; i < 60; i++)
        {
            var media = new byte[64 * 1024];
            random.NextBytes(media);
            Add($"media/img{i}.png", media);
        }

        manifest.AppendLine("</resource></resources></manifest>");
        files.Insert(0, ("imsmanifest.xml", Encoding.UTF8.GetBytes(manifest.ToString())));
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files)
            {
                using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        }

        return output.ToArray();
    }
}
