using LmsPrivacy.Cli.Infrastructure;
using System.Globalization;
using LmsPrivacy.Findings;
using LmsPrivacy.Deadlines;
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
/// The subject-request and breach deadline rules in force, computed with Core's <see cref="DeadlineCalculator"/>:
/// the due dates of a request received (or a breach noticed) at the report's clock, in the controller's member
/// state (its public holidays) when a record of processing names it, under UK counting for a UK controller.
/// </summary>
internal sealed class DeadlineReview : IReviewStep
{
    public void Review(CheckReport report, AnalysisContext context)
    {
        var calculator = new DeadlineCalculator();
        var country = report.ControllerCountry;
        var uk = country is not null && HolidayCalendars.IsUnitedKingdomCode(country);
        var profile = uk ? DeadlineProfile.Uk : DeadlineProfile.Eu;
        var calendar = country is not null && HolidayCalendars.TryGet(country, out _) ? country : null;
        var received = report.Now.InUtc().Date;
        var article = uk ? "UK GDPR" : "GDPR";
        var where = calendar is null ? "weekends only (no controller country in a record of processing)" : "public holidays of " + calendar;

        var due = calculator.SubjectRequest(received, profile, calendar);
        report.Deadlines.Add(new DeadlineRule("subject-request.response", article + " Art. 12(3)",
            $"Answer a subject request within one month of receipt ({(uk ? "UK" : "EU, Regulation 1182/71")} counting; {where}). {due.Reason}", Iso(due.Due)));
        var extended = calculator.SubjectRequest(received, profile, calendar, extended: true);
        report.Deadlines.Add(new DeadlineRule("subject-request.extension", article + " Art. 12(3)",
            $"Complex or numerous requests: two further months, telling the person by {Iso(extended.ExtensionNoticeDue)}.", Iso(extended.Due)));
        var breach = calculator.Breach(report.Now);
        report.Deadlines.Add(new DeadlineRule("breach.notification", article + " Art. 33(1)", breach.Reason, IsoInstant(breach.Due)));
        foreach (var (processor, hours) in report.ProcessorBreachWindows)
        {
            var window = hours is { } h && h > 0 ? ProcessorNoticeWindow.Hours(h) : ProcessorNoticeWindow.WithoutUndueDelay;
            var notice = calculator.ProcessorNotice(report.Now, window);
            report.Deadlines.Add(new DeadlineRule("processor.breach-notice", article + " Art. 33(2), 28(3)(f)",
                $"{processor}: notifies the controller {window} after becoming aware (its DPA).", notice.Due is { } d ? IsoInstant(d) : null));
        }
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string IsoInstant(Instant instant) => CliTime.Format(instant);
}

/// <summary>The analyzers and review steps of a check run, in order. Each area plugs in here.</summary>
internal static class CheckAnalyzers
{
    public static IReadOnlyList<IArtifactAnalyzer> All { get; } =
    [
        // Package analyzers first: when they read an artifact fully, the built-in fallbacks skip their own review.
        new Analyzers.RopaPackageAnalyzer(),
        new Analyzers.DpaPackageAnalyzer(),
        new Analyzers.RetentionPackageAnalyzer(),
        new Analyzers.ScormAuditAnalyzer(),
        new Analyzers.XapiValidatorAnalyzer(),
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
    public static CheckReport Run(string root, Instant now, CheckLimits limits, CheckProgress progress, CancellationToken cancellationToken) =>
        Run(root, now, limits, progress, CheckAnalyzers.All, cancellationToken);

    /// <summary>Runs with a chosen set of analyzers (tests use it to exercise the built-in fallbacks alone).</summary>
    public static CheckReport Run(string root, Instant now, CheckLimits limits, CheckProgress progress, IReadOnlyList<IArtifactAnalyzer> analyzers, CancellationToken cancellationToken)
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
            foreach (var analyzer in analyzers.Where(a => a.AppliesTo(artifact.Kind)))
            {
                if (analyzer is IFallbackAnalyzer && result.HandledByPackage)
                {
                    continue;
                }

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

            if (artifact.Kind == ArtifactKind.ScormPackage)
            {
                // A package audit leaves megabytes of short-lived large objects (decoded files) behind; collecting
                // between packages keeps the peak flat over many packages instead of letting the heap ratchet up.
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
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
