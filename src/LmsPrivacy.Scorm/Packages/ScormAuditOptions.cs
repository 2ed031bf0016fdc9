using Microsoft.Extensions.Options;

namespace LmsPrivacy.Scorm.Packages;

/// <summary>Limits and settings of <see cref="ScormPackageAuditor"/>; the defaults suit real packages and refuse hostile ones.</summary>
public sealed class ScormAuditOptions
{
    /// <summary>Gets or sets the greatest number of entries (files) a package may have.</summary>
    /// <value>The default is 20,000.</value>
    public int MaxEntries { get; set; } = 20_000;

    /// <summary>Gets or sets the greatest total uncompressed size of a package, in bytes.</summary>
    /// <value>The default is 2 GiB.</value>
    public long MaxTotalBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Gets or sets the greatest uncompressed size of one entry, in bytes.</summary>
    /// <value>The default is 512 MiB.</value>
    public long MaxEntryBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Gets or sets the greatest compression ratio (uncompressed / compressed) of an entry or of the whole zip.</summary>
    /// <value>The default is 200.</value>
    public double MaxCompressionRatio { get; set; } = 200;

    /// <summary>Gets or sets the size below which an entry's compression ratio is not checked (tiny files compress very well).</summary>
    /// <value>The default is 1 MiB.</value>
    public long RatioCheckThresholdBytes { get; set; } = 1024 * 1024;

    /// <summary>Gets or sets the greatest size of <c>imsmanifest.xml</c>, in bytes.</summary>
    /// <value>The default is 16 MiB.</value>
    public int MaxManifestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Gets or sets the greatest size of a text file that is scanned for hosts and learner-data reads; larger files are listed but not scanned.</summary>
    /// <value>The default is 32 MiB.</value>
    public int MaxScannedFileBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Gets hosts never reported (namespace and vocabulary hosts such as <c>www.w3.org</c> or <c>adlnet.gov</c> are built in).</summary>
    public ISet<string> IgnoredHosts { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Validates <see cref="ScormAuditOptions"/> at start (no reflection).</summary>
public sealed class ScormAuditOptionsValidator : IValidateOptions<ScormAuditOptions>
{
    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, ScormAuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxEntries < 1)
        {
            failures.Add("MaxEntries must be at least 1.");
        }

        if (options.MaxTotalBytes < 1 || options.MaxEntryBytes < 1 || options.MaxManifestBytes < 1 || options.MaxScannedFileBytes < 1)
        {
            failures.Add("Size limits must be positive.");
        }

        if (options.MaxEntryBytes > options.MaxTotalBytes)
        {
            failures.Add("MaxEntryBytes cannot exceed MaxTotalBytes.");
        }

        if (!(options.MaxCompressionRatio >= 1))
        {
            failures.Add("MaxCompressionRatio must be at least 1.");
        }

        if (options.RatioCheckThresholdBytes < 0)
        {
            failures.Add("RatioCheckThresholdBytes cannot be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
