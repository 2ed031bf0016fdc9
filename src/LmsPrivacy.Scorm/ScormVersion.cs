namespace LmsPrivacy.Scorm;

/// <summary>The SCORM run-time versions this package knows.</summary>
public enum ScormVersion
{
    /// <summary>SCORM 2004 4th Edition (IEEE 1484.11.1 data model, <c>API_1484_11</c>).</summary>
    Scorm2004 = 0,

    /// <summary>SCORM 1.2 (AICC-derived CMI data model, <c>API</c>).</summary>
    Scorm12 = 1,
}

/// <summary>Wire names of <see cref="ScormVersion"/> (<c>2004</c>, <c>1.2</c>).</summary>
public static class ScormVersions
{
    /// <summary>Returns the wire name: <c>2004</c> or <c>1.2</c>.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The wire name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined version.</exception>
    public static string ToCode(this ScormVersion version) => version switch
    {
        ScormVersion.Scorm2004 => "2004",
        ScormVersion.Scorm12 => "1.2",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown SCORM version."),
    };

    /// <summary>Parses a wire name (<c>2004</c>, <c>1.2</c>, also <c>12</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="version">The version when the text is recognised.</param>
    /// <returns>Whether the text names a version.</returns>
    public static bool TryParse(string? text, out ScormVersion version)
    {
        switch (text)
        {
            case "2004":
                version = ScormVersion.Scorm2004;
                return true;
            case "1.2" or "12":
                version = ScormVersion.Scorm12;
                return true;
            default:
                version = default;
                return false;
        }
    }
}
