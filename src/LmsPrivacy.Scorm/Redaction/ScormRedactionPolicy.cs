using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LmsPrivacy.Classification;

namespace LmsPrivacy.Scorm.Redaction;

/// <summary>
/// Which <see cref="ScormRedactionAction"/> applies to each element: by element pattern first, then by the element's
/// <see cref="DataCategory"/>, then <see cref="Default"/> (which also covers elements the data model does not know).
/// </summary>
public sealed record ScormRedactionPolicy
{
    /// <summary>Gets the action for unknown elements and categories the policy does not name.</summary>
    /// <value>The default is <see cref="ScormRedactionAction.Drop"/>.</value>
    public ScormRedactionAction Default { get; init; } = ScormRedactionAction.Drop;

    /// <summary>Gets the action per category.</summary>
    public ImmutableDictionary<DataCategory, ScormRedactionAction> Categories { get; init; } = ImmutableDictionary<DataCategory, ScormRedactionAction>.Empty;

    /// <summary>Gets the action per element pattern (such as <c>cmi.location</c> or <c>cmi.interactions.n.result</c>), overriding the category.</summary>
    public ImmutableDictionary<string, ScormRedactionAction> Elements { get; init; } = ImmutableDictionary.Create<string, ScormRedactionAction>(StringComparer.Ordinal);

    /// <summary>Gets the preset <c>pseudonymize</c>: identifiers become pseudonyms, learner-written text and special categories are dropped, the rest is kept.</summary>
    public static ScormRedactionPolicy Pseudonymized { get; } = new()
    {
        Default = ScormRedactionAction.Drop,
        Categories = new Dictionary<DataCategory, ScormRedactionAction>
        {
            [DataCategory.DirectIdentifier] = ScormRedactionAction.Pseudonymize,
            [DataCategory.PseudonymousIdentifier] = ScormRedactionAction.Pseudonymize,
            [DataCategory.QuasiIdentifier] = ScormRedactionAction.Keep,
            [DataCategory.Behavioural] = ScormRedactionAction.Keep,
            [DataCategory.AssessmentResult] = ScormRedactionAction.Keep,
            [DataCategory.Preference] = ScormRedactionAction.Keep,
            [DataCategory.Technical] = ScormRedactionAction.Keep,
        }.ToImmutableDictionary(),
    };

    /// <summary>Gets the preset <c>minimal</c>: identifiers become pseudonyms; results, progress and technical data are kept; everything else is dropped.</summary>
    public static ScormRedactionPolicy Minimal { get; } = new()
    {
        Default = ScormRedactionAction.Drop,
        Categories = new Dictionary<DataCategory, ScormRedactionAction>
        {
            [DataCategory.DirectIdentifier] = ScormRedactionAction.Pseudonymize,
            [DataCategory.PseudonymousIdentifier] = ScormRedactionAction.Pseudonymize,
            [DataCategory.Behavioural] = ScormRedactionAction.Keep,
            [DataCategory.AssessmentResult] = ScormRedactionAction.Keep,
            [DataCategory.Technical] = ScormRedactionAction.Keep,
        }.ToImmutableDictionary(),
    };

    /// <summary>Gets the preset <c>statistics</c>: only results and technical data are kept; no identifier, not even a pseudonym.</summary>
    public static ScormRedactionPolicy Statistics { get; } = new()
    {
        Default = ScormRedactionAction.Drop,
        Categories = new Dictionary<DataCategory, ScormRedactionAction>
        {
            [DataCategory.AssessmentResult] = ScormRedactionAction.Keep,
            [DataCategory.Technical] = ScormRedactionAction.Keep,
        }.ToImmutableDictionary(),
    };

    /// <summary>Gets the presets by name: <c>pseudonymize</c>, <c>minimal</c>, <c>statistics</c>.</summary>
    public static FrozenDictionary<string, ScormRedactionPolicy> Presets { get; } = new Dictionary<string, ScormRedactionPolicy>(StringComparer.Ordinal)
    {
        ["pseudonymize"] = Pseudonymized,
        ["minimal"] = Minimal,
        ["statistics"] = Statistics,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Gets a value indicating whether some rule pseudonymizes (a key is then needed).</summary>
    public bool UsesPseudonymization =>
        Default == ScormRedactionAction.Pseudonymize || Categories.ContainsValue(ScormRedactionAction.Pseudonymize) || Elements.ContainsValue(ScormRedactionAction.Pseudonymize);

    /// <summary>Returns the action for an element.</summary>
    /// <param name="pattern">The element's pattern, or <see langword="null"/> for an unknown element.</param>
    /// <param name="category">The element's category, or <see langword="null"/> for an unknown element.</param>
    /// <returns>The action.</returns>
    public ScormRedactionAction ActionFor(string? pattern, DataCategory? category) =>
        pattern is not null && Elements.TryGetValue(pattern, out var byElement) ? byElement
        : category is { } c && Categories.TryGetValue(c, out var byCategory) ? byCategory
        : Default;

    /// <summary>Parses a policy document: <c>{"default": "drop", "categories": {"direct-identifier": "pseudonymize"}, "elements": {"cmi.location": "keep"}}</c>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="policy">The policy when the document is valid.</param>
    /// <param name="error">One line saying what is wrong, when it is not.</param>
    /// <returns>Whether the document is a valid policy.</returns>
    public static bool TryParse(string json, [NotNullWhen(true)] out ScormRedactionPolicy? policy, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        policy = null;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "The policy must be a JSON object.";
                return false;
            }

            var result = new ScormRedactionPolicy();
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "default":
                        if (!TryAction(property.Value, out var action, out error))
                        {
                            return false;
                        }

                        result = result with { Default = action };
                        break;
                    case "categories":
                        if (property.Value.ValueKind != JsonValueKind.Object)
                        {
                            error = "\"categories\" must be an object of category → action.";
                            return false;
                        }

                        var categories = ImmutableDictionary.CreateBuilder<DataCategory, ScormRedactionAction>();
                        foreach (var entry in property.Value.EnumerateObject())
                        {
                            if (!DataCategories.TryParse(entry.Name, out var category))
                            {
                                error = $"Unknown data category '{entry.Name}'.";
                                return false;
                            }

                            if (!TryAction(entry.Value, out var categoryAction, out error))
                            {
                                return false;
                            }

                            categories[category] = categoryAction;
                        }

                        result = result with { Categories = categories.ToImmutable() };
                        break;
                    case "elements":
                        if (property.Value.ValueKind != JsonValueKind.Object)
                        {
                            error = "\"elements\" must be an object of element pattern → action.";
                            return false;
                        }

                        var elements = ImmutableDictionary.CreateBuilder<string, ScormRedactionAction>(StringComparer.Ordinal);
                        foreach (var entry in property.Value.EnumerateObject())
                        {
                            if (!TryAction(entry.Value, out var elementAction, out error))
                            {
                                return false;
                            }

                            elements[NormalizePattern(entry.Name)] = elementAction;
                        }

                        result = result with { Elements = elements.ToImmutable() };
                        break;
                    default:
                        error = $"Unknown policy property '{property.Name}'; expected default, categories, elements.";
                        return false;
                }
            }

            policy = result;
            error = null;
            return true;
        }
        catch (JsonException ex)
        {
            error = $"The policy is not valid JSON (line {(ex.LineNumber ?? 0) + 1}).";
            return false;
        }
    }

    /// <summary>Parses a policy document.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="FormatException">The document is not a valid policy.</exception>
    public static ScormRedactionPolicy Parse(string json) => TryParse(json, out var policy, out var error) ? policy : throw new FormatException(error);

    private static string NormalizePattern(string element)
    {
        Span<char> buffer = stackalloc char[DataModel.ScormDataModel.MaxPathLength + 16];
        var length = element.Length <= DataModel.ScormDataModel.MaxPathLength ? DataModel.ScormDataModel.Normalize(element, buffer) : 0;
        return length > 0 ? new string(buffer[..length]) : element;
    }

    private static bool TryAction(JsonElement value, out ScormRedactionAction action, [NotNullWhen(false)] out string? error)
    {
        if (value.ValueKind == JsonValueKind.String && ScormRedactionActions.TryParse(value.GetString(), out action))
        {
            error = null;
            return true;
        }

        action = default;
        error = "Actions are \"keep\", \"drop\", \"hash\" or \"pseudonymize\".";
        return false;
    }
}
