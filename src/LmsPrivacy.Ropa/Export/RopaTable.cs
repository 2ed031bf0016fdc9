using System.Globalization;
using LmsPrivacy.Classification;
using LmsPrivacy.Legal;
using LmsPrivacy.Ropa.Countries;
using LmsPrivacy.Ropa.Records;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Ropa.Export;

/// <summary>The record laid out as the ICO documentation template lays it out: one row per activity; each cell a list of lines.</summary>
internal sealed class RopaTable
{
    public static readonly string[] ControllerColumns =
    [
        "Activity id", "Business function", "Activity", "Purpose of processing", "Lawful basis (Art. 6)", "Legitimate interests pursued",
        "Special-category condition (Art. 9)", "Categories of individuals", "Categories of personal data", "Categories of recipients",
        "Link to contract with processor", "Third countries (transfers)", "Safeguards for transfers", "Retention schedule",
        "Technical and organisational security measures", "Source of the personal data", "Automated decision-making", "DPIA",
    ];

    public static readonly string[] ProcessorColumns =
    [
        "Activity id", "Activity", "Name and contact details of the controller", "Categories of processing",
        "Third countries (transfers)", "Safeguards for transfers", "Technical and organisational security measures",
    ];

    public static readonly string[] RecipientColumns =
        ["Id", "Name", "Role", "Country", "Processor of", "Services", "Hosts", "Contract", "Transfer safeguard"];

    private readonly RecordOfProcessing _record;
    private readonly CountryData _countries;
    private readonly Dictionary<string, Recipient> _recipients;

    public RopaTable(RecordOfProcessing record, CountryData countries)
    {
        _record = record;
        _countries = countries;
        _recipients = new Dictionary<string, Recipient>(StringComparer.Ordinal);
        foreach (var recipient in record.Recipients)
        {
            if (recipient.Id is { } id)
            {
                _recipients.TryAdd(id, recipient);
            }
        }
    }

    public bool IsController => _record.Kind == RecordKind.Controller;

    public string[] Columns => IsController ? ControllerColumns : ProcessorColumns;

    public IEnumerable<IReadOnlyList<string>[]> ActivityRows() => _record.Activities.Select(a => IsController ? ControllerRow(a) : ProcessorRow(a));

    public IEnumerable<IReadOnlyList<string>[]> RecipientRows()
    {
        foreach (var (recipient, parent) in AllRecipients(_record.Recipients, null))
        {
            yield return
            [
                [recipient.Id ?? string.Empty], [recipient.Name ?? string.Empty], [RoleName(recipient.Role ?? (parent is null ? null : RecipientRole.SubProcessor))],
                [recipient.Country ?? string.Empty], [parent?.Name ?? string.Empty], recipient.Services, recipient.Hosts,
                [recipient.Contract ?? string.Empty], [Safeguard(recipient)],
            ];
        }
    }

    public IEnumerable<(string Label, string Value)> OrganisationRows()
    {
        var kind = IsController ? "Controller" : "Processor";
        foreach (var row in PartyRows(kind, _record.Organisation))
        {
            yield return row;
        }

        foreach (var joint in _record.JointControllers)
        {
            foreach (var row in PartyRows("Joint controller", joint))
            {
                yield return row;
            }
        }

        foreach (var row in PartyRows("Representative", _record.Representative))
        {
            yield return row;
        }

        foreach (var row in PartyRows("Data protection officer", _record.Dpo))
        {
            yield return row;
        }

        foreach (var controller in _record.Controllers)
        {
            foreach (var row in PartyRows("Controller served", controller))
            {
                yield return row;
            }
        }

        yield return ("Record kind", IsController ? "Controller record, GDPR Art. 30(1)" : "Processor record, GDPR Art. 30(2)");
        if (_record.LastReviewed is { } reviewed)
        {
            yield return ("Last reviewed", LocalDatePattern.Iso.Format(reviewed));
        }

        if (_record.EmployeeCount is { } count)
        {
            yield return ("Employees", count.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var measure in _record.SecurityMeasures)
        {
            yield return ("Security measure", measure);
        }
    }

    public static string Describe(Period period)
    {
        var parts = new List<string>();
        void Part(long value, string unit)
        {
            if (value != 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{value} {unit}{(value == 1 ? string.Empty : "s")}"));
            }
        }

        Part(period.Years, "year");
        Part(period.Months, "month");
        Part(period.Weeks, "week");
        Part(period.Days, "day");
        Part(period.Hours, "hour");
        return parts.Count == 0 ? PeriodPattern.NormalizingIso.Format(period) : string.Join(' ', parts);
    }

    public static string Describe(Retention retention)
    {
        var text = new List<string>();
        if (retention.Period is { } period)
        {
            text.Add(retention.Trigger is { Length: > 0 } trigger ? $"{Describe(period)} after {trigger}" : Describe(period));
        }

        if (!string.IsNullOrWhiteSpace(retention.Rule))
        {
            text.Add($"retention rule '{retention.Rule}'");
        }

        if (!string.IsNullOrWhiteSpace(retention.Description))
        {
            text.Add(retention.Description);
        }

        return string.Join("; ", text);
    }

    public static string RoleName(RecipientRole? role) => role switch
    {
        RecipientRole.Internal => "internal",
        RecipientRole.Processor => "processor",
        RecipientRole.SubProcessor => "sub-processor",
        RecipientRole.Controller => "controller",
        RecipientRole.JointController => "joint controller",
        RecipientRole.PublicAuthority => "public authority",
        _ => string.Empty,
    };

    public static string CategoryLabel(DataItem item) => (item.Category, item.Label) switch
    {
        ({ } c, { Length: > 0 } l) => $"{l} ({c.ToCode()})",
        ({ } c, _) => c.ToCode(),
        (_, var l) => l ?? string.Empty,
    };

    public static IEnumerable<(Recipient Recipient, Recipient? Parent)> AllRecipients(IEnumerable<Recipient> recipients, Recipient? parent)
    {
        foreach (var recipient in recipients)
        {
            yield return (recipient, parent);
            foreach (var nested in AllRecipients(recipient.SubProcessors ?? [], recipient))
            {
                yield return nested;
            }
        }
    }

    public string Safeguard(Recipient recipient)
    {
        if (recipient.Role == RecipientRole.Internal || recipient.Country is not { Length: 2 } country)
        {
            return string.Empty;
        }

        if (_countries.IsEea(country))
        {
            return "EEA (no transfer)";
        }

        var parts = new List<string>();
        if (recipient.Dpf is { } dpf)
        {
            parts.Add(dpf.VerifiedOn is { } on ? $"EU-US Data Privacy Framework (checked {LocalDatePattern.Iso.Format(on)})" : "EU-US Data Privacy Framework");
        }
        else if (_countries.AdequacyDecisions.TryGetValue(country.ToUpperInvariant(), out var decision) && decision.Scope != AdequacyScope.DataPrivacyFramework)
        {
            parts.Add($"adequacy decision ({decision.Decision})");
        }

        if (recipient.Transfer is { Mechanism: { } mechanism } transfer)
        {
            var text = mechanism switch
            {
                TransferMechanism.Scc => transfer.SccModule is { } m ? $"SCCs 2021/914 module {m}" : "SCCs 2021/914",
                TransferMechanism.BindingCorporateRules => "binding corporate rules",
                TransferMechanism.AdHocClauses => "ad-hoc contractual clauses",
                TransferMechanism.CodeOfConduct => "code of conduct",
                TransferMechanism.Certification => "certification",
                TransferMechanism.Derogation => $"derogation Art. {transfer.Derogation}",
                TransferMechanism.Dpf => "EU-US Data Privacy Framework",
                _ => "adequacy decision",
            };
            if (transfer.HasTia)
            {
                text += transfer.TiaDate is { } tia ? $", TIA {LocalDatePattern.Iso.Format(tia)}" : $", TIA {transfer.TiaReference}";
            }

            if (transfer.SupplementaryMeasures.Count > 0)
            {
                text += $", supplementary measures: {string.Join("; ", transfer.SupplementaryMeasures)}";
            }

            if (!parts.Contains(text, StringComparer.Ordinal))
            {
                parts.Add(text);
            }
        }

        return parts.Count == 0 ? "none recorded" : string.Join("; ", parts);
    }

    private static IEnumerable<(string, string)> PartyRows(string role, Party? party)
    {
        if (party is null)
        {
            yield break;
        }

        yield return (role, party.Name ?? string.Empty);
        if (!string.IsNullOrWhiteSpace(party.Address))
        {
            yield return ($"{role}: address", party.Address);
        }

        if (!string.IsNullOrWhiteSpace(party.Email))
        {
            yield return ($"{role}: e-mail", party.Email);
        }

        if (!string.IsNullOrWhiteSpace(party.Phone))
        {
            yield return ($"{role}: phone", party.Phone);
        }

        if (!string.IsNullOrWhiteSpace(party.Country))
        {
            yield return ($"{role}: country", party.Country);
        }
    }

    private IReadOnlyList<string>[] ControllerRow(ProcessingActivity a)
    {
        var recipients = (a.Recipients ?? []).Select(id => _recipients.GetValueOrDefault(id)).OfType<Recipient>().ToList();
        var everyone = AllRecipients(recipients, null).ToList();
        var transfers = everyone.Where(r => r.Recipient.Role != RecipientRole.Internal && r.Recipient.Country is { Length: 2 } c && !_countries.IsEea(c)).ToList();
        var retention = new List<string>();
        if (a.Retention is { } r)
        {
            retention.Add(Describe(r));
        }

        retention.AddRange(a.PersonalData.Where(d => d.Retention is not null).Select(d => $"{CategoryLabel(d)}: {Describe(d.Retention!)}"));
        return
        [
            [a.Id ?? string.Empty],
            [a.BusinessFunction ?? string.Empty],
            [a.Name ?? string.Empty],
            [.. a.Purposes.Select(p => p.Description ?? string.Empty)],
            [.. a.Purposes.Select(p => p.LawfulBasis is { } b ? $"{b.ToCode()} ({b.Article()})" : "not stated")],
            [.. a.Purposes.Where(p => !string.IsNullOrWhiteSpace(p.LegitimateInterest)).Select(p => p.LegitimateInterest!)],
            [.. a.SpecialCategoryConditions.Select(c => $"{c.ToCode()} ({c.Article()})")],
            a.DataSubjects,
            [.. a.PersonalData.Select(CategoryLabel)],
            a.Recipients is null ? ["not stated"] : [.. recipients.Select(x => $"{x.Name} ({RoleName(x.Role)}{(x.Country is null ? string.Empty : ", " + x.Country)})")],
            [.. everyone.Where(x => x.Recipient.Contract is { Length: > 0 }).Select(x => $"{x.Recipient.Name}: {x.Recipient.Contract}")],
            [.. transfers.Select(x => $"{x.Recipient.Country} ({x.Recipient.Name})")],
            [.. transfers.Select(x => $"{x.Recipient.Name}: {Safeguard(x.Recipient)}")],
            retention,
            [.. _record.SecurityMeasures, .. a.SecurityMeasures],
            [a.Source ?? string.Empty],
            [a.AutomatedDecisionMaking ? "yes" : "no"],
            [a.Dpia ?? string.Empty],
        ];
    }

    private IReadOnlyList<string>[] ProcessorRow(ProcessingActivity a)
    {
        var controllers = _record.Controllers
            .Where(c => a.Controller is null || string.Equals(c.Name, a.Controller, StringComparison.Ordinal))
            .Select(c => string.Join(", ", new[] { c.Name, c.Address, c.Email, c.Phone }.Where(x => !string.IsNullOrWhiteSpace(x))));
        var transfers = AllRecipients(_record.Recipients, null)
            .Where(x => x.Recipient.Role != RecipientRole.Internal && x.Recipient.Country is { Length: 2 } c && !_countries.IsEea(c)).ToList();
        return
        [
            [a.Id ?? string.Empty],
            [a.Name ?? string.Empty],
            [.. controllers],
            a.CategoriesOfProcessing,
            [.. transfers.Select(x => $"{x.Recipient.Country} ({x.Recipient.Name})")],
            [.. transfers.Select(x => $"{x.Recipient.Name}: {Safeguard(x.Recipient)}")],
            [.. _record.SecurityMeasures, .. a.SecurityMeasures],
        ];
    }
}
