using LmsPrivacy.Findings;
using NodaTime;

namespace LmsPrivacy.Cli.Commands.Check;

/// <summary>
/// Everything one <c>check</c> run found: per artifact, and the cross-artifact review. Analyzers add to it;
/// renderers read it. Not thread-safe: artifacts are checked one at a time.
/// </summary>
internal sealed class CheckReport
{
    private readonly Dictionary<string, HostSighting> _hosts = new(StringComparer.Ordinal);

    public CheckReport(string root, Instant now)
    {
        Root = root;
        Now = now;
    }

    public string Root { get; }

    public Instant Now { get; }

    public List<ArtifactResult> Artifacts { get; } = [];

    /// <summary>Findings of the cross-artifact review (area "review"), not tied to one artifact.</summary>
    public List<ReportFinding> ReviewFindings { get; } = [];

    public List<DataFlow> Flows { get; } = [];

    public IEnumerable<HostSighting> Hosts => _hosts.Values.OrderBy(h => h.Host, StringComparer.Ordinal);

    public List<DeclaredParty> DeclaredParties { get; } = [];

    /// <summary>Processors named by a DPA in the folder (name and hosts), to match against the record.</summary>
    public List<DeclaredParty> DpaProcessors { get; } = [];

    public List<RetentionClock> RetentionClocks { get; } = [];

    public List<DpaClauseResult> DpaClauses { get; } = [];

    public List<DeadlineRule> Deadlines { get; } = [];

    /// <summary>Each DPA's processor and its agreed breach-notice window in hours (null: "without undue delay").</summary>
    public List<(string Processor, int? Hours)> ProcessorBreachWindows { get; } = [];

    /// <summary>Controller country from a record of processing (ISO 3166 alpha-2), when one is given.</summary>
    public string? ControllerCountry { get; set; }

    public HostSighting SeeHost(string host, HostReference reference, bool receivesLearnerData)
    {
        if (!_hosts.TryGetValue(host, out var sighting))
        {
            sighting = new HostSighting(host);
            _hosts.Add(host, sighting);
        }

        if (!sighting.References.Contains(reference))
        {
            sighting.References.Add(reference);
        }

        sighting.ReceivesLearnerData |= receivesLearnerData;
        return sighting;
    }

    /// <summary>Every finding: per artifact in artifact order, then the review.</summary>
    public IEnumerable<ReportFinding> AllFindings =>
        Artifacts.SelectMany(a => a.Findings.Select(f => new ReportFinding(f, a.Path, a.Artifact.Kind.Area())))
            .Concat(ReviewFindings);

    public bool IsValid => !AllFindings.Any(f => f.Finding.IsError);

    public int Count(FindingSeverity severity) => AllFindings.Count(f => f.Finding.Severity == severity);

    public int Count(string area, FindingSeverity severity) =>
        AllFindings.Count(f => f.Area == area && f.Finding.Severity == severity);

    /// <summary>Areas that have at least one artifact or finding, in report order.</summary>
    public IEnumerable<string> ActiveAreas =>
        ArtifactKinds.Areas.Where(area =>
            Artifacts.Any(a => a.Artifact.Kind.Area() == area) || (area == "review" && (ReviewFindings.Count > 0 || _hosts.Count > 0)));
}
