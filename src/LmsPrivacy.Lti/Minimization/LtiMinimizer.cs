using System.Buffers;
using System.Text.Json;
using LmsPrivacy.Findings;
using LmsPrivacy.Lti.Claims;

namespace LmsPrivacy.Lti.Minimization;

/// <summary>Removes from a launch every claim (or object member) whose category a purpose does not need.</summary>
/// <remarks>
/// Classification is the one of <see cref="LtiClaimClassifier"/>: object claims the catalog splits, and the
/// <c>custom</c> claim, are filtered member by member, and an object left empty is dropped. Thread-safe.
/// </remarks>
public sealed class LtiMinimizer
{
    private readonly LtiMinimizationPolicy _policy;
    private readonly LtiClaimClassifier _classifier;

    /// <summary>Initializes a minimizer.</summary>
    /// <param name="policy">The categories to keep.</param>
    /// <param name="classifier">The classifier (with the host's own claims), or <see langword="null"/> for the built-in catalog.</param>
    public LtiMinimizer(LtiMinimizationPolicy policy, LtiClaimClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        _policy = policy;
        _classifier = classifier ?? LtiClaimClassifier.Default;
    }

    /// <summary>Gets the policy.</summary>
    public LtiMinimizationPolicy Policy => _policy;

    /// <summary>Minimizes a launch payload.</summary>
    /// <param name="payload">The payload.</param>
    /// <returns>The minimized payload (an empty object when the input is not an object, with a finding) and what was dropped.</returns>
    public LtiMinimizationResult Minimize(JsonElement payload)
    {
        var findings = new List<Finding>();
        var nodes = ClaimTree.Build(payload, findings, _classifier.Additional);
        var dropped = new List<string>();
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var node in nodes)
            {
                if (_policy.DropMigrationClaims && LtiClaimCatalog.IsMigrationClaim(node.Name))
                {
                    dropped.Add(node.Path);
                    continue;
                }

                if (node.Members is null)
                {
                    if (_policy.Keep.Contains(node.Category))
                    {
                        writer.WritePropertyName(node.Name);
                        node.Value.WriteTo(writer);
                    }
                    else
                    {
                        dropped.Add(node.Path);
                    }

                    continue;
                }

                var kept = node.Members.Where(m => _policy.Keep.Contains(m.Category)).ToList();
                dropped.AddRange(node.Members.Where(m => !_policy.Keep.Contains(m.Category)).Select(m => m.Path));
                if (kept.Count == 0)
                {
                    if (node.Members.Count == 0 && !_policy.Keep.Contains(node.Category))
                    {
                        dropped.Add(node.Path);
                    }
                    else if (node.Members.Count == 0)
                    {
                        writer.WritePropertyName(node.Name);
                        node.Value.WriteTo(writer);
                    }

                    continue;
                }

                writer.WriteStartObject(node.Name);
                foreach (var member in kept)
                {
                    writer.WritePropertyName(member.Name);
                    member.Value.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return new LtiMinimizationResult(document.RootElement.Clone(), dropped, new ValidationReport(findings));
    }
}
