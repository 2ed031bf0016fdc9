using System.Globalization;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Xapi.Streaming;

/// <summary>
/// A statement stream cannot be read on: malformed or truncated JSON, invalid UTF-8, a statement over the size or depth
/// limit. Carries the statement index and the byte offset where reading stopped. The message never repeats input values.
/// </summary>
public sealed class StatementStreamException : Exception
{
    /// <summary>Initializes the exception.</summary>
    /// <param name="rule">The rule that was broken (for example <see cref="XapiRules.JsonMalformed"/>).</param>
    /// <param name="message">One sentence, without input values.</param>
    /// <param name="index">The zero-based index of the statement being read.</param>
    /// <param name="byteOffset">The byte offset in the input where the problem was detected.</param>
    public StatementStreamException(RuleDescriptor rule, string message, int index, long byteOffset)
        : base(string.Create(CultureInfo.InvariantCulture, $"statement {index} (byte {byteOffset}): {message}"))
    {
        ArgumentNullException.ThrowIfNull(rule);
        Rule = rule;
        Index = index;
        ByteOffset = byteOffset;
        Reason = message;
    }

    /// <summary>Initializes the exception with a default message (for serializers and tooling).</summary>
    public StatementStreamException()
        : this(XapiRules.JsonMalformed, "The statement stream is malformed.", 0, 0)
    {
    }

    /// <summary>Initializes the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public StatementStreamException(string message)
        : this(XapiRules.JsonMalformed, message, 0, 0)
    {
    }

    /// <summary>Initializes the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public StatementStreamException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rule = XapiRules.JsonMalformed;
        Reason = message;
    }

    /// <summary>Gets the rule that was broken.</summary>
    public RuleDescriptor Rule { get; }

    /// <summary>Gets the zero-based index of the statement being read.</summary>
    public int Index { get; }

    /// <summary>Gets the byte offset in the input where the problem was detected.</summary>
    public long ByteOffset { get; }

    /// <summary>Gets the reason, without the index and offset.</summary>
    public string Reason { get; }

    /// <summary>Returns the problem as a finding at <c>$[index]</c>.</summary>
    /// <returns>The finding.</returns>
    public Finding ToFinding() =>
        Rule.At(string.Create(CultureInfo.InvariantCulture, $"$[{Index}]"), string.Create(CultureInfo.InvariantCulture, $"{Reason} (byte offset {ByteOffset})."));
}
