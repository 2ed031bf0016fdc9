using System.Text.Json;

namespace LmsPrivacy.Cli.Commands.Check.Analyzers;

/// <summary>Tolerant lookups over documents whose exact shape varies (camelCase, snake_case, kebab-case keys).</summary>
internal static class JsonLookup
{
    public static string Normalize(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 128)];
        var length = 0;
        foreach (var c in name)
        {
            if (c is '_' or '-' or ' ')
            {
                continue;
            }

            if (length == buffer.Length)
            {
                break;
            }

            buffer[length++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..length]);
    }

    /// <summary>The first property (depth-first, document order, bounded depth) whose normalized name is one of <paramref name="names"/>.</summary>
    public static bool TryFind(JsonElement element, out JsonElement found, out string path, params string[] names) =>
        TryFind(element, "$", 0, names.Select(Normalize).ToHashSet(StringComparer.Ordinal), out found, out path);

    /// <summary>A direct property of an object, by normalized name.</summary>
    public static bool TryGet(JsonElement element, out JsonElement value, params string[] names)
    {
        value = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var wanted = names.Select(Normalize).ToHashSet(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (wanted.Contains(Normalize(property.Name)))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>The first of <paramref name="names"/> (in that priority order) that is a string property.</summary>
    public static string? Text(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (TryGet(element, out var value, name) && value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }
        }

        return null;
    }

    public static double? Number(JsonElement element, params string[] names) =>
        TryGet(element, out var value, names) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public static bool? Flag(JsonElement element, params string[] names) =>
        TryGet(element, out var value, names) ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        } : null;

    /// <summary>Whether a value says "yes": true, a non-empty string other than "no"/"none", a non-empty array or object.</summary>
    public static bool IsPresent(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => value.GetString() is { Length: > 0 } s && !s.Equals("no", StringComparison.OrdinalIgnoreCase) && !s.Equals("none", StringComparison.OrdinalIgnoreCase),
        JsonValueKind.Array => value.GetArrayLength() > 0,
        JsonValueKind.Object => value.EnumerateObject().Any(),
        JsonValueKind.Number => true,
        _ => false,
    };

    /// <summary>Host names in the host-like properties of an object (not descending into nested parties).</summary>
    public static List<string> HostsOf(JsonElement party, ISet<string> nestedPartyKeys)
    {
        var hosts = new List<string>();
        Collect(party, 0);
        return hosts;

        void Collect(JsonElement element, int depth)
        {
            if (depth > 8 || element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (var property in element.EnumerateObject())
            {
                var key = Normalize(property.Name);
                if (nestedPartyKeys.Contains(key))
                {
                    continue;
                }

                if (key is "host" or "hosts" or "domain" or "domains" or "url" or "urls" or "website" or "endpoint" or "endpoints" or "hostnames")
                {
                    foreach (var text in Strings(property.Value))
                    {
                        if (Hosts.TryGetHost(text, out var host) && !hosts.Contains(host))
                        {
                            hosts.Add(host);
                        }
                    }
                }
                else if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    Collect(property.Value, depth + 1);
                }
            }
        }
    }

    public static IEnumerable<string> Strings(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            yield return value.GetString()!;
        }
        else if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    yield return item.GetString()!;
                }
            }
        }
    }

    private static bool TryFind(JsonElement element, string at, int depth, HashSet<string> names, out JsonElement found, out string path)
    {
        found = default;
        path = at;
        if (depth > 16)
        {
            return false;
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (names.Contains(Normalize(property.Name)))
                {
                    found = property.Value;
                    path = at + "." + property.Name;
                    return true;
                }
            }

            foreach (var property in element.EnumerateObject())
            {
                if (TryFind(property.Value, at + "." + property.Name, depth + 1, names, out found, out path))
                {
                    return true;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (TryFind(item, $"{at}[{i++}]", depth + 1, names, out found, out path))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
