using BenchmarkDotNet.Attributes;
using LmsPrivacy.Retention;
using LmsPrivacy.Retention.Clock;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;
using NodaTime;

namespace LmsPrivacy.Benchmarks.Retention;

/// <summary>
/// Evaluating a generated tree (courses × 10 modules, 2 users per course). Goal (issue 7): ≥ 1,000,000 contexts per
/// 10 s on one core, and linear growth (the 100,000-course tree within 11× the 10,000-course one). Baseline, the floor
/// any evaluation pays: one calendar expiry computation per context, over a flat array, no tree and no reasons.
/// </summary>
[MemoryDiagnoser]
public class RetentionEvaluatorBenchmarks
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 1, 0, 0);
    private InMemoryContextTree _tree = null!;
    private RetentionEvaluator _evaluator = null!;
    private Instant[] _anchors = [];
    private readonly RetentionClock _clock = new(DateTimeZoneProviders.Tzdb["Europe/Berlin"]);

    /// <summary>Courses in the tree (contexts ≈ 13 × courses).</summary>
    [Params(10_000, 100_000)]
    public int Courses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _tree = GeneratedTree.Build(Courses);
        _evaluator = new RetentionEvaluator(GeneratedTree.Registry(), new RetentionOptions { TimeZoneId = "Europe/Berlin" });
        _anchors = new Instant[_tree.Count];
        for (var i = 0; i < _anchors.Length; i++)
        {
            _anchors[i] = Instant.FromUtc(2015, 1, 1, 0, 0) + Duration.FromDays(i * 37 % 4380);
        }
    }

    /// <summary>The floor: one <see cref="RetentionClock.ExpiryOf"/> per context.</summary>
    [Benchmark(Baseline = true)]
    public int ClockOnly()
    {
        var period = Period.FromYears(2);
        var expired = 0;
        foreach (var anchor in _anchors)
        {
            if (Now >= _clock.ExpiryOf(anchor, period))
            {
                expired++;
            }
        }

        return expired;
    }

    /// <summary>
    /// The whole evaluation: resolution, anchors, per-role expiry, merge with children, eligibility, findings and the
    /// summary. Rows (and their reasons) are made when read, so this is what a host pays that acts on the counts.
    /// </summary>
    [Benchmark]
    public int Evaluate() => _evaluator.Evaluate(_tree, Now).Summary.Expired;

    /// <summary>The evaluation plus reading every row's status and roles (what a host pays that walks the whole report).</summary>
    [Benchmark]
    public int EvaluateAndReadEveryRow()
    {
        var report = _evaluator.Evaluate(_tree, Now);
        var deletable = 0;
        foreach (var row in report.Contexts)
        {
            if (row.Status == RetentionStatus.Expired || row.ExpiredRoles.Count > 0)
            {
                deletable++;
            }
        }

        return deletable;
    }
}
