using LmsPrivacy.Classification;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Lti.Claims;

/// <summary>The result of classifying a launch: every claim with its category, in document order, and findings.</summary>
public sealed class LtiClaimClassification
{
    internal LtiClaimClassification(IReadOnlyList<LtiClassifiedClaim> claims, ValidationReport report)
    {
        Claims = claims;
        Report = report;
    }

    /// <summary>Gets the classified claims in document order; object claims the catalog splits appear member by member.</summary>
    public IReadOnlyList<LtiClassifiedClaim> Claims { get; }

    /// <summary>Gets the findings (custom values holding direct identifiers, third-party data, unknown claims).</summary>
    public ValidationReport Report { get; }

    /// <summary>Gets the findings, in the order they were found.</summary>
    public IReadOnlyList<Finding> Findings => Report.Findings;

    /// <summary>Returns the claims of one category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The claims with that category, in document order.</returns>
    public IEnumerable<LtiClassifiedClaim> OfCategory(DataCategory category) => Claims.Where(c => c.Category == category);

    /// <summary>Gets the distinct categories present, in declaration order.</summary>
    public IReadOnlyList<DataCategory> Categories => [.. DataCategories.All.Where(c => Claims.Any(claim => claim.Category == c))];
}
