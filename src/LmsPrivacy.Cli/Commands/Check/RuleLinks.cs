namespace LmsPrivacy.Cli.Commands.Check;

/// <summary>Where each rule is documented: docs/&lt;page&gt;.md#&lt;code&gt;.</summary>
internal static class RuleLinks
{
    public static string Page(string code)
    {
        var prefix = code.Split('.')[0];
        return prefix switch
        {
            "check" => "check.md",
            "xapi" => "xapi.md",
            "scorm" => "scorm.md",
            "lti" => "lti.md",
            "retention" => "retention.md",
            "ropa" or "dpa" => "ropa.md",
            "deadline" or "deadlines" => "deadlines.md",
            "dsr" => "subject-requests.md",
            _ => "index.md",
        };
    }

    /// <summary>The link to a rule, relative to <paramref name="docsBase"/> (which ends with '/').</summary>
    public static string For(string docsBase, string code) => docsBase + Page(code) + "#" + code;

    /// <summary>
    /// The docs folder relative to where a report is written: found by walking up from the checked folder (or the
    /// current directory) to a folder holding docs/check.md; "docs/" when none is found.
    /// </summary>
    public static string DefaultBase(string checkedPath, string? outputDirectory)
    {
        var docs = FindDocs(Path.GetFullPath(checkedPath)) ?? FindDocs(Directory.GetCurrentDirectory());
        if (docs is null)
        {
            return "docs/";
        }

        var from = Path.GetFullPath(outputDirectory ?? Directory.GetCurrentDirectory());
        var relative = Path.GetRelativePath(from, docs).Replace('\\', '/');
        return relative.EndsWith('/') ? relative : relative + "/";
    }

    private static string? FindDocs(string start)
    {
        var directory = File.Exists(start) ? Path.GetDirectoryName(start) : start;
        for (var i = 0; directory is not null && i < 12; i++)
        {
            var candidate = Path.Combine(directory, "docs");
            if (File.Exists(Path.Combine(candidate, "check.md")) || File.Exists(Path.Combine(candidate, "index.md")))
            {
                return candidate;
            }

            directory = Path.GetDirectoryName(directory);
        }

        return null;
    }
}
