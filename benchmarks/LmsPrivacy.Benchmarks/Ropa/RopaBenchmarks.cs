using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LmsPrivacy.Ropa;
using LmsPrivacy.Ropa.Dpa;
using LmsPrivacy.Ropa.Export;
using LmsPrivacy.Ropa.Records;
using NodaTime;

namespace LmsPrivacy.Benchmarks.Ropa;

/// <summary>
/// Checking and exporting the sample LMS record, against the limit: parsing the same bytes into a <see cref="JsonDocument"/>
/// (what any tool must at least pay to read the record). The issue sets no throughput goal; records are small and
/// checked interactively, so the figures show the cost relative to reading the input.
/// </summary>
[MemoryDiagnoser]
public class RopaBenchmarks
{
    private byte[] _record = [];
    private byte[] _dpa = [];
    private RecordOfProcessing _parsed = null!;
    private RopaChecker _checker = null!;
    private DpaChecker _dpaChecker = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(root, "samples", "ropa")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("samples/ropa not found");
        }

        _record = File.ReadAllBytes(Path.Combine(root, "samples", "ropa", "lms-controller.ropa.json"));
        _dpa = File.ReadAllBytes(Path.Combine(root, "samples", "ropa", "lrs-vendor-weak.dpa.json"));
        _parsed = RopaJson.ParseRecord(_record);
        _checker = new RopaChecker(SystemClock.Instance);
        _dpaChecker = new DpaChecker();
    }

    /// <summary>The limit: parse the record's bytes into a JsonDocument and nothing else.</summary>
    [Benchmark(Baseline = true)]
    public int ParseJsonDocument()
    {
        using var document = JsonDocument.Parse(_record);
        return document.RootElement.GetProperty("activities").GetArrayLength();
    }

    /// <summary>Read the record into the typed model (source-generated).</summary>
    [Benchmark]
    public int ParseRecord() => RopaJson.ParseRecord(_record).Activities.Count;

    /// <summary>Read and check the record: the work of <c>lmsprivacy ropa check</c>.</summary>
    [Benchmark]
    public int ParseAndCheckRecord() => _checker.Check(RopaJson.ParseRecord(_record)).Findings.Count;

    /// <summary>Read and assess the weak DPA: the work of <c>lmsprivacy dpa check</c>.</summary>
    [Benchmark]
    public int ParseAndCheckDpa() => _dpaChecker.Check(RopaJson.ParseDpa(_dpa)).Clauses.Count;

    /// <summary>Markdown export of the parsed record.</summary>
    [Benchmark]
    public int ExportMarkdown() => RopaExporter.ToMarkdown(_parsed).Length;

    /// <summary>XLSX export of the parsed record (Open XML SDK, zip packaging).</summary>
    [Benchmark]
    public long ExportXlsx()
    {
        using var stream = new MemoryStream();
        RopaExporter.WriteXlsx(_parsed, stream);
        return stream.Length;
    }
}
