using LmsPrivacy.Classification;

namespace LmsPrivacy.Lti.Claims;

/// <summary>One claim (or member of an object claim) of a launch and its personal-data category.</summary>
/// <param name="Path">The JSON path of the value, such as <c>$.email</c> or <c>$['https://purl.imsglobal.org/spec/lti/claim/custom'].mail</c>.</param>
/// <param name="Category">The personal-data category.</param>
/// <param name="Claim">The top-level claim name.</param>
/// <param name="Member">The member of an object claim, or <see langword="null"/> when the whole claim is classified.</param>
public sealed record LtiClassifiedClaim(string Path, DataCategory Category, string Claim, string? Member);
