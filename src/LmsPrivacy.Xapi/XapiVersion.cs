namespace LmsPrivacy.Xapi;

/// <summary>The xAPI version whose rules a validator applies.</summary>
public enum XapiVersion
{
    /// <summary>xAPI 1.0.3 (statements with version 1.0 or 1.0.x).</summary>
    Version103 = 0,

    /// <summary>
    /// xAPI 2.0 (IEEE 9274.1.1-2023): accepts version 2.0.0 as well as 1.0.x and the <c>contextAgents</c> and
    /// <c>contextGroups</c> context properties. Other rules are the same as in 1.0.3 here.
    /// </summary>
    Version200 = 1,
}

/// <summary>Conversions for <see cref="XapiVersion"/>.</summary>
public static class XapiVersions
{
    /// <summary>Returns the wire name of a version: <c>1.0.3</c> or <c>2.0.0</c>.</summary>
    /// <param name="version">The version.</param>
    /// <returns>The version string.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not defined.</exception>
    public static string ToCode(this XapiVersion version) => version switch
    {
        XapiVersion.Version103 => "1.0.3",
        XapiVersion.Version200 => "2.0.0",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown xAPI version."),
    };

    /// <summary>Parses <c>1.0.3</c> (also <c>1.0</c>) or <c>2.0.0</c> (also <c>2.0</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="version">The version when the text is recognised.</param>
    /// <returns><see langword="true"/> when recognised.</returns>
    public static bool TryParse(string? text, out XapiVersion version)
    {
        switch (text)
        {
            case "1.0.3" or "1.0":
                version = XapiVersion.Version103;
                return true;
            case "2.0.0" or "2.0":
                version = XapiVersion.Version200;
                return true;
            default:
                version = default;
                return false;
        }
    }

    /// <summary>Parses a version string.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The version.</returns>
    /// <exception cref="FormatException">The text is not a supported version.</exception>
    public static XapiVersion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var version) ? version : throw new FormatException("Supported xAPI versions are 1.0.3 and 2.0.0.");
    }
}
