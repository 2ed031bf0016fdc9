using System.Collections.Immutable;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Scorm.Validation;

/// <summary>The outcome of applying a snapshot as a sequence of SetValue calls.</summary>
/// <param name="Version">The SCORM version checked against.</param>
/// <param name="Entries">One entry per element, in document order.</param>
/// <param name="Findings">Every finding of the entries, in order, plus snapshot-level findings.</param>
public sealed record ScormSnapshotReport(ScormVersion Version, ImmutableArray<ScormSnapshotEntry> Entries, ImmutableArray<Finding> Findings)
{
    /// <summary>Gets a value indicating whether every call succeeds and no Error finding was reported.</summary>
    public bool IsValid => !Findings.Any(f => f.IsError);
}
