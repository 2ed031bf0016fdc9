using System.Text.Json;
using LmsPrivacy.Pseudonymization;
using LmsPrivacy.SubjectRequests;
using LmsPrivacy.Xapi.Lrs;
using LmsPrivacy.Xapi.Streaming;
using NodaTime;
using static LmsPrivacy.Xapi.Tests.Lrs.Statements;

namespace LmsPrivacy.Xapi.Tests.Lrs;

public sealed class StatementFileStoreTests : IDisposable
{
    private const string PseudonymHome = "https://lms.example.org/pseudonyms";

    // sha1("mailto:ada@example.org"), computed with python3 hashlib.
    private const string AdaSha1 = """{"mbox_sha1sum":"d714b8a95bd857a37405a7b56db9108b60ae42bd"}""";
    private const string AdaNamed = """{"objectType":"Agent","name":"Ada Lovelace","mbox":"mailto:ada@example.org"}""";

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("lmsprivacy-statements-");
    private readonly InMemoryPseudonymMap _map = new();
    private readonly StatementPseudonymizer _pseudonymizer;

    public StatementFileStoreTests() =>
        _pseudonymizer = new StatementPseudonymizer(new Pseudonymizer(PseudonymKey.FromText("k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")), PseudonymHome, _map);

    public void Dispose() => _folder.Delete(recursive: true);

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EraseAsync_LearnerInFiles_RewritesOnlyTheLearnerDeletesMappingAndConfirms()
    {
        // The host pseudonymized an earlier statement of Ada's, so the map links her pseudonym to her identity.
        var earlier = await _pseudonymizer.PseudonymizeAsync(Make(Id(9), Ada), Ct);
        var adaPseudonym = JsonDocument.Parse(earlier).RootElement.GetProperty("actor").GetProperty("account").GetProperty("name").GetString();
        var bobOnly = Make(Id(2), Bob);
        Write("a.ndjson", Make(Id(1), AdaNamed, instructor: Bob) + "\n" + bobOnly + "\n");
        Write("b.json", "[" + Make(Id(3), AdaSha1) + "," + Make(Id(4), Bob) + "]");
        var store = Store();

        var result = await store.EraseAsync(Request(SubjectRequestKind.Erasure, Ada), Ct);

        Assert.Equal(ErasureOutcome.Erased, result.Outcome);
        Assert.Equal(ErasureMethod.AnonymiseInPlace, result.Method);
        Assert.Equal(3, result.RecordsAffected); // statements 1 and 3, plus one mapping.
        Assert.Equal(0, _map.Count);
        var lines = File.ReadAllLines(Path.Combine(_folder.FullName, "a.ndjson"));
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal($$$"""{"objectType":"Agent","account":{"homePage":"{{{PseudonymHome}}}","name":"{{{adaPseudonym}}}"}}""", first.RootElement.GetProperty("actor").GetRawText());
        Assert.Equal("mailto:bob@example.org", first.RootElement.GetProperty("context").GetProperty("instructor").GetProperty("mbox").GetString());
        Assert.Equal(bobOnly, lines[1]);
        using var second = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder.FullName, "b.json")));
        Assert.Equal(adaPseudonym, second.RootElement[0].GetProperty("actor").GetProperty("account").GetProperty("name").GetString());
        Assert.Equal("mailto:bob@example.org", second.RootElement[1].GetProperty("actor").GetProperty("mbox").GetString());
        var all = string.Concat(_folder.GetFiles().Select(f => File.ReadAllText(f.FullName)));
        Assert.DoesNotContain("ada@example.org", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", all, StringComparison.Ordinal);
        Assert.DoesNotContain("d714b8a95bd857a37405a7b56db9108b60ae42bd", all, StringComparison.Ordinal);
        Assert.Equal(["a.ndjson", "b.json"], _folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EraseAsync_Repeated_NothingFoundAndExportEmptyOthersIntact()
    {
        await _pseudonymizer.PseudonymizeAsync(Make(Id(9), Ada), Ct);
        Write("a.ndjson", Make(Id(1), Ada, instructor: Bob) + "\n" + Make(Id(2), Bob) + "\n");
        var store = Store();

        await store.EraseAsync(Request(SubjectRequestKind.Erasure, Ada), Ct);
        var again = await store.EraseAsync(Request(SubjectRequestKind.Erasure, Ada), Ct);
        var ada = await store.ExportAsync(Request(SubjectRequestKind.Access, Ada), Ct).ToListAsync(Ct);
        var bob = await store.ExportAsync(Request(SubjectRequestKind.Access, Bob), Ct).ToListAsync(Ct);

        Assert.Equal(ErasureOutcome.NothingFound, again.Outcome);
        Assert.Empty(ada);
        Assert.Equal([Id(1), Id(2)], bob.Select(r => r.Data.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task ExportAsync_OwnIfiAndMappedPseudonym_BothFoundOthersNot()
    {
        var pseudonymous = await _pseudonymizer.PseudonymizeAsync(Make(Id(1), Ada), Ct);
        Write("s.ndjson", pseudonymous + "\n" + Make(Id(2), Ada) + "\n" + Make(Id(3), Bob) + "\n");

        var records = await Store().ExportAsync(Request(SubjectRequestKind.Access, Ada), Ct).ToListAsync(Ct);
        var found = await Store().FindAsync(Request(SubjectRequestKind.Access, Ada).Subject, Ct);

        Assert.Equal([Id(1), Id(2)], records.Select(r => r.Data.GetProperty("id").GetString()));
        Assert.Equal(2, found.CountsByCollection[StatementFileStore.StatementsCollection]);
    }

    [Fact]
    public async Task EraseAsync_MapKeepsTheLink_Unconfirmed()
    {
        Write("a.ndjson", Make(Id(1), Ada) + "\n");
        var store = new StatementFileStore("statements", _folder.FullName, _pseudonymizer, new StickyMap());

        var result = await store.EraseAsync(Request(SubjectRequestKind.Erasure, Ada), Ct);

        Assert.Equal(ErasureOutcome.Unconfirmed, result.Outcome);
        Assert.Contains("pseudonym map", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_IsCovered()
    {
        var report = StoreCoverage.Analyze([Store()]);

        Assert.True(report.IsValid, report.ToString());
    }

    private StatementFileStore Store() => new("statements", _folder.FullName, _pseudonymizer, _map);

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_folder.FullName, name), content);

    private static ApprovedSubjectRequest Request(SubjectRequestKind kind, string agent)
    {
        var subject = new DataSubject("42").WithIdentifier(SubjectIdentifier.XapiAgentKind, agent);
        var at = Instant.FromUtc(2026, 2, 1, 0, 0);
        return new CandidateSubjectRequest("r1", kind, subject, at, new LocalDate(2026, 3, 2)).Approve("dpo", at);
    }

    /// <summary>A map that says it deleted but keeps every link.</summary>
    private sealed class StickyMap : IPseudonymMap
    {
        public ValueTask SetAsync(string pseudonym, string identity, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask<string?> FindIdentityAsync(string pseudonym, CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>("x");

        public ValueTask<IReadOnlyList<string>> FindPseudonymsAsync(string identity, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<string>>(["k1.STILL"]);

        public ValueTask<int> DeleteSubjectAsync(string identity, CancellationToken cancellationToken = default) => ValueTask.FromResult(1);
    }
}
