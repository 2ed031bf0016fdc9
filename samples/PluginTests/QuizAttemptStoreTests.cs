using LmsPrivacy.SubjectRequests;
using LmsPrivacy.Testing;

namespace PluginTests;

public sealed class QuizAttemptStoreTests
{
    private static readonly DataSubject Learner = new("42");
    private static readonly DataSubject Classmate = new("7");

    [Fact]
    public void Store_IsCovered()
    {
        PrivacyAssert.StoreIsCovered(Seed(new QuizAttemptStore()));
    }

    [Fact]
    public async Task Store_DeclaresEveryFieldItExports()
    {
        await PrivacyAssert.StoreDeclaresEveryFieldAsync(Seed(new QuizAttemptStore()), Learner, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Store_EraseRemovesOnlyTheLearner()
    {
        await PrivacyAssert.EraseRemovesOnlyTheSubjectAsync(Seed(new QuizAttemptStore()), Learner, [Classmate], TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Schema_HasNoUndeclaredPersonalData()
    {
        // The plugin's install script, as tables and columns (a real plugin reads its EF Core model or migration).
        SchemaTable[] schema = [new("quiz_attempts", [new("id"), new("userid"), new("quizid"), new("score"), new("answer"), new("ip")])];

        PrivacyAssert.NoUndeclaredPersonalData([new QuizAttemptStore()], schema);
    }

    /// <summary>
    /// What a plugin author sees when a field is forgotten: the same assertion as above fails with
    /// "field 'quiz_attempts.ip' is exported but not declared". Here the failure is expected, to keep the sample green.
    /// </summary>
    [Fact]
    public async Task ForgetfulStore_FailsTheDeclarationCheck()
    {
        var ex = await Assert.ThrowsAsync<PrivacyAssertionException>(
            () => PrivacyAssert.StoreDeclaresEveryFieldAsync(Seed(new ForgetfulQuizAttemptStore()), Learner, TestContext.Current.CancellationToken));

        Assert.Contains("field 'quiz_attempts.ip' is exported but not declared", ex.Message, StringComparison.Ordinal);
    }

    private static QuizAttemptStore Seed(QuizAttemptStore store)
    {
        store.Add(new QuizAttempt("42", "q1", 0.8, "Because the sky is blue.", "192.0.2.10"));
        store.Add(new QuizAttempt("42", "q2", 0.4, "I am not sure.", "192.0.2.10"));
        store.Add(new QuizAttempt("7", "q1", 1.0, "Rayleigh scattering.", "198.51.100.7"));
        return store;
    }
}
