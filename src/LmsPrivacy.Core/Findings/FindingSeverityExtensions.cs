namespace LmsPrivacy.Findings;

/// <summary>Conversions for <see cref="FindingSeverity"/>.</summary>
public static class FindingSeverityExtensions
{
    /// <summary>Returns the lower-case wire name of a severity: <c>info</c>, <c>warning</c> or <c>error</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The name used in JSON output and reports.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="severity"/> is not a defined value.</exception>
    public static string ToCode(this FindingSeverity severity) => severity switch
    {
        FindingSeverity.Info => "info",
        FindingSeverity.Warning => "warning",
        FindingSeverity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity."),
    };
}
