namespace LmsPrivacy.Findings;

/// <summary>Describes one rule: its stable code, a title, its default severity and the source it enforces.</summary>
/// <remarks>
/// Codes are public contract: they never change meaning and are never reused. Each package exposes its
/// descriptors through a static catalog class (for example <c>XapiRules</c>) and lists them in its docs page.
/// </remarks>
public sealed record RuleDescriptor
{
    /// <summary>Initializes a new rule descriptor.</summary>
    /// <param name="code">The stable dotted lower-case code, such as <c>xapi.agent.ifi.multiple</c>.</param>
    /// <param name="title">A one-line statement of the rule.</param>
    /// <param name="defaultSeverity">The severity used unless the caller overrides it.</param>
    /// <param name="source">The spec section or article the rule enforces.</param>
    /// <exception cref="ArgumentException">An argument is empty, or <paramref name="code"/> is not dotted lower case.</exception>
    public RuleDescriptor(string code, string title, FindingSeverity defaultSeverity, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        if (!IsValidCode(code))
        {
            throw new ArgumentException($"Rule code '{code}' must be dotted lower case (letters, digits, '_' and '.').", nameof(code));
        }

        Code = code;
        Title = title;
        DefaultSeverity = defaultSeverity;
        Source = source;
    }

    /// <summary>Gets the stable rule code.</summary>
    public string Code { get; }

    /// <summary>Gets the one-line statement of the rule.</summary>
    public string Title { get; }

    /// <summary>Gets the severity reported unless the caller overrides it.</summary>
    public FindingSeverity DefaultSeverity { get; }

    /// <summary>Gets the spec section or legal article the rule enforces.</summary>
    public string Source { get; }

    /// <summary>Creates a finding for this rule at the given location, with the default severity.</summary>
    /// <param name="path">Where the problem is, such as <c>$.actor.mbox</c>.</param>
    /// <param name="message">One sentence that names the problem without repeating personal data.</param>
    /// <returns>A finding carrying this rule's code, default severity and source.</returns>
    public Finding At(string path, string message) => At(path, message, DefaultSeverity);

    /// <summary>Creates a finding for this rule at the given location, with an explicit severity.</summary>
    /// <param name="path">Where the problem is.</param>
    /// <param name="message">One sentence that names the problem without repeating personal data.</param>
    /// <param name="severity">The severity to report instead of the default.</param>
    /// <returns>A finding carrying this rule's code and source.</returns>
    public Finding At(string path, string message, FindingSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(message);
        return new Finding(Code, severity, path, message) { Source = Source };
    }

    private static bool IsValidCode(string code)
    {
        if (code[0] == '.' || code[^1] == '.')
        {
            return false;
        }

        foreach (var c in code)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '.'))
            {
                return false;
            }
        }

        return code.Contains('.', StringComparison.Ordinal);
    }
}
