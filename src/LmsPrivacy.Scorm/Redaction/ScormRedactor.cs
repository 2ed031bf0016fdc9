using System.Collections.Immutable;
using LmsPrivacy.Classification;
using LmsPrivacy.Pseudonymization;

namespace LmsPrivacy.Scorm.Redaction;

/// <summary>What redaction did to one element.</summary>
/// <param name="Element">The element path.</param>
/// <param name="Category">Its category, or <see langword="null"/> when unknown.</param>
/// <param name="Action">The action applied.</param>
public sealed record ScormRedactionDecision(string Element, DataCategory? Category, ScormRedactionAction Action);

/// <summary>A redacted snapshot and the decision for each element.</summary>
/// <param name="Snapshot">The elements kept, hashed or pseudonymized, in their original order.</param>
/// <param name="Decisions">One decision per input element, in order.</param>
public sealed record ScormRedactionResult(ImmutableArray<KeyValuePair<string, string>> Snapshot, ImmutableArray<ScormRedactionDecision> Decisions);

/// <summary>Redacts a CMI snapshot (element → value) by <see cref="ScormRedactionPolicy"/>.</summary>
/// <remarks>Thread-safe. Pseudonyms come from Core's keyed <see cref="Pseudonymizer"/> over the value alone, so the same learner id gets the same pseudonym in every snapshot.</remarks>
public sealed class ScormRedactor
{
    private readonly ScormRedactionPolicy _policy;
    private readonly Pseudonymizer? _pseudonymizer;

    /// <summary>Initializes a redactor.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="pseudonymizer">The pseudonymizer; required when the policy pseudonymizes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The policy pseudonymizes but no pseudonymizer is given.</exception>
    public ScormRedactor(ScormRedactionPolicy policy, Pseudonymizer? pseudonymizer = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.UsesPseudonymization && pseudonymizer is null)
        {
            throw new ArgumentException("The policy pseudonymizes some elements; a pseudonymizer (key) is required.", nameof(pseudonymizer));
        }

        _policy = policy;
        _pseudonymizer = pseudonymizer;
    }

    /// <summary>Redacts a snapshot.</summary>
    /// <param name="version">The SCORM version.</param>
    /// <param name="snapshot">The element → value pairs.</param>
    /// <returns>The redacted snapshot and the decisions.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public ScormRedactionResult Redact(ScormVersion version, IEnumerable<KeyValuePair<string, string>> snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var pairs = snapshot.ToList();
        var classifications = ScormClassifier.ClassifySnapshot(version, pairs);
        var kept = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        var decisions = ImmutableArray.CreateBuilder<ScormRedactionDecision>(pairs.Count);
        for (var i = 0; i < pairs.Count; i++)
        {
            var (element, value) = pairs[i];
            var classification = classifications[i];
            var action = _policy.ActionFor(classification.Descriptor?.Pattern, classification.Category);
            decisions.Add(new ScormRedactionDecision(element, classification.Category, action));
            switch (action)
            {
                case ScormRedactionAction.Keep:
                    kept.Add(KeyValuePair.Create(element, value));
                    break;
                case ScormRedactionAction.Hash:
                    kept.Add(KeyValuePair.Create(element, TextHash.Sha256Hex(value)));
                    break;
                case ScormRedactionAction.Pseudonymize:
                    kept.Add(KeyValuePair.Create(element, _pseudonymizer!.Pseudonymize(value)));
                    break;
            }
        }

        return new ScormRedactionResult(kept.ToImmutable(), decisions.MoveToImmutable());
    }
}
