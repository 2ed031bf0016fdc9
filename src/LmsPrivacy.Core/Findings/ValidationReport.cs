namespace LmsPrivacy.Findings;

/// <summary>The findings from one validation or check, in the order they were found.</summary>
/// <remarks>
/// Validators collect every finding in one pass, in a stable order. A report is valid if and only if it has no
/// <see cref="FindingSeverity.Error"/> finding. Instances are immutable and safe to share across threads.
/// </remarks>
public sealed class ValidationReport
{
    private readonly Finding[] _findings;

    /// <summary>Initializes a report from findings.</summary>
    /// <param name="findings">The findings; they are copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="findings"/> is <see langword="null"/>.</exception>
    public ValidationReport(IEnumerable<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        _findings = [.. findings];
        foreach (var finding in _findings)
        {
            ArgumentNullException.ThrowIfNull(finding, nameof(findings));
            switch (finding.Severity)
            {
                case FindingSeverity.Error: ErrorCount++; break;
                case FindingSeverity.Warning: WarningCount++; break;
                default: InfoCount++; break;
            }
        }
    }

    /// <summary>Gets a report with no findings.</summary>
    public static ValidationReport Empty { get; } = new([]);

    /// <summary>Gets the findings in the order they were found.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Gets a value indicating whether the report has no <see cref="FindingSeverity.Error"/> finding.</summary>
    public bool IsValid => ErrorCount == 0;

    /// <summary>Gets the number of error findings.</summary>
    public int ErrorCount { get; }

    /// <summary>Gets the number of warning findings.</summary>
    public int WarningCount { get; }

    /// <summary>Gets the number of informational findings.</summary>
    public int InfoCount { get; }

    /// <summary>Returns a report holding this report's findings followed by <paramref name="other"/>'s.</summary>
    /// <param name="other">The report to append.</param>
    /// <returns>A new combined report.</returns>
    public ValidationReport Concat(ValidationReport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ValidationReport(_findings.Concat(other._findings));
    }

    /// <summary>Throws if the report has errors; otherwise does nothing.</summary>
    /// <exception cref="PrivacyValidationException">The report has at least one error.</exception>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new PrivacyValidationException(this);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{ErrorCount} error(s), {WarningCount} warning(s), {InfoCount} info";
}
