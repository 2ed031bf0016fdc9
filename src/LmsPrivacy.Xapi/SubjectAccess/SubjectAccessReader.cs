using System.Runtime.CompilerServices;
using System.Text.Json;
using LmsPrivacy.Xapi.Lrs;

namespace LmsPrivacy.Xapi.SubjectAccess;

/// <summary>A statement returned for a subject access request.</summary>
/// <param name="Statement">The statement JSON (detached from any document).</param>
/// <param name="Voided">Whether it is a voided statement, fetched by <c>voidedStatementId</c>.</param>
public sealed record SubjectStatement(JsonElement Statement, bool Voided);

/// <summary>
/// Reads every statement about a learner from an LRS: one query per IFI, every page through <c>more</c>, voided
/// statements one by one, and only statements that really are about the learner.
/// </summary>
/// <remarks>
/// Real LRSs get paging wrong: Learning Locker's <c>more</c> link serialises the agent filter as
/// <c>agent=[object Object]</c>. The reader puts the learner's agent back into such a link and, whatever the LRS returns,
/// keeps only statements naming one of the learner's IFIs in a position xAPI matches (actor, object, authority,
/// context instructor/team, 2.0 context agents and groups, the same inside a SubStatement, group members) or whose
/// object is a StatementRef to one of them. Statements are de-duplicated by id across queries.
/// </remarks>
public sealed class SubjectAccessReader
{
    private const string VoidedVerb = "http://adlnet.gov/expapi/verbs/voided";
    private readonly ILrsClient _client;
    private readonly SubjectAccessQueryBuilder _builder;

    /// <summary>Initializes a reader.</summary>
    /// <param name="client">The LRS client.</param>
    /// <param name="builder">The query builder (endpoint and options).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SubjectAccessReader(ILrsClient client, SubjectAccessQueryBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(builder);
        _client = client;
        _builder = builder;
    }

    /// <summary>Gets or sets the most pages read per agent query before giving up (default 100,000).</summary>
    public int MaxPages { get; init; } = 100_000;

    /// <summary>Gets the number of statements the LRS returned that were not about the learner and were dropped, over this reader's life.</summary>
    public long DroppedStatements { get; private set; }

    /// <summary>Gets the number of <c>more</c> links whose agent filter had to be put back, over this reader's life.</summary>
    public long RepairedMoreLinks { get; private set; }

    /// <summary>Asks <c>GET agents</c> for every IFI the LRS links to each agent (its Person object) and returns all of them.</summary>
    /// <param name="agents">The known agents.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The known agents followed by the discovered ones, without duplicates.</returns>
    /// <exception cref="LrsException">The LRS answered with an error other than 404.</exception>
    public async Task<IReadOnlyList<SubjectAgent>> DiscoverAgentsAsync(IEnumerable<SubjectAgent> agents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var known = SubjectAccessQueryBuilder.Distinct(agents);
        var all = new List<SubjectAgent>(known);
        foreach (var agent in known)
        {
            var response = await _client.GetAsync(_builder.AgentsQuery(agent), _builder.Headers, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == 404)
            {
                continue;
            }

            using var person = Parse(response, "agents");
            foreach (var ifi in new[] { "mbox", "mbox_sha1sum", "openid", "account" })
            {
                if (!person.RootElement.TryGetProperty(ifi, out var values) || values.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }

                foreach (var value in values.EnumerateArray())
                {
                    var json = ifi == "account" ? $"{{\"account\":{value.GetRawText()}}}" : $"{{\"{ifi}\":{value.GetRawText()}}}";
                    if (SubjectAgent.TryParse(json, out var found, out _))
                    {
                        all.Add(found);
                    }
                }
            }
        }

        return SubjectAccessQueryBuilder.Distinct(all);
    }

    /// <summary>Reads every statement about the learner, then the voided statements the learner's statements point at.</summary>
    /// <param name="agents">Every identity of the learner.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <returns>The statements, each once.</returns>
    /// <exception cref="LrsException">The LRS answered with an error, a malformed body, or a <c>more</c> link that loops or leaves the origin.</exception>
    public async IAsyncEnumerable<SubjectStatement> ReadAsync(IEnumerable<SubjectAgent> agents, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agents);
        var learner = SubjectAccessQueryBuilder.Distinct(agents);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var deferred = new List<(JsonElement Statement, string Target)>();
        var deferredIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var voidedTargets = new List<string>();
        foreach (var agent in learner)
        {
            var uri = _builder.StatementQuery(agent);
            var visited = new HashSet<string>(StringComparer.Ordinal);
            var pages = 0;
            while (uri is not null)
            {
                if (!visited.Add(uri.AbsoluteUri))
                {
                    throw new LrsException("The LRS returned a 'more' link that points back to a page already read.");
                }

                if (++pages > MaxPages)
                {
                    throw new LrsException("The LRS returned more pages than the configured limit.");
                }

                var response = await _client.GetAsync(uri, _builder.Headers, cancellationToken).ConfigureAwait(false);
                using var page = Parse(response, "statements");
                if (!page.RootElement.TryGetProperty("statements", out var statements) || statements.ValueKind != JsonValueKind.Array)
                {
                    throw new LrsException("The LRS response is not a StatementResult (no 'statements' array).");
                }

                foreach (var statement in statements.EnumerateArray())
                {
                    var id = Id(statement);
                    if (id is null || seen.Contains(id))
                    {
                        continue;
                    }

                    if (StatementMatcher.Matches(statement, learner))
                    {
                        seen.Add(id);
                        if (VoidedTarget(statement) is { } target)
                        {
                            voidedTargets.Add(target);
                        }

                        yield return new SubjectStatement(statement.Clone(), Voided: false);
                    }
                    else if (StatementRefTarget(statement) is { } target && deferredIds.Add(id))
                    {
                        deferred.Add((statement.Clone(), target));
                    }
                    else
                    {
                        DroppedStatements++;
                    }
                }

                var more = page.RootElement.TryGetProperty("more", out var moreElement) && moreElement.ValueKind == JsonValueKind.String ? moreElement.GetString() : null;
                if (!_builder.TryResolveMore(more, out var next))
                {
                    throw new LrsException("The LRS returned a 'more' link to another origin; it was not followed.");
                }

                uri = next is null ? null : RepairAgentFilter(next, agent);
            }
        }

        // StatementRef rule: a statement whose object refers to one of the learner's statements is part of the answer.
        bool progress;
        do
        {
            progress = false;
            for (var i = deferred.Count - 1; i >= 0; i--)
            {
                var (statement, target) = deferred[i];
                if (seen.Contains(target))
                {
                    deferred.RemoveAt(i);
                    seen.Add(Id(statement)!);
                    progress = true;
                    yield return new SubjectStatement(statement, Voided: false);
                }
            }
        }
        while (progress);

        // Voided statements never come back from list queries: fetch the ones the learner's voiding statements name,
        // and those that someone else's voiding statement (returned through the StatementRef rule) names.
        foreach (var (statement, target) in deferred)
        {
            if (VoidedTarget(statement) is not null)
            {
                voidedTargets.Add(target);
            }
        }

        var fetched = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var voidingOfLearner = new List<JsonElement>();
        foreach (var target in voidedTargets)
        {
            if (seen.Contains(target) || !fetched.Add(target))
            {
                continue;
            }

            var response = await _client.GetAsync(_builder.VoidedStatementQuery(target), _builder.Headers, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == 404)
            {
                continue;
            }

            using var document = Parse(response, "statements?voidedStatementId");
            if (StatementMatcher.Matches(document.RootElement, learner))
            {
                seen.Add(target);
                yield return new SubjectStatement(document.RootElement.Clone(), Voided: true);
            }
        }

        foreach (var (statement, target) in deferred)
        {
            var id = Id(statement)!;
            if (seen.Contains(target) && !seen.Contains(id))
            {
                seen.Add(id);
                voidingOfLearner.Add(statement);
            }
        }

        foreach (var statement in voidingOfLearner)
        {
            yield return new SubjectStatement(statement, Voided: false);
        }

        DroppedStatements += deferred.Count(d => !seen.Contains(Id(d.Statement)!));
    }

    private Uri RepairAgentFilter(Uri next, SubjectAgent agent)
    {
        var query = next.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return next;
        }

        var parts = query.Split('&');
        var changed = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var equals = parts[i].IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? parts[i] : parts[i][..equals];
            if (!string.Equals(Uri.UnescapeDataString(name), "agent", StringComparison.Ordinal))
            {
                continue;
            }

            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(parts[i][(equals + 1)..].Replace('+', ' '));
            if (!SubjectAgent.TryParse(value, out var parsed, out _) || !string.Equals(parsed.Key, agent.Key, StringComparison.Ordinal))
            {
                parts[i] = "agent=" + Uri.EscapeDataString(agent.Json);
                changed = true;
            }
        }

        if (!changed)
        {
            return next;
        }

        RepairedMoreLinks++;
        return new UriBuilder(next) { Query = string.Join('&', parts) }.Uri;
    }

    private static JsonDocument Parse(LrsResponse response, string resource)
    {
        if (!response.IsSuccess)
        {
            var reason = response.StatusCode is 401 or 403 ? " (the LRS refused the credentials)" : string.Empty;
            throw new LrsException(response.StatusCode, $"GET {resource} answered HTTP {response.StatusCode}{reason}.");
        }

        try
        {
            return JsonDocument.Parse(response.Body, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException ex)
        {
            throw new LrsException($"GET {resource} answered with a body that is not JSON.", ex);
        }
    }

    private static string? Id(JsonElement statement) =>
        statement.ValueKind == JsonValueKind.Object && statement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    private static string? StatementRefTarget(JsonElement statement) =>
        statement.ValueKind == JsonValueKind.Object
        && statement.TryGetProperty("object", out var target) && target.ValueKind == JsonValueKind.Object
        && target.TryGetProperty("objectType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "StatementRef"
        && target.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static string? VoidedTarget(JsonElement statement) =>
        statement.TryGetProperty("verb", out var verb) && verb.ValueKind == JsonValueKind.Object
        && verb.TryGetProperty("id", out var verbId) && verbId.ValueKind == JsonValueKind.String && verbId.GetString() == VoidedVerb
            ? StatementRefTarget(statement)
            : null;
}

/// <summary>Whether a statement names one of a learner's IFIs in a position <c>related_agents=true</c> matches.</summary>
internal static class StatementMatcher
{
    public static bool Matches(JsonElement statement, IReadOnlyList<SubjectAgent> learner) =>
        statement.ValueKind == JsonValueKind.Object && MatchesStatement(statement, learner, depth: 0);

    private static bool MatchesStatement(JsonElement statement, IReadOnlyList<SubjectAgent> learner, int depth)
    {
        if (Prop(statement, "actor") is { } actor && MatchesActor(actor, learner))
        {
            return true;
        }

        if (Prop(statement, "object") is { ValueKind: JsonValueKind.Object } target)
        {
            var type = Prop(target, "objectType") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
            if (type is "Agent" or "Group" && MatchesActor(target, learner))
            {
                return true;
            }

            if (type == "SubStatement" && depth == 0 && MatchesStatement(target, learner, depth + 1))
            {
                return true;
            }
        }

        if (Prop(statement, "authority") is { } authority && MatchesActor(authority, learner))
        {
            return true;
        }

        if (Prop(statement, "context") is { ValueKind: JsonValueKind.Object } context)
        {
            if ((Prop(context, "instructor") is { } instructor && MatchesActor(instructor, learner))
                || (Prop(context, "team") is { } team && MatchesActor(team, learner)))
            {
                return true;
            }

            foreach (var (list, inner) in new[] { ("contextAgents", "agent"), ("contextGroups", "group") })
            {
                if (Prop(context, list) is { ValueKind: JsonValueKind.Array } entries
                    && entries.EnumerateArray().Any(e => Prop(e, inner) is { } a && MatchesActor(a, learner)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MatchesActor(JsonElement actor, IReadOnlyList<SubjectAgent> learner)
    {
        if (actor.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (learner.Any(a => a.Matches(actor)))
        {
            return true;
        }

        return Prop(actor, "member") is { ValueKind: JsonValueKind.Array } members
            && members.EnumerateArray().Any(m => learner.Any(a => a.Matches(m)));
    }

    private static JsonElement? Prop(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;
}
