using System.Text.Json;
using LmsPrivacy.Cli.Infrastructure;

namespace LmsPrivacy.Cli.Commands.Check;

/// <summary>Checks one kind of artifact and adds what it finds to the artifact's result and the report.</summary>
/// <remarks>
/// Each area plugs in as one analyzer. Several analyzers may apply to the same kind (the built-in privacy review,
/// and the area package's own validator); they run in the order of <see cref="CheckAnalyzers.All"/>.
/// </remarks>
internal interface IArtifactAnalyzer
{
    /// <summary>Gets the name shown in the report's list of analyzers that ran.</summary>
    string Name { get; }

    bool AppliesTo(ArtifactKind kind);

    void Analyze(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context);
}

/// <summary>An analyzer that only stands in for a package: it is skipped when a package analyzer handled the artifact.</summary>
internal interface IFallbackAnalyzer : IArtifactAnalyzer
{
}

/// <summary>A check over the whole folder, run after every artifact has been analyzed.</summary>
internal interface IReviewStep
{
    void Review(CheckReport report, AnalysisContext context);
}

/// <summary>What analyzers share: the report, limits, progress and cancellation.</summary>
internal sealed class AnalysisContext(CheckReport report, CheckLimits limits, CheckProgress progress, CancellationToken cancellationToken)
{
    public CheckReport Report { get; } = report;

    public CheckLimits Limits { get; } = limits;

    public CheckProgress Progress { get; } = progress;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    // The last artifact read whole: the built-in analyzer and the package's own analyzer of one artifact run one after
    // the other, and share one read of the file.
    private (DiscoveredArtifact Artifact, byte[]? Bytes, bool TooLarge)? _lastRead;

    /// <summary>Reads a whole JSON document within the size and depth limits; problems become findings and null.</summary>
    public JsonDocument? LoadJson(DiscoveredArtifact artifact, ArtifactResult result)
    {
        if (ReadAll(artifact, out var tooLarge) is not { } bytes)
        {
            result.Status = ArtifactStatus.Failed;
            result.Findings.Add(tooLarge
                ? CheckRules.InputTooLarge.At("$", $"The document is larger than {Limits.MaxDocumentBytes / (1024 * 1024)} MiB and was not read.")
                : CheckRules.InputUnreadable.At("$", "The file could not be read."));
            return null;
        }

        return ParseJson(bytes, result);
    }

    /// <summary>Returns the artifact's bytes within the document size limit, reading the file once per artifact; null when it is too large or unreadable (the caller reports it).</summary>
    public byte[]? ReadAll(DiscoveredArtifact artifact, out bool tooLarge)
    {
        if (_lastRead is { } last && ReferenceEquals(last.Artifact, artifact))
        {
            tooLarge = last.TooLarge;
            return last.Bytes;
        }

        byte[]? bytes = null;
        tooLarge = false;
        try
        {
            tooLarge = new FileInfo(artifact.FullPath).Length > Limits.MaxDocumentBytes;
            bytes = tooLarge ? null : File.ReadAllBytes(artifact.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bytes = null;
        }

        _lastRead = (artifact, bytes, tooLarge);
        return bytes;
    }

    public JsonDocument? ParseJson(ReadOnlyMemory<byte> bytes, ArtifactResult result)
    {
        var span = bytes.Span;
        var skip = span.StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return JsonDocument.Parse(bytes[skip..], new JsonDocumentOptions { MaxDepth = Limits.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            result.Status = ArtifactStatus.Failed;
            if (ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
            {
                result.Findings.Add(CheckRules.InputTooDeep.At("$", $"The document nests deeper than {Limits.MaxJsonDepth} levels and was not checked."));
            }
            else
            {
                result.Findings.Add(CheckRules.InputMalformed.At(
                    "$", $"The document is not well-formed JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}) and was not checked."));
            }

            return null;
        }
    }
}

/// <summary>Progress on standard error, only when it is a terminal (CLI contract: quiet when redirected).</summary>
internal sealed class CheckProgress(CliContext context)
{
    private readonly bool _enabled = context.ErrorIsTerminal;
    private int _lastLength;

    public bool Enabled => _enabled;

    public void Report(string message)
    {
        if (!_enabled)
        {
            return;
        }

        var line = message.Length > 100 ? "…" + message[^99..] : message;
        context.Error.Write("\r" + line.PadRight(_lastLength));
        _lastLength = line.Length;
    }

    public void Done()
    {
        if (_enabled && _lastLength > 0)
        {
            context.Error.Write("\r" + new string(' ', _lastLength) + "\r");
            _lastLength = 0;
        }
    }
}

/// <summary>Host names in URLs.</summary>
internal static class Hosts
{
    public static bool TryGetHost(string? url, out string host)
    {
        host = string.Empty;
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }

        var candidate = url.Trim();
        if (candidate.StartsWith("//", StringComparison.Ordinal))
        {
            candidate = "https:" + candidate;
        }
        else if (!candidate.Contains("://", StringComparison.Ordinal) && candidate.Contains('.', StringComparison.Ordinal) && !candidate.Contains(' ', StringComparison.Ordinal))
        {
            candidate = "https://" + candidate; // a bare host or domain, as records of processing often give them
        }

        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "ws" or "wss") || uri.Host.Length == 0)
        {
            return false;
        }

        host = uri.IdnHost.ToLowerInvariant();
        return host.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>Whether a host is the declared host or one of its subdomains.</summary>
    public static bool Covers(string declared, string host) =>
        string.Equals(declared, host, StringComparison.Ordinal)
        || host.EndsWith("." + declared, StringComparison.Ordinal);
}
