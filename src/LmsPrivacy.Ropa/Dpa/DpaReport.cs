using LmsPrivacy.Findings;

namespace LmsPrivacy.Ropa.Dpa;

/// <summary>The result of checking a DPA: one assessment per Art. 28 requirement, and the findings.</summary>
/// <remarks>Instances are immutable.</remarks>
public sealed class DpaReport
{
    /// <summary>Initializes a report.</summary>
    /// <param name="clauses">The clause assessments, in the order 28(3)(a)–(h), 28(2), 28(4).</param>
    /// <param name="findings">The findings.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public DpaReport(IEnumerable<ClauseAssessment> clauses, ValidationReport findings)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        ArgumentNullException.ThrowIfNull(findings);
        Clauses = [.. clauses];
        Findings = findings;
    }

    /// <summary>Gets the clause assessments, in the order 28(3)(a)–(h), 28(2), 28(4).</summary>
    public IReadOnlyList<ClauseAssessment> Clauses { get; }

    /// <summary>Gets the findings; the DPA is acceptable when the report is valid.</summary>
    public ValidationReport Findings { get; }

    /// <summary>Returns the assessment of one clause.</summary>
    /// <param name="clause">The clause, such as <c>28(3)(f)</c>.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="KeyNotFoundException">No such clause is assessed.</exception>
    public ClauseAssessment this[string clause] =>
        Clauses.FirstOrDefault(c => string.Equals(c.Clause, clause, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"Clause '{clause}' is not assessed.");
}
