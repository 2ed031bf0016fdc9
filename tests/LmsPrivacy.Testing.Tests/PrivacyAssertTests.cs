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
    public void NoDirectIdentifiers_StatementWithMboxAndName_ListsPathsNotValues()
    {
        const string statement = """
            {"actor":{"objectType":"Agent","name":"Ada Lovelace","mbox":"mailto:ada@example.org"},
             "verb":{"id":"http://adlnet.gov/expapi/verbs/answered","display":{"en-US":"answered"}},
             "object":{"id":"http://example.org/q1","definition":{"name":{"en-US":"Question 1"}}},
             "result":{"response":"write to ada@example.org"},
             "context":{"instructor":{"mbox_sha1sum":"ebd31e95054c018b10727ccffd2ef2ec3a016ee9"}}}
            """;

        var ex = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.NoDirectIdentifiers(statement));

        Assert.Equal(
            ["$.actor.name: an agent's name", "$.actor.mbox: a direct identifier ('mbox')", "$.result.response: an e-mail address in a string",
             "$.context.instructor.mbox_sha1sum: a direct identifier ('mbox_sha1sum')"],
            ex.Problems);
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
    public void NoDirectIdentifiers_LtiClaimsAndCmi_Throw()
    {
        var lti = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.NoDirectIdentifiers("""{"sub":"a1","given_name":"Ada","https://purl.imsglobal.org/spec/lti/claim/lis":{"person_sourcedid":"x"}}"""));
        var cmi = Assert.Throws<PrivacyAssertionException>(() => PrivacyAssert.NoDirectIdentifiers("""{"cmi.learner_id":"s1","cmi.learner_name":"Lovelace, Ada","cmi.score.raw":"80"}"""));

        Assert.Equal(["$.given_name: a direct identifier ('given_name')"], lti.Problems);
        Assert.Equal(["$['cmi.learner_id']: a direct identifier ('cmi.learner_id')", "$['cmi.learner_name']: a direct identifier ('cmi.learner_name')"], cmi.Problems);
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
