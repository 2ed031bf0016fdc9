using System.Collections.Immutable;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Scorm.Validation;

/// <summary>The outcome of checking one SetValue (or GetValue): the SCORM error code an LMS would report, and the findings.</summary>
/// <param name="ErrorCode">The SCORM error code of the version checked: 0 when the call succeeds (warnings allowed).</param>
/// <param name="Findings">What is wrong, in a stable order; never echoes the value.</param>
public sealed record ScormSetResult(int ErrorCode, ImmutableArray<Finding> Findings)
{
    /// <summary>Gets the shared result of a call that succeeds with nothing to report.</summary>
    public static ScormSetResult Success { get; } = new(0, []);

    /// <summary>Gets a value indicating whether the call succeeds (error code 0, no Error finding).</summary>
    public bool IsValid => ErrorCode == 0;
}
