namespace LmsPrivacy.SubjectRequests;

/// <summary>The person a subject request is about: the host's own id plus the other identifiers stores know them by.</summary>
/// <remarks>
/// Stores match on <see cref="Id"/> and on the <see cref="Identifiers"/> whose <see cref="SubjectIdentifier.Kind"/> they
/// understand (for example <see cref="SubjectIdentifier.XapiAgentKind"/> for an LRS). Instances are immutable.
/// </remarks>
public sealed record DataSubject
{
    /// <summary>Initializes a subject known only by the host's id.</summary>
    /// <param name="id">The host's stable subject id (a user id), never empty.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    public DataSubject(string id)
        : this(id, [])
    {
    }

    /// <summary>Initializes a subject with further identifiers.</summary>
    /// <param name="id">The host's stable subject id (a user id), never empty.</param>
    /// <param name="identifiers">Other identifiers of the same person (e-mail, xAPI agents, pseudonyms).</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="identifiers"/> is null or holds null.</exception>
    public DataSubject(string id, IEnumerable<SubjectIdentifier> identifiers)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(identifiers);
        SubjectIdentifier[] list = [.. identifiers];
        foreach (var identifier in list)
        {
            ArgumentNullException.ThrowIfNull(identifier, nameof(identifiers));
        }

        Id = id;
        Identifiers = list;
    }

    /// <summary>Gets the host's stable subject id.</summary>
    public string Id { get; }

    /// <summary>Gets the other identifiers of the subject, in the order given.</summary>
    public IReadOnlyList<SubjectIdentifier> Identifiers { get; }

    /// <summary>Returns the values of the identifiers of one kind, in order.</summary>
    /// <param name="kind">The identifier kind, compared ordinally.</param>
    /// <returns>The values; empty when the subject has none of that kind.</returns>
    public IReadOnlyList<string> IdentifiersOf(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return [.. Identifiers.Where(i => string.Equals(i.Kind, kind, StringComparison.Ordinal)).Select(i => i.Value)];
    }

    /// <summary>Returns a copy with one more identifier.</summary>
    /// <param name="kind">The identifier kind.</param>
    /// <param name="value">The identifier value.</param>
    /// <returns>A new subject.</returns>
    public DataSubject WithIdentifier(string kind, string value) => new(Id, [.. Identifiers, new SubjectIdentifier(kind, value)]);

    /// <summary>Returns the number of identifiers only, so logs never show who the subject is.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"DataSubject({Identifiers.Count} identifier(s))";
}

/// <summary>One identifier of a data subject, such as an e-mail address or an xAPI agent.</summary>
public sealed record SubjectIdentifier
{
    /// <summary>The kind of an xAPI Agent given as its JSON text (<c>{"mbox":"mailto:…"}</c>).</summary>
    public const string XapiAgentKind = "xapi-agent";

    /// <summary>The kind of an e-mail address.</summary>
    public const string EmailKind = "email";

    /// <summary>Initializes an identifier.</summary>
    /// <param name="kind">What the value is (<see cref="XapiAgentKind"/>, <see cref="EmailKind"/>, or a host-defined kind).</param>
    /// <param name="value">The identifier value.</param>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    public SubjectIdentifier(string kind, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(value);
        Kind = kind;
        Value = value;
    }

    /// <summary>Gets what the value is.</summary>
    public string Kind { get; }

    /// <summary>Gets the identifier value.</summary>
    public string Value { get; }

    /// <summary>Returns the kind only; the value is personal data.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"SubjectIdentifier({Kind})";
}
