namespace LmsPrivacy.Ropa.Dpa;

/// <summary>How a DPA meets one Art. 28 requirement, and why.</summary>
/// <param name="Clause">The requirement, such as <c>28(3)(a)</c>, <c>28(2)</c> or <c>28(4)</c>.</param>
/// <param name="Status">Met, weak or missing.</param>
/// <param name="Reason">Why, in one or more sentences; for weak clauses, the practical threshold missed.</param>
/// <param name="Path">The JSON path of the DPA section assessed.</param>
/// <remarks>Instances are immutable.</remarks>
public sealed record ClauseAssessment(string Clause, ClauseStatus Status, string Reason, string Path);
