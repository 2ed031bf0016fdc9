namespace LmsPrivacy.Scorm.Validation;

/// <summary>One element of a snapshot and the outcome of setting it.</summary>
/// <param name="Element">The concrete element path.</param>
/// <param name="Value">The value, as given.</param>
/// <param name="Result">The SCORM error code and findings of the SetValue.</param>
public sealed record ScormSnapshotEntry(string Element, string Value, ScormSetResult Result);
