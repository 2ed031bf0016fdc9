using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Xapi.SubjectAccess;

/// <summary>The <c>format</c> parameter of <c>GET /statements</c> (xAPI 1.0.3 Communication 2.1.3).</summary>
public enum StatementFormat
{
    /// <summary>Agents, activities and verbs as received (the default; the right one for a subject access request).</summary>
    Exact,

    /// <summary>Only the identifiers of agents, activities, verbs and groups.</summary>
    Ids,

    /// <summary>The LRS's canonical activity and verb definitions in one language.</summary>
    Canonical,
}

/// <summary>Options of the subject-access queries.</summary>
public sealed record SubjectAccessQueryOptions
{
    /// <summary>Gets the <c>X-Experience-API-Version</c> header value (default <c>1.0.3</c>; use <c>2.0.0</c> for a 2.0 LRS).</summary>
    public string Version { get; init; } = "1.0.3";

    /// <summary>Gets a value indicating whether to send <c>related_agents=true</c>, so authority, instructor, team and SubStatement positions match too (default true).</summary>
    public bool RelatedAgents { get; init; } = true;

    /// <summary>Gets the statement format (default <see cref="StatementFormat.Exact"/>).</summary>
    public StatementFormat Format { get; init; } = StatementFormat.Exact;

    /// <summary>Gets the exclusive lower bound on <c>stored</c>, when set.</summary>
    public Instant? Since { get; init; }

    /// <summary>Gets the inclusive upper bound on <c>stored</c>, when set.</summary>
    public Instant? Until { get; init; }

    /// <summary>Gets the page size asked for (<c>limit</c>), when set; 0 asks for the server's maximum.</summary>
    public int? Limit { get; init; }
}

/// <summary>
/// Builds the LRS requests of an xAPI subject access request: <c>GET statements</c> once per IFI of the learner
/// (<c>agent</c> URL-encoded, <c>related_agents</c>, <c>format</c>, <c>since</c>/<c>until</c>), <c>more</c> links resolved
/// against the LRS origin, <c>voidedStatementId</c> look-ups and <c>GET agents</c> to discover further IFIs.
/// </summary>
public sealed class SubjectAccessQueryBuilder
{
    /// <summary>The header every xAPI request carries.</summary>
    public const string VersionHeader = "X-Experience-API-Version";

    /// <summary>Initializes a builder.</summary>
    /// <param name="endpoint">The LRS endpoint, such as <c>https://lrs.example.org/xAPI/</c> (a missing trailing slash is added).</param>
    /// <param name="options">Query options; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="endpoint"/> is not an absolute http(s) URI, or carries a query or fragment.</exception>
    public SubjectAccessQueryBuilder(Uri endpoint, SubjectAccessQueryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("The LRS endpoint must be an absolute http or https URI.", nameof(endpoint));
        }

        if (endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0)
        {
            throw new ArgumentException("The LRS endpoint must not carry a query or fragment.", nameof(endpoint));
        }

        Endpoint = endpoint.AbsolutePath.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        Options = options ?? new SubjectAccessQueryOptions();
    }

    /// <summary>Gets the endpoint, ending with '/'.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the query options.</summary>
    public SubjectAccessQueryOptions Options { get; }

    /// <summary>Gets the LRS origin (scheme, host and port) that <c>more</c> links are resolved against.</summary>
    public Uri Origin => new(Endpoint.GetLeftPart(UriPartial.Authority) + "/");

    /// <summary>Returns the headers every request carries (the version header).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => [new(VersionHeader, Options.Version)];

    /// <summary>Removes agents with the same IFI, keeping the first of each, in order.</summary>
    /// <param name="agents">The learner's agents.</param>
    /// <returns>The distinct agents.</returns>
    public static IReadOnlyList<SubjectAgent> Distinct(IEnumerable<SubjectAgent> agents)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. agents.Where(a => seen.Add(a.Key))];
    }

    /// <summary>Returns one <c>GET statements</c> URI per distinct agent.</summary>
    /// <param name="agents">Every known identity of the learner.</param>
    /// <returns>The URIs, in the agents' order.</returns>
    public IReadOnlyList<Uri> StatementQueries(IEnumerable<SubjectAgent> agents) => [.. Distinct(agents).Select(StatementQuery)];

    /// <summary>Returns the <c>GET statements</c> URI for one agent.</summary>
    /// <param name="agent">The agent.</param>
    /// <returns>The URI.</returns>
    public Uri StatementQuery(SubjectAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var query = new StringBuilder("statements?agent=").Append(Uri.EscapeDataString(agent.Json));
        if (Options.RelatedAgents)
        {
            query.Append("&related_agents=true");
        }

        query.Append("&format=").Append(FormatCode(Options.Format));
        if (Options.Since is { } since)
        {
            query.Append("&since=").Append(Uri.EscapeDataString(InstantPattern.ExtendedIso.Format(since)));
        }

        if (Options.Until is { } until)
        {
            query.Append("&until=").Append(Uri.EscapeDataString(InstantPattern.ExtendedIso.Format(until)));
        }

        if (Options.Limit is { } limit)
        {
            query.Append("&limit=").Append(limit.ToString(CultureInfo.InvariantCulture));
        }

        return new Uri(Endpoint, query.ToString());
    }

    /// <summary>Returns the URI that fetches one voided statement (list queries never return voided statements).</summary>
    /// <param name="statementId">The id of the voided statement (the <c>object.id</c> of a voiding statement).</param>
    /// <returns>The URI.</returns>
    /// <exception cref="ArgumentException"><paramref name="statementId"/> is not a UUID.</exception>
    public Uri VoidedStatementQuery(string statementId)
    {
        if (!Guid.TryParse(statementId, out var id))
        {
            throw new ArgumentException("A statement id is a UUID.", nameof(statementId));
        }

        return new Uri(Endpoint, $"statements?voidedStatementId={id:D}&format={FormatCode(Options.Format)}");
    }

    /// <summary>Returns the <c>GET agents</c> URI, whose Person object lists every name and IFI the LRS links to the agent.</summary>
    /// <param name="agent">The agent.</param>
    /// <returns>The URI.</returns>
    public Uri AgentsQuery(SubjectAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        return new Uri(Endpoint, "agents?agent=" + Uri.EscapeDataString(agent.Json));
    }

    /// <summary>
    /// Resolves a <c>more</c> link against the LRS origin (not the endpoint path). An absolute link is accepted only
    /// on the same origin, so credentials are never sent to another host.
    /// </summary>
    /// <param name="more">The <c>more</c> value of a StatementResult.</param>
    /// <param name="next">The URI to fetch, or <see langword="null"/> when <paramref name="more"/> is empty (the last page).</param>
    /// <returns><see langword="false"/> when the link is unusable (another origin, or not a URI).</returns>
    public bool TryResolveMore(string? more, out Uri? next)
    {
        next = null;
        if (string.IsNullOrEmpty(more))
        {
            return true;
        }

        if (Uri.TryCreate(more, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            if (!string.Equals(absolute.GetLeftPart(UriPartial.Authority), Origin.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            next = absolute;
            return true;
        }

        if (!more.StartsWith('/') || more.StartsWith("//", StringComparison.Ordinal))
        {
            // xAPI: "more" is a relative IRL from the origin; a path without a leading slash is still read from the origin.
            if (more.StartsWith("//", StringComparison.Ordinal))
            {
                return false;
            }

            more = "/" + more;
        }

        return Uri.TryCreate(Origin, more, out next);
    }

    /// <summary>Returns the wire code of a format.</summary>
    /// <param name="format">The format.</param>
    /// <returns><c>exact</c>, <c>ids</c> or <c>canonical</c>.</returns>
    public static string FormatCode(StatementFormat format) => format switch
    {
        StatementFormat.Exact => "exact",
        StatementFormat.Ids => "ids",
        StatementFormat.Canonical => "canonical",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
    };
}
