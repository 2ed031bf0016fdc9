using System.Text.Json;
using LmsPrivacy.Xapi.Actors;

namespace LmsPrivacy.Xapi.Tests.Actors;

public sealed class ActorTests
{
    [Fact]
    public void Parse_AgentWithMbox_ReadsIdentifierAndName()
    {
        var actor = Actor.Parse("""{"name":"Ann","mbox":"mailto:ann@example.org"}""");

        var agent = Assert.IsType<Agent>(actor);
        Assert.Equal(IfiKind.Mbox, agent.Identifier.Kind);
        Assert.Equal("mailto:ann@example.org", agent.Identifier.Value);
        Assert.Equal("Ann", agent.Name);
    }

    [Fact]
    public void Parse_AnonymousGroup_ReadsMembers()
    {
        var group = Assert.IsType<Group>(Actor.Parse("""
            {"objectType":"Group","member":[{"mbox_sha1sum":"cd9b00a5611f94eaa7b1661edab976068e364975"},{"openid":"https://openid.example.org/ann"}]}
            """));

        Assert.True(group.IsAnonymous);
        Assert.Equal([IfiKind.MboxSha1Sum, IfiKind.OpenId], group.Members.Select(m => m.Identifier.Kind));
    }

    [Theory]
    [InlineData("""{"mbox":"mailto:a@example.org","openid":"https://example.org/a"}""", "xapi.agent.ifi.multiple")]
    [InlineData("""{"name":"Ann"}""", "xapi.agent.ifi.missing")]
    [InlineData("""{"objectType":"Group"}""", "xapi.group.member.required")]
    [InlineData("""{"objectType":"Group","member":[]}""", "xapi.group.member.required")]
    [InlineData("""{"objectType":"Group","mbox":"mailto:g@example.org","account":{"homePage":"http://example.org","name":"g"}}""", "xapi.group.ifi.multiple")]
    [InlineData("""{"objectType":"Group","member":[{"objectType":"Group","member":[{"mbox":"mailto:a@example.org"}]}]}""", "xapi.group.member.group")]
    [InlineData("""{"account":{"homePage":"ab=c://should.fail.com","name":"x"}}""", "xapi.irl.invalid")]
    [InlineData("""{"account":{"homePage":"http://example.org"}}""", "xapi.property.required")]
    [InlineData("""{"account":{"homePage":"http://example.org","name":"x","homepage":"http://example.org"}}""", "xapi.property.unknown")]
    [InlineData("""{"openid":"example.org/ann"}""", "xapi.openid.invalid")]
    [InlineData("""{"mbox_sha1sum":"cd9b00a5"}""", "xapi.mbox_sha1sum.invalid")]
    [InlineData("""{"objectType":"agent","mbox":"mailto:a@example.org"}""", "xapi.object_type.invalid")]
    [InlineData("""{"name":5,"mbox":"mailto:a@example.org"}""", "xapi.property.type")]
    [InlineData("""{"mbox":"mailto:a@example.org","member":[{"mbox":"mailto:b@example.org"}]}""", "xapi.property.unknown")]
    public void TryParse_InvalidActor_ReportsRule(string json, string code)
    {
        Assert.False(Actor.TryParse(json, out var actor, out var report));
        Assert.Null(actor);
        Assert.Contains(report.Findings, f => f.Code == code);
    }

    [Fact]
    public void TryParse_MultipleIfis_PathIsActorRoot()
    {
        Assert.False(Actor.TryParse("""{"mbox":"mailto:a@example.org","mbox_sha1sum":"cd9b00a5611f94eaa7b1661edab976068e364975"}""", out _, out var report));

        var finding = Assert.Single(report.Findings);
        Assert.Equal("xapi.agent.ifi.multiple", finding.Code);
        Assert.Equal("$", finding.Path);
    }

    [Fact]
    public void ToJson_ThenParse_RoundTripsGroupWithAccount()
    {
        var group = new Group(
            InverseFunctionalIdentifier.FromAccount("https://lms.example.org", "team-7"),
            [new Agent(InverseFunctionalIdentifier.FromMbox("mailto:a@example.org"), "A"), new Agent(InverseFunctionalIdentifier.FromOpenId("https://id.example.org/b"))],
            "Team 7");

        var json = group.ToJson();

        Assert.Equal(group, Actor.Parse(json));
        Assert.Equal(
            """{"objectType":"Group","name":"Team 7","account":{"homePage":"https://lms.example.org","name":"team-7"},"member":[{"objectType":"Agent","name":"A","mbox":"mailto:a@example.org"},{"objectType":"Agent","openid":"https://id.example.org/b"}]}""",
            json);
    }

    [Fact]
    public void JsonSerializer_SourceGeneratedContext_RoundTrips()
    {
        Actor agent = new Agent(InverseFunctionalIdentifier.FromMboxSha1Sum("cd9b00a5611f94eaa7b1661edab976068e364975"));

        var json = JsonSerializer.Serialize(agent, XapiJsonContext.Default.Actor);
        var back = JsonSerializer.Deserialize(json, XapiJsonContext.Default.Actor);

        Assert.Equal(agent, back);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"name":"no ifi"}""", XapiJsonContext.Default.Agent));
    }

    [Fact]
    public void Group_AnonymousWithoutMembers_Throws() =>
        Assert.Throws<ArgumentException>(() => new Group(null, []));

    [Fact]
    public void ToString_NeverShowsValues()
    {
        var agent = new Agent(InverseFunctionalIdentifier.FromMbox("mailto:secret@example.org"), "Secret Name");

        Assert.Equal("Agent(mbox IFI)", agent.ToString());
    }

    [Fact]
    public void InverseFunctionalIdentifier_ToJson_IsAgentFilter() =>
        Assert.Equal("""{"account":{"homePage":"https://lms.example.org","name":"42"}}""", InverseFunctionalIdentifier.FromAccount("https://lms.example.org", "42").ToJson());
}
