using System.Runtime.CompilerServices;
using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;
using LmsPrivacy.SubjectRequests;

namespace LmsPrivacy.Testing.Tests;

public sealed class PrivacyAssertTests
{
    private static readonly DataSubject Ada = new("42");
    private static readonly DataSubject Bob = new("7");

    [Fact]
    public async Task StoreDeclaresEveryFieldAsync_AllDeclared_Passes()
    {
        var store = Seeded(Description(withIp: true));

        await PrivacyAssert.StoreDeclaresEveryFieldAsync(store, Ada, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StoreDeclaresEveryFieldAsync_ForgottenField_ThrowsNamingIt()
    {
        var store = Seeded(Description(withIp: false));

        var ex = await Assert.ThrowsAsync<PrivacyAssertionException>(() => PrivacyAssert.StoreDeclaresEveryFieldAsync(store, Ada, TestContext.Current.CancellationToken));

        Assert.Equal(["field 'posts.ip' is exported but not declared"], ex.Problems);
        Assert.DoesNotContain("192.0.2.1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreDeclaresEveryFieldAsync_UncategorisedField_Throws()
    {
        var description = new StoreDescription([new StoreTable("posts", [new StoreField("userid", DataCategory.PseudonymousIdentifier), new StoreField("text", null), new StoreField("ip", DataCategory.QuasiIdentifier)])]);

        var ex = await Assert.ThrowsAsync<PrivacyAssertionException>(() => PrivacyAssert.StoreDeclaresEveryFieldAsync(Seeded(description), Ada, TestContext.Current.CancellationToken));

        Assert.Equal(["field 'posts.text' is declared without a data category"], ex.Problems);
    }

    [Fact]
    public async Task StoreDeclaresEveryFieldAsync_NoData_ThrowsAskingForSeed()
    {
        var ex = await Assert.ThrowsAsync<PrivacyAssertionException>(() => PrivacyAssert.StoreDeclaresEveryFieldAsync(Seeded(Description(true)), new DataSubject("nobody"), TestContext.Current.CancellationToken));

        Assert.Contains("seed data", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseRemovesOnlyTheSubjectAsync_GoodStore_Passes()
    {
        await PrivacyAssert.EraseRemovesOnlyTheSubjectAsync(Seeded(Description(true)), Ada, [Bob], TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task EraseRemovesOnlyTheSubjectAsync_AnonymisingStore_Passes()
    {
        var store = Seeded(Description(true), ErasureMethod.AnonymiseInPlace);

        await PrivacyAssert.EraseRemovesOnlyTheSubjectAsync(store, Ada, [Bob], TestContext.Current.CancellationToken);

        Assert.Equal(4, store.Count);
    }

    [Fact]
    public async Task EraseRemovesOnlyTheSubjectAsync_StoreThatForgets_Throws()
    {
        var store = new LyingStore(Seeded(Description(true)), eraseEveryone: false);

        var ex = await Assert.ThrowsAsync<PrivacyAssertionException>(() => PrivacyAssert.EraseRemovesOnlyTheSubjectAsync(store, Ada, [Bob], TestContext.Current.CancellationToken));

        Assert.Contains("export after erasure still returns 2 record(s)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("FindAsync after erasure still counts records in: posts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseRemovesOnlyTheSubjectAsync_StoreErasingOthers_Throws()
    {
        var store = new LyingStore(Seeded(Description(true)), eraseEveryone: true);

        var ex = await Assert.ThrowsAsync<PrivacyAssertionException>(() => PrivacyAssert.EraseRemovesOnlyTheSubjectAsync(store, Ada, [Bob], TestContext.Current.CancellationToken));

        Assert.Equal(["erasure changed another subject's data (other subject #1: 2 record(s) before, 0 after)"], ex.Problems);
    }

    [Fact]
    public void StoreIsCovered_ExportOnlyStore_Throws()
    {
        var ex = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.StoreIsCovered(new ExportOnly()));

        Assert.Contains("dsr.store.cannot_erase", ex.Message, StringComparison.Ordinal);
        PrivacyAssert.StoreIsCovered(Seeded(Description(true)));
    }

    [Fact]
    public void NoUndeclaredPersonalData_UndeclaredTable_Throws()
    {
        SchemaTable[] schema = [new("posts", [new("userid"), new("text"), new("ip")]), new("ranking_points", [new("userid"), new("points")])];

        var ex = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.NoUndeclaredPersonalData([Seeded(Description(true))], schema));

        Assert.Equal(["dsr.table.undeclared at schema.ranking_points: The table has personal-data columns (userid) but no store declares it."], ex.Problems);
    }

    [Fact]
    public void NoDirectIdentifiers_StatementWithMboxAndName_ListsPathsAndXapiScannerCodesNotValues()
    {
        const string statement = """
            {"actor":{"objectType":"Agent","name":"Ada Lovelace","mbox":"mailto:ada@example.org"},
             "verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},
             "object":{"id":"http://example.org/q1","definition":{"name":{"en-US":"Question 1"}}},
             "result":{"response":"write to ada@example.org"},
             "context":{"instructor":{"mbox_sha1sum":"ebd31e95054c018b10727ccffd2ef2ec3a016ee9"}}}
            """;

        var ex = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.NoDirectIdentifiers(statement));

        // The name and the mbox are direct identifiers; the response holds an e-mail address; the instructor's unkeyed
        // SHA-1 of an address is reversible (xAPI 1.0.3 Data 2.4.2.1 names the property; GDPR Recital 26).
        Assert.Equal(
            ["$.actor.mbox: xapi.pii.mbox, direct-identifier", "$.actor.name: xapi.pii.name, direct-identifier",
             "$.context.instructor.mbox_sha1sum: xapi.pii.mbox_sha1sum, pseudonymous-identifier",
             "$.result.response: xapi.pii.email_in_text, direct-identifier"],
            ex.Problems.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("ada@", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDirectIdentifiers_PseudonymousAccountStatement_Passes()
    {
        PrivacyAssert.NoDirectIdentifiers("""
            {"actor":{"objectType":"Agent","account":{"homePage":"https://lms.example.org/pseudonyms","name":"k1.ABCDEF"}},
             "verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"http://example.org/course","definition":{"name":{"en":"Course"}}}}
            """);
    }

    [Fact]
    public void NoDirectIdentifiers_LtiClaims_UseTheLtiClaimClassifier()
    {
        // given_name (OIDC standard claim) and lis.person_sourcedid (the institution's id, LTI Core 1.3 §5.4.5) are direct
        // identifiers; sub is the platform's pseudonymous user id and passes.
        var ex = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.NoDirectIdentifiers(
            """{"sub":"a1","given_name":"Ada","https://purl.imsglobal.org/spec/lti/claim/lis":{"person_sourcedid":"x"}}"""));

        Assert.Equal(2, ex.Problems.Count);
        Assert.StartsWith("$.given_name: direct-identifier", ex.Problems[0], StringComparison.Ordinal);
        Assert.Contains("person_sourcedid", ex.Problems[1], StringComparison.Ordinal);
        Assert.Contains("direct-identifier", ex.Problems[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDirectIdentifiersInLaunch_CustomParameterWithEmail_NamesLtiRuleCode()
    {
        using var launch = JsonDocument.Parse(AnonymousLaunch.Replace(
            "\"locale\": \"en\",", "\"locale\": \"en\", \"https://purl.imsglobal.org/spec/lti/claim/custom\": {\"contact\": \"ada@example.org\"},", StringComparison.Ordinal));

        var ex = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.NoDirectIdentifiersInLaunch(launch.RootElement));

        Assert.Equal(["$['https://purl.imsglobal.org/spec/lti/claim/custom'].contact: lti.custom.direct_identifier, direct-identifier"], ex.Problems);
        Assert.DoesNotContain("ada@", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDirectIdentifiersInLaunch_AnonymousLaunch_Passes()
    {
        using var launch = JsonDocument.Parse(AnonymousLaunch);

        PrivacyAssert.NoDirectIdentifiersInLaunch(launch.RootElement);
    }

    [Fact]
    public void NoDirectIdentifiers_CmiSnapshot_UsesTheScormClassifier()
    {
        // SCORM 2004 RTE 4.2.7/4.2.8: cmi.learner_id and cmi.learner_name identify the learner; cmi.score.raw does not.
        var ex = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.NoDirectIdentifiers(
            """{"cmi.learner_id":"s1","cmi.learner_name":"Lovelace, Ada","cmi.score.raw":"80"}"""));

        Assert.Equal(["cmi.learner_id: scorm.classify.personal_data, direct-identifier", "cmi.learner_name: scorm.classify.personal_data, direct-identifier"], ex.Problems);
        Assert.DoesNotContain("Lovelace", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDirectIdentifiersInCmiSnapshot_Scorm12EmailInComments_NamesElementAndCode()
    {
        KeyValuePair<string, string>[] snapshot = [new("cmi.core.lesson_status", "completed"), new("cmi.comments", "mail me: ada@example.org"), new("cmi.core.student_name", "")];

        var ex = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.NoDirectIdentifiersInCmiSnapshot(Scorm.ScormVersion.Scorm12, snapshot));

        Assert.Equal(["cmi.comments: xapi.pii.email_in_text (an e-mail address in the value)"], ex.Problems);
        PrivacyAssert.NoDirectIdentifiersInCmiSnapshot(Scorm.ScormVersion.Scorm12, [new("cmi.core.lesson_status", "completed"), new("cmi.core.score.raw", "80")]);
    }

    [Fact]
    public void NoDirectIdentifiers_OtherJson_FallsBackToPropertyNames()
    {
        var ex = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.NoDirectIdentifiers("""{"user":{"email":"a@b.example","ip":"192.0.2.1"}}"""));

        Assert.Equal(["$.user.email: a direct identifier ('email')", "$.user.ip: a direct identifier ('ip')"], ex.Problems);
    }

    [Fact]
    public void ValidXapiStatement_Valid_Passes()
    {
        PrivacyAssert.ValidXapiStatement("""
            {"actor":{"objectType":"Agent","account":{"homePage":"https://lms.example.org","name":"k1.ABCDEF"}},
             "verb":{"id":"http://adlnet.gov/expapi/verbs/completed","display":{"en-US":"completed"}},
             "object":{"objectType":"Activity","id":"http://example.org/course"}}
            """);
    }

    [Fact]
    public void ValidXapiStatement_TwoIfis_ThrowsWithRuleCodeAndPath()
    {
        // xAPI 1.0.3 Data 2.4.2.1: an Agent has exactly one inverse functional identifier.
        const string statement = """
            {"actor":{"mbox":"mailto:ada@example.org","account":{"homePage":"https://lms.example.org","name":"42"}},
             "verb":{"id":"http://adlnet.gov/expapi/verbs/completed"},"object":{"id":"http://example.org/course"}}
            """;

        var ex = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.ValidXapiStatement(statement));

        Assert.Contains(ex.Problems, p => p.StartsWith("xapi.agent.ifi.multiple at $.actor", StringComparison.Ordinal));
        Assert.DoesNotContain("ada@", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidCmiSnapshot_Valid_Passes()
    {
        PrivacyAssert.ValidCmiSnapshot(Scorm.ScormVersion.Scorm2004, [new("cmi.completion_status", "completed"), new("cmi.score.raw", "80")]);
    }

    [Fact]
    public void ValidCmiSnapshot_ReadOnlyAndOutOfVocabulary_ThrowsWithCodes()
    {
        // SCORM 2004 RTE 4.2.8: cmi.learner_name is read-only (404); RTE 4.2.4: completion_status is one of
        // completed, incomplete, not attempted, unknown (406).
        KeyValuePair<string, string>[] snapshot = [new("cmi.learner_name", "Lovelace, Ada"), new("cmi.completion_status", "done")];

        var ex = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.ValidCmiSnapshot(Scorm.ScormVersion.Scorm2004, snapshot));

        Assert.Equal(2, ex.Problems.Count);
        Assert.StartsWith("scorm.element.read_only at ", ex.Problems[0], StringComparison.Ordinal);
        Assert.Contains("cmi.learner_name", ex.Problems[0], StringComparison.Ordinal);
        Assert.StartsWith("scorm.value.type_mismatch at ", ex.Problems[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidLtiLaunchAsync_AnonymousLaunchForItsRegistration_Passes()
    {
        using var launch = JsonDocument.Parse(AnonymousLaunch);

        // Anonymous launches (no sub) are valid only when the tool allows them (LTI Core 1.3 §5.3.6).
        await PrivacyAssert.ValidLtiLaunchAsync(launch.RootElement, CanvasRegistration, LaunchTime, options: AllowAnonymous, cancellationToken: TestContext.Current.CancellationToken);
        var ex = await Assert.ThrowsAsync<PrivacyAssertionException>(() => PrivacyAssert.ValidLtiLaunchAsync(
            launch.RootElement, CanvasRegistration, LaunchTime, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(["lti.anonymous.not_allowed at $.sub"], ex.Problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public async Task ValidLtiLaunchAsync_OtherIssuerAndExpired_ThrowsWithCodes()
    {
        // LTI Core 1.3 §5.1.2 / OIDC Core 3.1.3.7: iss must match the registration, exp must be in the future.
        using var launch = JsonDocument.Parse(AnonymousLaunch);
        var otherPlatform = new Lti.Validation.LtiRegistration("https://lms.example.org", "10000000000042", "42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");

        var wrongIssuer = await Assert.ThrowsAsync<PrivacyAssertionException>(() => PrivacyAssert.ValidLtiLaunchAsync(
            launch.RootElement, otherPlatform, LaunchTime, options: AllowAnonymous, cancellationToken: TestContext.Current.CancellationToken));
        var expired = await Assert.ThrowsAsync<PrivacyAssertionException>(() => PrivacyAssert.ValidLtiLaunchAsync(
            launch.RootElement, CanvasRegistration, NodaTime.Instant.FromUnixTimeSeconds(1764007200), options: AllowAnonymous, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains(wrongIssuer.Problems, p => p.StartsWith("lti.iss.", StringComparison.Ordinal));
        Assert.Contains(expired.Problems, p => p.StartsWith("lti.exp.", StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_ReportWithError_ThrowsListingFinding()
    {
        var rule = new RuleDescriptor("test.rule.x", "A test rule.", FindingSeverity.Error, "test");
        var report = new ValidationReport([rule.At("$.actor", "The actor is bad."), rule.At("$.verb", "Just a note.", FindingSeverity.Warning)]);

        var ex = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.Valid(report));

        Assert.Equal(["test.rule.x at $.actor: The actor is bad."], ex.Problems);
        PrivacyAssert.Valid(ValidationReport.Empty);
    }

    private static readonly Lti.LtiOptions AllowAnonymous = new() { AllowAnonymous = true };

    private static readonly NodaTime.Instant LaunchTime = NodaTime.Instant.FromUnixTimeSeconds(1764000030);

    private static readonly Lti.Validation.LtiRegistration CanvasRegistration =
        new("https://canvas.instructure.com", "10000000000042", "42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb");

    // samples/lti/anonymous-resource-link.json: an LTI 1.3 resource link launch without sub (anonymous), issued at 1764000000.
    private const string AnonymousLaunch = """
        {
          "iss": "https://canvas.instructure.com",
          "aud": "10000000000042",
          "azp": "10000000000042",
          "exp": 1764003600,
          "iat": 1764000000,
          "nonce": "7e3f9a1b-2c4d-4e5f-8a9b-0c1d2e3f4a5b",
          "locale": "en",
          "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiResourceLinkRequest",
          "https://purl.imsglobal.org/spec/lti/claim/version": "1.3.0",
          "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb",
          "https://purl.imsglobal.org/spec/lti/claim/target_link_uri": "https://tool.example.com/lti/launch",
          "https://purl.imsglobal.org/spec/lti/claim/resource_link": { "id": "5dd8e2f8-8a34-4c47-b1a1-6f6f2f1f7d11", "title": "Week 3 quiz" },
          "https://purl.imsglobal.org/spec/lti/claim/roles": [],
          "https://purl.imsglobal.org/spec/lti/claim/context": { "id": "4dde05e8ca1973bcca9bffc13e1548820eee93a3", "label": "BIO-101", "title": "Introduction to Biology" },
          "https://purl.imsglobal.org/spec/lti/claim/tool_platform": { "guid": "9a1e4f0c2b7d8e6f5a3c1b0d9e8f7a6b5c4d3e2f:canvas-lms", "product_family_code": "canvas" }
        }
        """;

    private static StoreDescription Description(bool withIp) => new(
    [
        new StoreTable("posts",
        [
            new StoreField("userid", DataCategory.PseudonymousIdentifier, "Author."),
            new StoreField("text", DataCategory.LearnerContent, "The post."),
            .. withIp ? [new StoreField("ip", DataCategory.QuasiIdentifier, "Abuse handling.")] : Array.Empty<StoreField>(),
        ]),
    ]);

    private static InMemoryPersonalDataStore Seeded(StoreDescription description, ErasureMethod method = ErasureMethod.Delete)
    {
        var store = new InMemoryPersonalDataStore("forum", description, "userid", method);
        foreach (var id in new[] { "42", "7" })
        {
            store.Add("posts", $$"""{"userid":"{{id}}","text":"hello","ip":"192.0.2.1"}""");
            store.Add("posts", $$"""{"userid":"{{id}}","text":"again","ip":"192.0.2.1"}""");
        }

        return store;
    }

    private sealed class LyingStore(InMemoryPersonalDataStore inner, bool eraseEveryone) : IExportableStore, IErasableStore
    {
        public string Name => inner.Name;

        public StoreDescription Describe() => inner.Describe();

        public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) => inner.FindAsync(subject, cancellationToken);

        public IAsyncEnumerable<StoreRecord> ExportAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default) => inner.ExportAsync(request, cancellationToken);

        public async ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
        {
            if (eraseEveryone)
            {
                await inner.EraseAsync(request, cancellationToken);
                var other = new CandidateSubjectRequest("x", SubjectRequestKind.Erasure, Bob, request.ReceivedAt, request.Due).Approve("t", request.ApprovedAt);
                return await inner.EraseAsync(other, cancellationToken);
            }

            return ErasureResult.Erased(ErasureMethod.Delete, 2);
        }
    }

    private sealed class ExportOnly : IExportableStore
    {
        public string Name => "reports";

        public StoreDescription Describe() => Description(true);

        public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) => ValueTask.FromResult(StoreFindResult.Empty);

        public async IAsyncEnumerable<StoreRecord> ExportAsync(ApprovedSubjectRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }
    }
}
