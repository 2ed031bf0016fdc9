using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LmsPrivacy.Xapi.Lrs;
using LmsPrivacy.Xapi.SubjectAccess;

namespace LmsPrivacy.Xapi.Tests.Lrs;

/// <summary>How the fake LRS misbehaves.</summary>
public enum LrsFault
{
    None,
    ServerError,
    Unauthorized,
    MalformedBody,
    BrokenMoreLink,
    LoopingMoreLink,
    ForeignMoreLink,
    Hang,
}

/// <summary>
/// An in-process LRS over a list of statements: GET statements with agent / related_agents, paging with a relative
/// "more", voidedStatementId, and GET agents. Faults reproduce what real LRSs get wrong.
/// </summary>
internal sealed class FakeLrs : HttpMessageHandler
{
    private readonly List<JsonObject> _statements = [];

    public FakeLrs(int pageSize = 2) => PageSize = pageSize;

    public int PageSize { get; }

    public LrsFault Fault { get; set; }

    public List<string> Requests { get; } = [];

    public List<string?> VersionHeaders { get; } = [];

    public Dictionary<string, JsonObject> People { get; } = new(StringComparer.Ordinal);

    public FakeLrs Add(string json)
    {
        _statements.Add(JsonNode.Parse(json)!.AsObject());
        return this;
    }

    public void RemoveWhere(Func<JsonObject, bool> predicate) => _statements.RemoveAll(s => predicate(s));

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://lrs.test/") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        Requests.Add(uri.PathAndQuery);
        VersionHeaders.Add(request.Headers.TryGetValues(SubjectAccessQueryBuilder.VersionHeader, out var v) ? v.Single() : null);
        switch (Fault)
        {
            case LrsFault.ServerError:
                return Json(HttpStatusCode.InternalServerError, "{\"error\":\"boom\"}");
            case LrsFault.Unauthorized:
                return Json(HttpStatusCode.Unauthorized, "{}");
            case LrsFault.MalformedBody:
                return Json(HttpStatusCode.OK, "{\"statements\": [");
            case LrsFault.Hang:
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
        }

        var query = Query(uri);
        if (uri.AbsolutePath.EndsWith("/agents", StringComparison.Ordinal))
        {
            var key = SubjectAgent.Parse(query["agent"]).Key;
            return People.TryGetValue(key, out var person) ? Json(HttpStatusCode.OK, person.ToJsonString()) : Json(HttpStatusCode.NotFound, "{}");
        }

        if (query.TryGetValue("voidedStatementId", out var voidedId))
        {
            var found = _statements.FirstOrDefault(s => (string?)s["id"] == voidedId && IsVoided(s));
            return found is null ? Json(HttpStatusCode.NotFound, "{}") : Json(HttpStatusCode.OK, found.ToJsonString());
        }

        var offset = query.TryGetValue("offset", out var o) ? int.Parse(o, System.Globalization.CultureInfo.InvariantCulture) : 0;
        IEnumerable<JsonObject> matching = _statements.Where(s => !IsVoided(s));
        if (query.TryGetValue("agent", out var agentJson) && SubjectAgent.TryParse(agentJson, out var agent, out _))
        {
            var related = query.GetValueOrDefault("related_agents") == "true";
            // StatementRef rule (one level): a statement targeting a matching statement matches too.
            matching = matching.Where(s => Mentions(s, agent, related)
                || (s["object"] is JsonObject target && (string?)target["objectType"] == "StatementRef"
                    && _statements.Any(t => (string?)t["id"] == (string?)target["id"] && Mentions(t, agent, related))));
        }

        var all = matching.ToList();
        var page = all.Skip(offset).Take(PageSize).ToList();
        string more = string.Empty;
        if (offset + PageSize < all.Count || Fault == LrsFault.LoopingMoreLink)
        {
            var next = Fault == LrsFault.LoopingMoreLink ? offset : offset + PageSize;
            var agentPart = Fault == LrsFault.BrokenMoreLink ? "agent=%5Bobject%20Object%5D" : "agent=" + Uri.EscapeDataString(agentJson ?? string.Empty);
            more = $"/xAPI/statements?{agentPart}&related_agents={query.GetValueOrDefault("related_agents")}&offset={next}";
            if (Fault == LrsFault.ForeignMoreLink)
            {
                more = "http://evil.test" + more;
            }
        }

        var body = new JsonObject { ["statements"] = new JsonArray([.. page.Select(s => s.DeepClone())]), ["more"] = more };
        return Json(HttpStatusCode.OK, body.ToJsonString());
    }

    private bool IsVoided(JsonObject statement) => _statements.Any(s =>
        (string?)s["verb"]?["id"] == "http://adlnet.gov/expapi/verbs/voided" && (string?)s["object"]?["id"] == (string?)statement["id"]);

    private static bool Mentions(JsonObject statement, SubjectAgent agent, bool related)
    {
        bool Is(JsonNode? node) => node is JsonObject o && (Matches(o, agent) || (o["member"] is JsonArray m && m.Any(x => x is JsonObject mo && Matches(mo, agent))));
        if (Is(statement["actor"]) || Is(statement["object"]))
        {
            return true;
        }

        return related && (Is(statement["authority"]) || Is(statement["context"]?["instructor"]) || Is(statement["context"]?["team"])
            || (statement["object"] is JsonObject sub && (string?)sub["objectType"] == "SubStatement" && (Is(sub["actor"]) || Is(sub["object"]))));
    }

    private static bool Matches(JsonObject o, SubjectAgent agent)
    {
        using var document = JsonDocument.Parse(o.ToJsonString());
        return agent.Matches(document.RootElement);
    }

    private static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty, StringComparer.Ordinal);

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}

internal static class Statements
{
    public const string Ada = """{"mbox":"mailto:ada@example.org"}""";
    public const string AdaAccount = """{"account":{"homePage":"https://lms.example.org","name":"42"}}""";
    public const string Bob = """{"mbox":"mailto:bob@example.org"}""";

    public static string Make(string id, string actor, string? instructor = null, string verb = "http://adlnet.gov/expapi/verbs/completed", string? @object = null) =>
        $$"""{"id":"{{id}}","actor":{{actor}},"verb":{"id":"{{verb}}"},"object":{{@object ?? """{"id":"http://example.org/course"}"""}}{{(instructor is null ? string.Empty : $$""","context":{"instructor":{{instructor}}}""")}}}""";

    public static string Id(int n) => $"00000000-0000-4000-8000-{n:D12}";
}
