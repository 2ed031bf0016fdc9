using System.Globalization;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Ropa.Dpa;
using LmsPrivacy.Retention.Documents;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;
using LmsPrivacy.Ropa;
using NodaTime;

namespace LmsPrivacy.Cli.Commands.Check.Analyzers;

/// <summary>Runs LmsPrivacy.Ropa's <see cref="RopaChecker"/> (Art. 30 contents, lawful bases, transfers) on a record of processing.</summary>
internal sealed class RopaPackageAnalyzer : IArtifactAnalyzer
{
    public string Name => "LmsPrivacy.Ropa RopaChecker";

    public bool AppliesTo(ArtifactKind kind) => kind == ArtifactKind.Ropa;

    public void Analyze(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        if (PackageInput.Read(artifact, context) is not { } bytes)
        {
            return;
        }

        if (!RopaJson.TryParseRecord(bytes, out var record, out var error))
        {
            result.Facts.Add("not readable as an LmsPrivacy.Ropa record (" + error + "); only the built-in reader ran");
            return;
        }

        var report = new RopaChecker(new FixedClock(context.Report.Now)).Check(record);
        result.Findings.AddRange(report.Findings);
        if (record.Organisation?.Country is { Length: 2 } country)
        {
            context.Report.ControllerCountry ??= country.ToUpperInvariant();
        }
    }
}

/// <summary>Runs LmsPrivacy.Ropa's <see cref="DpaChecker"/>: each Art. 28 clause met, weak or missing.</summary>
internal sealed class DpaPackageAnalyzer : IArtifactAnalyzer
{
    public string Name => "LmsPrivacy.Ropa DpaChecker";

    public bool AppliesTo(ArtifactKind kind) => kind == ArtifactKind.Dpa;

    public void Analyze(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        if (PackageInput.Read(artifact, context) is not { } bytes)
        {
            return;
        }

        if (!RopaJson.TryParseDpa(bytes, out var dpa, out var error))
        {
            result.Facts.Add("not readable as an LmsPrivacy.Ropa DPA (" + error + "); the built-in clause review ran instead");
            return;
        }

        var report = new DpaChecker().Check(dpa);
        var processor = dpa.Processor?.Name ?? "(unnamed processor)";
        foreach (var clause in report.Clauses)
        {
            context.Report.DpaClauses.Add(new DpaClauseResult(artifact.DisplayPath, processor, clause.Clause, clause.Status.ToString().ToLowerInvariant(), clause.Reason));
        }

        result.Findings.AddRange(report.Findings.Findings);
        context.Report.ProcessorBreachWindows.Add((processor, dpa.Assistance?.BreachNotificationHours));
        result.HandledByPackage = true;
    }
}

/// <summary>Runs LmsPrivacy.Retention: reads the registry document and evaluates every context's clock at the report's instant.</summary>
internal sealed class RetentionPackageAnalyzer : IArtifactAnalyzer
{
    /// <summary>At most this many context rows go into the report (every no-anchor row first); the counts cover all.</summary>
    public const int MaxRows = 500;

    public string Name => "LmsPrivacy.Retention evaluator";

    public bool AppliesTo(ArtifactKind kind) => kind == ArtifactKind.RetentionRegistry;

    public void Analyze(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        if (PackageInput.Read(artifact, context) is not { } bytes)
        {
            return;
        }

        if (!RetentionDocument.TryParse(bytes, out var document, out var findings))
        {
            result.Findings.AddRange(findings);
            result.Facts.Add("not readable as an LmsPrivacy.Retention registry; the built-in anchor review ran instead");
            return;
        }

        result.HandledByPackage = true;
        // Evaluate puts the document's reading findings first.
        var report = document.Evaluate(context.Report.Now);
        result.Findings.AddRange(report.Findings);
        var s = report.Summary;
        result.Facts.Add(string.Create(CultureInfo.InvariantCulture,
            $"{s.Contexts} context(s): {s.Expired} expired, {s.PartlyExpired} partly expired, {s.NotExpired} not expired, {s.NoAnchor} without anchor, {s.Ineligible} ineligible, {s.NeedsReview} need review"));
        foreach (var row in report.Contexts.OrderBy(r => r.Status == RetentionStatus.NoAnchor ? 0 : 1).Take(MaxRows))
        {
            context.Report.RetentionClocks.Add(new RetentionClock(
                artifact.DisplayPath,
                row.Id,
                row.Kind.ToCode(),
                row.Status.ToCode(),
                row.ExpiresAt is { } expires ? CliTime.Format(expires) : null,
                row.Reason));
        }
    }
}

/// <summary>Reads a whole document for a package parser, within the size limit.</summary>
internal static class PackageInput
{
    public static byte[]? Read(DiscoveredArtifact artifact, AnalysisContext context)
    {
        // Too large or unreadable: the built-in reader of the same artifact reports it.
        var bytes = context.ReadAll(artifact, out _);
        return bytes is not null && bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
    }
}
