using System.Globalization;
using System.Text.Json;

namespace LmsPrivacy.Cli.Commands.Check.Analyzers;

/// <summary>
/// Reads a record of processing for the cross-artifact review: the controller's country, and every processor,
/// sub-processor and recipient with the hosts or domains it names.
/// </summary>
internal sealed class RopaAnalyzer : IArtifactAnalyzer
{
    private static readonly HashSet<string> PartyKeys = new(StringComparer.Ordinal)
    {
        "processors", "subprocessors", "recipients", "vendors", "thirdparties",
    };

    public string Name => "check (built-in record-of-processing reader)";

    public bool AppliesTo(ArtifactKind kind) => kind == ArtifactKind.Ropa;

    public void Analyze(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        using var document = context.LoadJson(artifact, result);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        if (JsonLookup.TryGet(root, out var controller, "controller", "organisation", "organization") && controller.ValueKind == JsonValueKind.Object)
        {
            var country = JsonLookup.Text(controller, "country", "countryCode")
                ?? (JsonLookup.TryGet(controller, out var address, "address") ? JsonLookup.Text(address, "country", "countryCode") : null);
            if (country is { Length: 2 })
            {
                context.Report.ControllerCountry ??= country.ToUpperInvariant();
            }
        }

        var activities = JsonLookup.TryGet(root, out var list, "activities", "processingActivities", "processing") && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
        var before = context.Report.DeclaredParties.Count;
        Collect(root, "$", null, 0, artifact, result, context);
        var parties = context.Report.DeclaredParties.Skip(before).ToList();
        result.Facts.Add(string.Create(CultureInfo.InvariantCulture,
            $"{activities} processing activit{(activities == 1 ? "y" : "ies")}; {parties.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count()} processor(s), sub-processor(s) and recipient(s) declared"));
    }

    private static void Collect(JsonElement element, string path, string? parentRole, int depth, DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        if (depth > 24)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, $"{path}[{i++}]", parentRole, depth + 1, artifact, result, context);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            var key = JsonLookup.Normalize(property.Name);
            var propertyPath = path + "." + property.Name;
            if (PartyKeys.Contains(key) && property.Value.ValueKind == JsonValueKind.Array)
            {
                var role = key switch
                {
                    "subprocessors" => "sub-processor",
                    "processors" => parentRole is "processor" or "sub-processor" ? "sub-processor" : "processor",
                    _ => "recipient",
                };
                var i = 0;
                foreach (var party in property.Value.EnumerateArray())
                {
                    var partyPath = $"{propertyPath}[{i++}]";
                    if (party.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    var name = JsonLookup.Text(party, "name", "legalName", "id") ?? "(unnamed)";
                    var partyRole = JsonLookup.Text(party, "role") switch
                    {
                        { } r when r.Contains("sub", StringComparison.OrdinalIgnoreCase) => "sub-processor",
                        { } r when r.Contains("processor", StringComparison.OrdinalIgnoreCase) => "processor",
                        { } r when r.Contains("controller", StringComparison.OrdinalIgnoreCase) => "independent controller",
                        { } r when r.Contains("internal", StringComparison.OrdinalIgnoreCase) => "internal recipient",
                        _ => role,
                    };
                    Add(name, partyRole, JsonLookup.HostsOf(party, PartyKeys), partyPath, artifact, result, context);
                    Collect(party, partyPath, partyRole, depth + 1, artifact, result, context);
                }
            }
            else
            {
                Collect(property.Value, propertyPath, parentRole, depth + 1, artifact, result, context);
            }
        }
    }

    private static void Add(string name, string role, List<string> hosts, string path, DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        var existing = context.Report.DeclaredParties.FindIndex(p =>
            string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase) && p.Artifact == artifact.DisplayPath);
        if (existing >= 0)
        {
            var merged = context.Report.DeclaredParties[existing];
            context.Report.DeclaredParties[existing] = merged with
            {
                Hosts = [.. merged.Hosts.Union(hosts, StringComparer.Ordinal)],
                Role = merged.Role == "recipient" ? role : merged.Role,
            };
            return;
        }

        context.Report.DeclaredParties.Add(new DeclaredParty(name, role, hosts, artifact.DisplayPath, path));
        if (hosts.Count == 0 && role is "processor" or "sub-processor")
        {
            result.Findings.Add(CheckRules.RopaProcessorNoHost.At(path, $"The {role} '{name}' names no host or domain; add its domains so content that contacts it can be matched."));
        }
    }
}
