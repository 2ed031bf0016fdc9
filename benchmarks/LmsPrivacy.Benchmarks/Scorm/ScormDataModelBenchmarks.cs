using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using LmsPrivacy.Scorm;
using LmsPrivacy.Scorm.DataModel;
using LmsPrivacy.Scorm.Validation;

namespace LmsPrivacy.Benchmarks.Scorm;

/// <summary>
/// Element lookups and value validations per second, against the limit: a frozen-dictionary hit on an already
/// normalized pattern (what any catalog lookup must at least cost). Goal: no allocation.
/// </summary>
[MemoryDiagnoser]
public class ScormDataModelBenchmarks
{
    private FrozenDictionary<string, ScormElement> _patterns = null!;
    private string _pattern = string.Empty;
    private string _concrete = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _patterns = ScormDataModel.Scorm2004.Elements.ToFrozenDictionary(e => e.Pattern, StringComparer.Ordinal);
        _pattern = "cmi.interactions.n.learner_response";
        _concrete = "cmi.interactions.12.learner_response";
    }

    /// <summary>The limit: a dictionary hit with the pattern already known.</summary>
    [Benchmark(Baseline = true)]
    public bool DictionaryHitOnPattern() => _patterns.TryGetValue(_pattern, out _);

    /// <summary>Concrete path → pattern → element.</summary>
    [Benchmark]
    public bool TryFindConcretePath() => ScormDataModel.Scorm2004.TryFind(_concrete, out _);

    /// <summary>SetValue check of a timeinterval (lookup, access, grammar).</summary>
    [Benchmark]
    public bool ValidateTimeInterval() => ScormValueValidator.ValidateSet(ScormVersion.Scorm2004, "cmi.interactions.3.latency", "PT1M5.25S").IsValid;

    /// <summary>SetValue check of a real with range.</summary>
    [Benchmark]
    public bool ValidateScaledScore() => ScormValueValidator.ValidateSet(ScormVersion.Scorm2004, "cmi.score.scaled", "0.8125").IsValid;

    /// <summary>SetValue check of a timestamp with time zone.</summary>
    [Benchmark]
    public bool ValidateTimestamp() => ScormValueValidator.ValidateSet(ScormVersion.Scorm2004, "cmi.interactions.3.timestamp", "2026-03-01T09:30:00.5+01:00").IsValid;
}
