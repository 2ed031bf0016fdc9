using System.Text.Json;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Lti.Minimization;

/// <summary>The minimized launch and the paths of what was dropped.</summary>
public sealed class LtiMinimizationResult
{
    internal LtiMinimizationResult(JsonElement payload, IReadOnlyList<string> dropped, ValidationReport report)
    {
        Payload = payload;
        Dropped = dropped;
        Report = report;
    }

    /// <summary>Gets the minimized payload (a detached JSON object).</summary>
    public JsonElement Payload { get; }

    /// <summary>Gets the JSON paths of the claims and members dropped, in document order.</summary>
    public IReadOnlyList<string> Dropped { get; }

    /// <summary>Gets the classification findings of the input.</summary>
    public ValidationReport Report { get; }
}
