using LmsPrivacy.Deadlines;
using LmsPrivacy.SubjectRequests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace LmsPrivacy.Core.Tests.SubjectRequests;

public sealed class SubjectRequestsServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLmsPrivacySubjectRequests_RegisteredStores_ReachTheOrchestrator()
    {
        var services = new ServiceCollection()
            .AddLmsPrivacySubjectRequests(o => o.InitialBackoff = TimeSpan.Zero)
            .AddPersonalDataStore(TestData.Store("lms"))
            .AddPersonalDataStore<CatalogueStore>();
        using var provider = services.BuildServiceProvider();

        var registry = provider.GetRequiredService<PersonalDataStoreRegistry>();
        var report = await provider.GetRequiredService<SubjectRequestOrchestrator>().EraseAsync(TestData.Request(SubjectRequestKind.Erasure), TestContext.Current.CancellationToken);

        Assert.Equal(["catalogue", "lms"], registry.Stores.Select(s => s.Name));
        Assert.Equal([StoreRunStatus.NotApplicable, StoreRunStatus.Done], report.Stores.Select(s => s.Status));
        Assert.Single(((InMemorySubjectRequestJournal)provider.GetRequiredService<ISubjectRequestJournal>()).Entries, e => e.Step == JournalStep.StoreDone);
    }

    [Fact]
    public void AddLmsPrivacySubjectRequests_HostCalculatorRegisteredFirst_Wins()
    {
        var services = new ServiceCollection()
            .AddSingleton<ISubjectRequestDueDateCalculator>(new GdprDueDateCalculator(DeadlineProfile.Eu, null, DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"]))
            .AddSingleton<IClock>(NodaTime.Testing.FakeClock.FromUtc(2026, 1, 30, 12, 0, 0))
            .AddLmsPrivacySubjectRequests();
        using var provider = services.BuildServiceProvider();

        // 12:00 UTC on 30 January is already 31 January at UTC+14, so the month ends on Saturday 28 February → Monday 2 March.
        var candidate = provider.GetRequiredService<SubjectRequestIntake>().Receive(SubjectRequestKind.Access, new DataSubject("1"));

        Assert.Equal(new LocalDate(2026, 3, 2), candidate.Due);
    }

    [Fact]
    public void AddLmsPrivacySubjectRequests_DefaultCalculator_UsesConfiguredCountryAndZone()
    {
        var services = new ServiceCollection()
            .AddSingleton<IClock>(NodaTime.Testing.FakeClock.FromUtc(2026, 3, 31, 23, 30, 0))
            .AddLmsPrivacySubjectRequests(o =>
            {
                o.DeadlineCountry = "DE";
                o.DeadlineTimeZone = "Europe/Berlin";
            });
        using var provider = services.BuildServiceProvider();

        // 1 April in Berlin → Friday 1 May, Labour Day → Monday 4 May 2026.
        var candidate = provider.GetRequiredService<SubjectRequestIntake>().Receive(SubjectRequestKind.Erasure, new DataSubject("1"));

        Assert.IsType<GdprDueDateCalculator>(provider.GetRequiredService<ISubjectRequestDueDateCalculator>());
        Assert.Equal(new LocalDate(2026, 5, 4), candidate.Due);
        Assert.Contains("Labour Day", candidate.DueReason, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLmsPrivacySubjectRequests_UkCountryWithEuProfileOrUnknownZone_FailValidation()
    {
        using var provider = new ServiceCollection().AddLmsPrivacySubjectRequests(o =>
        {
            o.DeadlineCountry = "GB";
            o.DeadlineTimeZone = "Mars/Olympus";
        }).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SubjectRequestOptions>>().Value);

        Assert.Contains("DeadlineCountry does not fit DeadlineProfile", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DeadlineTimeZone must be an IANA time zone id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddLmsPrivacySubjectRequests_InvalidOptions_FailValidation()
    {
        using var provider = new ServiceCollection().AddLmsPrivacySubjectRequests(o => o.MaxAttempts = 0).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SubjectRequestOptions>>().Value);

        Assert.Contains("MaxAttempts must be at least 1.", ex.Message, StringComparison.Ordinal);
    }

    private sealed class CatalogueStore : IPersonalDataStore
    {
        public string Name => "catalogue";

        public StoreDescription Describe() => StoreDescription.NoPersonalData("Course catalogue only.");

        public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default) => ValueTask.FromResult(StoreFindResult.Empty);
    }
}
