using BenchmarkDotNet.Attributes;
using LmsPrivacy.Xapi.Streaming;
using LmsPrivacy.Xapi.Validation;

namespace LmsPrivacy.Benchmarks.Xapi;

/// <summary>
/// End-to-end validation of 10,000 typical statements from NDJSON in memory: split (StatementReader), parse (JsonDocument),
/// validate. Baseline: split and parse only. Goal: ≥ 100,000 statements/s on one core (statements/s = 10,000 / mean).
/// </summary>
[MemoryDiagnoser]
public class XapiValidationBenchmarks
{
    private const int Count = 10_000;
    private readonly StatementValidator _validator = new();
    private byte[] _ndjson = [];

    [GlobalSetup]
    public void Setup()
    {
        _ndjson = XapiStatementCorpus.NdJson(Count);
        if (!_validator.Validate(XapiStatementCorpus.Statement(1)).IsValid)
        {
            throw new InvalidOperationException("The benchmark statement must be valid.");
        }
    }

    /// <summary>Read and parse every statement, no validation.</summary>
    [Benchmark(Baseline = true)]
    public int ReadAndParse()
    {
        using var reader = new StatementReader(new MemoryStream(_ndjson));
        var n = 0;
        while (reader.Read())
        {
            using var document = reader.ParseCurrent();
            n += document.RootElement.GetArrayLengthOrZero();
        }

        return n;
    }

    /// <summary>Read, parse and validate every statement.</summary>
    [Benchmark]
    public int ReadParseValidate()
    {
        using var reader = new StatementReader(new MemoryStream(_ndjson));
        var errors = 0;
        while (reader.Read())
        {
            using var document = reader.ParseCurrent();
            errors += _validator.Validate(document.RootElement).ErrorCount;
        }

        return errors;
    }
}

internal static class JsonElementExtensions
{
    public static int GetArrayLengthOrZero(this System.Text.Json.JsonElement element) =>
        element.ValueKind == System.Text.Json.JsonValueKind.Array ? element.GetArrayLength() : 1;
}
