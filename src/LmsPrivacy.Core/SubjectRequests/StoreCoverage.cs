using LmsPrivacy.Findings;

namespace LmsPrivacy.SubjectRequests;

/// <summary>A table of the host's schema, as a host-supplied schema source gives it (EF Core model, information_schema, install.xml).</summary>
/// <param name="Name">The table name.</param>
/// <param name="Columns">Its columns.</param>
public sealed record SchemaTable(string Name, IReadOnlyList<SchemaColumn> Columns);

/// <summary>A column of a schema table.</summary>
/// <param name="Name">The column name.</param>
/// <param name="ReferencesTable">The table a single-column foreign key points to, if any.</param>
public sealed record SchemaColumn(string Name, string? ReferencesTable = null);

/// <summary>Which columns look like personal data to the undeclared-processing detector.</summary>
public sealed class PersonalDataColumnHeuristics
{
    /// <summary>Gets the tables that hold subjects: a foreign key to one of them marks a personal-data column (default <c>user</c>, <c>users</c>).</summary>
    public ISet<string> SubjectTables { get; } = new HashSet<string>(["user", "users"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets the column names (compared ignoring case, '_' and '-') that look like personal data: user ids, e-mail,
    /// names, IP addresses and similar.
    /// </summary>
    public ISet<string> ColumnNames { get; } = new HashSet<string>(
        [
            "userid", "user", "learnerid", "studentid", "personid", "subjectid", "actorid", "relateduserid", "usermodified",
            "email", "emailaddress", "mail", "mbox", "firstname", "lastname", "fullname", "givenname", "familyname",
            "username", "displayname", "ip", "ipaddress", "lastip", "phone", "phonenumber", "address", "birthdate", "dateofbirth",
        ],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns whether a column looks like personal data.</summary>
    /// <param name="column">The column.</param>
    /// <returns><see langword="true"/> when a foreign key points to a subject table or the normalised name is listed.</returns>
    public bool LooksPersonal(SchemaColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        if (column.ReferencesTable is { } target && SubjectTables.Contains(target))
        {
            return true;
        }

        var normalised = column.Name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return ColumnNames.Contains(normalised);
    }
}

/// <summary>
/// Checks that no store is forgotten: stores that hold personal data but cannot export or erase it, fields without a
/// category, and schema columns that look like personal data but that no store declares (the undeclared-processing detector).
/// </summary>
public static class StoreCoverage
{
    /// <summary>Analyses the registered stores and, optionally, the host's schema.</summary>
    /// <param name="stores">The stores.</param>
    /// <param name="schema">The host's tables and columns, or <see langword="null"/> to skip the undeclared-processing detector.</param>
    /// <param name="heuristics">Which columns look personal; <see langword="null"/> for the defaults.</param>
    /// <returns>All findings, in a stable order: per store (ordinal by name), then per schema table (ordinal).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stores"/> is null.</exception>
    public static ValidationReport Analyze(
        IEnumerable<IPersonalDataStore> stores, IEnumerable<SchemaTable>? schema = null, PersonalDataColumnHeuristics? heuristics = null)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var findings = new List<Finding>();
        var declared = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var store in stores.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var description = store.Describe();
            var path = $"stores['{store.Name}']";
            if (description.NoPersonalDataReason is null && description.Collections.Count == 0 && description.ExternalLocations.Count == 0)
            {
                findings.Add(SubjectRequestRules.StoreUndescribed.At(path, "The store declares no collection; declare what it holds or declare that it holds no personal data."));
            }

            foreach (var collection in description.Collections)
            {
                var fields = declared.TryGetValue(collection.Name, out var set) ? set : declared[collection.Name] = new(StringComparer.OrdinalIgnoreCase);
                foreach (var field in collection.Fields)
                {
                    fields.Add(field.Name);
                    if (field.Category is null)
                    {
                        findings.Add(SubjectRequestRules.FieldUncategorised.At(
                            $"{path}.{collection.Name}.{field.Name}", "The field has no data category; classify it (use technical for non-personal data)."));
                    }
                }
            }

            foreach (var location in description.ExternalLocations)
            {
                foreach (var field in location.Fields.Where(f => f.Category is null))
                {
                    findings.Add(SubjectRequestRules.FieldUncategorised.At(
                        $"{path}.external['{location.Name}'].{field.Name}", "The field sent outside has no data category; classify it."));
                }
            }

            if (description.HoldsPersonalData)
            {
                if (store is not IExportableStore)
                {
                    findings.Add(SubjectRequestRules.StoreCannotExport.At(path, "The store holds personal data but cannot export it; implement IExportableStore."));
                }

                if (store is not IErasableStore)
                {
                    findings.Add(SubjectRequestRules.StoreCannotErase.At(path, "The store holds personal data but cannot erase it; implement IErasableStore."));
                }
            }
        }

        if (schema is not null)
        {
            heuristics ??= new PersonalDataColumnHeuristics();
            foreach (var table in schema.OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                if (heuristics.SubjectTables.Contains(table.Name) && !declared.ContainsKey(table.Name))
                {
                    // The subject table itself must be declared too; it always holds personal data.
                    findings.Add(SubjectRequestRules.TableUndeclared.At($"schema.{table.Name}", "The subject table is declared by no store."));
                    continue;
                }

                var personal = table.Columns.Where(heuristics.LooksPersonal).Select(c => c.Name).ToList();
                if (personal.Count == 0)
                {
                    continue;
                }

                if (!declared.TryGetValue(table.Name, out var fields))
                {
                    findings.Add(SubjectRequestRules.TableUndeclared.At(
                        $"schema.{table.Name}", $"The table has personal-data columns ({string.Join(", ", personal)}) but no store declares it."));
                    continue;
                }

                foreach (var column in personal.Where(c => !fields.Contains(c)))
                {
                    findings.Add(SubjectRequestRules.ColumnUndeclared.At(
                        $"schema.{table.Name}.{column}", "The column looks like personal data but the store declaring the table does not declare it."));
                }
            }
        }

        return new ValidationReport(findings);
    }
}
