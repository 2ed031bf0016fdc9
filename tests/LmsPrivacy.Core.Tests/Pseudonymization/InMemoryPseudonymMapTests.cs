using LmsPrivacy.Pseudonymization;

namespace LmsPrivacy.Core.Tests.Pseudonymization;

public sealed class InMemoryPseudonymMapTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Set_ThenLookupBothWays_FindsMapping()
    {
        var map = new InMemoryPseudonymMap();
        await map.SetAsync("k1.aaa", "learner-1", _ct);
        await map.SetAsync("k2.bbb", "learner-1", _ct);

        Assert.Equal("learner-1", await map.FindIdentityAsync("k1.aaa", _ct));
        Assert.Equal(["k1.aaa", "k2.bbb"], await map.FindPseudonymsAsync("learner-1", _ct));
    }

    [Fact]
    public async Task DeleteSubject_RemovesEveryPseudonymOfThatSubjectOnly()
    {
        var map = new InMemoryPseudonymMap();
        await map.SetAsync("p1", "a", _ct);
        await map.SetAsync("p2", "a", _ct);
        await map.SetAsync("p3", "b", _ct);

        Assert.Equal(2, await map.DeleteSubjectAsync("a", _ct));
        Assert.Equal(0, await map.DeleteSubjectAsync("a", _ct));
        Assert.Null(await map.FindIdentityAsync("p1", _ct));
        Assert.Empty(await map.FindPseudonymsAsync("a", _ct));
        Assert.Equal("b", await map.FindIdentityAsync("p3", _ct));
    }

    [Fact]
    public async Task Set_SamePseudonymOtherIdentity_Throws()
    {
        var map = new InMemoryPseudonymMap();
        await map.SetAsync("p1", "a", _ct);
        await map.SetAsync("p1", "a", _ct);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await map.SetAsync("p1", "b", _ct));
    }

    [Fact]
    public async Task ConcurrentSetsAndDeletes_KeepBothDirectionsConsistent()
    {
        var map = new InMemoryPseudonymMap();
        var subjects = Enumerable.Range(0, 50).Select(i => $"s{i}").ToArray();
        await Parallel.ForEachAsync(Enumerable.Range(0, 4000), _ct, async (i, ct) =>
        {
            var subject = subjects[i % subjects.Length];
            await map.SetAsync($"{subject}-p{i % 7}", subject, ct);
            if (i % 13 == 0)
            {
                await map.DeleteSubjectAsync(subjects[(i / 13) % subjects.Length], ct);
            }
        });

        foreach (var subject in subjects)
        {
            foreach (var pseudonym in await map.FindPseudonymsAsync(subject, _ct))
            {
                Assert.Equal(subject, await map.FindIdentityAsync(pseudonym, _ct));
            }

            for (var p = 0; p < 7; p++)
            {
                var identity = await map.FindIdentityAsync($"{subject}-p{p}", _ct);
                Assert.True(identity is null || (await map.FindPseudonymsAsync(subject, _ct)).Contains($"{subject}-p{p}"));
            }
        }
    }
}
