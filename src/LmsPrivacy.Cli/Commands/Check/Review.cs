using System.Globalization;
using LmsPrivacy.Findings;
using NodaTime;

namespace LmsPrivacy.Cli.Commands.Check;

/// <summary>
/// Third-party hosts seen in content against the processors and sub-processors declared in the records of
/// processing (the seed guide's issue 5), and declared processors against the DPAs in the folder.
/// </summary>
internal sealed class ProcessorReview : IReviewStep
{
    public void Review(CheckReport report, AnalysisContext context)
    {
        var hasRopa = report.Artifacts.Exists(a => a.Artifact.Kind == ArtifactKind.Ropa && a.Status == ArtifactStatus.Checked);
        var hosts = report.Hosts.ToList();
        if (!hasRopa)
        {
            var receiving = hosts.Where(h => h.ReceivesLearnerData).ToList();
            if (receiving.Count > 0)
            {
                report.ReviewFindings.Add(new ReportFinding(CheckRules.RopaMissing.At("$", string.Create(CultureInfo.InvariantCulture,
                    $"{receiving.Count} host(s) receive learner data ({string.Join(", ", receiving.Select(h => h.Host))}) but the folder holds no record of processing to check them against; add the ROPA to the folder.")),
                    report.Root, "review"));
            }

            return;
        }

        foreach (var host in hosts)
        {
            var party = report.DeclaredParties.Find(p => p.Hosts.Any(h => Hosts.Covers(h, host.Host)));
            if (party is not null)
            {
                host.DeclaredAs = $"{party.Name} ({party.Role})";
                continue;
            }

            var first = host.References[0];
            var seenIn = host.References.Select(r => r.Artifact).Distinct(StringComparer.Ordinal).ToList();
            var where = seenIn.Count == 1 ? seenIn[0] : $"{seenIn[0]} and {seenIn.Count - 1} more";
            var viaDpa = report.DpaProcessors.Find(p => p.Hosts.Any(h => Hosts.Covers(h, host.Host)));
            var dpaNote = viaDpa is null ? string.Empty : $" A DPA in the folder names it ({viaDpa.Name}): add it to the record.";
            if (host.ReceivesLearnerData)
            {
                report.ReviewFindings.Add(new ReportFinding(CheckRules.ProcessorUndeclared.At(first.Location,
                    $"{host.Host} receives learner data (seen in {where}) but no processor or sub-processor in the record of processing covers it: declare it (Art. 30(1)(d)) and put a DPA in place (Art. 28), or stop sending it data.{dpaNote}"),
                    first.Artifact, "review"));
            }
            else
            {
                report.ReviewFindings.Add(new ReportFinding(CheckRules.HostUndeclared.At(first.Location,
                    $"Content makes learners' browsers contact {host.Host} (seen in {where}), which the record of processing does not name; host the resource yourself or declare the provider.{dpaNote}"),
                    first.Artifact, "review"));
            }
        }

        if (report.DpaProcessors.Count == 0)
        {
            return;
        }

        foreach (var party in report.DeclaredParties.Where(p => p.Role is "processor" or "sub-processor"))
        {
            var covered = report.DpaProcessors.Exists(d =>
                NamesMatch(d.Name, party.Name) || d.Hosts.Any(h => party.Hosts.Any(ph => Hosts.Covers(h, ph) || Hosts.Covers(ph, h))));
            if (!covered && party.Role == "processor")
            {
                report.ReviewFindings.Add(new ReportFinding(CheckRules.ProcessorNoDpa.At(party.Path,
                    $"The processor '{party.Name}' has no DPA in the folder; add its Art. 28 agreement so its clauses are checked."), party.Artifact, "review"));
            }
        }
    }

    internal static bool NamesMatch(string a, string b)
    {
        static string Core(string name)
        {
            var text = name.ToUpperInvariant();
            foreach (var suffix in (string[])[" INC.", " INC", " LTD.", " LTD", " GMBH", " B.V.", " BV", " SAS", " S.A.", " LLC", " PLC", " AG", ","])
            {
                text = text.Replace(suffix, string.Empty, StringComparison.Ordinal);
            }

            return text.Trim();
        }

        var x = Core(a);
        var y = Core(b);
        return x.Length > 0 && (x == y || x.StartsWith(y + " ", StringComparison.Ordinal) || y.StartsWith(x + " ", StringComparison.Ordinal));
    }
}

/// <summary>
/// The subject-request and breach deadline rules in force, with the due time for a request received (or a breach
/// noticed) at the report's clock. Counting follows Regulation 1182/71: the day of receipt is not counted, a
/// month ends on the same date of the next month (or its last day), and a day period ending on a Saturday or
/// Sunday rolls to the next working day; hour periods never roll.
/// </summary>
internal sealed class DeadlineReview : IReviewStep
{
    public void Review(CheckReport report, AnalysisContext context)
    {
        var uk = report.ControllerCountry is "GB" or "UK";
        var profile = uk ? "UK GDPR (ICO counting)" : "EU GDPR (Regulation 1182/71 counting)";
        var received = report.Now.InUtc().Date;
        var due = OneMonthAfter(received, 1);
        var extended = OneMonthAfter(received, 3);
        var breach = report.Now.Plus(Duration.FromHours(72));
        report.Deadlines.Add(new DeadlineRule("subject-request.response", uk ? "UK GDPR Art. 12(3)" : "GDPR Art. 12(3)",
            $"{profile}: answer a subject request within one month of receipt (weekend ends roll to Monday; public holidays not applied in this summary).",
            Iso(due)));
        report.Deadlines.Add(new DeadlineRule("subject-request.extension", uk ? "UK GDPR Art. 12(3)" : "GDPR Art. 12(3)",
            "Complex or numerous requests: extendable by two further months, telling the person within the first month.", Iso(extended)));
        report.Deadlines.Add(new DeadlineRule("breach.notification", uk ? "UK GDPR Art. 33(1)" : "GDPR Art. 33(1)",
            "Notify the supervisory authority within 72 hours of becoming aware of a personal data breach; hours run through weekends.",
            breach.ToString("uuuu-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        var processorHours = report.DpaClauses
            .Where(c => c.Clause == "28(3)(f)")
            .Select(c => c.Reason)
            .ToList();
        if (processorHours.Count > 0)
        {
            report.Deadlines.Add(new DeadlineRule("processor.breach-notice", "GDPR Art. 33(2), 28(3)(f)",
                "Processors notify the controller without undue delay; the agreed windows: " + string.Join("; ", processorHours) + ".", null));
        }
    }

    internal static LocalDate OneMonthAfter(LocalDate received, int months)
    {
        // Period.FromMonths clamps to the last day of a shorter month (31 Jan + 1 month = 28/29 Feb).
        var end = received.PlusMonths(months);
        while (end.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)
        {
            end = end.PlusDays(1);
        }

        return end;
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The analyzers and review steps of a check run, in order. Each area plugs in here.</summary>
internal static class CheckAnalyzers
{
    public static IReadOnlyList<IArtifactAnalyzer> All { get; } =
    [
        new Analyzers.XapiStatementAnalyzer(),
        new Analyzers.ScormPackageAnalyzer(),
        new Analyzers.LtiLaunchAnalyzer(),
        new Analyzers.RopaAnalyzer(),
        new Analyzers.DpaAnalyzer(),
        new Analyzers.RetentionRegistryAnalyzer(),
    ];

    public static IReadOnlyList<IReviewStep> Reviews { get; } = [new ProcessorReview(), new DeadlineReview()];
}

/// <summary>Runs discovery, every applicable analyzer and the review steps.</summary>
internal static class CheckRunner
{
    public static CheckReport Run(string root, Instant now, CheckLimits limits, CheckProgress progress, CancellationToken cancellationToken)
    {
        var report = new CheckReport(root.Replace('\\', '/'), now);
        var context = new AnalysisContext(report, limits, progress, cancellationToken);
        var discovery = new ArtifactDiscovery(limits);
        var n = 0;
        foreach (var artifact in discovery.Discover(root))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = new ArtifactResult(artifact);
            report.Artifacts.Add(result);
            if (artifact.Problem is not null)
            {
                result.Findings.Add(artifact.Problem);
            }

            if (artifact.SkipReason is not null || artifact.Kind == ArtifactKind.Unknown)
            {
                result.Status = artifact.Problem is { Code: "check.input.unreadable" } ? ArtifactStatus.Failed : ArtifactStatus.Skipped;
                result.Reason = artifact.SkipReason ?? "not a recognised artifact";
                continue;
            }

            progress.Report($"[{++n}] {artifact.DisplayPath}");
            foreach (var analyzer in CheckAnalyzers.All.Where(a => a.AppliesTo(artifact.Kind)))
            {
                result.Analyzers.Add(analyzer.Name);
                try
                {
                    analyzer.Analyze(artifact, result, context);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Hostile or unexpected input must not stop the whole review: record it and go on.
                    result.Status = ArtifactStatus.Failed;
                    result.Findings.Add(CheckRules.InputUnreadable.At("$", $"The {analyzer.Name} could not finish on this artifact ({ex.GetType().Name})."));
                }
            }
        }

        foreach (var step in CheckAnalyzers.Reviews)
        {
            step.Review(report, context);
        }

        progress.Done();
        return report;
    }
}
