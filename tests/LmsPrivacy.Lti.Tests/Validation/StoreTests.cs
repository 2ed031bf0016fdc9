using LmsPrivacy.Lti.Validation;
using NodaTime;
using NodaTime.Testing;

namespace LmsPrivacy.Lti.Tests.Validation;

public sealed class InMemoryLtiNonceStoreTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryUseAsync_SecondUseBeforeExpiry_IsReplay()
    {
        var clock = new FakeClock(Instant.FromUnixTimeSeconds(1000));
        var store = new InMemoryLtiNonceStore(clock);

        Assert.True(await store.TryUseAsync("n", Instant.FromUnixTimeSeconds(1060), Ct));
        Assert.False(await store.TryUseAsync("n", Instant.FromUnixTimeSeconds(1060), Ct));
        Assert.True(await store.TryUseAsync("N", Instant.FromUnixTimeSeconds(1060), Ct));
    }

    [Fact]
    public async Task TryUseAsync_AfterExpiry_IsForgottenAndPurged()
    {
        var clock = new FakeClock(Instant.FromUnixTimeSeconds(1000));
        var store = new InMemoryLtiNonceStore(clock);
        await store.TryUseAsync("a", Instant.FromUnixTimeSeconds(1060), Ct);
        await store.TryUseAsync("b", Instant.FromUnixTimeSeconds(5000), Ct);

        clock.AdvanceSeconds(61);
        store.Purge();

        Assert.Equal(1, store.Count);
        Assert.True(await store.TryUseAsync("a", Instant.FromUnixTimeSeconds(2000), Ct));
        Assert.False(await store.TryUseAsync("b", Instant.FromUnixTimeSeconds(5000), Ct));
    }

    [Fact]
    public async Task TryUseAsync_ManyExpiredEntries_PurgesAsItGrows()
    {
        var clock = new FakeClock(Instant.FromUnixTimeSeconds(1000));
        var store = new InMemoryLtiNonceStore(clock);
        for (var i = 0; i < 1024; i++)
        {
            await store.TryUseAsync($"old-{i}", Instant.FromUnixTimeSeconds(1001), Ct);
        }

        clock.AdvanceSeconds(10);
        await store.TryUseAsync("new", Instant.FromUnixTimeSeconds(2000), Ct);

        Assert.Equal(1, store.Count);
    }
}

public sealed class InMemoryLtiRegistrationStoreTests
{
    [Fact]
    public async Task FindByIssuerAsync_IsExactAndCaseSensitive()
    {
        var store = new InMemoryLtiRegistrationStore([new LtiRegistration("https://p.example", "c1", "d1"), new LtiRegistration("https://p.example", "c2", "d2")]);

        Assert.Equal(2, (await store.FindByIssuerAsync("https://p.example", TestContext.Current.CancellationToken)).Count);
        Assert.Empty(await store.FindByIssuerAsync("https://P.example", TestContext.Current.CancellationToken));
        Assert.Empty(await store.FindByIssuerAsync("https://p.example/", TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Add_SameIssuerAndClient_Throws()
    {
        var store = new InMemoryLtiRegistrationStore([new LtiRegistration("https://p.example", "c1", "d1")]);

        Assert.Throws<ArgumentException>(() => store.Add(new LtiRegistration("https://p.example", "c1", "d9")));
    }

    [Fact]
    public void Registration_WithoutDeployment_Throws()
    {
        Assert.Throws<ArgumentException>(() => new LtiRegistration("https://p.example", "c1"));
    }
}
