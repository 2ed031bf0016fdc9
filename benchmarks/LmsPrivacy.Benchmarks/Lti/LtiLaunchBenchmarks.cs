using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LmsPrivacy.Lti.Claims;
using LmsPrivacy.Lti.Jwt;
using LmsPrivacy.Lti.Validation;
using NodaTime;

namespace LmsPrivacy.Benchmarks.Lti;

/// <summary>
/// Validate + classify a typical launch (samples/lti/canvas-resource-link.json) against the limit every tool already
/// pays for the same token: verifying its RS256 signature (RSA-2048, System.Security.Cryptography). Goal: ≤ 0.1 of it.
/// </summary>
[MemoryDiagnoser]
public class LtiLaunchBenchmarks
{
    private RSA _rsa = null!;
    private byte[] _signingInput = [];
    private byte[] _signature = [];
    private string _token = string.Empty;
    private JsonElement _payload;
    private JsonElement _header;
    private LtiLaunchValidator _validator = null!;

    [GlobalSetup]
    public void Setup()
    {
        var payloadJson = File.ReadAllBytes(FindSample("canvas-resource-link.json"));
        var headerJson = File.ReadAllBytes(FindSample("canvas-resource-link.header.json"));
        _payload = JsonDocument.Parse(payloadJson).RootElement.Clone();
        _header = JsonDocument.Parse(headerJson).RootElement.Clone();
        _rsa = RSA.Create(2048);
        var signingInput = $"{Base64Url(headerJson)}.{Base64Url(payloadJson)}";
        _signingInput = Encoding.ASCII.GetBytes(signingInput);
        _signature = _rsa.SignData(_signingInput, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        _token = $"{signingInput}.{Base64Url(_signature)}";
        var clock = new FixedClock(Instant.FromUnixTimeSeconds(1_764_000_030));
        _validator = new LtiLaunchValidator(
            new InMemoryLtiRegistrationStore([new LtiRegistration("https://canvas.instructure.com", "10000000000042", "42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb")]),
            new FirstUseNonceStore(),
            clock);
    }

    [GlobalCleanup]
    public void Cleanup() => _rsa.Dispose();

    /// <summary>The limit: RS256 signature verification of the token's signing input.</summary>
    [Benchmark(Baseline = true)]
    public bool VerifyRs256() => _rsa.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>The job on the decoded payload and header (what a host calls after its JWT library verified the token).</summary>
    [Benchmark]
    public int ValidateAndClassify()
    {
        var result = Wait(_validator.ValidateAsync(_payload, _header));
        return result.Findings.Count + LtiClaimClassifier.Default.Classify(_payload).Claims.Count;
    }

    /// <summary>The same job in one walk of the payload (<see cref="LtiLaunchValidator.InspectAsync"/>).</summary>
    [Benchmark]
    public int Inspect()
    {
        var inspection = Wait(_validator.InspectAsync(_payload, _header));
        return inspection.Validation.Findings.Count + inspection.Classification.Claims.Count;
    }

    /// <summary>Validation alone.</summary>
    [Benchmark]
    public int Validate() => Wait(_validator.ValidateAsync(_payload, _header)).Findings.Count;

    /// <summary>Classification alone.</summary>
    [Benchmark]
    public int Classify() => LtiClaimClassifier.Default.Classify(_payload).Claims.Count;

    /// <summary>The job from the compact token: base64url + JSON decoding, then validate and classify.</summary>
    [Benchmark]
    public int DecodeValidateAndClassify()
    {
        var jwt = LtiJwt.Decode(_token);
        var result = Wait(_validator.ValidateAsync(jwt.Payload, jwt.Header));
        return result.Findings.Count + LtiClaimClassifier.Default.Classify(jwt.Payload).Claims.Count;
    }

    // What awaiting costs a host when the stores answer synchronously: no Task is made for a completed ValueTask.
    private static T Wait<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string FindSample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "lti", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"samples/lti/{name} not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Pays what a first use costs in the in-memory store (add, then forget), so every iteration is a fresh launch, not a replay.</summary>
    private sealed class FirstUseNonceStore : ILtiNonceStore
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Instant> _entries = new(StringComparer.Ordinal);

        public ValueTask<bool> TryUseAsync(string nonce, Instant expiresAt, CancellationToken cancellationToken = default)
        {
            var added = _entries.TryAdd(nonce, expiresAt);
            _entries.TryRemove(nonce, out _);
            return ValueTask.FromResult(added);
        }
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
