using System.Diagnostics.CodeAnalysis;
using LmsPrivacy.Deadlines;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace LmsPrivacy.Core.Tests.Deadlines;

public sealed class DeadlineCalculatorTests
{
    [Fact]
    public void AddLmsPrivacyCore_RegistersCalculatorOverBuiltInCalendars()
    {
        using var provider = new ServiceCollection().AddLmsPrivacyCore().BuildServiceProvider();

        var calculator = provider.GetRequiredService<DeadlineCalculator>();

        Assert.Same(HolidayCalendars.Provider, calculator.Calendars);
        Assert.Equal(new LocalDate(2026, 4, 7), calculator.SubjectRequest(new LocalDate(2026, 3, 5), DeadlineProfile.Eu, "AT").Due);
    }

    [Fact]
    public void AddLmsPrivacyCore_HostProvider_IsUsed()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IHolidayCalendarProvider>(new OnlyCalendar());
        using var provider = services.AddLmsPrivacyCore().BuildServiceProvider();

        var calculator = provider.GetRequiredService<DeadlineCalculator>();

        // 5 April 2026 (Sunday) -> 6 April is the host's holiday -> 7 April.
        Assert.Equal(new LocalDate(2026, 4, 7), calculator.SubjectRequest(new LocalDate(2026, 3, 5), DeadlineProfile.Eu, "HOST").Due);
        Assert.Throws<ArgumentException>(() => calculator.SubjectRequest(new LocalDate(2026, 3, 5), DeadlineProfile.Eu, "DE"));
    }

    [Fact]
    public void Breach_DelegatesTo72Hours()
    {
        var calculator = new DeadlineCalculator();
        var aware = Instant.FromUtc(2026, 1, 1, 0, 0);

        Assert.Equal(aware + Duration.FromHours(72), calculator.Breach(aware).Due);
        Assert.Equal(aware + Duration.FromHours(48), calculator.ProcessorNotice(aware, ProcessorNoticeWindow.Hours(48)).Due);
    }

    private sealed class OnlyCalendar : IHolidayCalendarProvider, IHolidayCalendar
    {
        public string Code => "HOST";

        public string Name => "host calendar";

        public IReadOnlyList<PublicHoliday> GetHolidays(int year) =>
            year == 2026 ? [new PublicHoliday(new LocalDate(2026, 4, 6), "Host day")] : [];

        public bool TryGetCalendar(string code, [NotNullWhen(true)] out IHolidayCalendar? calendar)
        {
            calendar = code == "HOST" ? this : null;
            return calendar is not null;
        }
    }
}
