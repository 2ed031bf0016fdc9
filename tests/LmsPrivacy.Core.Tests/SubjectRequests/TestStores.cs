using System.Runtime.CompilerServices;
using LmsPrivacy.Classification;
using LmsPrivacy.SubjectRequests;
using NodaTime;

namespace LmsPrivacy.Core.Tests.SubjectRequests;

internal enum Fault
{
    None,
    ThrowBefore,
    ThrowAfter,
    Hang,
    Unconfirmed,
    Crash,
}

/// <summary>Wraps an in-memory store and injects one scripted fault per call; counts confirmed erasures.</summary>
internal sealed class FaultyStore(InMemoryPersonalDataStore inner, IEnumerable<Fault> script, CancellationTokenSource? crash = null) : IExportableStore, IErasableStore
{
    private readonly Queue<Fault> _script = new(script);

    public string Name => inner.Name;

    public int Calls { get; private set; }

    public long RecordsErased { get; private set; }

    public InMemoryPersonalDataStore Inner => inner;

    public StoreDescription Describe() => inner.Describe();

    public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) => inner.FindAsync(subject, cancellationToken);

    public async IAsyncEnumerable<StoreRecord> ExportAsync(ApprovedSubjectRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fault = Next();
        if (fault == Fault.Hang)
        {
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
        }

        if (fault == Fault.ThrowBefore)
        {
            throw new InvalidOperationException("export broke");
        }

        var first = true;
        await foreach (var record in inner.ExportAsync(request, cancellationToken))
        {
            yield return record;
            if (first && fault == Fault.ThrowAfter)
            {
                throw new InvalidOperationException("export broke half way");
            }

            first = false;
        }
    }

    public async ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
    {
        var fault = Next();
        switch (fault)
        {
            case Fault.ThrowBefore:
                throw new InvalidOperationException("database unavailable");
            case Fault.Hang:
                // Ignores its token on purpose: the orchestrator must abandon it.
                await Task.Delay(Timeout.Infinite, CancellationToken.None);
                break;
            case Fault.Unconfirmed:
                return ErasureResult.Unconfirmed("replica lag");
            case Fault.Crash:
                await crash!.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
                break;
        }

        var result = await inner.EraseAsync(request, cancellationToken);
        if (result.Outcome == ErasureOutcome.Erased)
        {
            RecordsErased += result.RecordsAffected;
        }

        if (fault == Fault.ThrowAfter)
        {
            throw new IOException("connection reset after commit");
        }

        return result;
    }

    private Fault Next()
    {
        Calls++;
        return _script.Count > 0 ? _script.Dequeue() : Fault.None;
    }
}

internal sealed class ExportOnlyStore(string name) : IExportableStore
{
    public string Name => name;

    public StoreDescription Describe() => TestData.Description();

    public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) => ValueTask.FromResult(StoreFindResult.Empty);

    public async IAsyncEnumerable<StoreRecord> ExportAsync(ApprovedSubjectRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}

internal sealed class NullStore(string name) : IPersonalDataStore
{
    public string Name => name;

    public StoreDescription Describe() => StoreDescription.NoPersonalData("Holds course catalogue data only.");

    public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) => ValueTask.FromResult(StoreFindResult.Empty);
}

internal sealed class ProtectedStore(string name) : IErasableStore
{
    public string Name => name;

    public int Calls { get; private set; }

    public StoreDescription Describe() => TestData.Description();

    public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) => ValueTask.FromResult(StoreFindResult.Empty);

    public ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
    {
        Calls++;
        return ValueTask.FromResult(ErasureResult.Protected("Certificates are kept 10 years (legal obligation)."));
    }
}

internal static class TestData
{
    public static readonly Instant Received = Instant.FromUtc(2026, 1, 31, 10, 0);

    public static StoreDescription Description() => new(
    [
        new StoreTable("grades",
        [
            new StoreField("userid", DataCategory.PseudonymousIdentifier, "Links the grade to the learner."),
            new StoreField("email", DataCategory.DirectIdentifier, "Sends the grade notice."),
            new StoreField("score", DataCategory.AssessmentResult, "The grade."),
        ]),
    ]);

    /// <summary>A store holding two grades for each of the given subjects.</summary>
    public static InMemoryPersonalDataStore Store(string name, ErasureMethod method = ErasureMethod.Delete, params string[] subjects)
    {
        var store = new InMemoryPersonalDataStore(name, Description(), "userid", method);
        foreach (var subject in subjects.Length == 0 ? ["42", "7"] : subjects)
        {
            store.Add("grades", $$"""{"userid":"{{subject}}","email":"u{{subject}}@example.org","score":0.5}""");
            store.Add("grades", $$"""{"userid":"{{subject}}","email":"u{{subject}}@example.org","score":0.9}""");
        }

        return store;
    }

    public static ApprovedSubjectRequest Request(SubjectRequestKind kind, string subject = "42", string id = "req-1") =>
        new CandidateSubjectRequest(id, kind, new DataSubject(subject), Received, new LocalDate(2026, 2, 28)).Approve("dpo", Received);

    public static SubjectRequestOptions FastOptions(int attempts = 3) => new()
    {
        MaxAttempts = attempts,
        InitialBackoff = TimeSpan.Zero,
        StoreTimeout = TimeSpan.FromSeconds(10),
    };
}
