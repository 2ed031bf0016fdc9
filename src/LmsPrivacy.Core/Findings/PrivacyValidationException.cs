using System.Globalization;
using System.Text;

namespace LmsPrivacy.Findings;

/// <summary>Thrown by <see cref="ValidationReport.ThrowIfInvalid"/> when a report has errors.</summary>
/// <remarks>The message lists the error findings by code and path; like findings, it never repeats the offending values.</remarks>
public sealed class PrivacyValidationException : Exception
{
    /// <summary>Initializes the exception from a report.</summary>
    /// <param name="report">The report with at least one error.</param>
    public PrivacyValidationException(ValidationReport report)
        : base(Describe(report))
    {
        Report = report;
    }

    /// <summary>Gets the report that failed.</summary>
    public ValidationReport Report { get; }

    private static string Describe(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Validation failed with {report.ErrorCount} error(s):");
        foreach (var finding in report.Findings.Where(f => f.IsError).Take(20))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {finding.Code} at {finding.Path}: {finding.Message}");
        }

        return text.ToString();
    }
}
