namespace LmsPrivacy.Testing;

/// <summary>Thrown by <see cref="PrivacyAssert"/> when a check fails; every test framework reports it as a failure.</summary>
/// <remarks>The message lists each problem on its own line, by location (collection, field or JSON path), never by value.</remarks>
public sealed class PrivacyAssertionException : Exception
{
    /// <summary>Initializes an exception with no problems listed.</summary>
    public PrivacyAssertionException()
        : this("A privacy assertion failed.")
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public PrivacyAssertionException(string message)
        : this(message, [])
    {
    }

    /// <summary>Initializes an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PrivacyAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Initializes an exception with a headline and the problems found.</summary>
    /// <param name="headline">What was checked.</param>
    /// <param name="problems">One line per problem.</param>
    public PrivacyAssertionException(string headline, IReadOnlyList<string> problems)
        : base(Format(headline, problems))
    {
        Problems = problems ?? [];
    }

    /// <summary>Gets the problems found, one line each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(string headline, IReadOnlyList<string>? problems) =>
        problems is null || problems.Count == 0 ? headline : headline + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
}
