namespace LmsPrivacy.Scorm.Redaction;

/// <summary>What redaction does with an element's value.</summary>
public enum ScormRedactionAction
{
    /// <summary>Keep the value as it is.</summary>
    Keep = 0,

    /// <summary>Remove the element from the snapshot.</summary>
    Drop,

    /// <summary>Replace the value with its unkeyed SHA-256 (hex). Not pseudonymization: guessable values can be recovered.</summary>
    Hash,

    /// <summary>Replace the value with a keyed pseudonym (Core's <see cref="Pseudonymization.Pseudonymizer"/>).</summary>
    Pseudonymize,
}

/// <summary>Wire names of <see cref="ScormRedactionAction"/>.</summary>
public static class ScormRedactionActions
{
    /// <summary>Returns the wire name: <c>keep</c>, <c>drop</c>, <c>hash</c> or <c>pseudonymize</c>.</summary>
    /// <param name="action">The action.</param>
    /// <returns>The wire name.</returns>
    public static string ToCode(this ScormRedactionAction action) => action switch
    {
        ScormRedactionAction.Keep => "keep",
        ScormRedactionAction.Drop => "drop",
        ScormRedactionAction.Hash => "hash",
        ScormRedactionAction.Pseudonymize => "pseudonymize",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown redaction action."),
    };

    /// <summary>Parses a wire name.</summary>
    /// <param name="text">The text.</param>
    /// <param name="action">The action when recognised.</param>
    /// <returns>Whether the text names an action.</returns>
    public static bool TryParse(string? text, out ScormRedactionAction action)
    {
        switch (text)
        {
            case "keep": action = ScormRedactionAction.Keep; return true;
            case "drop": action = ScormRedactionAction.Drop; return true;
            case "hash": action = ScormRedactionAction.Hash; return true;
            case "pseudonymize": action = ScormRedactionAction.Pseudonymize; return true;
            default: action = default; return false;
        }
    }
}
