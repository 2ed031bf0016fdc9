using System.Globalization;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;
using LmsPrivacy.Scorm;
using LmsPrivacy.Scorm.Packages;
using LmsPrivacy.Xapi.Streaming;
using LmsPrivacy.Xapi.Validation;

namespace LmsPrivacy.Cli.Commands.Check.Analyzers;

/// <summary>
/// Runs LmsPrivacy.Xapi's <see cref="StatementValidator"/> on every statement, streamed with its
/// <see cref="StatementReader"/> (one statement in memory at a time). Findings are aggregated per rule: one finding
/// per code, at its first occurrence, with the number of occurrences, so a million bad statements make one line.
/// </summary>
internal sealed class XapiValidatorAnalyzer : IArtifactAnalyzer
{
    public string Name => "LmsPrivacy.Xapi StatementValidator";

    public bool AppliesTo(ArtifactKind kind) => kind == ArtifactKind.XapiStatements;

    public void Analyze(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(artifact.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return; // the built-in scan reports check.input.unreadable
        }

        var validator = new StatementValidator();
        var rules = new Dictionary<string, Aggregate>(StringComparer.Ordinal);
        var container = StatementContainer.Unknown;
        var statements = 0;
        var order = new List<string>();
        using (stream)
        using (var reader = new StatementReader(stream))
        {
            var next = 64L * 1024 * 1024;
            try
            {
                while (reader.Read())
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    var report = validator.Validate(reader.Current);
                    foreach (var finding in report.Findings)
                    {
                        if (!rules.TryGetValue(finding.Code, out var aggregate))
                        {
                            aggregate = new Aggregate(finding, reader.Index);
                            rules.Add(finding.Code, aggregate);
                            order.Add(finding.Code);
                        }

                        aggregate.Count++;
                        if (finding.Severity > aggregate.Severity)
                        {
                            aggregate.Severity = finding.Severity;
                        }
                    }

                    statements++;
                    if (reader.ByteOffset >= next)
                    {
                        context.Progress.Report($"{artifact.DisplayPath}: validated {reader.ByteOffset / (1024 * 1024)} MiB");
                        next += 64L * 1024 * 1024;
                    }
                }
            }
            catch (StatementStreamException ex)
            {
                // The built-in scan reports the malformed statement (check.input.malformed) with its index and offset.
                result.Facts.Add(string.Create(CultureInfo.InvariantCulture, $"validation stopped at statement {ex.Index} ({ex.Reason})"));
            }

            container = reader.Container; // known for sure only once a second value (or the end) was seen
        }

        foreach (var code in order)
        {
            var a = rules[code];
            var path = container == StatementContainer.SingleStatement || statements == 1 && container != StatementContainer.Array
                ? a.First.Path
                : XapiStatementAnalyzer.Path(container == StatementContainer.Array, a.Index, a.First.Path.StartsWith('$') ? a.First.Path[1..] : "." + a.First.Path);

            var message = a.Count == 1 ? a.First.Message
                : string.Create(CultureInfo.InvariantCulture, $"{a.First.Message} ({a.Count:N0} occurrences; the first is shown)");
            result.Findings.Add(new Finding(a.First.Code, a.Severity, path, message) { Source = a.First.Source });
        }
    }

    private sealed class Aggregate(Finding first, int index)
    {
        public Finding First { get; } = first;

        public int Index { get; } = index;

        public long Count { get; set; }

        public FindingSeverity Severity { get; set; } = first.Severity;
    }
}

/// <summary>
/// Runs LmsPrivacy.Scorm's <see cref="ScormPackageAuditor"/> on a package (zip or folder): manifest, files, hosts the
/// content contacts and learner data it reads. A host receives learner data when a file that reads learner data
/// from the run-time API also sends requests to it.
/// </summary>
internal sealed class ScormAuditAnalyzer : IArtifactAnalyzer
{
    public string Name => "LmsPrivacy.Scorm ScormPackageAuditor";

    public bool AppliesTo(ArtifactKind kind) => kind == ArtifactKind.ScormPackage;

    public void Analyze(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        var report = new ScormPackageAuditor().Audit(artifact.FullPath);
        result.HandledByPackage = true;
        result.Findings.AddRange(report.Findings);
        var ci = CultureInfo.InvariantCulture;
        if (report.Manifest is { } manifest)
        {
            var version = manifest.Version switch
            {
                ScormVersion.Scorm12 => "SCORM 1.2",
                ScormVersion.Scorm2004 => "SCORM 2004" + (manifest.SchemaVersion is { } v && v.Contains("2004", StringComparison.Ordinal) ? " (" + v + ")" : string.Empty),
                _ => "schema version " + (manifest.SchemaVersion ?? "not stated"),
            };
            result.Facts.Add(string.Create(ci, $"{version}; {manifest.Resources.Length} resource(s), {manifest.Scos.Count()} SCO(s), {report.FileCount} file(s)"));
        }

        if (report.LearnerDataRead.Length > 0)
        {
            var first = report.LearnerDataRead[0];
            result.Facts.Add(string.Create(ci, $"reads {string.Join(", ", report.LearnerDataRead.Select(r => r.Element).Distinct(StringComparer.Ordinal))} (first at {first.File}:{first.Line})"));
        }

        var readingFiles = report.LearnerDataRead.Select(r => r.File).ToHashSet(StringComparer.Ordinal);
        foreach (var host in report.ExternalHosts)
        {
            var sends = host.References.Any(r => IsSink(r.Kind) && readingFiles.Contains(r.File));
            var kinds = string.Join(", ", host.References.Select(r => KindName(r.Kind)).Distinct(StringComparer.Ordinal));
            foreach (var reference in host.References)
            {
                context.Report.SeeHost(host.Host, new HostReference(artifact.DisplayPath, string.Create(ci, $"{reference.File}:{reference.Line}"), KindName(reference.Kind)), sends);
            }

            context.Report.Flows.Add(sends
                ? new DataFlow("learner's browser", host.Host, [DataCategory.DirectIdentifier, DataCategory.Behavioural, DataCategory.Technical], "SCORM content (" + kinds + ")", artifact.DisplayPath)
                : new DataFlow("learner's browser", host.Host, [DataCategory.Technical], "SCORM content (" + kinds + ")", artifact.DisplayPath));
        }
    }

    private static bool IsSink(ScormReferenceKind kind) => kind is ScormReferenceKind.Xhr or ScormReferenceKind.Fetch or ScormReferenceKind.Beacon
        or ScormReferenceKind.WebSocket or ScormReferenceKind.Form or ScormReferenceKind.Endpoint or ScormReferenceKind.Image;

    private static string KindName(ScormReferenceKind kind) => kind.ToString().ToLowerInvariant();
}
