using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Legal;
using LmsPrivacy.Ropa.Countries;
using LmsPrivacy.Ropa.Records;
using NodaTime.Text;

namespace LmsPrivacy.Ropa.Export;

/// <summary>Writes the record as JSON-LD using W3C DPV (https://w3id.org/dpv) and its EU-GDPR extension.</summary>
internal static class JsonLdWriter
{
    private static readonly string[] IriValued =
        ["dpv:hasCountry", "dpv:hasThirdCountry", "dpv:hasDataController", "dpv:hasDataProcessor", "dpv:hasOrganisationalMeasure"];

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(RecordOfProcessing record, CountryData countries)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteStartObject("@context");
            w.WriteString("dpv", "https://w3id.org/dpv#");
            w.WriteString("pd", "https://w3id.org/dpv/pd#");
            w.WriteString("eu-gdpr", "https://w3id.org/dpv/legal/eu/gdpr#");
            w.WriteString("loc", "https://w3id.org/dpv/loc#");
            w.WriteString("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
            w.WriteString("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
            w.WriteString("schema", "https://schema.org/");
            foreach (var property in IriValued)
            {
                // Coerce these properties' string values to IRIs (compact IRIs such as loc:US, _: node ids).
                w.WriteStartObject(property);
                w.WriteString("@type", "@id");
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("@graph");

            var organisationId = record.Kind == RecordKind.Controller ? "_:controller" : "_:processor";
            WriteParty(w, organisationId, record.Kind == RecordKind.Controller ? "dpv:DataController" : "dpv:DataProcessor", record.Organisation);
            if (record.Dpo is { } dpo)
            {
                WriteParty(w, "_:dpo", "dpv:DataProtectionOfficer", dpo);
            }

            if (record.Representative is { } representative)
            {
                WriteParty(w, "_:representative", "dpv:Representative", representative);
            }

            for (var i = 0; i < record.Controllers.Count; i++)
            {
                WriteParty(w, $"_:controller-{i + 1}", "dpv:DataController", record.Controllers[i]);
            }

            foreach (var (recipient, parent) in RopaTable.AllRecipients(record.Recipients, null))
            {
                WriteRecipient(w, recipient, parent, countries);
            }

            foreach (var activity in record.Activities)
            {
                WriteActivity(w, record, activity, organisationId);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteParty(Utf8JsonWriter w, string id, string type, Party? party)
    {
        w.WriteStartObject();
        w.WriteString("@id", id);
        w.WriteString("@type", type);
        if (party is not null)
        {
            WriteOptional(w, "schema:name", party.Name);
            WriteOptional(w, "schema:address", party.Address);
            WriteOptional(w, "schema:email", party.Email);
            WriteOptional(w, "schema:telephone", party.Phone);
            if (party.Country is { Length: 2 } country)
            {
                w.WriteString("dpv:hasCountry", "loc:" + country.ToUpperInvariant());
            }
        }

        w.WriteEndObject();
    }

    private static void WriteRecipient(Utf8JsonWriter w, Recipient recipient, Recipient? parent, CountryData countries)
    {
        w.WriteStartObject();
        w.WriteString("@id", RecipientId(recipient, parent));
        var role = recipient.Role ?? (parent is null ? null : RecipientRole.SubProcessor);
        w.WriteString("@type", role switch
        {
            RecipientRole.Processor => "dpv:DataProcessor",
            RecipientRole.SubProcessor => "dpv:DataSubProcessor",
            RecipientRole.Controller or RecipientRole.PublicAuthority => "dpv:DataController",
            RecipientRole.JointController => "dpv:JointDataControllers",
            _ => "dpv:Recipient",
        });
        WriteOptional(w, "schema:name", recipient.Name);
        if (recipient.Country is { Length: 2 } country)
        {
            var code = "loc:" + country.ToUpperInvariant();
            w.WriteString(countries.IsEea(country) || role == RecipientRole.Internal ? "dpv:hasCountry" : "dpv:hasThirdCountry", code);
        }

        if (recipient.Services.Count > 0)
        {
            w.WriteStartArray("rdfs:comment");
            foreach (var service in recipient.Services)
            {
                w.WriteStringValue(service);
            }

            w.WriteEndArray();
        }

        if (recipient.Transfer is { Mechanism: { } mechanism } transfer)
        {
            w.WriteStartObject("dpv:hasLegalBasis");
            w.WriteString("@id", mechanism switch
            {
                TransferMechanism.Adequacy or TransferMechanism.Dpf => "eu-gdpr:A45-3",
                TransferMechanism.Scc => "eu-gdpr:A46-2-c",
                TransferMechanism.BindingCorporateRules => "eu-gdpr:A46-2-b",
                TransferMechanism.CodeOfConduct => "eu-gdpr:A46-2-e",
                TransferMechanism.Certification => "eu-gdpr:A46-2-f",
                TransferMechanism.AdHocClauses => "eu-gdpr:A46-3-a",
                _ => "eu-gdpr:A49-1",
            });
            w.WriteEndObject();
            if (mechanism == TransferMechanism.Scc)
            {
                w.WriteString("dpv:hasOrganisationalMeasure", "eu-gdpr:SCCByCommission");
            }
            else if (mechanism == TransferMechanism.BindingCorporateRules)
            {
                w.WriteString("dpv:hasOrganisationalMeasure", "eu-gdpr:BindingCorporateRules");
            }

            _ = transfer;
        }
        else if (recipient.Dpf is not null)
        {
            w.WriteStartObject("dpv:hasLegalBasis");
            w.WriteString("@id", "eu-gdpr:A45-3");
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteActivity(Utf8JsonWriter w, RecordOfProcessing record, ProcessingActivity activity, string organisationId)
    {
        w.WriteStartObject();
        w.WriteString("@id", "_:activity-" + Slug(activity.Id ?? "unnamed"));
        w.WriteString("@type", "dpv:Process");
        WriteOptional(w, "rdfs:label", activity.Name);
        w.WriteString(record.Kind == RecordKind.Controller ? "dpv:hasDataController" : "dpv:hasDataProcessor", organisationId);

        if (activity.Purposes.Count > 0)
        {
            w.WriteStartArray("dpv:hasPurpose");
            foreach (var purpose in activity.Purposes)
            {
                w.WriteStartObject();
                w.WriteString("@type", purpose.Dpv is { Length: > 0 } term ? term : "dpv:Purpose");
                WriteOptional(w, "rdfs:label", purpose.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        var bases = activity.Purposes.Where(p => p.LawfulBasis is not null).Select(p => BasisIri(p.LawfulBasis!.Value))
            .Concat(activity.SpecialCategoryConditions.Select(ConditionIri)).Distinct(StringComparer.Ordinal).ToList();
        if (bases.Count > 0)
        {
            w.WriteStartArray("dpv:hasLegalBasis");
            foreach (var iri in bases)
            {
                w.WriteStartObject();
                w.WriteString("@id", iri);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (activity.PersonalData.Count > 0)
        {
            w.WriteStartArray("dpv:hasPersonalData");
            foreach (var item in activity.PersonalData)
            {
                w.WriteStartObject();
                w.WriteString("@type", item.Category is { } category ? CategoryTerm(category) : "dpv:PersonalData");
                WriteOptional(w, "rdfs:label", item.Label ?? item.Category?.ToCode());
                if (item.Retention?.Period is { } own)
                {
                    WriteStorage(w, own, item.Retention.Trigger);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (activity.DataSubjects.Count > 0)
        {
            w.WriteStartArray("dpv:hasDataSubject");
            foreach (var subject in activity.DataSubjects)
            {
                w.WriteStartObject();
                w.WriteString("@type", SubjectTerm(subject));
                w.WriteString("rdfs:label", subject);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (activity.Recipients is { Count: > 0 } ids)
        {
            w.WriteStartArray("dpv:hasRecipient");
            foreach (var id in ids)
            {
                w.WriteStartObject();
                w.WriteString("@id", "_:recipient-" + Slug(id));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (activity.Retention?.Period is { } period)
        {
            WriteStorage(w, period, activity.Retention.Trigger);
        }

        var measures = record.SecurityMeasures.Concat(activity.SecurityMeasures).ToList();
        if (measures.Count > 0)
        {
            w.WriteStartArray("dpv:hasTechnicalOrganisationalMeasure");
            foreach (var measure in measures)
            {
                w.WriteStartObject();
                w.WriteString("@type", "dpv:TechnicalOrganisationalMeasure");
                w.WriteString("rdfs:label", measure);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteStorage(Utf8JsonWriter w, NodaTime.Period period, string? trigger)
    {
        w.WriteStartObject("dpv:hasStorageCondition");
        w.WriteString("@type", "dpv:StorageDuration");
        w.WriteString("rdf:value", PeriodPattern.NormalizingIso.Format(period));
        WriteOptional(w, "rdfs:comment", trigger is null ? null : "after " + trigger);
        w.WriteEndObject();
    }

    private static string RecipientId(Recipient recipient, Recipient? parent) =>
        recipient.Id is { Length: > 0 } id
            ? "_:recipient-" + Slug(id)
            : $"_:recipient-{Slug(parent?.Id ?? "x")}-{Slug(recipient.Name ?? "unnamed")}";

    private static string Slug(string text) =>
        new([.. text.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')]);

    internal static string BasisIri(LawfulBasis basis) => "eu-gdpr:A6-1-" + basis.Article()[^2];

    internal static string ConditionIri(SpecialCategoryCondition condition) => "eu-gdpr:A9-2-" + condition.Article()[^2];

    internal static string CategoryTerm(DataCategory category) => category switch
    {
        DataCategory.DirectIdentifier => "dpv:IdentifyingPersonalData",
        DataCategory.PseudonymousIdentifier => "dpv:PseudonymisedData",
        DataCategory.Behavioural => "dpv:ObservedPersonalData",
        DataCategory.LearnerContent => "dpv:ProvidedPersonalData",
        DataCategory.Preference => "pd:Preference",
        DataCategory.SpecialCategory => "dpv:SpecialCategoryPersonalData",
        DataCategory.Technical => "dpv:NonPersonalData",
        _ => "dpv:PersonalData",
    };

    private static string SubjectTerm(string subject)
    {
        static bool Has(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);
        return subject switch
        {
            _ when Has(subject, "child") || Has(subject, "pupil") => "dpv:Child",
            _ when Has(subject, "student") || Has(subject, "learner") => "dpv:Student",
            _ when Has(subject, "employee") => "dpv:Employee",
            _ when Has(subject, "customer") => "dpv:Customer",
            _ => "dpv:DataSubject",
        };
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            w.WriteString(name, value);
        }
    }
}
