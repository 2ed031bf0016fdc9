using LmsPrivacy.Classification;

namespace LmsPrivacy.Lti.Claims;

/// <summary>What the catalog knows about one launch claim, or one member of an object claim.</summary>
/// <param name="Claim">The claim name as it appears in the token, such as <c>email</c> or a full LTI claim URI.</param>
/// <param name="Member">The member of an object claim this entry is about, or <see langword="null"/> for the whole claim
/// (for an object claim, the category of members the catalog does not list).</param>
/// <param name="Category">The personal-data category of the value.</param>
/// <param name="Description">What the value is and who defines it.</param>
public sealed record LtiClaimDescriptor(string Claim, string? Member, DataCategory Category, string Description);
