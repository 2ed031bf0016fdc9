using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Pseudonymization;
using LmsPrivacy.SubjectRequests;
using LmsPrivacy.Xapi.Lrs;
using LmsPrivacy.Xapi.Streaming;
using LmsPrivacy.Xapi.SubjectAccess;

namespace LmsPrivacy.Cli.Commands.Dsr;

/// <summary>The stores.json file of <c>lmsprivacy dsr</c>: json-folder, lrs and xapi-files stores.</summary>
internal sealed class DsrConfig
{
    private DsrConfig(string path, IReadOnlyList<IPersonalDataStore> stores, IReadOnlyList<string> agentTemplates)
    {
        Path = path;
        Stores = stores;
        AgentTemplates = agentTemplates;
    }

    public string Path { get; }

    public IReadOnlyList<IPersonalDataStore> Stores { get; }

    /// <summary>Agent JSON templates (with {subject}) from lrs and xapi-files stores, giving the subject's xAPI agents.</summary>
    public IReadOnlyList<string> AgentTemplates { get; }

    public DataSubject Subject(string id, IEnumerable<string> extraAgents)
    {
        var subject = new DataSubject(id);
        foreach (var template in AgentTemplates)
        {
            subject = subject.WithIdentifier(SubjectIdentifier.XapiAgentKind, template.Replace("{subject}", JsonEncodedText.Encode(id).ToString(), StringComparison.Ordinal));
        }

        foreach (var agent in extraAgents)
        {
            if (!SubjectAgent.TryParse(agent, out _, out var error))
            {
                throw new CliException($"--agent: {error}");
            }

            subject = subject.WithIdentifier(SubjectIdentifier.XapiAgentKind, agent);
        }

        return subject;
    }

    public static DsrConfig Load(CliContext context, string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var bytes = InputFiles.ReadAllBytes(context, path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new CliException($"config '{path}' is not valid JSON (line {ex.LineNumber + 1}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("stores", out var stores) || stores.ValueKind != JsonValueKind.Array)
            {
                throw new CliException($"config '{path}': expected an object with a \"stores\" array.");
            }

            var folder = System.IO.Path.GetDirectoryName(full)!;
            var list = new List<IPersonalDataStore>();
            var templates = new List<string>();
            var index = 0;
            foreach (var store in stores.EnumerateArray())
            {
                var where = $"config '{path}': stores[{index++}]";
                var name = RequiredString(store, "name", where);
                if (!PersonalDataStoreRegistry.IsValidName(name))
                {
                    throw new CliException($"{where}: name must be letters, digits, '.', '_' or '-'.");
                }

                var type = RequiredString(store, "type", where);
                switch (type)
                {
                    case "json-folder":
                        list.Add(new JsonFolderStore(
                            name,
                            System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, RequiredString(store, "path", where))),
                            RequiredString(store, "subjectField", where),
                            OptionalString(store, "erase", where) switch
                            {
                                null or "delete" => ErasureMethod.Delete,
                                "anonymise" or "anonymize" => ErasureMethod.AnonymiseInPlace,
                                _ => throw new CliException($"{where}: erase must be \"delete\" or \"anonymise\"."),
                            },
                            ReadDescription(store, where),
                            OptionalString(store, "retain", where)));
                        break;
                    case "lrs":
                        var endpointText = RequiredString(store, "endpoint", where);
                        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
                        {
                            throw new CliException($"{where}: endpoint must be an absolute http(s) URL.");
                        }

                        var username = OptionalString(store, "username", where);
                        var password = OptionalString(store, "password", where);
                        if (store.TryGetProperty("agents", out var agents) && agents.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var agent in agents.EnumerateArray())
                            {
                                var text = agent.GetRawText();
                                if (!SubjectAgent.TryParse(text.Replace("{subject}", "x", StringComparison.Ordinal), out _, out var error))
                                {
                                    throw new CliException($"{where}: agents: {error}");
                                }

                                templates.Add(text);
                            }
                        }

                        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
                        var client = new HttpLrsClient(http, username is null ? null : new LrsCredentials(username, password ?? string.Empty));
                        try
                        {
                            list.Add(new LrsStatementStore(client, new LrsStatementStoreOptions
                            {
                                Name = name,
                                Endpoint = endpoint,
                                Query = new SubjectAccessQueryOptions { Version = OptionalString(store, "version", where) ?? "1.0.3" },
                            }));
                        }
                        catch (ArgumentException ex)
                        {
                            throw new CliException($"{where}: {ex.Message.Split(" (Parameter", 2)[0]}");
                        }

                        break;
                    case "xapi-files":
                        // Statements the host holds in files: erased by rewriting the learner's agents as keyed pseudonyms.
                        var homePage = RequiredString(store, "homePage", where);
                        var keyPath = System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, RequiredString(store, "keyFile", where)));
                        var key = PseudonymCommand.LoadKey(context, keyPath, OptionalString(store, "keyId", where) ?? "k1");
                        if (store.TryGetProperty("agents", out var fileAgents) && fileAgents.ValueKind == JsonValueKind.Array)
                        {
                            foreach (var agent in fileAgents.EnumerateArray())
                            {
                                var text = agent.GetRawText();
                                if (!SubjectAgent.TryParse(text.Replace("{subject}", "x", StringComparison.Ordinal), out _, out var error))
                                {
                                    throw new CliException($"{where}: agents: {error}");
                                }

                                templates.Add(text);
                            }
                        }

                        try
                        {
                            list.Add(new StatementFileStore(
                                name,
                                System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, RequiredString(store, "path", where))),
                                new StatementPseudonymizer(new Pseudonymizer(key), homePage)));
                        }
                        catch (ArgumentException ex)
                        {
                            throw new CliException($"{where}: {ex.Message.Split(" (Parameter", 2)[0]}");
                        }

                        break;
                    default:
                        throw new CliException($"{where}: type must be \"json-folder\", \"lrs\" or \"xapi-files\".");
                }
            }

            try
            {
                _ = new PersonalDataStoreRegistry(list);
            }
            catch (ArgumentException ex)
            {
                throw new CliException($"config '{path}': {ex.Message.Split(" (Parameter", 2)[0]}");
            }

            return new DsrConfig(full, list, templates);
        }
    }

    private static StoreDescription ReadDescription(JsonElement store, string where)
    {
        if (!store.TryGetProperty("collections", out var collections) || collections.ValueKind != JsonValueKind.Object)
        {
            throw new CliException($"{where}: \"collections\" must be an object of collection name → {{\"fields\": {{...}}}}.");
        }

        var tables = new List<StoreTable>();
        foreach (var collection in collections.EnumerateObject())
        {
            var fields = new List<StoreField>();
            if (!collection.Value.TryGetProperty("fields", out var fieldsElement) || fieldsElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"{where}.collections.{collection.Name}: \"fields\" must be an object.");
            }

            foreach (var field in fieldsElement.EnumerateObject())
            {
                string? categoryText;
                string? purpose = null;
                if (field.Value.ValueKind == JsonValueKind.String)
                {
                    categoryText = field.Value.GetString();
                }
                else if (field.Value.ValueKind == JsonValueKind.Object)
                {
                    categoryText = OptionalString(field.Value, "category", where);
                    purpose = OptionalString(field.Value, "purpose", where);
                }
                else
                {
                    categoryText = null;
                }

                DataCategory? category = null;
                if (categoryText is not null)
                {
                    category = DataCategories.TryParse(categoryText, out var parsed)
                        ? parsed
                        : throw new CliException($"{where}.collections.{collection.Name}.{field.Name}: unknown data category '{categoryText}'.");
                }

                fields.Add(new StoreField(field.Name, category, purpose));
            }

            tables.Add(new StoreTable(collection.Name, fields, OptionalString(collection.Value, "summary", where)));
        }

        return new StoreDescription(tables);
    }

    private static string RequiredString(JsonElement element, string name, string where) =>
        OptionalString(element, name, where) is { Length: > 0 } value ? value : throw new CliException($"{where}: \"{name}\" is required.");

    private static string? OptionalString(JsonElement element, string name, string where)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new CliException($"{where}: \"{name}\" must be a string.");
    }
}
