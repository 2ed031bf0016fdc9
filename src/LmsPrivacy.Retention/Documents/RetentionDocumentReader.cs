using System.Globalization;
using System.Text.Json;
using LmsPrivacy.Findings;
using LmsPrivacy.Legal;
using LmsPrivacy.Retention.Registry;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Retention.Documents;

/// <summary>Reads the registry document (docs/schemas/retention-registry.schema.json) with <see cref="JsonDocument"/>, collecting findings.</summary>
internal sealed class RetentionDocumentReader
{
    private static readonly string[] RootMembers = ["$schema", "version", "timeZone", "options", "purposes", "categories", "defaults", "contexts"];
    private static readonly string[] OptionMembers = ["coursesWithoutEndDateAreRunning", "recentActivityGuard"];
    private static readonly string[] PurposeMembers = ["id", "name", "description", "lawfulBases", "specialCategoryConditions", "retention", "protected", "roleOverrides", "anchor"];
    private static readonly string[] OverrideMembers = ["role", "retention", "protected"];
    private static readonly string[] CategoryMembers = ["id", "name", "description"];
    private static readonly string[] SlotMembers = ["purpose", "category"];
    private static readonly string[] DefaultKinds = ["system", "user", "category", "course", "module", "block", "modules"];
    private static readonly string[] AnchorMembers = ["kind", "date"];
    private static readonly string[] RoleMembers = ["user", "role"];
    private static readonly string[] ContextMembers =
    [
        "id", "kind", "parent", "name", "moduleType", "endDate", "lastAccess", "deletedAt", "administrator", "guest",
        "enrolments", "lastActivity", "anchor", "purpose", "category", "roles",
    ];

    private readonly List<Finding> _findings = [];
    private DateTimeZone _zone = DateTimeZone.Utc;

    public IReadOnlyList<Finding> Findings => _findings;

    public RetentionDocument? Read(ReadOnlySpan<byte> utf8)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = RetentionDocument.MaximumJsonDepth });
        }
        catch (JsonException ex)
        {
            _findings.Add(RetentionRules.DocumentMalformed.At(
                "$",
                string.Create(CultureInfo.InvariantCulture, $"The document is not well-formed JSON (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}) or nests deeper than {RetentionDocument.MaximumJsonDepth} levels.")));
            return null;
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Invalid("$", "The document must be a JSON object.");
                return null;
            }

            Members(root, "$", RootMembers);
            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != 1)
            {
                Invalid("$.version", "The document must declare \"version\": 1.");
            }

            var zoneId = String(root, "timeZone", "$") ?? "UTC";
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
            if (zone is null)
            {
                _findings.Add(RetentionRules.TimeZoneUnknown.At("$.timeZone", "The time zone is not a known IANA time zone id (for example Europe/Berlin or UTC)."));
            }
            else
            {
                _zone = zone;
            }

            var options = new RetentionOptions { TimeZoneId = zone is null ? "UTC" : zoneId };
            if (Object(root, "options", "$") is { } opts)
            {
                Members(opts, "$.options", OptionMembers);
                options.CoursesWithoutEndDateAreRunning = Bool(opts, "coursesWithoutEndDateAreRunning", "$.options") ?? true;
                options.RecentActivityGuard = Bool(opts, "recentActivityGuard", "$.options") ?? true;
            }

            var purposes = ReadPurposes(root);
            var categories = ReadCategories(root);
            var (kindDefaults, moduleDefaults) = ReadDefaults(root);
            var assignments = new Dictionary<string, SlotAssignment>(StringComparer.Ordinal);
            var contexts = ReadContexts(root, assignments);
            var registry = new RetentionRegistry
            {
                Purposes = purposes,
                Categories = categories,
                KindDefaults = kindDefaults,
                ModuleTypeDefaults = moduleDefaults,
                ContextAssignments = assignments,
            };

            if (_findings.Any(static f => f.IsError))
            {
                return null;
            }

            if (!InMemoryContextTree.TryCreate(contexts, out var tree, out var treeFindings))
            {
                _findings.AddRange(treeFindings);
                return null;
            }

            _findings.AddRange(treeFindings);
            return new RetentionDocument(registry, tree, options, [.. _findings]);
        }
    }

    private List<Purpose> ReadPurposes(JsonElement root)
    {
        var list = new List<Purpose>();
        var items = Array(root, "purposes", "$", required: true);
        if (items is null)
        {
            return list;
        }

        if (Limit(items.Value, "$.purposes", RetentionDocument.MaximumPurposes))
        {
            return list;
        }

        var i = 0;
        foreach (var item in items.Value.EnumerateArray())
        {
            var path = Indexed("$.purposes", i++);
            if (!IsObject(item, path))
            {
                continue;
            }

            Members(item, path, PurposeMembers);
            var id = String(item, "id", path, required: true);
            var name = String(item, "name", path, required: true);
            var retention = PeriodOf(item, "retention", path);
            var bases = new List<LawfulBasis>();
            if (Array(item, "lawfulBases", path) is { } basesArray)
            {
                var b = 0;
                foreach (var basis in basesArray.EnumerateArray())
                {
                    var basisPath = Indexed(path + ".lawfulBases", b++);
                    if (basis.ValueKind == JsonValueKind.String && LegalReferences.TryParseLawfulBasis(basis.GetString(), out var parsed))
                    {
                        bases.Add(parsed);
                    }
                    else
                    {
                        Invalid(basisPath, "Not a lawful basis; use consent, contract, legal-obligation, vital-interests, public-task or legitimate-interests.");
                    }
                }
            }

            var conditions = new List<SpecialCategoryCondition>();
            if (Array(item, "specialCategoryConditions", path) is { } conditionArray)
            {
                var c = 0;
                foreach (var condition in conditionArray.EnumerateArray())
                {
                    var conditionPath = Indexed(path + ".specialCategoryConditions", c++);
                    if (condition.ValueKind == JsonValueKind.String && LegalReferences.TryParseSpecialCategoryCondition(condition.GetString(), out var parsed))
                    {
                        conditions.Add(parsed);
                    }
                    else
                    {
                        Invalid(conditionPath, "Not a special-category condition of GDPR Art. 9(2) (for example explicit-consent).");
                    }
                }
            }

            var overrides = new List<RoleOverride>();
            if (Array(item, "roleOverrides", path) is { } overrideArray)
            {
                var r = 0;
                foreach (var roleOverride in overrideArray.EnumerateArray())
                {
                    var overridePath = Indexed(path + ".roleOverrides", r++);
                    if (!IsObject(roleOverride, overridePath))
                    {
                        continue;
                    }

                    Members(roleOverride, overridePath, OverrideMembers);
                    var role = String(roleOverride, "role", overridePath, required: true);
                    var period = PeriodOf(roleOverride, "retention", overridePath);
                    if (role is not null && period is not null)
                    {
                        overrides.Add(new RoleOverride { Role = role, Retention = period, Protected = Bool(roleOverride, "protected", overridePath) ?? false });
                    }
                }
            }

            var anchor = AnchorRule.Natural;
            if (Object(item, "anchor", path) is { } anchorElement)
            {
                Members(anchorElement, path + ".anchor", AnchorMembers);
                switch (String(anchorElement, "kind", path + ".anchor", required: true))
                {
                    case "natural" or null:
                        break;
                    case "host":
                        anchor = AnchorRule.Host;
                        break;
                    case "fixed-date":
                        var dateText = String(anchorElement, "date", path + ".anchor", required: true);
                        if (dateText is not null)
                        {
                            var date = LocalDatePattern.Iso.Parse(dateText);
                            if (date.Success)
                            {
                                anchor = AnchorRule.Fixed(date.Value);
                            }
                            else
                            {
                                Invalid(path + ".anchor.date", "Not an ISO 8601 calendar date (YYYY-MM-DD).");
                            }
                        }

                        break;
                    default:
                        Invalid(path + ".anchor.kind", "The anchor kind must be natural, host or fixed-date.");
                        break;
                }
            }

            if (id is not null && name is not null && retention is not null)
            {
                list.Add(new Purpose
                {
                    Id = id,
                    Name = name,
                    Description = String(item, "description", path),
                    LawfulBases = bases,
                    SpecialCategoryConditions = conditions,
                    Retention = retention,
                    Protected = Bool(item, "protected", path) ?? false,
                    RoleOverrides = overrides,
                    Anchor = anchor,
                });
            }
        }

        return list;
    }

    private List<DataCategoryDefinition> ReadCategories(JsonElement root)
    {
        var list = new List<DataCategoryDefinition>();
        if (Array(root, "categories", "$") is not { } items || Limit(items, "$.categories", RetentionDocument.MaximumPurposes))
        {
            return list;
        }

        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = Indexed("$.categories", i++);
            if (!IsObject(item, path))
            {
                continue;
            }

            Members(item, path, CategoryMembers);
            var id = String(item, "id", path, required: true);
            var name = String(item, "name", path, required: true);
            if (id is not null && name is not null)
            {
                list.Add(new DataCategoryDefinition { Id = id, Name = name, Description = String(item, "description", path) });
            }
        }

        return list;
    }

    private (Dictionary<ContextKind, SlotAssignment> Kinds, Dictionary<string, SlotAssignment> Modules) ReadDefaults(JsonElement root)
    {
        var kinds = new Dictionary<ContextKind, SlotAssignment>();
        var modules = new Dictionary<string, SlotAssignment>(StringComparer.Ordinal);
        if (Object(root, "defaults", "$", required: true) is not { } defaults)
        {
            return (kinds, modules);
        }

        Members(defaults, "$.defaults", DefaultKinds);
        foreach (var property in defaults.EnumerateObject())
        {
            var path = "$.defaults." + property.Name;
            if (property.Name == "modules")
            {
                if (!IsObject(property.Value, path))
                {
                    continue;
                }

                foreach (var type in property.Value.EnumerateObject())
                {
                    if (Slot(type.Value, path + "." + type.Name) is { } slot)
                    {
                        modules[type.Name] = slot;
                    }
                }
            }
            else if (ContextKinds.TryParse(property.Name, out var kind) && Slot(property.Value, path) is { } slot)
            {
                kinds[kind] = slot;
            }
        }

        return (kinds, modules);
    }

    private SlotAssignment? Slot(JsonElement element, string path)
    {
        if (!IsObject(element, path))
        {
            return null;
        }

        Members(element, path, SlotMembers);
        return new SlotAssignment(AssignmentOf(element, "purpose", path), AssignmentOf(element, "category", path));
    }

    private Assignment AssignmentOf(JsonElement element, string name, string path)
    {
        var text = String(element, name, path);
        return text switch
        {
            null or "not-set" => Assignment.NotSet,
            "inherit" => Assignment.Inherit,
            "" => Invalid(path + "." + name, "Use an id, \"inherit\" or \"not-set\".", Assignment.NotSet),
            _ => Assignment.Of(text),
        };
    }

    private List<RetentionContext> ReadContexts(JsonElement root, Dictionary<string, SlotAssignment> assignments)
    {
        var list = new List<RetentionContext>();
        if (Array(root, "contexts", "$", required: true) is not { } items || Limit(items, "$.contexts", RetentionDocument.MaximumContexts))
        {
            return list;
        }

        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = Indexed("$.contexts", i++);
            if (!IsObject(item, path))
            {
                continue;
            }

            Members(item, path, ContextMembers);
            var id = String(item, "id", path, required: true);
            var kindText = String(item, "kind", path, required: true);
            ContextKind kind = default;
            if (kindText is not null && !ContextKinds.TryParse(kindText, out kind))
            {
                Invalid(path + ".kind", "The kind must be system, user, category, course, module or block.");
                continue;
            }

            if (id is null || kindText is null)
            {
                continue;
            }

            var enrolments = new List<string>();
            if (Array(item, "enrolments", path) is { } enrolmentArray)
            {
                var e = 0;
                foreach (var enrolment in enrolmentArray.EnumerateArray())
                {
                    if (enrolment.ValueKind == JsonValueKind.String)
                    {
                        enrolments.Add(enrolment.GetString()!);
                    }
                    else
                    {
                        Invalid(Indexed(path + ".enrolments", e), "An enrolment is the id of a course context (a string).");
                    }

                    e++;
                }
            }

            var roles = new List<RoleAssignment>();
            if (Array(item, "roles", path) is { } roleArray)
            {
                var r = 0;
                foreach (var role in roleArray.EnumerateArray())
                {
                    var rolePath = Indexed(path + ".roles", r++);
                    if (!IsObject(role, rolePath))
                    {
                        continue;
                    }

                    Members(role, rolePath, RoleMembers);
                    var user = String(role, "user", rolePath, required: true);
                    var name = String(role, "role", rolePath, required: true);
                    if (user is not null && name is not null)
                    {
                        roles.Add(new RoleAssignment(user, name));
                    }
                }
            }

            if (item.TryGetProperty("purpose", out _) || item.TryGetProperty("category", out _))
            {
                assignments[id] = new SlotAssignment(AssignmentOf(item, "purpose", path), AssignmentOf(item, "category", path));
            }

            list.Add(new RetentionContext
            {
                Id = id,
                Kind = kind,
                ParentId = String(item, "parent", path),
                Name = String(item, "name", path),
                ModuleType = String(item, "moduleType", path),
                EndDate = InstantOf(item, "endDate", path),
                LastAccess = InstantOf(item, "lastAccess", path),
                DeletedAt = InstantOf(item, "deletedAt", path),
                IsAdministrator = Bool(item, "administrator", path) ?? false,
                IsGuest = Bool(item, "guest", path) ?? false,
                Enrolments = enrolments,
                LastActivity = InstantOf(item, "lastActivity", path),
                HostAnchor = InstantOf(item, "anchor", path),
                RoleAssignments = roles,
            });
        }

        return list;
    }

    private Instant? InstantOf(JsonElement element, string name, string path)
    {
        var text = String(element, name, path);
        if (text is null)
        {
            return null;
        }

        var instant = InstantPattern.ExtendedIso.Parse(text);
        if (instant.Success)
        {
            return instant.Value;
        }

        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (offset.Success)
        {
            return offset.Value.ToInstant();
        }

        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            return _zone.AtStartOfDay(date.Value).ToInstant();
        }

        return Invalid<Instant?>(path + "." + name, "Not an ISO 8601 instant (2024-07-31T00:00:00Z, or with an offset) or calendar date (2024-07-31).", null);
    }

    private Period? PeriodOf(JsonElement element, string name, string path)
    {
        var text = String(element, name, path, required: true);
        if (text is null)
        {
            return null;
        }

        var period = PeriodPattern.NormalizingIso.Parse(text);
        if (!period.Success || text.Length > 64)
        {
            _findings.Add(RetentionRules.PeriodInvalid.At(path + "." + name, "Not an ISO 8601 duration (for example P5Y, P18M, P30D)."));
            return null;
        }

        return period.Value;
    }

    private bool Limit(JsonElement array, string path, int maximum)
    {
        if (array.GetArrayLength() <= maximum)
        {
            return false;
        }

        _findings.Add(RetentionRules.DocumentLimit.At(path, string.Create(CultureInfo.InvariantCulture, $"More than {maximum} entries.")));
        return true;
    }

    private void Members(JsonElement element, string path, string[] allowed)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (System.Array.IndexOf(allowed, property.Name) < 0)
            {
                Invalid(path, "An unknown member (a typo?) is present; allowed: " + string.Join(", ", allowed) + ".");
                return;
            }
        }
    }

    private string? String(JsonElement element, string name, string path, bool required = false)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? Invalid<string?>(path + "." + name, "This member is required.", null) : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return Invalid<string?>(path + "." + name, "This member must be a string.", null);
        }

        var text = value.GetString()!;
        if (text.Length > RetentionDocument.MaximumStringLength)
        {
            _findings.Add(RetentionRules.DocumentLimit.At(path + "." + name, string.Create(CultureInfo.InvariantCulture, $"The string is longer than {RetentionDocument.MaximumStringLength} characters.")));
            return null;
        }

        return text;
    }

    private bool? Bool(JsonElement element, string name, string path)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => Invalid<bool?>(path + "." + name, "This member must be true or false.", null),
        };
    }

    private JsonElement? Array(JsonElement element, string name, string path, bool required = false)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? Invalid<JsonElement?>(path + "." + name, "This member is required.", null) : null;
        }

        return value.ValueKind == JsonValueKind.Array ? value : Invalid<JsonElement?>(path + "." + name, "This member must be an array.", null);
    }

    private JsonElement? Object(JsonElement element, string name, string path, bool required = false)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? Invalid<JsonElement?>(path + "." + name, "This member is required.", null) : null;
        }

        return IsObject(value, path + "." + name) ? value : null;
    }

    private bool IsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Invalid(path, "This must be a JSON object.");
        return false;
    }

    private void Invalid(string path, string message) => _findings.Add(RetentionRules.DocumentInvalid.At(path, message));

    private T Invalid<T>(string path, string message, T fallback)
    {
        Invalid(path, message);
        return fallback;
    }

    private static string Indexed(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}[{i}]");
}
