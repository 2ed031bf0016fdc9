using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using LmsPrivacy.Pseudonymization;

namespace LmsPrivacy.Benchmarks.Core;

/// <summary>
/// Pseudonyms per second for a short identifier, against the limit: raw <see cref="HMACSHA256.HashData(byte[], byte[])"/>
/// over the same canonical bytes (what any keyed pseudonym must at least cost). Goal: ratio ≥ 0.8 of the limit's throughput.
/// </summary>
[MemoryDiagnoser]
public class PseudonymizerBenchmarks
{
    private static readonly byte[] KeyBytes = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private readonly byte[] _hash = new byte[32];
    private Pseudonymizer _pseudonymizer = null!;
    private byte[] _canonical = [];
    private string _identifier = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _identifier = "learner-000042";
        _pseudonymizer = new Pseudonymizer(new PseudonymKey("k1", KeyBytes));
        _canonical = CanonicalEncoding.ToArray(_identifier);
    }

    /// <summary>The limit: the HMAC alone over pre-encoded bytes, no text in or out.</summary>
    [Benchmark(Baseline = true)]
    public int RawHmacSha256() => HMACSHA256.HashData(KeyBytes, _canonical, _hash);

    /// <summary>The whole job: encode the string, HMAC, write the base32 pseudonym.</summary>
    [Benchmark]
    public string Pseudonymize() => _pseudonymizer.Pseudonymize(_identifier);
}
