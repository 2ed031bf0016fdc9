using System.Globalization;
using System.Text.Json;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Cli.Commands.Check.Analyzers;

/// <summary>
/// A built-in reading of a data processing agreement: each Art. 28(3)(a)–(h), 28(2) and 28(4) clause as met,
/// weak (with the practical threshold it misses) or missing. Tolerant of key spelling; the Ropa package's DPA
/// checker replaces it when that package is available.
/// </summary>
internal sealed class DpaAnalyzer : IArtifactAnalyzer
{
    /// <summary>Seed guide issue 3: at least 14 days' notice of new sub-processors.</summary>
    public const int MinimumNoticeDays = 14;

    /// <summary>A processor should notify a breach within 48 hours so the controller keeps time of its 72.</summary>
    public const int MaximumBreachHours = 48;

    public string Name => "check (processor reader; built-in Art. 28 review when the Ropa package cannot read the DPA)";

    public bool AppliesTo(ArtifactKind kind) => kind == ArtifactKind.Dpa;

    public void Analyze(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        using var document = context.LoadJson(artifact, result);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        var processor = "(unnamed processor)";
        var hosts = new List<string>();
        if (JsonLookup.TryGet(root, out var p, "processor", "vendor"))
        {
            processor = p.ValueKind == JsonValueKind.String ? p.GetString()! : JsonLookup.Text(p, "name", "legalName") ?? processor;
            hosts = JsonLookup.HostsOf(p, new HashSet<string>(StringComparer.Ordinal) { "subprocessors" });
        }

        context.Report.DpaProcessors.Add(new DeclaredParty(processor, "processor", hosts, artifact.DisplayPath, "$.processor"));
        result.Facts.Add("processor: " + processor);
        if (result.HandledByPackage)
        {
            var counted = context.Report.DpaClauses.Where(c => c.Artifact == artifact.DisplayPath).ToList();
            result.Facts.Add(string.Create(CultureInfo.InvariantCulture, $"{counted.Count(c => c.Status == "met")} of {counted.Count} Art. 28 clauses met"));
            return; // LmsPrivacy.Ropa's DpaChecker assessed the clauses
        }

        var clauses = Assess(root);
        foreach (var (clause, status, reason, path) in clauses)
        {
            context.Report.DpaClauses.Add(new DpaClauseResult(artifact.DisplayPath, processor, clause, status, reason));
            if (status != "met")
            {
                result.Findings.Add(CheckRules.DpaClause.At(path, $"Art. {clause} is {status}: {reason}", status == "missing" ? FindingSeverity.Error : FindingSeverity.Warning));
            }
        }

        Windows(root, result);
        var met = clauses.Count(c => c.Status == "met");
        result.Facts.Add(string.Create(CultureInfo.InvariantCulture, $"{met} of {clauses.Count} Art. 28 clauses met"));
    }

    /// <summary>The processor's own windows against the controller's legal deadlines (Art. 33(1) 72 hours, Art. 12(3) one month).</summary>
    private static void Windows(JsonElement root, ArtifactResult result)
    {
        var ci = CultureInfo.InvariantCulture;
        if (JsonLookup.TryFind(root, out var breach, out var bp, "breachNotificationHours", "breachNotification", "breachNotice", "breach"))
        {
            var hours = breach.ValueKind == JsonValueKind.Number ? breach.GetDouble() : JsonLookup.Number(breach, "hours", "withinHours", "noticeHours");
            if (hours >= 72)
            {
                result.Findings.Add(CheckRules.DpaBreachWindow.At(bp, string.Create(ci,
                    $"The processor may take {hours} hours to report a breach: the controller's 72 hours under Art. 33(1) can run out before it knows."), FindingSeverity.Error));
            }
            else if (hours > MaximumBreachHours)
            {
                result.Findings.Add(CheckRules.DpaBreachWindow.At(bp, string.Create(ci,
                    $"The processor may take {hours} of the controller's 72 hours to report a breach; negotiate {MaximumBreachHours} hours or less.")));
            }
        }

        if (JsonLookup.TryFind(root, out var rights, out var rp, "subjectRights", "dataSubjectRights", "subjectRequests", "assistanceWithSubjectRights"))
        {
            var days = rights.ValueKind == JsonValueKind.Number ? rights.GetDouble() : JsonLookup.Number(rights, "responseDays", "days", "withinDays", "assistanceDays");
            if (days >= 20)
            {
                result.Findings.Add(CheckRules.DpaSubjectRightsWindow.At(rp, string.Create(ci,
                    $"The processor may take {days} days to help with a subject request, leaving too little of the one-month deadline (Art. 12(3)); ask for 10 days or less."),
                    days >= 28 ? FindingSeverity.Error : FindingSeverity.Warning));
            }
        }
    }

    internal static List<(string Clause, string Status, string Reason, string Path)> Assess(JsonElement root)
    {
        var ci = CultureInfo.InvariantCulture;
        var rows = new List<(string, string, string, string)>();

        // 28(3)(a) documented instructions, and no reuse for the processor's own purposes.
        if (JsonLookup.TryFind(root, out var instructions, out var ip, "instructions", "processingInstructions", "documentedInstructionsOnly", "instructionsOnly"))
        {
            var carveOut = JsonLookup.TryFind(instructions, out var carve, out var cp, "vendorOwnPurposes", "carveOuts", "exceptions", "ownPurposes", "vendorPurposes", "productImprovement", "aiTraining", "analytics")
                && JsonLookup.IsPresent(carve);
            var only = instructions.ValueKind == JsonValueKind.True
                || (JsonLookup.Flag(instructions, "documentedOnly", "onlyOnInstructions", "instructionsOnly", "documentedInstructionsOnly") ?? JsonLookup.IsPresent(instructions));
            rows.Add(carveOut
                ? ("28(3)(a)", "weak", "the processor may also use the data for its own purposes (e.g. analytics or AI training), beyond the controller's instructions", ip + cp[1..])
                : only ? ("28(3)(a)", "met", "processing only on documented instructions", ip) : ("28(3)(a)", "missing", "no commitment to process only on documented instructions", ip));
        }
        else
        {
            rows.Add(("28(3)(a)", "missing", "no clause on processing only on documented instructions", "$"));
        }

        rows.Add(Presence(root, "28(3)(b)", "persons authorised to process the data are bound to confidentiality", "no confidentiality commitment for staff", "confidentiality", "confidentialityCommitment"));

        // 28(3)(c) security (Art. 32).
        if (JsonLookup.TryFind(root, out var security, out var sp, "security", "securityMeasures", "technicalMeasures"))
        {
            var atRest = JsonLookup.Flag(security, "encryptionAtRest", "encryptedAtRest");
            var tls = JsonLookup.Text(security, "tls", "tlsVersion", "minimumTls");
            var weakTls = tls is not null && (tls.Contains("1.0", StringComparison.Ordinal) || tls.Contains("1.1", StringComparison.Ordinal));
            rows.Add(atRest == false || weakTls
                ? ("28(3)(c)", "weak", atRest == false ? "data is not encrypted at rest" : "TLS older than 1.2 is allowed", sp)
                : ("28(3)(c)", "met", "Art. 32 security measures are described", sp));
        }
        else
        {
            rows.Add(("28(3)(c)", "missing", "no Art. 32 security measures", "$"));
        }

        // 28(2) and 28(3)(d): sub-processor authorisation, notice, objection; 28(4) flow-down.
        if (JsonLookup.TryFind(root, out var sub, out var subPath, "subProcessing", "subProcessors", "subprocessorTerms", "subProcessorAuthorisation", "subProcessorAuthorization"))
        {
            var general = (JsonLookup.Text(sub, "authorisation", "authorization", "authorisationType", "authorizationType", "type") ?? "general").Contains("general", StringComparison.OrdinalIgnoreCase);
            var notice = JsonLookup.Number(sub, "noticeDays", "advanceNoticeDays", "notice");
            var objection = JsonLookup.Flag(sub, "rightToObject", "objectionRight", "canObject");
            if (!general)
            {
                rows.Add(("28(2)", "met", "each sub-processor needs specific prior written authorisation", subPath));
            }
            else if (notice is null || notice < MinimumNoticeDays || objection != true)
            {
                var why = notice is null ? "no advance notice period for new sub-processors"
                    : notice < MinimumNoticeDays ? string.Create(ci, $"only {notice} days' notice of new sub-processors (fewer than {MinimumNoticeDays})")
                    : "no right to object to new sub-processors";
                rows.Add(("28(2)", "weak", why, subPath));
            }
            else
            {
                rows.Add(("28(2)", "met", string.Create(ci, $"general authorisation with {notice} days' notice and a right to object"), subPath));
            }

            var flowDown = JsonLookup.Flag(sub, "flowDown", "sameObligations", "flowDownObligations");
            rows.Add(flowDown == true ? ("28(4)", "met", "the same obligations flow down to sub-processors", subPath)
                : flowDown == false ? ("28(4)", "missing", "sub-processors are not bound by the same obligations", subPath)
                : ("28(4)", "weak", "the DPA does not say that obligations flow down to sub-processors", subPath));
            rows.Add(general && (notice is null || notice < MinimumNoticeDays)
                ? ("28(3)(d)", "weak", "the conditions for engaging sub-processors give the controller too little notice to object", subPath)
                : ("28(3)(d)", "met", "the conditions for engaging sub-processors are stated", subPath));
        }
        else
        {
            rows.Add(("28(2)", "missing", "no terms for engaging sub-processors", "$"));
            rows.Add(("28(3)(d)", "missing", "no conditions for engaging sub-processors", "$"));
            rows.Add(("28(4)", "missing", "no flow-down of obligations to sub-processors", "$"));
        }

        rows.Add(Presence(root, "28(3)(e)", "the processor assists with data subject requests", "no assistance with data subject requests", "subjectRights", "dataSubjectRights", "subjectRequests", "assistanceWithSubjectRights"));

        // 28(3)(f) assistance with Art. 32–36, including breach notification.
        if (JsonLookup.TryFind(root, out var breach, out var bp, "breachNotificationHours", "breachNotification", "breachNotice", "breach"))
        {
            var hours = breach.ValueKind == JsonValueKind.Number ? breach.GetDouble() : JsonLookup.Number(breach, "hours", "withinHours", "noticeHours");
            rows.Add(hours is null ? ("28(3)(f)", "weak", "breach notification without a time limit ('without undue delay' only)", bp)
                : hours > MaximumBreachHours ? ("28(3)(f)", "weak", string.Create(ci, $"breach notice within {hours} hours (more than {MaximumBreachHours}) leaves too little of the controller's 72"), bp)
                : ("28(3)(f)", "met", string.Create(ci, $"breach notice within {hours} hours"), bp));
        }
        else
        {
            rows.Add(("28(3)(f)", "missing", "no breach notification commitment", "$"));
        }

        rows.Add(Presence(root, "28(3)(g)", "data is deleted or returned at the end of the service", "no deletion or return of data at the end of the service", "deletion", "deletionOrReturn", "returnOrDeletion", "endOfContract", "deletionAtEnd", "termination"));
        rows.Add(Presence(root, "28(3)(h)", "the controller may audit, or receives audit reports", "no audits or information to demonstrate compliance", "audits", "audit", "rightToAudit", "auditRights"));
        return rows;
    }

    private static (string, string, string, string) Presence(JsonElement root, string clause, string met, string missing, params string[] names) =>
        JsonLookup.TryFind(root, out var value, out var path, names) && JsonLookup.IsPresent(value)
            ? (clause, "met", met, path)
            : (clause, "missing", missing, "$");
}
