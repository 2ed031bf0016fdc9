using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LmsPrivacy.Findings;
using LmsPrivacy.SubjectRequests;
using NodaTime;

namespace LmsPrivacy.Testing;

/// <summary>
/// Assertions for plugin authors' own unit tests, independent of the test framework: each throws a
/// <see cref="PrivacyAssertionException"/> with a clear message when the check fails, and returns normally otherwise.
/// </summary>
public static partial class PrivacyAssert
{
    private static readonly Instant FixedInstant = Instant.FromUtc(2000, 1, 1, 0, 0);

    private static readonly HashSet<string> DirectIdentifierNames = new(
        [
            "mbox", "mbox_sha1sum", "email", "e_mail", "e-mail", "emailaddress", "email_address", "mail", "openid",
            "lis_person_contact_email_primary", "lis_person_name_given", "lis_person_name_family", "lis_person_name_full",
            "lis_person_sourcedid", "given_name", "family_name", "middle_name", "preferred_username", "picture",
            "cmi.core.student_name", "cmi.learner_name", "cmi.core.student_id", "cmi.learner_id", "student_name", "learner_name",
            "firstname", "lastname", "fullname", "first_name", "last_name", "full_name", "phone", "phone_number", "ip", "ip_address",
        ],
        StringComparer.OrdinalIgnoreCase);

    private static readonly string[] AgentMarkers = ["mbox", "mbox_sha1sum", "openid", "account"];

    /// <summary>Asserts that a validation report (from any LmsPrivacy validator) has no error finding.</summary>
    /// <param name="report">The report.</param>
    /// <exception cref="PrivacyAssertionException">The report has errors; each is listed with code and path.</exception>
    public static void Valid(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!report.IsValid)
        {
            throw new PrivacyAssertionException(
                $"Expected a valid payload, but found {report.ErrorCount} error(s).",
                [.. report.Findings.Where(f => f.IsError).Select(f => $"{f.Code} at {f.Path}: {f.Message}")]);
        }
    }

    /// <summary>
    /// Asserts the store is covered: it describes what it holds, every field has a data category, and a store holding
    /// personal data can export and erase it.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <exception cref="PrivacyAssertionException">A coverage rule fails.</exception>
    public static void StoreIsCovered(IPersonalDataStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        ThrowIfErrors($"Store '{store.Name}' is not covered.", StoreCoverage.Analyze([store]));
    }

    /// <summary>
    /// Asserts that no column of the host's schema looks like personal data without a store declaring it
    /// (user-id foreign keys, e-mail, names, IP addresses; the analogue of Moodle's test_table_coverage).
    /// </summary>
    /// <param name="stores">Every store of the plugin or host.</param>
    /// <param name="schema">The tables and columns (from the EF Core model, information_schema or the install script).</param>
    /// <param name="heuristics">Which columns look personal; <see langword="null"/> for the defaults.</param>
    /// <exception cref="PrivacyAssertionException">A table or column is undeclared, or a store is not covered.</exception>
    public static void NoUndeclaredPersonalData(IEnumerable<IPersonalDataStore> stores, IEnumerable<SchemaTable> schema, PersonalDataColumnHeuristics? heuristics = null)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(schema);
        ThrowIfErrors("Personal data is held without being declared.", StoreCoverage.Analyze(stores, schema, heuristics));
    }

    /// <summary>
    /// Exports the subject's data and asserts that every record belongs to a declared collection and that every property
    /// of every record is a declared field with a data category.
    /// </summary>
    /// <param name="store">The store, seeded with data for <paramref name="subject"/>.</param>
    /// <param name="subject">A subject the store holds data about.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>A task that completes when the check passed.</returns>
    /// <exception cref="PrivacyAssertionException">The export returned nothing, or a collection or field is undeclared.</exception>
    public static async Task StoreDeclaresEveryFieldAsync(IExportableStore store, DataSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(subject);
        var description = store.Describe();
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        var count = 0;
        await foreach (var record in store.ExportAsync(Approve(SubjectRequestKind.Access, subject), cancellationToken).ConfigureAwait(false))
        {
            count++;
            var collection = description.FindCollection(record.Collection);
            if (collection is null)
            {
                problems.Add($"collection '{record.Collection}' is exported but not declared in Describe()");
                continue;
            }

            if (record.Data.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"collection '{record.Collection}' exports a record that is not a JSON object");
                continue;
            }

            foreach (var property in record.Data.EnumerateObject())
            {
                var field = collection.FindField(property.Name);
                if (field is null)
                {
                    problems.Add($"field '{record.Collection}.{property.Name}' is exported but not declared");
                }
                else if (field.Category is null)
                {
                    problems.Add($"field '{record.Collection}.{property.Name}' is declared without a data category");
                }
            }
        }

        if (count == 0)
        {
            throw new PrivacyAssertionException($"Store '{store.Name}' exported no record for the subject; seed data for the subject before asserting.");
        }

        if (problems.Count > 0)
        {
            throw new PrivacyAssertionException($"Store '{store.Name}' returns fields it does not declare.", [.. problems]);
        }
    }

    /// <summary>
    /// Export, then erase, then export again: asserts the first export finds the subject, the erasure is confirmed, the
    /// second export and <see cref="IPersonalDataStore.FindAsync"/> find nothing, and the other subjects' exports are unchanged.
    /// </summary>
    /// <typeparam name="TStore">A store that exports and erases.</typeparam>
    /// <param name="store">The store, seeded with data for every subject given.</param>
    /// <param name="subject">The subject to erase.</param>
    /// <param name="otherSubjects">Subjects whose data must stay intact (give at least one).</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>A task that completes when the check passed.</returns>
    /// <exception cref="PrivacyAssertionException">A step of the round trip fails.</exception>
    public static async Task EraseRemovesOnlyTheSubjectAsync<TStore>(
        TStore store, DataSubject subject, IEnumerable<DataSubject> otherSubjects, CancellationToken cancellationToken = default)
        where TStore : IExportableStore, IErasableStore
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(otherSubjects);
        DataSubject[] others = [.. otherSubjects];
        var before = await ExportTextAsync(store, subject, cancellationToken).ConfigureAwait(false);
        if (before.Count == 0)
        {
            throw new PrivacyAssertionException($"Store '{store.Name}' exported no record for the subject before erasure; seed data for the subject first.");
        }

        var othersBefore = new List<List<string>>();
        foreach (var other in others)
        {
            othersBefore.Add(await ExportTextAsync(store, other, cancellationToken).ConfigureAwait(false));
        }

        var result = await store.EraseAsync(Approve(SubjectRequestKind.Erasure, subject), cancellationToken).ConfigureAwait(false);
        if (result is null || !result.IsConfirmed)
        {
            throw new PrivacyAssertionException(
                $"Store '{store.Name}' did not confirm the erasure (outcome {result?.Outcome.ToString() ?? "null"}{(result?.Reason is { } r ? ": " + r : string.Empty)}).");
        }

        var problems = new List<string>();
        var after = await ExportTextAsync(store, subject, cancellationToken).ConfigureAwait(false);
        if (after.Count > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"export after erasure still returns {after.Count} record(s) for the subject"));
        }

        var found = await store.FindAsync(subject, cancellationToken).ConfigureAwait(false);
        if (found.HasData)
        {
            problems.Add($"FindAsync after erasure still counts records in: {string.Join(", ", found.CountsByCollection.Where(c => c.Value > 0).Select(c => c.Key))}");
        }

        for (var i = 0; i < others.Length; i++)
        {
            var now = await ExportTextAsync(store, others[i], cancellationToken).ConfigureAwait(false);
            if (!now.SequenceEqual(othersBefore[i], StringComparer.Ordinal))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"erasure changed another subject's data (other subject #{i + 1}: {othersBefore[i].Count} record(s) before, {now.Count} after)"));
            }
        }

        if (problems.Count > 0)
        {
            throw new PrivacyAssertionException($"Store '{store.Name}' failed export → erase → export.", problems);
        }
    }

    /// <summary>
    /// Asserts that a JSON payload carries no direct identifier. The payload kind is recognised and the package's own
    /// scanner runs: an xAPI statement (an object with <c>actor</c> and <c>verb</c>) goes to
    /// <see cref="NoDirectIdentifiersInStatement"/>; decoded LTI claims (any <c>https://purl.imsglobal.org/spec/lti/</c>
    /// claim) to <see cref="NoDirectIdentifiersInLaunch"/>; a SCORM CMI snapshot (an object whose members are all
    /// <c>cmi.*</c> strings; <c>cmi.core.*</c> means SCORM 1.2) to <see cref="NoDirectIdentifiersInCmiSnapshot"/>. Any
    /// other JSON is checked by property names (mbox, email, openid, lis_person_*, given_name, …), e-mail addresses in
    /// strings and <c>name</c> on an agent.
    /// </summary>
    /// <param name="json">The payload as JSON text.</param>
    /// <exception cref="PrivacyAssertionException">Something identifying was found; the message lists JSON paths and rule codes, never values.</exception>
    /// <exception cref="JsonException"><paramref name="json"/> is not JSON.</exception>
    public static void NoDirectIdentifiers(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        NoDirectIdentifiers(document.RootElement);
    }

    /// <summary>Asserts that a JSON payload carries no direct identifier; see <see cref="NoDirectIdentifiers(string)"/>.</summary>
    /// <param name="payload">The payload.</param>
    /// <exception cref="PrivacyAssertionException">Something identifying was found.</exception>
    public static void NoDirectIdentifiers(JsonElement payload)
    {
        if (payload.ValueKind == JsonValueKind.Object)
        {
            if (payload.TryGetProperty("actor", out _) && payload.TryGetProperty("verb", out _))
            {
                NoDirectIdentifiersInStatement(payload);
                return;
            }

            if (payload.EnumerateObject().Any(p => p.Name.StartsWith("https://purl.imsglobal.org/spec/lti/", StringComparison.Ordinal)))
            {
                NoDirectIdentifiersInLaunch(payload);
                return;
            }

            if (TryReadCmiSnapshot(payload, out var version, out var snapshot))
            {
                NoDirectIdentifiersInCmiSnapshot(version, snapshot);
                return;
            }
        }

        var problems = new List<string>();
        Scan(payload, "$", problems);
        if (problems.Count > 0)
        {
            throw new PrivacyAssertionException("The payload carries direct identifiers.", problems);
        }
    }

    private static bool TryReadCmiSnapshot(JsonElement payload, out Scorm.ScormVersion version, out List<KeyValuePair<string, string>> snapshot)
    {
        snapshot = [];
        version = Scorm.ScormVersion.Scorm2004;
        foreach (var property in payload.EnumerateObject())
        {
            if (!property.Name.StartsWith("cmi.", StringComparison.Ordinal) || property.Value.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            if (property.Name.StartsWith("cmi.core.", StringComparison.Ordinal))
            {
                version = Scorm.ScormVersion.Scorm12;
            }

            snapshot.Add(new(property.Name, property.Value.GetString()!));
        }

        return snapshot.Count > 0;
    }

    private static void Scan(JsonElement element, string path, List<string> problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var isAgent = AgentMarkers.Any(m => element.TryGetProperty(m, out _))
                    || (element.TryGetProperty("objectType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is "Agent" or "Group");
                foreach (var property in element.EnumerateObject())
                {
                    var child = PropertyPath(path, property.Name);
                    if (DirectIdentifierNames.Contains(property.Name) && property.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                    {
                        problems.Add($"{child}: a direct identifier ('{property.Name}')");
                        continue;
                    }

                    if (isAgent && property.NameEquals("name") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        problems.Add($"{child}: an agent's name");
                        continue;
                    }

                    Scan(property.Value, child, problems);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Scan(item, string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]"), problems);
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (text.Contains("mailto:", StringComparison.OrdinalIgnoreCase) || EmailPattern().IsMatch(text))
                {
                    problems.Add($"{path}: an e-mail address in a string");
                }

                break;
        }
    }

    private static string PropertyPath(string parent, string name) =>
        name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";

    private static ApprovedSubjectRequest Approve(SubjectRequestKind kind, DataSubject subject) =>
        new CandidateSubjectRequest($"privacy-assert-{kind}", kind, subject, FixedInstant, new LocalDate(2000, 2, 1)).Approve("LmsPrivacy.Testing", FixedInstant);

    private static async Task<List<string>> ExportTextAsync(IExportableStore store, DataSubject subject, CancellationToken cancellationToken)
    {
        var list = new List<string>();
        await foreach (var record in store.ExportAsync(Approve(SubjectRequestKind.Access, subject), cancellationToken).ConfigureAwait(false))
        {
            list.Add(record.Collection + "\n" + record.Data.GetRawText());
        }

        list.Sort(StringComparer.Ordinal);
        return list;
    }

    private static void ThrowIfErrors(string headline, ValidationReport report)
    {
        if (!report.IsValid)
        {
            throw new PrivacyAssertionException(headline, [.. report.Findings.Where(f => f.IsError).Select(f => $"{f.Code} at {f.Path}: {f.Message}")]);
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailPattern();
}
