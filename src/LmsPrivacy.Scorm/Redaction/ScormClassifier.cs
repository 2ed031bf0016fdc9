using System.Collections.Immutable;
using LmsPrivacy.Classification;
using LmsPrivacy.Scorm.DataModel;

namespace LmsPrivacy.Scorm.Redaction;

/// <summary>How one element of a snapshot is classified.</summary>
/// <param name="Element">The element path as given.</param>
/// <param name="Descriptor">The catalog entry, or <see langword="null"/> when the data model does not know the element.</param>
/// <param name="Category">The category (refined by the interaction type for responses), or <see langword="null"/> when unknown.</param>
/// <param name="Reason">Why the element has its category.</param>
public sealed record ScormElementClassification(string Element, ScormElement? Descriptor, DataCategory? Category, string Reason)
{
    /// <summary>Gets a value indicating whether the data model knows the element.</summary>
    public bool Known => Descriptor is not null;

    /// <summary>Gets a value indicating whether the value is (or, unknown, may be) personal data.</summary>
    public bool IsPersonalData => Category?.IsPersonalData() ?? true;
}

/// <summary>Reports which elements of a snapshot are personal data and why.</summary>
/// <remarks>
/// Uses the catalog category; for learner responses whose interaction type is known earlier in the snapshot, coded
/// answers (true-false, choice, likert, matching, sequencing, numeric) are assessment results, while fill-in,
/// long-fill-in, performance and other stay learner-written content. Unknown elements are treated as possibly personal.
/// </remarks>
public static class ScormClassifier
{
    private const string UnknownReason = "Not an element of the data model: an extension whose content is unknown; treat as personal data.";

    /// <summary>Classifies element paths (no values needed).</summary>
    /// <param name="version">The SCORM version.</param>
    /// <param name="elements">The element paths.</param>
    /// <returns>One classification per path, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="elements"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<ScormElementClassification> Classify(ScormVersion version, IEnumerable<string> elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        var model = ScormDataModel.For(version);
        return [.. elements.Select(e => model.TryFind(e, out var d) ? new ScormElementClassification(e, d, d.Category, d.Reason) : new ScormElementClassification(e, null, null, UnknownReason))];
    }

    /// <summary>Classifies a snapshot's elements, refining learner responses by the interaction type the snapshot sets.</summary>
    /// <param name="version">The SCORM version.</param>
    /// <param name="snapshot">The element → value pairs.</param>
    /// <returns>One classification per element, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<ScormElementClassification> ClassifySnapshot(ScormVersion version, IEnumerable<KeyValuePair<string, string>> snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var pairs = snapshot.ToList();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (element, value) in pairs)
        {
            if (element.StartsWith("cmi.interactions.", StringComparison.Ordinal) && element.EndsWith(".type", StringComparison.Ordinal))
            {
                types[element[..^".type".Length]] = value;
            }
        }

        var model = ScormDataModel.For(version);
        var builder = ImmutableArray.CreateBuilder<ScormElementClassification>(pairs.Count);
        foreach (var (element, _) in pairs)
        {
            if (!model.TryFind(element, out var descriptor))
            {
                builder.Add(new ScormElementClassification(element, null, null, UnknownReason));
                continue;
            }

            if (descriptor.Pattern is "cmi.interactions.n.learner_response" or "cmi.interactions.n.student_response"
                && types.TryGetValue(element[..element.LastIndexOf('.')], out var type)
                && type is "true-false" or "choice" or "likert" or "matching" or "sequencing" or "numeric")
            {
                builder.Add(new ScormElementClassification(element, descriptor, DataCategory.AssessmentResult, $"The learner's coded answer to a {type} interaction: an assessment result, not free text."));
                continue;
            }

            builder.Add(new ScormElementClassification(element, descriptor, descriptor.Category, descriptor.Reason));
        }

        return builder.MoveToImmutable();
    }
}
