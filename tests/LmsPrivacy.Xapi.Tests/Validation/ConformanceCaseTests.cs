using LmsPrivacy.Xapi.Validation;

namespace LmsPrivacy.Xapi.Tests.Validation;

/// <summary>
/// Statement cases taken from the ADL LRS conformance suite (adlnet/lrs-conformance-test-suite, test/v1_0_3/configs,
/// requirement ids XAPI-00xxx; expected 200 = valid, 400 = invalid) and from Learning Locker's xapi-validation tests
/// (LearningLocker/xapi-validation, src/tests). Values are applied to a minimal valid statement; where the two
/// projects disagree with the spec, the spec wins and the case is listed in <see cref="Disagreements"/>.
/// </summary>
public sealed class ConformanceCaseTests
{
    private static readonly StatementValidator Validator = new();

    private const string Sub = """{"objectType":"SubStatement","actor":{"mbox":"mailto:xapi@adlnet.gov"},"verb":{"id":"http://adlnet.gov/expapi/verbs/reported"},"object":{"id":"http://www.example.com/activities/sub"}}""";

    /// <summary>(source, path, value JSON or null to remove, expected valid).</summary>
    public static TheoryData<string, string, string?, bool> Cases => new()
    {
        // Version (XAPI-00101)
        { "suite version.js", "version", "\"1.0\"", true },
        { "suite version.js", "version", "\"1.0.9\"", true },
        { "suite version.js", "version", "\"should fail\"", false },
        { "suite version.js", "version", "\"0.9.9\"", false },
        { "suite version.js", "version", "\"1.1.0\"", false },

        // Timestamps (XAPI-00123)
        { "suite timestamps.js", "timestamp", "\"should fail\"", false },
        { "suite timestamps.js", "timestamp", "\"01/011/2015\"", false },
        { "suite timestamps.js", "timestamp", "\"2008-09-15T15:53:00.601-00\"", false },
        { "suite timestamps.js", "timestamp", "\"2008-09-15T15:53:00.601-0000\"", false },
        { "suite timestamps.js", "timestamp", "\"2008-09-15T15:53:00.601-00:00\"", false },
        { "suite timestamps.js (future timestamps accepted)", "timestamp", "\"2099-12-31T23:59:59.999Z\"", true },
        { "LL timestamp.ts", "timestamp", "\"20090131T230000-0100\"", true },
        { "LL timestamp.ts", "timestamp", "\"2009-01-31T23:00:00-01:00\"", true },
        { "LL timestamp.ts", "timestamp", "\"2009-01-31T230000-01:00\"", false },
        { "LL timestamp.ts", "timestamp", "10", false },

        // Durations (XAPI-00077)
        { "suite durations.js", "result", """{"duration":"PT1H0M0.1S"}""", true },
        { "suite durations.js", "result", """{"duration":"PT4H35M59.14S"}""", true },
        { "suite durations.js", "result", """{"duration":"PT16559.14S"}""", true },
        { "suite durations.js", "result", """{"duration":"P3Y1M29DT4H35M59.14S"}""", true },
        { "suite durations.js", "result", """{"duration":"P3Y"}""", true },
        { "suite durations.js", "result", """{"duration":"P4W"}""", true },
        { "suite durations.js", "result", """{"duration":"should fail"}""", false },
        { "suite durations.js", "result", """{"duration":12345}""", false },
        { "suite durations.js", "result", """{"duration":{"key":"invalid"}}""", false },
        { "suite durations.js", "result", """{"duration":"PA1H0M0S"}""", false },
        { "LL duration.ts", "result", """{"duration":"P3Y6M4DT12H30M5S"}""", true },
        { "LL duration.ts", "result", """{"duration":"3Y6M4DT12H30M5S"}""", false },
        { "LL duration.ts", "result", """{"duration":"P4W1D"}""", false },

        // Scores (XAPI-00079..00085)
        { "suite results.js", "result", """{"score":12345}""", false },
        { "suite results.js", "result", """{"score":"should fail"}""", false },
        { "suite results.js", "result", """{"score":{"scaled":0.6767676}}""", true },
        { "suite results.js", "result", """{"score":{"scaled":1.0}}""", true },
        { "suite results.js", "result", """{"score":{"scaled":-1.0000}}""", true },
        { "suite results.js", "result", """{"score":{"scaled":1.01}}""", false },
        { "suite results.js", "result", """{"score":{"scaled":-1.00001}}""", false },
        { "suite results.js", "result", """{"score":{"raw":0.6767676}}""", true },
        { "suite results.js", "result", """{"score":{"raw":0.6767676,"max":0.6567676}}""", false },
        { "suite results.js", "result", """{"score":{"raw":0.6767676,"min":1.4067676}}""", false },
        { "suite results.js", "result", """{"score":{"min":0.6767676}}""", true },
        { "suite results.js", "result", """{"score":{"min":0.6767676,"max":0.6767355,"raw":0.6767643}}""", false },
        { "suite results.js", "result", """{"score":{"max":100.6767676}}""", true },
        { "suite results.js", "result", """{"score":{"max":100.6767676,"min":104.6767676,"raw":101.6767676}}""", false },

        // Languages (XAPI-00121 and the at-least-one-entry cases)
        { "suite languages.js", "verb.display", "{}", false },
        { "suite languages.js", "verb.display", "\"should error\"", false },
        { "suite languages.js", "verb.display", """{"a12345":"should error"}""", false },
        { "suite languages.js", "object.definition", """{"name":{}}""", false },
        { "suite languages.js", "object.definition", """{"description":"should error"}""", false },
        { "research: suite-accepted tags", "verb.display", """{"de":"a","de-DE":"a","zh-Hant":"a","sr-Latn-RS":"a","sr-Cyrl":"a","zh-Hans-CN":"a","es-MX":"a","fr-CA":"a","cmn":"a","ase":"a","tlh":"a"}""", true },
        { "research: suite repeated singleton", "verb.display", """{"zh-z-aaa-z-bbb-c-ccc":"a"}""", false },
        { "LL language.ts", "context", """{"language":"-"}""", false },
        { "LL language.ts", "context", """{"language":"en-US"}""", true },
        { "LL language.ts", "context", """{"language":10}""", false },

        // IRIs (verbs.js, activities.js; LL iri.ts)
        { "suite verbs.js", "verb.id", "\"ab=c://should.fail.com\"", false },
        { "suite verbs.js", "verb.id", "\"not.a.valid.iri.com/verb\"", false },
        { "LL iri.ts", "verb.id", "\"http\"", false },
        { "LL iri.ts", "verb.id", "10", false },
        { "LL iri.ts", "verb.id", "\"http://fo-o.com/blah_blah_(wikipedia)#cite-1\"", true },
        { "LL iri.ts", "verb.id", "\"http://userid:password@example.com:8080/\"", true },
        { "LL iri.ts", "verb.id", "\"ftp://foo.bar/baz\"", true },
        { "LL iri.ts", "verb.id", "\"http://\u2318\u27a1\u4f8b\u5b50.\u6d4b\u8bd5/\u4a39\"", true },
        { "LL iri.ts", "verb.id", "\"urn:uuid:a4942cbb-aabf-526f-8f69-379f265416b5\"", true },

        // Actors (agents.js, groups.js, ifis.js; LL mailto.ts, account.ts)
        { "suite agents.js", "actor", """{"objectType":"Agent","mbox":"mailto:xapi@adlnet.gov","name":12}""", false },
        { "suite agents.js", "actor", """{"objectType":"agent","mbox":"mailto:xapi@adlnet.gov"}""", false },
        { "suite agents.js", "actor", """{"objectType":"Agent","mbox":"mailto:xapi@adlnet.gov","mbox_sha1sum":"cd9b00a5611f94eaa7b1661edab976068e364975"}""", false },
        { "suite ifis.js", "actor", """{"mbox_sha1sum":"cd9b00a5611f94eaa7b1661edab976068e364975"}""", true },
        { "suite ifis.js", "actor", """{"openid":"http://openid.example.org/12345"}""", true },
        { "suite ifis.js", "actor", """{"account":{"homePage":"http://www.example.com","name":"xAPI account name"}}""", true },
        { "suite accountobjects.js", "actor", """{"account":{"homePage":"ab=c://should.fail.com","name":"x"}}""", false },
        { "suite accountobjects.js", "actor", """{"account":{"homePage":"http://www.example.com"}}""", false },
        { "suite formatting.js (key case)", "actor", """{"account":{"homepage":"http://www.example.com","name":"x"}}""", false },
        { "suite groups.js", "actor", """{"objectType":"Group","member":[{"mbox":"mailto:xapi@adlnet.gov"}]}""", true },
        { "suite groups.js", "actor", """{"objectType":"Group","name":"anonymous without members"}""", false },
        { "suite groups.js", "actor", """{"objectType":"Group","mbox":"mailto:group@example.com"}""", true },
        { "suite groups.js", "actor", """{"objectType":"Group","mbox":"mailto:group@example.com","member":[{"objectType":"Group","member":[{"mbox":"mailto:xapi@adlnet.gov"}]}]}""", false },
        { "LL mailto.ts", "actor.mbox", "\"test@example.com\"", false },
        { "LL mailto.ts", "actor.mbox", "\"mailto:test@example.horse\"", true },
        { "LL mailto.ts", "actor.mbox", "\"mailto:te`st@example.com\"", true },
        { "LL subGroup.ts", "actor", """{"objectType":"Group","member":[]}""", false },

        // Objects, StatementRefs, SubStatements, voiding (objects.js, statementrefs.js, substatements.js, voiding.js)
        { "suite objects.js", "object.objectType", "\"activity\"", false },
        { "suite statementrefs.js", "object", """{"objectType":"StatementRef","id":"16fd2706-8baf-433b-82eb-8c7fada847da"}""", true },
        { "suite statementrefs.js", "object", """{"objectType":"StatementRef","id":"should fail"}""", false },
        { "suite statementrefs.js", "object", """{"objectType":"statementref","id":"16fd2706-8baf-433b-82eb-8c7fada847da"}""", false },
        { "suite substatements.js", "object", Sub, true },
        { "suite substatements.js", "object", Sub[..^1] + ""","version":"1.0.0"}""", false },
        { "suite substatements.js", "object", Sub[..^1] + ""","stored":"2013-05-18T05:32:34.804Z"}""", false },
        { "suite substatements.js", "object", Sub[..^1] + ""","authority":{"mbox":"mailto:xapi@adlnet.gov"}}""", false },
        { "suite substatements.js", "object", Sub[..^1] + ""","timestamp":"2099-01-01T00:00:00Z"}""", true },
        { "suite substatements.js", "object", Sub.Replace("\"object\":{\"id\"", "\"object\":" + Sub[..^1] + "},\"x\":{\"id\"", StringComparison.Ordinal), false },
        { "suite voiding.js", "verb", """{"id":"http://adlnet.gov/expapi/verbs/voided"}""", false },

        // Context (contexts.js, contextactivities.js)
        { "suite contexts.js", "context", """{"registration":"ec531277-b57b-4c15-8d91-d292c5b2b8f7"}""", true },
        { "suite contexts.js", "context", """{"registration":"ec531277-b57b-4c15-8d91-d292c5b2b8f"}""", false },
        { "suite contexts.js", "context", """{"team":{"objectType":"Agent","mbox":"mailto:xapi@adlnet.gov"}}""", false },
        { "suite contexts.js", "context", """{"instructor":{"objectType":"Group","member":[{"mbox":"mailto:xapi@adlnet.gov"}]}}""", true },
        { "suite contexts.js", "context", """{"statement":{"objectType":"StatementRef","id":"16fd2706-8baf-433b-82eb-8c7fada847da"}}""", true },
        { "suite contextactivities.js", "context", """{"contextActivities":{"parent":{"id":"http://www.example.com/meetings/series/267"}}}""", true },
        { "suite contextactivities.js", "context", """{"contextActivities":{"parent":[{"id":"http://www.example.com/meetings/series/267"}],"other":[]}}""", true },
        { "suite contextactivities.js", "context", """{"contextActivities":{"Parent":[{"id":"http://www.example.com/meetings/series/267"}]}}""", false },

        // Authority (authorities.js)
        { "suite authorities.js", "authority", """{"objectType":"Group","member":[{"account":{"homePage":"http://example.com/xAPI/OAuth/Token","name":"oauth_consumer_x75db"}},{"mbox":"mailto:bob@example.com"}]}""", true },
        { "suite authorities.js", "authority", """{"objectType":"Group","member":[{"mbox":"mailto:a@example.com"},{"mbox":"mailto:b@example.com"},{"mbox":"mailto:c@example.com"}]}""", false },
        { "suite authorities.js", "authority", """{"objectType":"Group","mbox":"mailto:g@example.com","member":[{"mbox":"mailto:a@example.com"},{"mbox":"mailto:b@example.com"}]}""", false },

        // Attachments (attachments.js; LL attachment.ts)
        { "suite attachments.js", "attachments", """[{"usageType":"http://example.com/attachment-usage/test","display":{"en-US":"A test attachment"},"contentType":"text/plain; charset=ascii","length":27,"sha2":"495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a","fileUrl":"http://over.there.com/file.txt"}]""", true },
        { "suite attachments.js", "attachments", """[{"usageType":"http://example.com/attachment-usage/test","display":{"en-US":"A test attachment"},"contentType":"text/plain","length":"27","sha2":"495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a"}]""", false },
        { "suite attachments.js", "attachments", """[{"display":{"en-US":"A test attachment"},"contentType":"text/plain","length":27,"sha2":"495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a"}]""", false },

        // Statement level (statements.js, uuids.js, formatting.js)
        { "suite statements.js", "actor", null, false },
        { "suite statements.js", "verb", null, false },
        { "suite statements.js", "object", null, false },
        { "suite uuids.js", "id", "\"fd41c918-b88b-4b20-a0a5-a4c32391aaa0\"", true },
        { "suite uuids.js", "id", "\"FD41C918-B88B-4B20-A0A5-A4C32391AAA0\"", true },
        { "suite uuids.js", "id", "\"fd41c918-b88b-4b20-a0a5-a4c32391aaa00\"", false },
        { "suite uuids.js", "id", "\"zd41c918-b88b-4b20-a0a5-a4c32391aaa0\"", false },
        { "suite uuids.js", "id", "12345", false },
        { "suite formatting.js", "result", """{"success":null}""", false },
        { "suite formatting.js", "result", """{"completion":"true"}""", false },
        { "suite formatting.js", "iD", "\"fd41c918-b88b-4b20-a0a5-a4c32391aaa0\"", false },
        { "suite extensions.js", "result", """{"extensions":{"http://example.com/extension":{"name":"Thomas","id":null}}}""", true },
        { "suite extensions.js", "result", """{"extensions":{"not an iri":1}}""", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_ConformanceCase_Agrees(string source, string path, string? value, bool valid)
    {
        var report = Validator.Validate(TestStatements.With(path, value));

        Assert.True(report.IsValid == valid, $"{source}: expected {(valid ? "valid" : "invalid")}, got [{string.Join(", ", report.Findings.Select(f => f.Code + " " + f.Path))}]");
    }

    /// <summary>Cases where Learning Locker differs from the spec; this validator follows the spec (research/xapi.md §7).</summary>
    public static TheoryData<string, string, string?, bool> Disagreements => new()
    {
        { "LL accepts 5-40 hex digits in mbox_sha1sum; the spec needs a SHA-1 (40)", "actor", """{"mbox_sha1sum":"cd9b0"}""", false },
        { "LL accepts a UUID in braces", "id", "\"{fd41c918-b88b-4b20-a0a5-a4c32391aaa0}\"", false },
        { "LL requires RFC 4122 variant 8/9/a/b; the spec only asks for a UUID", "id", "\"fd41c918-b88b-4b20-c0a5-a4c32391aaa0\"", true },
        { "LL accepts impossible dates", "timestamp", "\"2009-02-30T12:00:00Z\"", false },
        { "LL rejects a single Activity in contextActivities; LRSs must accept it", "context", """{"contextActivities":{"grouping":{"id":"http://www.example.com/g"}}}""", true },
        { "LL accepts '\"' in an IRI; RFC 3987 excludes it", "verb.id", "\"https://some.strange.test/test#test/test\\\"\"", false },
    };

    [Theory]
    [MemberData(nameof(Disagreements))]
    public void Validate_LearningLockerDisagreement_FollowsSpec(string why, string path, string? value, bool valid) =>
        Assert.True(Validator.Validate(TestStatements.With(path, value)).IsValid == valid, why);
}
