using LmsPrivacy.Scorm.Validation;
using NodaTime;

namespace LmsPrivacy.Scorm.Tests.Validation;

public sealed class ScormTimeTests
{
    // Valid and invalid timeintervals from the RTE grammar and the ADL DMB/DMI cases quoted in the research notes.
    [Theory]
    [InlineData("P0D")]
    [InlineData("PT0S")]
    [InlineData("PT36H")]
    [InlineData("PT01H059M020S")]
    [InlineData("P0Y029DT0H")]
    [InlineData("P1Y2M3DT4H5M6.78S")]
    [InlineData("PT1.5S")]
    [InlineData("P10000Y")]
    public void IsTimeInterval_SpecExamples_True(string text) => Assert.True(ScormTime.IsTimeInterval(text));

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("-PT1S")]
    [InlineData("P1W")]
    [InlineData("PT1,5S")]
    [InlineData("PT.5S")]
    [InlineData("P1H")]
    [InlineData("pt1s")]
    [InlineData("PT1.123S")]
    [InlineData("P1D2Y")]
    [InlineData("PT1M1M")]
    [InlineData("P1.5D")]
    [InlineData("PT1S ")]
    [InlineData("00:00:01")]
    public void IsTimeInterval_Malformed_False(string text) => Assert.False(ScormTime.IsTimeInterval(text));

    [Fact]
    public void TryParseTimeInterval_AllFields_PeriodWithMilliseconds()
    {
        Assert.True(ScormTime.TryParseTimeInterval("P1Y2M3DT4H5M6.7S", out var period));

        Assert.Equal(new PeriodBuilder { Years = 1, Months = 2, Days = 3, Hours = 4, Minutes = 5, Seconds = 6, Milliseconds = 700 }.Build(), period);
    }

    [Fact]
    public void FormatTimeInterval_RoundTripsThroughParse()
    {
        var duration = Duration.FromHours(26) + Duration.FromMilliseconds(1250);

        var text = ScormTime.FormatTimeInterval(duration);

        Assert.Equal("PT26H0M1.25S", text);
        Assert.Equal(duration, ScormTime.ParseTimeInterval(text).ToDuration());
    }

    [Theory]
    [InlineData("1970")]
    [InlineData("2038-12-31")]
    [InlineData("2004-02-29")]
    [InlineData("2004-04-01T09")]
    [InlineData("2004-04-01T09:45")]
    [InlineData("2004-04-01T09:45:58")]
    [InlineData("2004-04-01T09:45:58.0Z")]
    [InlineData("2004-04-01T09:45:58.12+01")]
    [InlineData("2004-04-01T09:45:58.12-05:30")]
    public void IsTimestamp_Valid_True(string text) => Assert.True(ScormTime.IsTimestamp(text));

    [Theory]
    [InlineData("1969-12-31")]
    [InlineData("2039")]
    [InlineData("2003-02-29")]
    [InlineData("2004-13-01")]
    [InlineData("2004-04-31")]
    [InlineData("2004-04-01T24")]
    [InlineData("2004-04-01T09:60")]
    [InlineData("2004-04-01T09:45:58Z")]
    [InlineData("2004-04-01T09:45:58.123")]
    [InlineData("2004-04-01 09:45:58")]
    [InlineData("2004-4-1")]
    [InlineData("2004-04-01T09:45:58.1+1")]
    [InlineData("2004-04-01T09:45:58.1+01:5")]
    [InlineData("")]
    public void IsTimestamp_Invalid_False(string text) => Assert.False(ScormTime.IsTimestamp(text));

    [Fact]
    public void TryParseTimestamp_WithOffset_LocalAndOffset()
    {
        Assert.True(ScormTime.TryParseTimestamp("2026-03-01T09:30:00.5+01:00", out var local, out var offset));

        Assert.Equal(new LocalDateTime(2026, 3, 1, 9, 30, 0, 500), local);
        Assert.Equal(Offset.FromHours(1), offset);
    }

    [Theory]
    [InlineData("00:00:00", 0)]
    [InlineData("0001:30:05.25", 5405250)]
    [InlineData("9999:59:59.9", 35999999900)]
    public void TryParseCmiTimespan_Valid_Duration(string text, long milliseconds)
    {
        Assert.True(ScormTime.TryParseCmiTimespan(text, out var duration));
        Assert.Equal(Duration.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("0:00:00")]
    [InlineData("00000:00:00")]
    [InlineData("00:0:00")]
    [InlineData("00:00:0")]
    [InlineData("00:60:00")]
    [InlineData("00:00:60")]
    [InlineData("00:00:00.123")]
    [InlineData("PT1S")]
    public void TryParseCmiTimespan_Invalid_False(string text) => Assert.False(ScormTime.TryParseCmiTimespan(text, out _));

    [Theory]
    [InlineData("23:59:59.99", true)]
    [InlineData("00:00:00", true)]
    [InlineData("24:00:00", false)]
    [InlineData("1:00:00", false)]
    public void TryParseCmiTime_Boundaries(string text, bool valid) => Assert.Equal(valid, ScormTime.TryParseCmiTime(text, out _));
}
