using LmsPrivacy.Retention.Erasure;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Queue;
using LmsPrivacy.Retention.Registry;
using LmsPrivacy.SubjectRequests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static LmsPrivacy.Retention.Tests.Build;

namespace LmsPrivacy.Retention.Tests;

public sealed class RetentionServiceCollectionExtensionsTests
{
    private sealed class NullEraser : IContextDataEraser
    {
        public ValueTask DeleteContextAsync(RetentionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask DeleteUsersInContextAsync(RetentionContext context, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }

    private static ServiceProvider Provider(Action<RetentionOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Reg([Purpose("p", "P1Y")], "p"));
        services.AddSingleton<IContextTree>(Tree(Site()));
        services.AddSingleton<IContextDataEraser, NullEraser>();
        services.AddLmsPrivacyRetention(configure);
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddLmsPrivacyRetention_ResolvesEveryService()
    {
        using var provider = Provider(o => o.TimeZoneId = "Europe/Berlin");
        using var scope = provider.CreateScope();

        Assert.Equal("Europe/Berlin", provider.GetRequiredService<RetentionEvaluator>().Clock.Zone.Id);
        Assert.IsType<InMemoryDeletionQueueStore>(provider.GetRequiredService<IDeletionQueueStore>());
        Assert.NotNull(provider.GetRequiredService<ErasureDecider>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<DeletionQueueManager>());
    }

    [Fact]
    public void AddLmsPrivacyRetention_UnknownTimeZoneOrZeroBatch_FailsValidation()
    {
        using var provider = Provider(o =>
        {
            o.TimeZoneId = "Mars/Olympus";
            o.DeletionBatchLimit = 0;
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RetentionOptions>>().Value);

        Assert.Equal(2, ex.Failures.Count());
    }

    [Fact]
    public void AddLmsPrivacyRetention_CoreStoreRegistryAndNoEraser_DefaultsToStoreEraser()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Reg([Purpose("p", "P1Y")], "p"));
        services.AddSingleton<IContextTree>(Tree(Site()));
        services.AddLmsPrivacyRetention();
        services.AddLmsPrivacySubjectRequests();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        Assert.IsType<PersonalDataStoreEraser>(provider.GetRequiredService<IContextDataEraser>());
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<DeletionQueueManager>());
    }

    [Fact]
    public void AddLmsPrivacyRetention_HostEraserRegistered_HostEraserKept()
    {
        using var provider = Provider(static _ => { });

        Assert.IsType<NullEraser>(provider.GetRequiredService<IContextDataEraser>());
    }

    [Fact]
    public void AddLmsPrivacyRetention_NoEraserNoStoreRegistry_ClearError()
    {
        var services = new ServiceCollection();
        services.AddLmsPrivacyRetention();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IContextDataEraser>());

        Assert.Contains("AddLmsPrivacySubjectRequests", ex.Message, StringComparison.Ordinal);
    }
}
