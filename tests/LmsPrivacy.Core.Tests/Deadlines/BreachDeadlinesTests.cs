using FsCheck.Xunit;
using LmsPrivacy.Deadlines;
using NodaTime;

namespace LmsPrivacy.Core.Tests.Deadlines;

public sealed class BreachDeadlinesTests
{
    [Fact]
    public void Compute_AwareFridayEvening_DueMondayEveningThroughTheWeekend()
    {
        // Friday 2026-11-20 17:30 UTC + 72 h = Monday 2026-11-23 17:30 UTC; nothing is added for the weekend.
        var aware = Instant.FromUtc(2026, 11, 20, 17, 30);

        var result = BreachDeadlines.Compute(aware);

        Assert.Equal(Instant.FromUtc(2026, 11, 23, 17, 30), result.Due);
        Assert.Contains("72 hours", result.Reason, StringComparison.Ordinal);
        Assert.Contains("Art. 33(1)", result.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Compute_DueOnSaturday_NotMovedAndSaysSo()
    {
        // Wednesday 2026-12-23 09:00 UTC + 72 h = Saturday 2026-12-26 09:00 UTC (Boxing Day too): not moved.
        var result = BreachDeadlines.Compute(Instant.FromUtc(2026, 12, 23, 9, 0));

        Assert.Equal(Instant.FromUtc(2026, 12, 26, 9, 0), result.Due);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("deadline.breach.weekend", finding.Code);
    }

    [Property(MaxTest = 200)]
    public bool Article33_DueIsExactly72HoursAfterAwareness(uint seconds)
    {
        var aware = Instant.FromUtc(2000, 1, 1, 0, 0) + Duration.FromSeconds(seconds);
        return BreachDeadlines.Compute(aware).Due - aware == Duration.FromHours(72);
    }

    [Fact]
    public void ComputeProcessorNotice_ContractualHours_DueAndControllerLatest()
    {
        var aware = Instant.FromUtc(2026, 3, 2, 8, 0);

        var result = BreachDeadlines.ComputeProcessorNotice(aware, ProcessorNoticeWindow.Hours(24));

        Assert.Equal(Instant.FromUtc(2026, 3, 3, 8, 0), result.Due);
        Assert.Equal(Instant.FromUtc(2026, 3, 6, 8, 0), result.ControllerDueAtLatest);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void ComputeProcessorNotice_WithoutUndueDelay_NoDueAndAWarning()
    {
        var result = BreachDeadlines.ComputeProcessorNotice(Instant.FromUtc(2026, 3, 2, 8, 0), ProcessorNoticeWindow.WithoutUndueDelay);

        Assert.Null(result.Due);
        Assert.Null(result.ControllerDueAtLatest);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("deadline.breach.processor_window_unset", finding.Code);
        Assert.Equal(LmsPrivacy.Findings.FindingSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void ComputeProcessorNotice_WindowOf72HoursOrMore_Warns()
    {
        var longWindow = BreachDeadlines.ComputeProcessorNotice(Instant.FromUtc(2026, 3, 2, 8, 0), ProcessorNoticeWindow.Hours(72));
        var shortWindow = BreachDeadlines.ComputeProcessorNotice(Instant.FromUtc(2026, 3, 2, 8, 0), ProcessorNoticeWindow.Hours(71));

        Assert.Contains(longWindow.Findings, f => f.Code == "deadline.breach.processor_window_too_long");
        Assert.DoesNotContain(shortWindow.Findings, f => f.Code == "deadline.breach.processor_window_too_long");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(721)]
    public void Hours_OutOfRange_Throws(int hours)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProcessorNoticeWindow.Hours(hours));
    }

    [Fact]
    public void Compute_InstantOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BreachDeadlines.Compute(Instant.MaxValue));
        Assert.Throws<ArgumentNullException>(() => BreachDeadlines.ComputeProcessorNotice(Instant.FromUtc(2026, 1, 1, 0, 0), null!));
    }
}
