using System.Collections.Immutable;
using System.Globalization;
using LmsPrivacy.Findings;
using LmsPrivacy.Scorm.DataModel;

namespace LmsPrivacy.Scorm.Validation;

/// <summary>
/// Applies a snapshot (element → value, in document order) as a SCO's sequence of SetValue calls: collections must
/// grow in order, SCORM 2004 interactions and objectives need their <c>id</c> first and responses need the interaction
/// <c>type</c> first (408), objective ids are unique and write-once (351), and each response is checked against the
/// type set earlier.
/// </summary>
/// <remarks>Thread-safe: each call keeps its own state.</remarks>
public sealed class ScormSnapshotValidator
{
    /// <summary>The default greatest number of elements checked in one snapshot.</summary>
    public const int DefaultMaxElements = 100_000;

    private readonly int _maxElements;

    /// <summary>Initializes a validator with the default element limit.</summary>
    public ScormSnapshotValidator()
        : this(DefaultMaxElements)
    {
    }

    /// <summary>Initializes a validator.</summary>
    /// <param name="maxElements">The greatest number of elements checked; the rest are reported as one finding.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxElements"/> is less than 1.</exception>
    public ScormSnapshotValidator(int maxElements)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxElements, 1);
        _maxElements = maxElements;
    }

    /// <summary>Applies the snapshot's elements in order.</summary>
    /// <param name="version">The SCORM version.</param>
    /// <param name="snapshot">The element → value pairs, in the order a SCO would set them.</param>
    /// <returns>The per-element outcomes and all findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public ScormSnapshotReport Validate(ScormVersion version, IEnumerable<KeyValuePair<string, string>> snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var model = ScormDataModel.For(version);
        var state = new State(version);
        var entries = ImmutableArray.CreateBuilder<ScormSnapshotEntry>();
        var findings = ImmutableArray.CreateBuilder<Finding>();
        var count = 0;
        foreach (var (element, value) in snapshot)
        {
            ArgumentNullException.ThrowIfNull(element, nameof(snapshot));
            ArgumentNullException.ThrowIfNull(value, nameof(snapshot));
            if (++count > _maxElements)
            {
                findings.Add(ScormRules.SnapshotTooManyElements.At("$", string.Create(CultureInfo.InvariantCulture, $"Only the first {_maxElements} elements were checked.")));
                break;
            }

            var result = Apply(model, state, element, value);
            entries.Add(new ScormSnapshotEntry(element, value, result));
            findings.AddRange(result.Findings);
        }

        return new ScormSnapshotReport(version, entries.ToImmutable(), findings.ToImmutable());
    }

    private static ScormSetResult Apply(ScormDataModel model, State state, string path, string value)
    {
        var v12 = state.Version == ScormVersion.Scorm12;
        if (!model.TryFind(path, out var element) || element.IsKeyword || element.Access == ScormAccess.ReadOnly)
        {
            return ScormValueValidator.ValidateSet(state.Version, path, value);
        }

        // Collection order: every index must be at most the collection's current _count.
        var segments = path.Split('.');
        var indexes = new List<(string Collection, int Index)>();
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && segments[i].All(char.IsAsciiDigit))
            {
                var collection = string.Join('.', segments[..i]);
                if (!int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    index = int.MaxValue;
                }

                indexes.Add((collection, index));
            }
        }

        foreach (var (collection, index) in indexes)
        {
            if (index > state.Count(collection))
            {
                return ScormValueValidator.Fail(v12 ? ScormErrorCodes.InvalidArgument12 : ScormErrorCodes.GeneralSetFailure2004,
                    ScormRules.ValueIndexOutOfOrder.At(path, string.Create(CultureInfo.InvariantCulture, $"Index {index} skips ahead: the collection has {state.Count(collection)} entries.")));
            }
        }

        var pattern = element.Pattern;
        string? interactionType = null;
        if (pattern.StartsWith("cmi.interactions.n.", StringComparison.Ordinal))
        {
            var key = indexes[0].Index;
            state.InteractionTypes.TryGetValue(key, out interactionType);
            if (!v12 && pattern != "cmi.interactions.n.id" && !state.InteractionIds.Contains(key))
            {
                return Dependency(path, "Set cmi.interactions.n.id before any other element of the interaction.");
            }

            if (!v12 && interactionType is null
                && pattern is "cmi.interactions.n.learner_response" or "cmi.interactions.n.correct_responses.n.pattern")
            {
                return Dependency(path, "Set cmi.interactions.n.type before the response or correct-response pattern.");
            }
        }
        else if (!v12 && pattern.StartsWith("cmi.objectives.n.", StringComparison.Ordinal) && pattern != "cmi.objectives.n.id"
            && !state.ObjectiveIds.ContainsKey(indexes[0].Index))
        {
            return Dependency(path, "Set cmi.objectives.n.id before any other element of the objective.");
        }

        if (!v12 && pattern == "cmi.objectives.n.id")
        {
            var key = indexes[0].Index;
            if (state.ObjectiveIds.TryGetValue(key, out var existing) ? existing != value : state.ObjectiveIds.ContainsValue(value))
            {
                return ScormValueValidator.Fail(ScormErrorCodes.GeneralSetFailure2004,
                    ScormRules.ValueDuplicateId.At(path, "The objective id is already used by another objective, or differs from the id set before."));
            }
        }

        var result = ScormValueValidator.ValidateValue(element, path, value, interactionType);
        if (!result.IsValid)
        {
            return result;
        }

        // The call succeeded: record what it established.
        foreach (var (collection, index) in indexes)
        {
            if (index == state.Count(collection))
            {
                state.Counts[collection] = index + 1;
            }
        }

        switch (pattern)
        {
            case "cmi.interactions.n.id":
                state.InteractionIds.Add(indexes[0].Index);
                break;
            case "cmi.interactions.n.type":
                state.InteractionTypes[indexes[0].Index] = value;
                break;
            case "cmi.objectives.n.id" when !v12:
                state.ObjectiveIds[indexes[0].Index] = value;
                break;
        }

        return result;
    }

    private static ScormSetResult Dependency(string path, string message) =>
        ScormValueValidator.Fail(ScormErrorCodes.Dependency2004, ScormRules.ValueDependency.At(path, message));

    private sealed class State(ScormVersion version)
    {
        public ScormVersion Version { get; } = version;

        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

        public HashSet<int> InteractionIds { get; } = [];

        public Dictionary<int, string> InteractionTypes { get; } = [];

        public Dictionary<int, string> ObjectiveIds { get; } = [];

        public int Count(string collection) => Counts.GetValueOrDefault(collection);
    }
}
