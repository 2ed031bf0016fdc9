using System.Globalization;
using System.Text.Json;

namespace LmsPrivacy.Cli.Commands.Check.Analyzers;

/// <summary>
/// A built-in reading of a retention registry: contexts whose retention clock never starts because their anchor
/// (course end date, user last access) is missing — the seed guide's issue 2. The Retention package's evaluator
/// replaces it when that package is available.
/// </summary>
internal sealed class RetentionRegistryAnalyzer : IFallbackAnalyzer
{
    public string Name => "check (built-in retention anchor review, when the Retention package cannot read the registry)";

    public bool AppliesTo(ArtifactKind kind) => kind == ArtifactKind.RetentionRegistry;

    public void Analyze(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        if (result.HandledByPackage)
        {
            return; // LmsPrivacy.Retention evaluated the registry
        }

        using var document = context.LoadJson(artifact, result);
        if (document is null)
        {
            return;
        }

        var root = document.RootElement;
        var purposes = JsonLookup.TryGet(root, out var p, "purposes") && p.ValueKind == JsonValueKind.Array ? p.GetArrayLength() : 0;
        var contexts = 0;
        var noAnchor = 0;
        if (JsonLookup.TryGet(root, out var list, "contexts", "contextTree", "tree"))
        {
            Walk(list, "$." + (JsonLookup.TryGet(root, out _, "contexts") ? "contexts" : "tree"), 0);
        }

        result.Facts.Add(string.Create(CultureInfo.InvariantCulture, $"{purposes} purpose(s), {contexts} context(s), {noAnchor} without an anchor"));

        void Walk(JsonElement element, string path, int depth)
        {
            if (depth > 32)
            {
                return;
            }

            if (element.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{i++}]", depth + 1);
                }

                return;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            contexts++;
            var id = JsonLookup.Text(element, "id", "name") ?? (JsonLookup.Number(element, "id") is { } n ? n.ToString(CultureInfo.InvariantCulture) : path);
            var kind = (JsonLookup.Text(element, "kind", "type", "level") ?? "context").ToLowerInvariant();
            var anchorNames = kind switch
            {
                "course" => new[] { "endDate", "courseEnd", "end", "anchor", "anchorDate", "fixedDate" },
                "user" => ["lastAccess", "lastLogin", "lastAccessAt", "anchor", "anchorDate", "fixedDate"],
                _ => [],
            };
            if (anchorNames.Length > 0)
            {
                var anchored = JsonLookup.TryGet(element, out var anchor, anchorNames) && anchor.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
                    && !(anchor.ValueKind == JsonValueKind.String && anchor.GetString()!.Length == 0)
                    && !(anchor.ValueKind == JsonValueKind.Number && anchor.GetDouble() == 0);
                if (!anchored)
                {
                    noAnchor++;
                    var what = kind == "course" ? "has no end date" : "has never logged in (no last access)";
                    context.Report.RetentionClocks.Add(new RetentionClock(artifact.DisplayPath, id, kind, "no-anchor", null, $"the {kind} {what}: the retention clock never starts"));
                    result.Findings.Add(CheckRules.RetentionNoAnchor.At(path, $"This {kind} {what}, so its retention period never starts and its data is never deleted; set the anchor or use a fixed date."));
                }
                else
                {
                    context.Report.RetentionClocks.Add(new RetentionClock(artifact.DisplayPath, id, kind, "anchored", null, "the anchor date is set"));
                }
            }

            if (JsonLookup.TryGet(element, out var children, "children", "contexts"))
            {
                Walk(children, path + ".children", depth + 1);
            }
        }
    }
}
