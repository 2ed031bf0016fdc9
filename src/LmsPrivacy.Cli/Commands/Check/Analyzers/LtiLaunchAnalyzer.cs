using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Lti.Claims;

namespace LmsPrivacy.Cli.Commands.Check.Analyzers;

/// <summary>
/// Reads an LTI 1.3 launch (the id_token's claims as JSON, or the compact JWT) and reports which personal data
/// the platform sends to which tool. The JWT's signature is not verified here (no platform keys).
/// </summary>
internal sealed class LtiLaunchAnalyzer : IArtifactAnalyzer
{
    private const string Claim = ContentRecognizers.LtiClaimPrefix;

    public string Name => "check (LTI launch review with LmsPrivacy.Lti claim classifier)";

    public bool AppliesTo(ArtifactKind kind) => kind == ArtifactKind.LtiLaunch;

    public void Analyze(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        using var document = Load(artifact, result, context);
        if (document is null)
        {
            return;
        }

        Review(document.RootElement, artifact, result, context);
    }

    internal static JsonDocument? Load(DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        var info = new FileInfo(artifact.FullPath);
        if (info.Length > context.Limits.SniffBytes)
        {
            return context.LoadJson(artifact, result);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(artifact.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            result.Status = ArtifactStatus.Failed;
            result.Findings.Add(CheckRules.InputUnreadable.At("$", "The launch could not be read."));
            return null;
        }

        if (ContentRecognizers.TryDecodeCompactJwt(bytes, out _, out var payload))
        {
            result.Facts.Add("compact JWT (id_token)");
            result.Findings.Add(CheckRules.LtiUnsigned.At("$", "The id_token's claims were read without verifying its signature; the tool must verify it against the platform's JWKS."));
            return context.ParseJson(payload, result);
        }

        return context.ParseJson(bytes, result);
    }

    private static void Review(JsonElement launch, DiscoveredArtifact artifact, ArtifactResult result, AnalysisContext context)
    {
        if (launch.ValueKind != JsonValueKind.Object)
        {
            result.Findings.Add(CheckRules.InputMalformed.At("$", "The launch is not a JSON object of claims."));
            return;
        }

        var platform = Text(launch, "iss") is { } iss && Hosts.TryGetHost(iss, out var p) ? p : "platform (iss not a URL)";
        var toolUrl = Text(launch, Claim + "target_link_uri");
        if (toolUrl is null && launch.TryGetProperty(Claim.Replace("/lti/", "/lti-dl/", StringComparison.Ordinal) + "deep_linking_settings", out var dl))
        {
            toolUrl = Text(dl, "deep_link_return_url");
        }

        var tool = toolUrl is not null && Hosts.TryGetHost(toolUrl, out var t) ? t : null;
        var messageType = Text(launch, Claim + "message_type") ?? "unknown message type";
        result.Facts.Add($"{messageType} from {platform} to {tool ?? "a tool (no target_link_uri)"}");

        var categories = new SortedSet<DataCategory>();
        var identity = new List<string>();
        if (launch.TryGetProperty("sub", out _))
        {
            categories.Add(DataCategory.PseudonymousIdentifier);
        }

        foreach (var claim in (string[])["name", "given_name", "family_name", "middle_name", "email", "picture"])
        {
            if (launch.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0)
            {
                identity.Add("$." + claim);
                categories.Add(DataCategory.DirectIdentifier);
            }
        }

        if (launch.TryGetProperty(Claim + "lis", out var lis) && lis.ValueKind == JsonValueKind.Object && lis.TryGetProperty("person_sourcedid", out _))
        {
            identity.Add($"$['{Claim}lis'].person_sourcedid");
            categories.Add(DataCategory.DirectIdentifier);
        }

        if (launch.TryGetProperty(Claim + "roles", out _) || launch.TryGetProperty(Claim + "context", out _))
        {
            categories.Add(DataCategory.QuasiIdentifier);
        }

        if (launch.TryGetProperty(Claim + "custom", out var custom) && custom.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in custom.EnumerateObject())
            {
                var key = property.Name.ToUpperInvariant();
                if (key.Contains("EMAIL", StringComparison.Ordinal) || key.Contains("NAME", StringComparison.Ordinal) || key.Contains("LOGIN", StringComparison.Ordinal))
                {
                    identity.Add($"$['{Claim}custom'].{property.Name}");
                    categories.Add(DataCategory.DirectIdentifier);
                }
            }
        }

        // LmsPrivacy.Lti's classifier: a data category for every claim it knows (and a conservative one for the rest).
        var classification = LtiClaimClassifier.Default.Classify(launch);
        result.Findings.AddRange(classification.Findings);
        foreach (var category in classification.Categories.Where(c => c.IsPersonalData()))
        {
            categories.Add(category);
        }

        if (identity.Count > 0)
        {
            result.Findings.Add(CheckRules.LtiIdentitySent.At(identity[0],
                $"The launch sends {identity.Count} identifying claim(s) ({string.Join(", ", identity.Select(i => i[(i.LastIndexOf('.') + 1)..]))}) to {tool ?? "the tool"}; send only 'sub' unless the tool needs more, and set the platform's privacy level accordingly."));
        }

        if (tool is not null)
        {
            context.Report.SeeHost(tool, new HostReference(artifact.DisplayPath, "$['" + Claim + "target_link_uri']", "lti-tool"), receivesLearnerData: categories.Count > 0);
        }

        if (categories.Count > 0)
        {
            context.Report.Flows.Add(new DataFlow(platform, tool ?? "LTI tool", [.. categories], "LTI launch (" + messageType + ")", artifact.DisplayPath));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
