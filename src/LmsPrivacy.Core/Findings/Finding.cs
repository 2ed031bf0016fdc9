namespace LmsPrivacy.Findings;

/// <summary>One problem found in an input: which rule, how serious, where, and what to do.</summary>
/// <param name="Code">The stable, dotted, lower-case rule code, such as <c>xapi.agent.ifi.multiple</c>.</param>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Path">Where the problem is: a JSON path such as <c>$.actor.mbox</c>, or a data-model element.</param>
/// <param name="Message">One sentence a person can act on. It never repeats the offending value.</param>
/// <remarks>Instances are immutable and safe to share across threads.</remarks>
public sealed record Finding(string Code, FindingSeverity Severity, string Path, string Message)
{
    /// <summary>Gets the spec section or legal article the rule rests on, when known.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? Source { get; init; }

    /// <summary>Gets a value indicating whether this finding has <see cref="FindingSeverity.Error"/> severity.</summary>
    public bool IsError => Severity == FindingSeverity.Error;

    /// <inheritdoc/>
    public override string ToString() => $"{Severity.ToCode()} {Code} at {Path}: {Message}";
}
