using System.Text;
using LmsPrivacy.Xapi.Validation;

namespace LmsPrivacy.Xapi.Tests.Validation;

public sealed class StatementValidatorTests
{
    private static readonly StatementValidator V103 = new();
    private static readonly StatementValidator V200 = new(XapiVersion.Version200);

    [Fact]
    public void Validate_MinimalAndFullStatements_NoFindings()
    {
        Assert.Empty(V103.Validate(TestStatements.Minimal).Findings);
        Assert.Empty(V103.Validate(TestStatements.Full).Findings);
    }

    [Fact]
    public void Validate_InvalidThenValidOnOneThread_EarlierReportKeepsItsFindings()
    {
        // The validator reuses per-thread state between calls: a later call must neither change an earlier report nor
        // inherit its findings or path segments. An empty object lacks actor, verb and object (xAPI Data 2.4).
        var empty = V103.Validate("{}");
        var paths = empty.Findings.Select(f => f.Path).ToList();

        Assert.Empty(V103.Validate(TestStatements.Full).Findings);
        var member = V103.Validate("""{"actor":{"objectType":"Group","member":[{"mbox":"mailto:a@example.org"},{"name":"x"}]}}""");
        Assert.Empty(V103.Validate(TestStatements.Minimal).Findings);
        var again = V103.Validate("{}");

        Assert.Equal(["$.actor", "$.verb", "$.object"], paths);
        Assert.All(empty.Findings, f => Assert.Equal("xapi.property.required", f.Code));
        Assert.Equal(paths, empty.Findings.Select(f => f.Path));
        Assert.Equal(paths, again.Findings.Select(f => f.Path));
        Assert.Contains(member.Findings, f => f.Code == "xapi.agent.ifi.missing" && f.Path == "$.actor.member[1]");
    }

    [Theory]
    [InlineData("en-US", true)]
    [InlineData("i-klingon", true)] // RFC 5646 §2.2.8 irregular grandfathered tags, matched case-insensitively
    [InlineData("I-AMI", true)]
    [InlineData("i-mingo", true)]
    [InlineData("i-navajo", true)]
    [InlineData("i-enochian", true)]
    [InlineData("en-GB-oed", true)]
    [InlineData("SGN-be-fr", true)]
    [InlineData("i-xyz", false)] // not grandfathered, and a one-letter primary subtag is not a language (§2.1)
    [InlineData("i-zzzzz", false)]
    [InlineData("e-abc", false)]
    public void Validate_LanguageMapKey_GrandfatheredAndRegularTags(string tag, bool wellFormed)
    {
        var json = TestStatements.With("verb.display", "{\"" + tag + "\":\"attended\"}");

        var codes = V103.Validate(json).Findings.Select(f => f.Code);

        Assert.Equal(wellFormed ? [] : ["xapi.language_map.tag"], codes);
    }

    [Fact]
    public void Validate_EscapedMboxVersionAndInteractionType_ReadAsUnescaped()
    {
        // JSON escapes stand for the same characters (RFC 8259 §7): \u0040 is '@', \u0033 is '3', \u006f is 'o', \u0065 is 'e'.
        // Escapes go in last, as plain text edits, so that no re-serialization undoes them.
        static string Escaped(string definition) => TestStatements.With("object.definition", definition)
            .Replace("mailto:xapi@adlnet.gov", "mailto:xapi\\u0040adlnet.gov", StringComparison.Ordinal)
            .Replace("\"verb\"", "\"version\":\"1.0.\\u0033\",\"verb\"", StringComparison.Ordinal)
            .Replace("\"choice\"", "\"ch\\u006fice\"", StringComparison.Ordinal)
            .Replace("\"likert\"", "\"lik\\u0065rt\"", StringComparison.Ordinal);
        var choice = Escaped("""{"interactionType":"choice","choices":[{"id":"a"}]}""");
        var likert = Escaped("""{"interactionType":"likert","choices":[{"id":"a"}]}""");

        Assert.Contains("xapi\\u0040adlnet", choice, StringComparison.Ordinal);
        Assert.Contains("1.0.\\u0033", choice, StringComparison.Ordinal);
        Assert.Contains("ch\\u006fice", choice, StringComparison.Ordinal);
        Assert.Contains("lik\\u0065rt", likert, StringComparison.Ordinal);
        Assert.Empty(V103.Validate(choice).Findings);
        Assert.Equal(["xapi.activity.interaction_component"], V103.Validate(likert).Findings.Select(f => f.Code));
    }

    /// <summary>One row per rule: a statement that breaks only that rule, and where the finding must point.</summary>
    public static TheoryData<string, string, string?, string, string> RuleCases => new()
    {
        { "xapi.property.required", "verb", null, "$.verb", "verb missing" },
        { "xapi.property.required", "object.id", null, "$.object.id", "activity id missing" },
        { "xapi.property.unknown", "Actor", "{}", "$.Actor", "key case matters" },
        { "xapi.property.unknown", "objectType", "\"Statement\"", "$.objectType", "top-level objectType" },
        { "xapi.property.null", "result", """{"success":null}""", "$.result.success", "null outside extensions" },
        { "xapi.property.type", "result", """{"success":"true"}""", "$.result.success", "string is not a boolean" },
        { "xapi.property.type", "result", """{"score":{"raw":"100"}}""", "$.result.score.raw", "string is not a number" },
        { "xapi.uuid.invalid", "id", "\"fd41c918-b88b-4b20-a0a5-a4c32391aaa\"", "$.id", "33 hex digits" },
        { "xapi.uuid.invalid", "context", """{"registration":"{ec531277-b57b-4c15-8d91-d292c5b2b8f7}"}""", "$.context.registration", "braces" },
        { "xapi.timestamp.invalid", "timestamp", "\"01/011/2015\"", "$.timestamp", "not ISO 8601" },
        { "xapi.timestamp.invalid", "timestamp", "\"2009-02-30T12:00:00Z\"", "$.timestamp", "impossible date" },
        { "xapi.timestamp.invalid", "timestamp", "\"2009-01-31T230000-01:00\"", "$.timestamp", "mixed basic and extended" },
        { "xapi.timestamp.negative_zero_offset", "timestamp", "\"2008-09-15T15:53:00.601-00:00\"", "$.timestamp", "-00:00" },
        { "xapi.timestamp.negative_zero_offset", "stored", "\"2008-09-15T15:53:00.601-0000\"", "$.stored", "-0000" },
        { "xapi.duration.invalid", "result", """{"duration":"PA1H0M0S"}""", "$.result.duration", "bad designator" },
        { "xapi.duration.invalid", "result", """{"duration":"P4W1D"}""", "$.result.duration", "weeks mixed" },
        { "xapi.version.invalid", "version", "\"1.1.0\"", "$.version", "future version" },
        { "xapi.version.invalid", "version", "\"2.0.0\"", "$.version", "2.0.0 under 1.0.3" },
        { "xapi.iri.invalid", "verb.id", "\"not.a.valid.iri.com/verb\"", "$.verb.id", "no scheme" },
        { "xapi.iri.invalid", "object.definition", """{"extensions":{"topic":1}}""", "$.object.definition.extensions.topic", "extension key" },
        { "xapi.irl.invalid", "object.definition", """{"moreInfo":"ab=c://should.fail.com"}""", "$.object.definition.moreInfo", "bad scheme" },
        { "xapi.language_map.tag", "verb.display", """{"zh-z-aaa-z-bbb-c-ccc":"x"}""", "$.verb.display['zh-z-aaa-z-bbb-c-ccc']", "repeated singleton" },
        { "xapi.language_tag.invalid", "context", """{"language":"not a tag"}""", "$.context.language", "context language" },
        { "xapi.object_type.invalid", "object.objectType", "\"activity\"", "$.object.objectType", "case" },
        { "xapi.agent.ifi.missing", "actor", """{"name":"Ann"}""", "$.actor", "no IFI" },
        { "xapi.agent.ifi.multiple", "actor", """{"mbox":"mailto:a@example.org","openid":"https://example.org/a"}""", "$.actor", "two IFIs" },
        { "xapi.group.ifi.multiple", "actor", """{"objectType":"Group","mbox":"mailto:g@example.org","openid":"https://example.org/g"}""", "$.actor", "two IFIs" },
        { "xapi.group.member.required", "actor", """{"objectType":"Group","name":"G"}""", "$.actor", "anonymous without members" },
        { "xapi.group.member.group", "actor", """{"objectType":"Group","member":[{"objectType":"Group","mbox":"mailto:g@example.org"}]}""", "$.actor.member[0]", "nested group" },
        { "xapi.mbox.invalid", "actor.mbox", "\"xapi@adlnet.gov\"", "$.actor.mbox", "no scheme" },
        { "xapi.mbox.whitespace", "actor.mbox", "\" mailto:xapi@adlnet.gov\"", "$.actor.mbox", "leading space" },
        { "xapi.mbox_sha1sum.invalid", "actor", """{"mbox_sha1sum":"cd9b00a5611f94eaa7b1661edab976068e36497g"}""", "$.actor.mbox_sha1sum", "non-hex" },
        { "xapi.openid.invalid", "actor", """{"openid":"example.org"}""", "$.actor.openid", "no scheme" },
        { "xapi.voiding.object", "verb", """{"id":"http://adlnet.gov/expapi/verbs/voided"}""", "$.object", "voiding an activity" },
        { "xapi.activity.interaction_type.invalid", "object.definition", """{"interactionType":"choiCe"}""", "$.object.definition.interactionType", "case" },
        { "xapi.activity.interaction_component", "object.definition", """{"interactionType":"likert","choices":[{"id":"a"}]}""", "$.object.definition.choices", "choices on likert" },
        { "xapi.result.score.scaled", "result", """{"score":{"scaled":1.01}}""", "$.result.score.scaled", "above 1" },
        { "xapi.result.score.raw", "result", """{"score":{"raw":101,"min":0,"max":100}}""", "$.result.score.raw", "above max" },
        { "xapi.result.score.min_max", "result", """{"score":{"min":10,"max":5}}""", "$.result.score.min", "min above max" },
        { "xapi.context.activity_only", "object", """{"objectType":"Agent","mbox":"mailto:a@example.org"}""", "$.context.revision", "revision with Agent object" },
        { "xapi.context.team.not_group", "context", """{"team":{"mbox":"mailto:a@example.org"}}""", "$.context.team", "agent team" },
        { "xapi.substatement.forbidden_property", "object", """{"objectType":"SubStatement","id":"fd41c918-b88b-4b20-a0a5-a4c32391aaa0","actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/a"}}""", "$.object.id", "id in substatement" },
        { "xapi.substatement.nested", "object", """{"objectType":"SubStatement","actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/v"},"object":{"objectType":"SubStatement","actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/a"}}}""", "$.object.object", "nesting" },
        { "xapi.authority.group", "authority", """{"objectType":"Group","member":[{"mbox":"mailto:a@example.org"}]}""", "$.authority", "one member" },
        { "xapi.json.duplicate_key", "result", """{"success":true}""", "$.result.success", "duplicate key (see Validate_DuplicateKey)" },
    };

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void Validate_BrokenRule_ReportsCodeAtPath(string code, string path, string? value, string expectedPath, string why)
    {
        _ = why;
        var json = TestStatements.With(path, value);
        if (code == "xapi.context.activity_only")
        {
            json = TestStatements.With(json, "context", """{"revision":"r1"}""");
        }

        if (code == "xapi.json.duplicate_key")
        {
            json = json.Replace("\"success\":true", "\"success\":true,\"success\":false", StringComparison.Ordinal);
        }

        var report = V103.Validate(json);

        Assert.Contains(report.Findings, f => f.Code == code && f.Path == expectedPath);
        Assert.All(report.Findings, f => Assert.Equal(code, f.Code));
    }

    [Fact]
    public void Validate_ManyProblems_AllFoundInOnePassInDocumentOrder()
    {
        var json = """
            {"id":"nope","actor":{"name":"x"},"verb":{"id":"http"},"object":{"id":"http://example.org/a"},
             "result":{"score":{"scaled":2}},"timestamp":"yesterday","version":"0.9.9"}
            """;

        var codes = V103.Validate(json).Findings.Select(f => f.Code).ToArray();

        Assert.Equal(["xapi.uuid.invalid", "xapi.agent.ifi.missing", "xapi.iri.invalid", "xapi.result.score.scaled", "xapi.timestamp.invalid", "xapi.version.invalid"], codes);
    }

    [Fact]
    public void Validate_ContextAgents_UnknownIn103_ValidIn200()
    {
        var json = TestStatements.With("context", """
            {"contextAgents":[{"objectType":"contextAgent","agent":{"mbox":"mailto:t@example.org"},"relevantTypes":["http://example.org/types/tutor"]}],
             "contextGroups":[{"objectType":"contextGroup","group":{"objectType":"Group","member":[{"mbox":"mailto:t@example.org"}]}}]}
            """);

        Assert.Equal(["xapi.property.unknown", "xapi.property.unknown"], V103.Validate(json).Findings.Select(f => f.Code));
        Assert.Empty(V200.Validate(json).Findings);
    }

    [Theory]
    [InlineData("""[{"objectType":"contextAgnet","agent":{"mbox":"mailto:t@example.org"}}]""", "xapi.object_type.invalid", "$.context.contextAgents[0].objectType")]
    [InlineData("""[{"objectType":"contextAgent","agent":{"mbox":"mailto:t@example.org"},"relevantTypes":[]}]""", "xapi.context_agent.relevant_types", "$.context.contextAgents[0].relevantTypes")]
    [InlineData("""[{"objectType":"contextAgent","agent":{"mbox":"mailto:t@example.org"},"relevantTypes":["tutor"]}]""", "xapi.context_agent.relevant_types", "$.context.contextAgents[0].relevantTypes[0]")]
    [InlineData("""[{"objectType":"contextAgent","agent":{"objectType":"Group","member":[{"mbox":"mailto:t@example.org"}]}}]""", "xapi.object_type.invalid", "$.context.contextAgents[0].agent")]
    public void Validate_Version200ContextAgents_BadEntry(string contextAgents, string code, string path)
    {
        var report = V200.Validate(TestStatements.With("context", $$"""{"contextAgents":{{contextAgents}}}"""));

        Assert.Contains(report.Findings, f => f.Code == code && f.Path == path);
    }

    [Fact]
    public void Validate_Version200_Accepts200AndStill10x()
    {
        Assert.Empty(V200.Validate(TestStatements.With("version", "\"2.0.0\"")).Findings);
        Assert.Empty(V200.Validate(TestStatements.With("version", "\"1.0.1\"")).Findings);
        Assert.Equal("xapi.version.invalid", Assert.Single(V200.Validate(TestStatements.With("version", "\"2.1.0\"")).Findings).Code);
    }

    [Fact]
    public void Validate_ExtensionsMayHoldNull_NoFinding() =>
        Assert.Empty(V103.Validate(TestStatements.With("result", """{"extensions":{"http://example.org/x":null}}""")).Findings);

    [Fact]
    public void Validate_MalformedBytes_FindingNotException()
    {
        Assert.Equal("xapi.json.malformed", Assert.Single(V103.Validate("""{"actor":""").Findings).Code);
        Assert.Equal("xapi.json.invalid_utf8", Assert.Single(V103.Validate(new byte[] { 0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D }).Findings).Code);
    }

    [Fact]
    public void Validate_DeepNesting_TooDeepFinding()
    {
        var deep = new StringBuilder("{\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"http://example.org/v\"},\"object\":{\"id\":\"http://example.org/a\"},\"result\":{\"extensions\":{\"http://example.org/x\":");
        deep.Append(new string('[', 500)).Append(new string(']', 500)).Append("}}}");

        Assert.Equal("xapi.json.too_deep", Assert.Single(V103.Validate(deep.ToString()).Findings).Code);
    }

    [Fact]
    public void Validate_Findings_NeverEchoTheValue()
    {
        var report = V103.Validate(TestStatements.With("actor", """{"mbox":"mailto:secret.person@example.org ","name":"Secret Person"}"""));

        Assert.NotEmpty(report.Findings);
        Assert.All(report.Findings, f => Assert.DoesNotContain("secret", f.Message + f.Path, StringComparison.OrdinalIgnoreCase));
    }
}
