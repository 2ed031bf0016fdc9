using System.Globalization;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;
using LmsPrivacy.Legal;
using LmsPrivacy.Ropa.Countries;
using LmsPrivacy.Ropa.Records;
using NodaTime;

namespace LmsPrivacy.Ropa;

/// <summary>Checks a record of processing against GDPR Art. 30 and the rules around it (Art. 6–9, 28, 44–49).</summary>
/// <remarks>
/// All findings are collected in one pass, in document order. Each cites the article in <see cref="Finding.Source"/>.
/// A processor record is checked against Art. 30(2) only: it has no purposes, lawful bases or retention of its own,
/// and their absence is not a finding. Thread-safe.
/// </remarks>
public sealed class RopaChecker
{
    private readonly IClock _clock;
    private readonly CountryData _countries;
    private readonly RopaOptions _options;

    /// <summary>Initializes a checker with the shipped country data and default thresholds.</summary>
    /// <param name="clock">The clock that decides "today" (adequacy in force, stale checks).</param>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is <see langword="null"/>.</exception>
    public RopaChecker(IClock clock)
        : this(clock, CountryData.Default, new RopaOptions())
    {
    }

    /// <summary>Initializes a checker.</summary>
    /// <param name="clock">The clock that decides "today".</param>
    /// <param name="countries">The EEA and adequacy data to use.</param>
    /// <param name="options">The thresholds.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid.</exception>
    public RopaChecker(IClock clock, CountryData countries, RopaOptions options)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(options);
        RopaOptionsValidator.ThrowIfInvalid(options);
        _clock = clock;
        _countries = countries;
        _options = options;
    }

    /// <summary>Checks a record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The findings, valid when none is an error.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public ValidationReport Check(RecordOfProcessing record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var run = new Run(this, record);
        run.CheckAll();
        return new ValidationReport(run.Findings);
    }

    private sealed class Run(RopaChecker owner, RecordOfProcessing record)
    {
        private readonly LocalDate _today = owner._clock.GetCurrentInstant().InUtc().Date;
        private readonly bool _controller = record.Kind == RecordKind.Controller;
        private readonly Dictionary<string, List<ProcessingActivity>> _activitiesByRecipient = new(StringComparer.Ordinal);

        public List<Finding> Findings { get; } = [];

        public void CheckAll()
        {
            CheckCountryData();
            CheckParties();
            CheckActivities();
            CheckRecipients();
        }

        private void Add(RuleDescriptor rule, string path, string message) => Findings.Add(rule.At(path, message));

        private void CheckCountryData()
        {
            var age = Period.Between(owner._countries.CheckedOn, _today, PeriodUnits.Days).Days;
            if (age > owner._options.CountryDataMaxAgeDays)
            {
                Add(RopaRules.CountryDataStale, "$", Invariant($"The EEA and adequacy data were last checked {age} days ago; confirm no adequacy decision was adopted, renewed or annulled since."));
            }
        }

        private void CheckParties()
        {
            var organisation = record.Organisation;
            var who = _controller ? "controller" : "processor";
            if (organisation is null || string.IsNullOrWhiteSpace(organisation.Name))
            {
                Add(RopaRules.OrganisationMissing, "$.organisation", $"Name the {who} keeping this record.");
            }
            else
            {
                CheckContact(organisation, "$.organisation", $"the {who}");
                if (organisation.Country is { } country && IsCountryCode(country) && !owner._countries.IsEea(country) && record.Representative is null)
                {
                    Add(RopaRules.RepresentativeMissing, "$.representative", $"The {who} is established outside the EEA: name its representative in the Union, unless Art. 27(2) exempts it.");
                }
            }

            for (var i = 0; i < record.JointControllers.Count; i++)
            {
                CheckNamedParty(record.JointControllers[i], Invariant($"$.jointControllers[{i}]"), "joint controller");
            }

            if (record.Representative is { } representative)
            {
                CheckNamedParty(representative, "$.representative", "representative");
            }

            if (record.Dpo is { } dpo)
            {
                CheckNamedParty(dpo, "$.dpo", "data protection officer");
            }
            else if (record.PublicAuthority)
            {
                Add(RopaRules.DpoMissing, "$.dpo", "A public authority or body must designate a DPO; record its contact details.");
            }

            if (!_controller)
            {
                if (record.Controllers.Count == 0)
                {
                    Add(RopaRules.ControllersMissing, "$.controllers", "List each controller on whose behalf the processor acts, with contact details.");
                }

                for (var i = 0; i < record.Controllers.Count; i++)
                {
                    CheckNamedParty(record.Controllers[i], Invariant($"$.controllers[{i}]"), "controller");
                }
            }
        }

        private void CheckNamedParty(Party party, string path, string role)
        {
            if (string.IsNullOrWhiteSpace(party.Name))
            {
                Add(RopaRules.ContactMissing, path + ".name", $"Name the {role}.");
            }

            CheckContact(party, path, "the " + role);
        }

        private void CheckContact(Party party, string path, string who)
        {
            if (!party.HasContact)
            {
                Add(RopaRules.ContactMissing, path, $"Give an address, e-mail or phone number for {who}.");
            }
        }

        private void CheckActivities()
        {
            if (record.Activities.Count == 0)
            {
                Add(RopaRules.ActivitiesMissing, "$.activities", "List the processing activities; an empty record documents nothing.");
                return;
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            var recipientIds = record.Recipients.Select(r => r.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var recordHasSecurity = record.SecurityMeasures.Any(s => !string.IsNullOrWhiteSpace(s));
            for (var i = 0; i < record.Activities.Count; i++)
            {
                var activity = record.Activities[i];
                var path = Invariant($"$.activities[{i}]");
                if (string.IsNullOrWhiteSpace(activity.Id))
                {
                    Add(RopaRules.ActivityId, path + ".id", "Give the activity an id so findings and exports can refer to it.");
                }
                else if (!ids.Add(activity.Id))
                {
                    Add(RopaRules.ActivityId, path + ".id", "Another activity already uses this id.");
                }

                if (_controller)
                {
                    CheckControllerActivity(activity, path);
                }
                else
                {
                    CheckProcessorActivity(activity, path);
                }

                CheckActivityRecipients(activity, path, recipientIds);

                if (!recordHasSecurity && !activity.SecurityMeasures.Any(s => !string.IsNullOrWhiteSpace(s)))
                {
                    Add(RopaRules.SecurityMissing, path + ".securityMeasures", "Describe the technical and organisational security measures, for the activity or the whole record.");
                }
            }
        }

        private void CheckControllerActivity(ProcessingActivity activity, string path)
        {
            if (activity.Purposes.Count == 0)
            {
                Add(RopaRules.PurposeMissing, path + ".purposes", "State what the data are processed for.");
            }

            var usesConsent = false;
            for (var p = 0; p < activity.Purposes.Count; p++)
            {
                var purpose = activity.Purposes[p];
                var purposePath = Invariant($"{path}.purposes[{p}]");
                if (string.IsNullOrWhiteSpace(purpose.Description))
                {
                    Add(RopaRules.PurposeMissing, purposePath + ".description", "Describe the purpose in plain words.");
                }

                switch (purpose.LawfulBasis)
                {
                    case null:
                        Add(RopaRules.BasisMissing, purposePath + ".lawfulBasis", "Name the Art. 6(1) lawful basis for this purpose.");
                        break;
                    case LawfulBasis.Consent:
                        usesConsent = true;
                        if (purpose.Mandatory)
                        {
                            Add(RopaRules.ConsentForMandatory, purposePath + ".lawfulBasis", "Consent cannot be freely given for processing the person cannot refuse; use legal obligation, contract, public task or legitimate interests.");
                        }
                        else if (activity.Employment)
                        {
                            Add(RopaRules.ConsentInEmployment, purposePath + ".lawfulBasis", "Employees can rarely consent freely; keep consent only if refusing has no consequence at all, otherwise choose another basis.");
                        }

                        break;
                    case LawfulBasis.LegitimateInterests:
                        if (string.IsNullOrWhiteSpace(purpose.LegitimateInterest))
                        {
                            Add(RopaRules.LegitimateInterestMissing, purposePath + ".legitimateInterest", "State the legitimate interest pursued (it must also be given in the privacy notice).");
                        }

                        if (record.PublicAuthority)
                        {
                            Add(RopaRules.LegitimateInterestPublicAuthority, purposePath + ".lawfulBasis", "A public authority cannot rely on legitimate interests for processing in performing its tasks; consider public task.");
                        }

                        break;
                }
            }

            if (activity.DataSubjects.All(string.IsNullOrWhiteSpace))
            {
                Add(RopaRules.SubjectsMissing, path + ".dataSubjects", "Describe whose data are processed (learners, employees, instructors…).");
            }

            if (activity.PersonalData.Count == 0)
            {
                Add(RopaRules.DataMissing, path + ".personalData", "Describe the categories of personal data processed.");
            }

            for (var d = 0; d < activity.PersonalData.Count; d++)
            {
                var item = activity.PersonalData[d];
                if (item.Category is null && string.IsNullOrWhiteSpace(item.Label))
                {
                    Add(RopaRules.DataMissing, Invariant($"{path}.personalData[{d}]"), "Give the data category or a label.");
                }
            }

            var hasSpecial = activity.PersonalData.Any(d => d.Category == DataCategory.SpecialCategory);
            if (hasSpecial && activity.SpecialCategoryConditions.Count == 0)
            {
                Add(RopaRules.SpecialCategoryConditionMissing, path + ".specialCategoryConditions", "Special-category data need an Art. 9(2) condition (e.g. explicit consent, employment law) as well as an Art. 6 basis.");
            }
            else if (!hasSpecial && activity.SpecialCategoryConditions.Count > 0)
            {
                Add(RopaRules.SpecialCategoryUnlisted, path + ".personalData", "An Art. 9(2) condition is recorded: list the special-category data it covers (category special-category).");
            }

            if (activity.Children is { } children && usesConsent)
            {
                CheckChildren(children, path + ".children");
            }

            CheckRetention(activity, path);
        }

        private void CheckChildren(ChildrenInfo children, string path)
        {
            var ages = new List<int>();
            var unknown = children.Countries.Count == 0;
            foreach (var country in children.Countries)
            {
                if (owner._countries.GetDigitalConsentAge(country) is { } entry)
                {
                    ages.Add(entry.Age);
                }
                else
                {
                    unknown = true;
                }
            }

            if (unknown)
            {
                Add(RopaRules.ChildCountryUnknown, path + ".countries", "Name the EEA states where the children live; until then the strictest age, 16, applies.");
                ages.Add(16);
            }

            if (!children.ParentalConsent)
            {
                Add(RopaRules.ParentalConsentMissing, path + ".parentalConsent", Invariant($"Children under {ages.Max()} cannot consent alone here: obtain and verify consent from a holder of parental responsibility, or use a basis other than consent."));
            }
        }

        private void CheckRetention(ProcessingActivity activity, string path)
        {
            if (activity.Retention is { } retention)
            {
                CheckRetentionValue(retention, path + ".retention");
            }

            for (var d = 0; d < activity.PersonalData.Count; d++)
            {
                if (activity.PersonalData[d].Retention is { } own)
                {
                    CheckRetentionValue(own, Invariant($"{path}.personalData[{d}].retention"));
                }
            }

            var covered = activity.Retention?.IsDefined == true
                || (activity.PersonalData.Count > 0 && activity.PersonalData.All(d => d.Retention?.IsDefined == true));
            if (!covered)
            {
                Add(RopaRules.RetentionMissing, path + ".retention", "Say when the data are erased: a period (ISO 8601, e.g. P6Y) with its trigger, or a retention rule.");
            }
        }

        private void CheckRetentionValue(Retention retention, string path)
        {
            if (retention.Period is { } period)
            {
                var parts = new[] { period.Years, period.Months, period.Weeks, period.Days, (long)period.Hours, period.Minutes, period.Seconds };
                if (parts.Any(x => x < 0) || parts.All(x => x == 0))
                {
                    Add(RopaRules.RetentionInvalid, path + ".period", "The retention period must be longer than zero.");
                }
                else if (string.IsNullOrWhiteSpace(retention.Trigger))
                {
                    Add(RopaRules.RetentionTriggerMissing, path + ".trigger", "Say what event the period runs from (account closure, course end, end of employment).");
                }
            }
        }

        private void CheckProcessorActivity(ProcessingActivity activity, string path)
        {
            if (activity.CategoriesOfProcessing.All(string.IsNullOrWhiteSpace))
            {
                Add(RopaRules.CategoriesOfProcessingMissing, path + ".categoriesOfProcessing", "State the categories of processing carried out (hosting, support, analytics…).");
            }

            if (record.Controllers.Count > 1 && string.IsNullOrWhiteSpace(activity.Controller))
            {
                Add(RopaRules.CategoriesOfProcessingMissing, path + ".controller", "Several controllers are served: say on whose behalf this processing is carried out.");
            }
        }

        private void CheckActivityRecipients(ProcessingActivity activity, string path, HashSet<string> recipientIds)
        {
            if (activity.Recipients is null)
            {
                if (_controller)
                {
                    Add(RopaRules.RecipientsMissing, path + ".recipients", "List the recipients' ids, or an empty list if the data go to no one.");
                }

                return;
            }

            for (var r = 0; r < activity.Recipients.Count; r++)
            {
                var id = activity.Recipients[r];
                if (!recipientIds.Contains(id))
                {
                    Add(RopaRules.RecipientUndeclared, Invariant($"{path}.recipients[{r}]"), "This recipient id is not declared under the record's recipients: declare it with its role, country and contract.");
                    continue;
                }

                if (!_activitiesByRecipient.TryGetValue(id, out var list))
                {
                    _activitiesByRecipient[id] = list = [];
                }

                list.Add(activity);
            }
        }

        private void CheckRecipients()
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < record.Recipients.Count; i++)
            {
                var recipient = record.Recipients[i];
                var path = Invariant($"$.recipients[{i}]");
                if (string.IsNullOrWhiteSpace(recipient.Id))
                {
                    Add(RopaRules.RecipientInvalid, path + ".id", "Give the recipient an id that activities can refer to.");
                }
                else if (!ids.Add(recipient.Id))
                {
                    Add(RopaRules.RecipientInvalid, path + ".id", "Another recipient already uses this id.");
                }

                var activities = recipient.Id is { } id && _activitiesByRecipient.TryGetValue(id, out var list) ? list : [];
                CheckRecipient(recipient, path, recipient.Role, parentRole: null, activities);
            }
        }

        private void CheckRecipient(Recipient recipient, string path, RecipientRole? role, RecipientRole? parentRole, List<ProcessingActivity> activities)
        {
            if (string.IsNullOrWhiteSpace(recipient.Name))
            {
                Add(RopaRules.RecipientInvalid, path + ".name", "Name the recipient.");
            }

            if (role is null)
            {
                Add(RopaRules.RecipientInvalid, path + ".role", "Give the recipient's role: internal, processor, sub-processor, controller, joint-controller or public-authority.");
            }

            if (role is RecipientRole.Processor or RecipientRole.SubProcessor && string.IsNullOrWhiteSpace(recipient.Contract))
            {
                Add(RopaRules.ContractMissing, path + ".contract", role == RecipientRole.Processor
                    ? "Reference the Art. 28(3) data processing agreement with this processor."
                    : "Reference the contract imposing the same data protection obligations on this sub-processor (Art. 28(4)).");
            }

            if (role == RecipientRole.Processor && recipient.SubProcessors is null)
            {
                Add(RopaRules.SubProcessorsUndeclared, path + ".subProcessors", "Declare this processor's sub-processors (name, country, services), or an empty list if it uses none.");
            }

            if (role != RecipientRole.Internal)
            {
                CheckTransfer(recipient, path, role, parentRole, activities);
            }

            if (recipient.SubProcessors is { } subs)
            {
                for (var s = 0; s < subs.Count; s++)
                {
                    CheckRecipient(subs[s], Invariant($"{path}.subProcessors[{s}]"), subs[s].Role ?? RecipientRole.SubProcessor, role, activities);
                }
            }
        }

        private void CheckTransfer(Recipient recipient, string path, RecipientRole? role, RecipientRole? parentRole, List<ProcessingActivity> activities)
        {
            if (string.IsNullOrWhiteSpace(recipient.Country))
            {
                Add(RopaRules.CountryMissing, path + ".country", "State where the recipient processes or accesses the data, so transfers can be assessed.");
                return;
            }

            if (!IsCountryCode(recipient.Country))
            {
                Add(RopaRules.CountryInvalid, path + ".country", "Use the ISO 3166-1 alpha-2 code (e.g. DE, US).");
                return;
            }

            if (owner._countries.IsEea(recipient.Country))
            {
                return; // Not a Chapter V transfer: no mechanism, no TIA.
            }

            var transfer = recipient.Transfer;
            if (owner._countries.TryGetAdequacy(recipient.Country, _today, out var decision))
            {
                switch (decision.Scope)
                {
                    case AdequacyScope.Full:
                        return;
                    case AdequacyScope.Partial:
                        if (transfer?.Mechanism is null or TransferMechanism.Adequacy)
                        {
                            Add(RopaRules.AdequacyPartialScope, path + ".country", $"The adequacy decision for this country covers {decision.ScopeNote ?? "part of its recipients"}; confirm the recipient is in scope or add SCCs.");
                        }

                        if (transfer?.Mechanism is null or TransferMechanism.Adequacy)
                        {
                            return;
                        }

                        break;
                    case AdequacyScope.DataPrivacyFramework when recipient.Dpf is { } dpf:
                        CheckDpf(dpf, path, activities);
                        return;
                }
            }

            if (transfer?.Mechanism is not { } mechanism)
            {
                Add(RopaRules.TransferMechanismMissing, path + ".transfer", "This recipient is outside the EEA without an adequacy decision (or DPF certification): record the SCCs, BCRs or other Art. 46 safeguard, or an Art. 49 derogation.");
                return;
            }

            switch (mechanism)
            {
                case TransferMechanism.Adequacy:
                    Add(RopaRules.AdequacyNotInForce, path + ".transfer.mechanism", "No adequacy decision is in force for this country today; use SCCs or another Art. 46 safeguard.");
                    break;
                case TransferMechanism.Dpf:
                    if (decision?.Scope == AdequacyScope.DataPrivacyFramework)
                    {
                        Add(RopaRules.DpfUnverified, path + ".dpf", "DPF is claimed: record the certification with the date it was last seen on the DPF List (and its HR scope).");
                    }
                    else
                    {
                        Add(RopaRules.AdequacyNotInForce, path + ".transfer.mechanism", "The Data Privacy Framework covers only certified organisations in the United States; use SCCs or another Art. 46 safeguard.");
                    }

                    break;
                case TransferMechanism.Derogation:
                    Add(RopaRules.DerogationSystematic, path + ".transfer.derogation", "Derogations are for occasional, non-repetitive transfers; a recorded recipient usually receives data regularly and needs SCCs or another Art. 46 safeguard.");
                    if (IsCompellingInterests(transfer.Derogation) && string.IsNullOrWhiteSpace(transfer.SafeguardsDocumentation))
                    {
                        Add(RopaRules.DerogationSafeguards, path + ".transfer.safeguardsDocumentation", "For a transfer on compelling legitimate interests, record the assessment and the suitable safeguards.");
                    }

                    break;
                default:
                    if (mechanism == TransferMechanism.Scc)
                    {
                        CheckSccModule(transfer, path, role, parentRole);
                    }

                    if (!transfer.HasTia)
                    {
                        Add(RopaRules.TiaMissing, path + ".transfer.tiaDate", "Record the transfer impact assessment (date or link) for this transfer: the safeguard must be effective in the destination's law and practice.");
                    }

                    break;
            }
        }

        private void CheckDpf(DpfCertification dpf, string path, List<ProcessingActivity> activities)
        {
            if (dpf.VerifiedOn is not { } verified)
            {
                Add(RopaRules.DpfUnverified, path + ".dpf.verifiedOn", "Record when the certification was last seen active on the DPF List.");
            }
            else
            {
                var age = Period.Between(verified, _today, PeriodUnits.Days).Days;
                if (age < 0)
                {
                    Add(RopaRules.DpfUnverified, path + ".dpf.verifiedOn", "The date the DPF List was checked is in the future; record the date it was actually checked.");
                }
                else if (age > owner._options.DpfVerificationMaxAgeDays)
                {
                    Add(RopaRules.DpfUnverified, path + ".dpf.verifiedOn", Invariant($"The DPF List was last checked {age} days ago; certifications lapse when not renewed yearly."));
                }
            }

            if (!dpf.HrData && activities.Any(a => a.Employment))
            {
                Add(RopaRules.DpfHrScope, path + ".dpf.hrData", "Employees' data go to this recipient, but its DPF certification does not cover HR data: extend it or use SCCs.");
            }
            else if (dpf.NonHrData == false && activities.Any(a => !a.Employment))
            {
                Add(RopaRules.DpfHrScope, path + ".dpf.nonHrData", "Non-employment data go to this recipient, but its DPF certification covers HR data only: extend it or use SCCs.");
            }
        }

        private void CheckSccModule(TransferSafeguard transfer, string path, RecipientRole? role, RecipientRole? parentRole)
        {
            var expected = ExpectedModule(role, parentRole);
            if (transfer.SccModule is not { } module)
            {
                Add(RopaRules.SccModule, path + ".transfer.sccModule", expected is { } e
                    ? Invariant($"Name the SCC module; for this relationship it is module {e}.")
                    : "Name the SCC module (1 to 4).");
            }
            else if (module is < 1 or > 4 || (expected is { } e && e != module))
            {
                Add(RopaRules.SccModule, path + ".transfer.sccModule", expected is { } e2
                    ? Invariant($"Module {module} does not fit this relationship; it is module {e2}.")
                    : "SCC modules are numbered 1 to 4.");
            }
        }

        private int? ExpectedModule(RecipientRole? role, RecipientRole? parentRole)
        {
            // The exporter is the record's organisation for top-level recipients, or the parent processor for sub-processors.
            var exporterIsProcessor = parentRole is not null || !_controller;
            var importerIsProcessor = role is RecipientRole.Processor or RecipientRole.SubProcessor;
            var importerIsController = role is RecipientRole.Controller or RecipientRole.JointController or RecipientRole.PublicAuthority;
            if (parentRole is not null and not (RecipientRole.Processor or RecipientRole.SubProcessor))
            {
                return null;
            }

            return (exporterIsProcessor, importerIsProcessor, importerIsController) switch
            {
                (false, true, _) => 2,
                (false, _, true) => 1,
                (true, true, _) => 3,
                (true, _, true) => 4,
                _ => null,
            };
        }

        private static bool IsCompellingInterests(string? derogation) =>
            derogation is not null && (derogation.Contains("second", StringComparison.OrdinalIgnoreCase) || derogation.Contains("compelling", StringComparison.OrdinalIgnoreCase));

        private static bool IsCountryCode(string country) =>
            country.Length == 2 && char.IsAsciiLetter(country[0]) && char.IsAsciiLetter(country[1]);

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
