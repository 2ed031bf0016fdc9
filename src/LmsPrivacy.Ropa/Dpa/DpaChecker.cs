using System.Globalization;
using LmsPrivacy.Deadlines;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Ropa.Dpa;

/// <summary>
/// Assesses a DPA against GDPR Art. 28: each of 28(3)(a)–(h), 28(2) and 28(4) is met, weak (present but below a practical
/// threshold, see <see cref="RopaOptions"/>) or missing, with the reason; findings cite the article.
/// </summary>
/// <remarks>
/// The thresholds (14 days' sub-processor notice, 48 hours' breach notice, 10 days for rights requests, 90 days for deletion)
/// are review practice, not numbers in the Regulation; EDPB Guidelines 07/2020 ask for concrete terms rather than a restatement
/// of Art. 28. Thread-safe.
/// </remarks>
public sealed class DpaChecker
{
    private static readonly string[] VagueTerms =
        ["personal data", "customer data", "user data", "all data", "any data", "data", "users", "data subjects", "individuals", "persons", "people"];

    private readonly RopaOptions _options;

    /// <summary>Initializes a checker with the default thresholds.</summary>
    public DpaChecker()
        : this(new RopaOptions())
    {
    }

    /// <summary>Initializes a checker.</summary>
    /// <param name="options">The thresholds.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public DpaChecker(RopaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RopaOptionsValidator.ThrowIfInvalid(options);
        _options = options;
    }

    /// <summary>Assesses a DPA.</summary>
    /// <param name="dpa">The agreement.</param>
    /// <returns>The clause assessments and findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dpa"/> is <see langword="null"/>.</exception>
    public DpaReport Check(DataProcessingAgreement dpa)
    {
        ArgumentNullException.ThrowIfNull(dpa);
        var findings = new List<Finding>();
        CheckDescription(dpa, findings);

        var a = Instructions(dpa.Instructions);
        var b = Confidentiality(dpa.Confidentiality);
        var c = Security(dpa.Security);
        var two = Authorisation(dpa.SubProcessors);
        var four = FlowDown(dpa.SubProcessors);
        var d = Combine("28(3)(d)", "$.subProcessors", two, four);
        var e = Rights(dpa.DataSubjectRights);
        var f = Assistance(dpa.Assistance);
        var g = EndOfContract(dpa.EndOfContract);
        var h = Audits(dpa.Audits);

        Clause[] ordered = [a, b, c, d, e, f, g, h, two, four];
        foreach (var clause in ordered)
        {
            if (ReferenceEquals(clause, d))
            {
                continue; // (d) is the sum of 28(2) and 28(4); their findings are reported there.
            }

            if (clause.Status == ClauseStatus.Missing)
            {
                findings.Add(RopaRules.DpaClauseMissing.At(clause.Path, $"{clause.Name}: {clause.MissingReason}") with { Source = Source(clause.Name) });
                continue;
            }

            foreach (var (reason, rule) in clause.Weaknesses)
            {
                findings.Add(rule is null
                    ? RopaRules.DpaClauseWeak.At(clause.Path, $"{clause.Name}: {reason}") with { Source = Source(clause.Name) + "; EDPB Guidelines 07/2020" }
                    : rule.At(clause.Path, $"{clause.Name}: {reason}"));
            }
        }

        return new DpaReport(ordered.Select(x => x.ToAssessment()), new ValidationReport(findings));
    }

    private static string Source(string clause) => clause switch
    {
        "28(3)(c)" => "GDPR Art. 28(3)(c), 32",
        "28(3)(e)" => "GDPR Art. 28(3)(e), 12(3)",
        "28(3)(f)" => "GDPR Art. 28(3)(f), 32-36, 33(2)",
        _ => "GDPR Art. " + clause,
    };

    private static void CheckDescription(DataProcessingAgreement dpa, List<Finding> findings)
    {
        (string Name, string? Value)[] texts =
            [("subjectMatter", dpa.SubjectMatter), ("duration", dpa.Duration), ("nature", dpa.Nature), ("purpose", dpa.Purpose)];
        foreach (var (name, value) in texts)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                findings.Add(RopaRules.DpaDescriptionMissing.At("$." + name, $"The DPA must set out the {Words(name)} of the processing."));
            }
        }

        (string Name, IReadOnlyList<string> Values)[] lists = [("dataTypes", dpa.DataTypes), ("dataSubjectCategories", dpa.DataSubjectCategories)];
        foreach (var (name, values) in lists)
        {
            if (values.All(string.IsNullOrWhiteSpace))
            {
                findings.Add(RopaRules.DpaDescriptionMissing.At("$." + name, $"The DPA must list the {Words(name)}."));
            }
            else if (values.All(v => VagueTerms.Contains(v.Trim(), StringComparer.OrdinalIgnoreCase)))
            {
                var example = name == "dataTypes" ? "enrolment records, quiz scores, xAPI statements" : "learners, instructors, administrators";
                findings.Add(RopaRules.DpaDescriptionVague.At("$." + name, $"The {Words(name)} are described only generically; name them specifically (e.g. {example})."));
            }
        }
    }

    private static string Words(string camel) => camel switch
    {
        "subjectMatter" => "subject-matter",
        "dataTypes" => "types of personal data",
        "dataSubjectCategories" => "categories of data subjects",
        _ => camel,
    };

    private static Clause Instructions(DpaInstructions? x)
    {
        var clause = new Clause("28(3)(a)", "$.instructions");
        if (x is null || !x.DocumentedInstructionsOnly)
        {
            return clause.Missing("The processor is not bound to process only on the controller's documented instructions.");
        }

        if (x.VendorOwnPurposes.Any(p => !string.IsNullOrWhiteSpace(p)))
        {
            clause.Weak(
                Invariant($"The vendor may use the data for {x.VendorOwnPurposes.Count} purpose(s) of its own (such as analytics or AI training): that is processing outside the instructions, making it a controller without a lawful basis (Art. 28(10)); remove the carve-out."),
                RopaRules.DpaVendorOwnPurposes);
        }

        if (!x.CoversTransfers)
        {
            clause.Weak("The instructions do not govern transfers to third countries.");
        }

        if (!x.NotifiesUnlawfulInstructions)
        {
            clause.Weak("The processor is not required to tell the controller at once when an instruction infringes data protection law.");
        }

        return clause.Done("The processor acts only on documented instructions, including for transfers.");
    }

    private static Clause Confidentiality(DpaConfidentiality? x)
    {
        var clause = new Clause("28(3)(b)", "$.confidentiality");
        return x is null || !x.StaffBound
            ? clause.Missing("Persons authorised to process the data are not bound by confidentiality.")
            : clause.Done("Persons authorised to process are bound by confidentiality.");
    }

    private static Clause Security(DpaSecurity? x)
    {
        var clause = new Clause("28(3)(c)", "$.security");
        if (x is null)
        {
            return clause.Missing("The DPA does not oblige the processor to take the Art. 32 security measures.");
        }

        if (!x.MeasuresAnnex && x.Measures.All(string.IsNullOrWhiteSpace))
        {
            clause.Weak("Only \"appropriate measures\" are promised: include or reference the concrete measures (an annex).");
        }

        if (!x.EncryptionAtRest)
        {
            clause.Weak("Data are not encrypted at rest.");
        }

        if (!x.EncryptionInTransit)
        {
            clause.Weak("Data are not encrypted in transit.");
        }
        else if (x.MinimumTlsVersion is { } tls)
        {
            switch (ParseTls(tls))
            {
                case TlsVersion.Ssl:
                    clause.Weak("The minimum protocol is SSL, which is broken; require TLS 1.2 or later.");
                    break;
                case TlsVersion.Unreadable:
                    clause.Weak("The minimum TLS version cannot be read; state it as TLS 1.2 or TLS 1.3.");
                    break;
                case TlsVersion.BelowOnePointTwo:
                    clause.Weak("The minimum TLS version is below 1.2.");
                    break;
            }
        }

        return clause.Done("Concrete security measures are set out, with encryption at rest and in transit.");
    }

    private Clause Authorisation(DpaSubProcessing? x)
    {
        var clause = new Clause("28(2)", "$.subProcessors.authorisation");
        switch (x?.Authorisation)
        {
            case null or SubProcessorAuthorisation.None:
                return clause.Missing("The processor may engage sub-processors without the controller's prior specific or general written authorisation.");
            case SubProcessorAuthorisation.Specific:
                return clause.Done("Each sub-processor needs the controller's prior specific written authorisation.");
        }

        if (x.NoticeDays is not { } days)
        {
            clause.Weak("General authorisation without a notice period: the controller is not told of changes in advance.");
        }
        else if (days < 0)
        {
            clause.Weak("The notice period of sub-processor changes is a negative number of days, which is no notice period.", RopaRules.DpaNumberInvalid);
        }
        else if (days < _options.MinimumSubProcessorNoticeDays)
        {
            clause.Weak(Invariant($"General authorisation with {days} days' notice of changes, fewer than the {_options.MinimumSubProcessorNoticeDays} days needed to assess and object."));
        }

        if (!x.RightToObject)
        {
            clause.Weak("General authorisation without a right to object before a change takes effect.");
        }

        return clause.Done(Invariant($"General written authorisation with {x.NoticeDays} days' notice and a right to object."));
    }

    private static Clause FlowDown(DpaSubProcessing? x)
    {
        var clause = new Clause("28(4)", "$.subProcessors.flowDown");
        if (x is null || !x.FlowDown)
        {
            return clause.Missing("Sub-processors are not bound by contract to the same data protection obligations.");
        }

        if (!x.ProcessorRemainsLiable)
        {
            clause.Weak("The processor does not remain fully liable to the controller for its sub-processors.");
        }

        return clause.Done("Sub-processors carry the same obligations and the processor remains fully liable.");
    }

    private static Clause Combine(string name, string path, Clause two, Clause four)
    {
        var status = (ClauseStatus)Math.Max((int)two.Status, (int)four.Status);
        var reason = status == ClauseStatus.Met
            ? "The conditions of 28(2) and 28(4) for engaging sub-processors are respected."
            : $"Follows 28(2) and 28(4): {string.Join(" ", new[] { two, four }.Where(c => c.Status != ClauseStatus.Met).Select(c => c.Reason))}";
        return Clause.Fixed(name, path, status, reason);
    }

    private Clause Rights(DpaRightsAssistance? x)
    {
        var clause = new Clause("28(3)(e)", "$.dataSubjectRights");
        if (x is null || !x.Assists)
        {
            return clause.Missing("The processor is not obliged to help answer data-subject requests.");
        }

        if (x.ResponseDays is not { } days)
        {
            clause.Weak("No time limit for answering or forwarding data-subject requests; the controller has one month in all (Art. 12(3)).");
        }
        else if (days <= 0)
        {
            clause.Weak("The time limit for data-subject requests is zero or negative days, which is no time limit; state a positive number of days.", RopaRules.DpaNumberInvalid);
        }
        else if (days > _options.MaximumRightsResponseDays)
        {
            clause.Weak(Invariant($"The processor takes {days} days on a data-subject request, more than {_options.MaximumRightsResponseDays}, leaving too little of the controller's month."));
        }

        return clause.Done(Invariant($"The processor assists with data-subject requests within {x.ResponseDays} days."));
    }

    private Clause Assistance(DpaComplianceAssistance? x)
    {
        var clause = new Clause("28(3)(f)", "$.assistance");
        if (x is null || (!x.Assists && x.BreachNotificationHours is null))
        {
            return clause.Missing("The processor is not obliged to assist with security, breach notification, DPIAs and prior consultation (Art. 32–36).");
        }

        if (!x.Assists)
        {
            clause.Weak("Beyond breach notice, the processor does not assist with security, DPIAs and prior consultation.");
        }

        if (x.BreachNotificationHours is not { } hours)
        {
            clause.Weak("No deadline for notifying the controller of a breach: \"without undue delay\" should be a number of hours.");
        }
        else if (hours <= 0)
        {
            clause.Weak("The breach notice deadline is zero or negative hours, which is no deadline; state a positive number of hours.", RopaRules.DpaNumberInvalid);
        }
        else if (hours >= BreachDeadlines.AuthorityNoticePeriod.TotalHours)
        {
            clause.Weak(
                Invariant($"Breach notice within {hours} hours leaves the controller no time for its own notification within 72 hours of awareness; require {_options.MaximumBreachNotificationHours} hours or less."),
                RopaRules.DpaBreachTooSlow);
        }
        else if (hours > _options.MaximumBreachNotificationHours)
        {
            clause.Weak(Invariant($"Breach notice within {hours} hours, more than {_options.MaximumBreachNotificationHours}, squeezes the controller's 72 hours."));
        }

        return clause.Done(Invariant($"The processor assists with Art. 32–36 and notifies breaches within {x.BreachNotificationHours} hours."));
    }

    private Clause EndOfContract(DpaEndOfContract? x)
    {
        var clause = new Clause("28(3)(g)", "$.endOfContract");
        if (x is null || x.Choice is null or EndOfContractChoice.None)
        {
            return clause.Missing("The DPA does not say the data are deleted or returned when the services end.");
        }

        if (x.Choice != EndOfContractChoice.DeleteOrReturn)
        {
            clause.Weak("Deletion or return must be at the controller's choice, and copies deleted.");
        }

        if (x.RetainsForOwnPurposes)
        {
            clause.Weak("The processor may keep data after the end for its own purposes; only Union or member-state law can require storage.", RopaRules.DpaRetainsAfterEnd);
        }

        if (x.Days is not { } days)
        {
            clause.Weak("No deadline for deletion or return after the end.");
        }
        else if (days < 0)
        {
            clause.Weak("The deadline for deletion or return is a negative number of days, which is no deadline.", RopaRules.DpaNumberInvalid);
        }
        else if (days > _options.MaximumEndOfContractDays)
        {
            clause.Weak(Invariant($"Deletion or return within {days} days, more than {_options.MaximumEndOfContractDays}."));
        }

        if (!x.DeletionCertificate)
        {
            clause.Weak("Deletion is not certified in writing.");
        }

        return clause.Done(Invariant($"Deletion or return at the controller's choice within {x.Days} days, with a deletion certificate."));
    }

    private static Clause Audits(DpaAudits? x)
    {
        var clause = new Clause("28(3)(h)", "$.audits");
        if (x is null || (!x.RightToAudit && x.Reports.Count == 0))
        {
            return clause.Missing("The processor does not make compliance information available or allow audits.");
        }

        if (!x.RightToAudit)
        {
            clause.Weak("Only third-party reports are offered; the controller's right to audit cannot be excluded.");
        }
        else if (!x.Inspections)
        {
            clause.Weak("Audits exclude inspections.");
        }

        return clause.Done(x.Reports.Count > 0
            ? "The controller may audit and inspect; third-party reports (e.g. SOC 2 Type II) are available."
            : "The controller may audit and inspect.");
    }

    // Accepts "TLS 1.2", "TLSv1.3", "tls1.2" and a bare "1.2"; anything naming SSL is SSL whatever its number.
    private static TlsVersion ParseTls(string text)
    {
        var rest = text.AsSpan().Trim();
        if (rest.StartsWith("SSL", StringComparison.OrdinalIgnoreCase))
        {
            return TlsVersion.Ssl;
        }

        if (rest.StartsWith("TLS", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[3..].TrimStart();
            if (rest.StartsWith("v", StringComparison.OrdinalIgnoreCase))
            {
                rest = rest[1..].TrimStart();
            }
        }

        var dot = rest.IndexOf('.');
        var majorText = dot < 0 ? rest : rest[..dot];
        var minorText = dot < 0 ? "0" : rest[(dot + 1)..];
        if (majorText.IsEmpty || minorText.IsEmpty || majorText.Length > 2 || minorText.Length > 2
            || !AllDigits(majorText) || !AllDigits(minorText))
        {
            return TlsVersion.Unreadable;
        }

        var major = int.Parse(majorText, NumberStyles.None, CultureInfo.InvariantCulture);
        var minor = int.Parse(minorText, NumberStyles.None, CultureInfo.InvariantCulture);
        return major > 1 || (major == 1 && minor >= 2) ? TlsVersion.AtLeastOnePointTwo : TlsVersion.BelowOnePointTwo;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var ch in text)
        {
            if (!char.IsAsciiDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private enum TlsVersion
    {
        AtLeastOnePointTwo,
        BelowOnePointTwo,
        Ssl,
        Unreadable,
    }

    private sealed class Clause(string name, string path)
    {
        private string? _metReason;
        private string? _fixedReason;

        public string Name { get; } = name;

        public string Path { get; } = path;

        public ClauseStatus Status { get; private set; } = ClauseStatus.Met;

        public string? MissingReason { get; private set; }

        public List<(string Reason, RuleDescriptor? Rule)> Weaknesses { get; } = [];

        public string Reason => _fixedReason ?? Status switch
        {
            ClauseStatus.Missing => MissingReason!,
            ClauseStatus.Weak => string.Join(" ", Weaknesses.Select(w => w.Reason)),
            _ => _metReason ?? "Met.",
        };

        public static Clause Fixed(string name, string path, ClauseStatus status, string reason) =>
            new(name, path) { Status = status, _fixedReason = reason };

        public Clause Missing(string reason)
        {
            Status = ClauseStatus.Missing;
            MissingReason = reason;
            return this;
        }

        public void Weak(string reason, RuleDescriptor? rule = null)
        {
            Status = ClauseStatus.Weak;
            Weaknesses.Add((reason, rule));
        }

        public Clause Done(string metReason)
        {
            _metReason = metReason;
            return this;
        }

        public ClauseAssessment ToAssessment() => new(Name, Status, Reason, Path);
    }
}
