namespace LmsPrivacy.Retention;

/// <summary>Options of the retention engine.</summary>
public sealed class RetentionOptions
{
    /// <summary>Gets or sets the IANA time zone calendar arithmetic runs in (default <c>UTC</c>).</summary>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>
    /// Gets or sets whether a course without an end date counts as running, which keeps its enrolled users' contexts
    /// (Moodle's <c>requireallenddatesforuserdeletion</c>, on by default). When off, such courses are ignored.
    /// </summary>
    public bool CoursesWithoutEndDateAreRunning { get; set; } = true;

    /// <summary>
    /// Gets or sets whether a context whose period has run but that saw activity after its anchor is flagged
    /// <c>needs-review</c> instead of expired (default on; see MDL-71316).
    /// </summary>
    public bool RecentActivityGuard { get; set; } = true;

    /// <summary>Gets or sets the most contexts one deletion run processes (default 200, as Moodle's <c>DELETE_LIMIT</c>).</summary>
    public int DeletionBatchLimit { get; set; } = 200;
}
