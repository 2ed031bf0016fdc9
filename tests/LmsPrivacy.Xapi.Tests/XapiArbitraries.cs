using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace LmsPrivacy.Xapi.Tests;

/// <summary>A generated valid statement and the identifying strings it holds (e-mails, names, openids, account names).</summary>
public sealed record StatementCase(string Json, IReadOnlyList<string> Identifiers, bool UsesXapi2)
{
    public override string ToString() => Json;
}

/// <summary>A list of generated statements and a container layout.</summary>
public sealed record StatementBatch(IReadOnlyList<string> Statements, int Layout)
{
    public override string ToString() => $"layout {Layout}: {string.Join("\n", Statements)}";
}

/// <summary>FsCheck generators for xAPI statements with actors in every position.</summary>
public static class XapiArbitraries
{
    public static Arbitrary<StatementCase> Statement() => StatementGen.ToArbitrary();

    public static Arbitrary<StatementBatch> Batch() =>
        (from statements in Gen.ListOf(StatementGen.Select(s => s.Json)).Select(l => l.ToList())
         from layout in Gen.Choose(0, 2)
         select new StatementBatch(statements, layout)).ToArbitrary();

    private static Gen<string> Token(string prefix) =>
        Gen.ArrayOf(Gen.Elements("abcdefghijkmnpqrstuvwxyz23456789".ToCharArray()), 10).Select(chars => prefix + new string(chars));

    /// <summary>An agent as (json, identifiers).</summary>
    private static Gen<(JsonObject Node, string[] Ids)> AgentGen =>
        from kind in Gen.Choose(0, 3)
        from local in Token("ml")
        from upper in Gen.Elements(false, true)
        from name in Token("Nm")
        from withName in Gen.Elements(false, true)
        from withType in Gen.Elements(false, true)
        from openId in Token("oid")
        from accountName in Token("acc")
        select BuildAgent(kind, upper ? local.ToUpperInvariant() : local, withName ? name : null, withType, openId, accountName);

    private static (JsonObject, string[]) BuildAgent(int kind, string local, string? name, bool withType, string openId, string accountName)
    {
        var node = new JsonObject();
        if (withType)
        {
            node["objectType"] = "Agent";
        }

        if (name is not null)
        {
            node["name"] = name;
        }

        var email = $"{local}@example.org";
        string[] ids;
        switch (kind)
        {
            case 0:
                node["mbox"] = "mailto:" + email;
                ids = [email, local];
                break;
            case 1:
                node["mbox_sha1sum"] = LmsPrivacy.Xapi.Actors.Mbox.ComputeSha1Sum("mailto:" + email);
                ids = [node["mbox_sha1sum"]!.GetValue<string>()];
                break;
            case 2:
                node["openid"] = "https://openid.example.org/" + openId;
                ids = [openId];
                break;
            default:
                node["account"] = new JsonObject { ["homePage"] = "https://lms.example.org", ["name"] = accountName };
                ids = [accountName];
                break;
        }

        return (node, name is null ? ids : [.. ids, name]);
    }

    private static Gen<(JsonObject Node, string[] Ids)> GroupGen(bool anonymousOnly) =>
        from members in Gen.ListOf(AgentGen).Where(l => l.Count is > 0 and < 4)
        from identified in Gen.Elements(false, !anonymousOnly)
        from ifi in AgentGen
        from name in Token("Gn")
        from withName in Gen.Elements(false, true)
        select BuildGroup([.. members], identified ? ifi : ((JsonObject, string[])?)null, withName ? name : null);

    private static (JsonObject, string[]) BuildGroup(List<(JsonObject Node, string[] Ids)> members, (JsonObject Node, string[] Ids)? ifi, string? name)
    {
        var node = new JsonObject { ["objectType"] = "Group" };
        var ids = new List<string>();
        if (name is not null)
        {
            node["name"] = name;
            ids.Add(name);
        }

        if (ifi is { } identified)
        {
            foreach (var (key, value) in identified.Node.ToList())
            {
                if (key is "mbox" or "mbox_sha1sum" or "openid" or "account")
                {
                    node[key] = value?.DeepClone();
                }
            }

            ids.AddRange(identified.Ids.Where(id => !id.StartsWith("Nm", StringComparison.Ordinal)));
        }

        node["member"] = new JsonArray([.. members.Select(m => (JsonNode)m.Node.DeepClone())]);
        ids.AddRange(members.SelectMany(m => m.Ids));
        return (node, [.. ids]);
    }

    private static Gen<(JsonObject Node, string[] Ids)> ActorGen =>
        Gen.Frequency((3, AgentGen), (1, GroupGen(anonymousOnly: false)));

    private static Gen<StatementCase> StatementGen =>
        from actor in ActorGen
        from objectKind in Gen.Choose(0, 2)
        from objectActor in ActorGen
        from subActor in ActorGen
        from instructor in Gen.Elements(false, true)
        from instructorAgent in AgentGen
        from team in Gen.Elements(false, true)
        from teamGroup in GroupGen(anonymousOnly: false)
        from authority in Gen.Choose(0, 2)
        from authorityAgent in AgentGen
        from oauthUser in AgentGen
        from contextAgents in Gen.Elements(false, true)
        from contextAgent in AgentGen
        from response in Token("resp ")
        from withResult in Gen.Elements(false, true)
        select Build(actor, objectKind, objectActor, subActor, instructor ? instructorAgent : null, team ? teamGroup : null,
            authority, authorityAgent, oauthUser, contextAgents ? contextAgent : null, withResult ? response : null);

    private static StatementCase Build(
        (JsonObject Node, string[] Ids) actor, int objectKind, (JsonObject Node, string[] Ids) objectActor, (JsonObject Node, string[] Ids) subActor,
        (JsonObject Node, string[] Ids)? instructor, (JsonObject Node, string[] Ids)? team, int authority, (JsonObject Node, string[] Ids) authorityAgent,
        (JsonObject Node, string[] Ids) oauthUser, (JsonObject Node, string[] Ids)? contextAgent, string? response)
    {
        var ids = new List<string>(actor.Ids);
        var statement = new JsonObject
        {
            ["id"] = "fd41c918-b88b-4b20-a0a5-a4c32391aaa0",
            ["actor"] = actor.Node.DeepClone(),
            ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/experienced", ["display"] = new JsonObject { ["en-US"] = "experienced" } },
        };
        var activity = new JsonObject { ["objectType"] = "Activity", ["id"] = "http://www.example.com/activities/1" };
        var objectIsActivity = objectKind == 0;
        switch (objectKind)
        {
            case 0:
                statement["object"] = activity;
                break;
            case 1:
                var obj = (JsonObject)objectActor.Node.DeepClone();
                obj["objectType"] = obj["objectType"]?.GetValue<string>() ?? "Agent";
                statement["object"] = obj;
                ids.AddRange(objectActor.Ids);
                break;
            default:
                statement["object"] = new JsonObject
                {
                    ["objectType"] = "SubStatement",
                    ["actor"] = subActor.Node.DeepClone(),
                    ["verb"] = new JsonObject { ["id"] = "http://adlnet.gov/expapi/verbs/mentored" },
                    ["object"] = activity,
                };
                ids.AddRange(subActor.Ids);
                break;
        }

        var context = new JsonObject();
        if (instructor is { } i)
        {
            context["instructor"] = i.Node.DeepClone();
            ids.AddRange(i.Ids);
        }

        if (team is { } t)
        {
            context["team"] = t.Node.DeepClone();
            ids.AddRange(t.Ids);
        }

        if (objectIsActivity)
        {
            context["platform"] = "Example LMS";
        }

        if (contextAgent is { } ca)
        {
            context["contextAgents"] = new JsonArray(new JsonObject { ["objectType"] = "contextAgent", ["agent"] = ca.Node.DeepClone(), ["relevantTypes"] = new JsonArray("http://example.org/types/tutor") });
            ids.AddRange(ca.Ids);
        }

        if (context.Count > 0)
        {
            statement["context"] = context;
        }

        if (response is not null)
        {
            statement["result"] = new JsonObject { ["response"] = response, ["success"] = true, ["score"] = new JsonObject { ["scaled"] = 0.5 } };
        }

        statement["timestamp"] = "2026-03-02T10:15:30.120+01:00";
        switch (authority)
        {
            case 1:
                statement["authority"] = authorityAgent.Node.DeepClone();
                ids.AddRange(authorityAgent.Ids);
                break;
            case 2:
                statement["authority"] = new JsonObject
                {
                    ["objectType"] = "Group",
                    ["member"] = new JsonArray(
                        new JsonObject { ["account"] = new JsonObject { ["homePage"] = "https://lrs.example.org/oauth", ["name"] = "client-x" } },
                        oauthUser.Node.DeepClone()),
                };
                ids.AddRange(oauthUser.Ids);
                break;
        }

        return new StatementCase(statement.ToJsonString(), ids, contextAgent is not null);
    }
}
