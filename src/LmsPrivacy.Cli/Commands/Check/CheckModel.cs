using LmsPrivacy.Classification;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Cli.Commands.Check;

/// <summary>What discovery decided a file or folder is.</summary>
internal enum ArtifactKind
{
    Unknown,
    XapiStatements,
    ScormPackage,
    LtiLaunch,
    Ropa,
    Dpa,
    RetentionRegistry,
}

/// <summary>Names, areas and docs pages of artifact kinds.</summary>
internal static class ArtifactKinds
{
    public static string ToCode(this ArtifactKind kind) => kind switch
    {
        ArtifactKind.XapiStatements => "xapi-statements",
        ArtifactKind.ScormPackage => "scorm-package",
        ArtifactKind.LtiLaunch => "lti-launch",
        ArtifactKind.Ropa => "ropa",
        ArtifactKind.Dpa => "dpa",
        ArtifactKind.RetentionRegistry => "retention-registry",
        _ => "unknown",
    };

    /// <summary>The report area an artifact kind belongs to.</summary>
    public static string Area(this ArtifactKind kind) => kind switch
    {
        ArtifactKind.XapiStatements => "xapi",
        ArtifactKind.ScormPackage => "scorm",
        ArtifactKind.LtiLaunch => "lti",
        ArtifactKind.Ropa => "ropa",
        ArtifactKind.Dpa => "dpa",
        ArtifactKind.RetentionRegistry => "retention",
        _ => "other",
    };

    /// <summary>Areas in report order.</summary>
    public static IReadOnlyList<string> Areas { get; } = ["xapi", "scorm", "lti", "ropa", "dpa", "retention", "review", "other"];

    public static string AreaTitle(string area) => area switch
    {
        "xapi" => "xAPI statements",
        "scorm" => "SCORM packages",
        "lti" => "LTI launches",
        "ropa" => "Records of processing",
        "dpa" => "Data processing agreements",
        "retention" => "Retention registries",
        "review" => "Cross-artifact review",
        _ => "Other files",
    };
}

/// <summary>Whether an artifact was checked.</summary>
internal enum ArtifactStatus
{
    Checked,
    Skipped,
    Failed,
}

/// <summary>A file or folder discovery found, and what it is.</summary>
internal sealed record DiscoveredArtifact(string FullPath, string DisplayPath, ArtifactKind Kind, bool IsDirectory, string? SkipReason = null, Finding? Problem = null);

/// <summary>Personal data going from one party to another, seen in an artifact.</summary>
internal sealed record DataFlow(string From, string To, IReadOnlyList<DataCategory> Categories, string Via, string Artifact);

/// <summary>One place a host was seen.</summary>
internal sealed record HostReference(string Artifact, string Location, string Kind);

/// <summary>A third-party host seen in content, and whether the record of processing covers it.</summary>
internal sealed class HostSighting(string host)
{
    public string Host { get; } = host;

    public bool ReceivesLearnerData { get; set; }

    public string? DeclaredAs { get; set; }

    public List<HostReference> References { get; } = [];

    public bool Declared => DeclaredAs is not null;
}

/// <summary>A processor, sub-processor or recipient declared in a record of processing.</summary>
internal sealed record DeclaredParty(string Name, string Role, IReadOnlyList<string> Hosts, string Artifact, string Path);

/// <summary>A retention context whose clock state the report shows.</summary>
internal sealed record RetentionClock(string Artifact, string Context, string Kind, string Status, string? ExpiresAt, string Reason);

/// <summary>One Art. 28 clause assessment of one DPA.</summary>
internal sealed record DpaClauseResult(string Artifact, string Processor, string Clause, string Status, string Reason);

/// <summary>A subject-request or breach deadline rule in force, with the due time for an event at the report's clock.</summary>
internal sealed record DeadlineRule(string Rule, string Source, string Description, string? DueIfReceivedNow);

/// <summary>A finding together with the artifact and area it belongs to.</summary>
internal sealed record ReportFinding(Finding Finding, string Artifact, string Area);

/// <summary>The result of checking one artifact.</summary>
internal sealed class ArtifactResult(DiscoveredArtifact artifact)
{
    public DiscoveredArtifact Artifact { get; } = artifact;

    public string Path => Artifact.DisplayPath;

    public ArtifactStatus Status { get; set; } = ArtifactStatus.Checked;

    public string? Reason { get; set; }

    public List<Finding> Findings { get; } = [];

    /// <summary>Short facts for people (e.g. "1,204 statements", "SCORM 2004 4th Edition").</summary>
    public List<string> Facts { get; } = [];

    /// <summary>Gets or sets a value indicating whether a package analyzer fully handled the artifact (built-in fallbacks then skip their own review).</summary>
    public bool HandledByPackage { get; set; }

    /// <summary>Which analyzers ran (built-in, or a package's validator).</summary>
    public List<string> Analyzers { get; } = [];
}
