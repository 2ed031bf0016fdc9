using LmsPrivacy.Findings;

namespace LmsPrivacy.Lti.Keys;

/// <summary>The pseudonymous learner key of a launch, or why there is none.</summary>
/// <param name="Key">The key, or <see langword="null"/> when the launch is anonymous or a component is missing.</param>
/// <param name="Scope">The scope the key was derived with.</param>
/// <param name="IsAnonymous">Whether the launch has no <c>sub</c>.</param>
/// <param name="Report">Findings: <c>lti.key.anonymous</c> or <c>lti.key.component_missing</c>.</param>
public sealed record LtiLearnerKey(string? Key, LtiLearnerKeyScope Scope, bool IsAnonymous, ValidationReport Report);
