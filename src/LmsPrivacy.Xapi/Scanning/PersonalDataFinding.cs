using LmsPrivacy.Classification;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Xapi.Scanning;

/// <summary>Personal data found in a statement: the finding (code, severity, path, message) and what kind of data it is.</summary>
/// <param name="Finding">The finding; its message never repeats the value.</param>
/// <param name="Category">The GDPR category of the data at <see cref="Finding.Path"/>.</param>
public sealed record PersonalDataFinding(Finding Finding, DataCategory Category);
