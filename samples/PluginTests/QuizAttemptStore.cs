using System.Runtime.CompilerServices;
using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.SubjectRequests;

namespace PluginTests;

/// <summary>A quiz plugin's attempt row, as the plugin keeps it in its own table.</summary>
internal sealed record QuizAttempt(string UserId, string QuizId, double Score, string Answer, string Ip);

/// <summary>
/// The plugin's personal-data store: declares the quiz_attempts table, exports a learner's attempts and erases them.
/// This is the code a plugin author writes; the tests check it with LmsPrivacy.Testing.
/// </summary>
internal class QuizAttemptStore : IExportableStore, IErasableStore
{
    private readonly List<QuizAttempt> _attempts = [];

    public string Name => "quiz";

    public void Add(QuizAttempt attempt) => _attempts.Add(attempt);

    public virtual StoreDescription Describe() => new(
    [
        new StoreTable("quiz_attempts",
        [
            new StoreField("userid", DataCategory.PseudonymousIdentifier, "Whose attempt it is."),
            new StoreField("quizid", DataCategory.Technical, "Which quiz."),
            new StoreField("score", DataCategory.AssessmentResult, "The grade given."),
            new StoreField("answer", DataCategory.LearnerContent, "The learner's free-text answer."),
            new StoreField("ip", DataCategory.QuasiIdentifier, "Detects cheating from several places."),
        ], "One row per quiz attempt."),
    ]);

    public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var count = _attempts.Count(a => a.UserId == subject.Id);
        return ValueTask.FromResult(count == 0 ? StoreFindResult.Empty : new StoreFindResult(new Dictionary<string, long> { ["quiz_attempts"] = count }));
    }

    public async IAsyncEnumerable<StoreRecord> ExportAsync(ApprovedSubjectRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var attempt in _attempts.Where(a => a.UserId == request.Subject.Id).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(
                new Dictionary<string, object> { ["userid"] = attempt.UserId, ["quizid"] = attempt.QuizId, ["score"] = attempt.Score, ["answer"] = attempt.Answer, ["ip"] = attempt.Ip }));
            yield return new StoreRecord("quiz_attempts", document.RootElement.Clone());
        }

        await Task.CompletedTask;
    }

    public ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
    {
        var removed = _attempts.RemoveAll(a => a.UserId == request.Subject.Id);
        return ValueTask.FromResult(removed == 0 ? ErasureResult.NothingFound() : ErasureResult.Erased(ErasureMethod.Delete, removed));
    }
}

/// <summary>The same store with a classic mistake: the ip column was added later and never declared.</summary>
internal sealed class ForgetfulQuizAttemptStore : QuizAttemptStore
{
    public override StoreDescription Describe()
    {
        var table = base.Describe().Collections[0];
        return new StoreDescription([table with { Fields = [.. table.Fields.Where(f => f.Name != "ip")] }]);
    }
}
