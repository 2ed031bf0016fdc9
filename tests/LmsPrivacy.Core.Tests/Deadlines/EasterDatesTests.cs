using LmsPrivacy.Deadlines;
using NodaTime;

namespace LmsPrivacy.Core.Tests.Deadlines;

public sealed class EasterDatesTests
{
    // Expected values: python3 -c "from dateutil.easter import easter, EASTER_ORTHODOX; print(easter(y), easter(y, EASTER_ORTHODOX))"
    [Theory]
    [InlineData(1700, "1700-04-11", "1700-04-11")]
    [InlineData(2000, "2000-04-23", "2000-04-30")]
    [InlineData(2024, "2024-03-31", "2024-05-05")]
    [InlineData(2025, "2025-04-20", "2025-04-20")]
    [InlineData(2026, "2026-04-05", "2026-04-12")]
    [InlineData(2027, "2027-03-28", "2027-05-02")]
    [InlineData(2038, "2038-04-25", "2038-04-25")]
    [InlineData(2100, "2100-03-28", "2100-05-02")]
    public void WesternAndOrthodox_KnownYears_MatchIndependentComputus(int year, string western, string orthodox)
    {
        Assert.Equal(western, EasterDates.Western(year).ToString("uuuu-MM-dd", null));
        Assert.Equal(orthodox, EasterDates.Orthodox(year).ToString("uuuu-MM-dd", null));
    }

    [FsCheck.Xunit.Property]
    public bool Easter_AlwaysFallsOnSundayBetween22MarchAnd8May(ushort offset)
    {
        var year = 1583 + (offset % 1000);
        var western = EasterDates.Western(year);
        var orthodox = EasterDates.Orthodox(year);
        var earliest = new LocalDate(year, 3, 22);
        return western.DayOfWeek == IsoDayOfWeek.Sunday && western >= earliest && western <= new LocalDate(year, 4, 25)
            && orthodox.DayOfWeek == IsoDayOfWeek.Sunday && orthodox >= western;
    }

    [Fact]
    public void Western_YearBeforeGregorianReform_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EasterDates.Western(1500));
        Assert.Throws<ArgumentOutOfRangeException>(() => EasterDates.Orthodox(10000));
    }
}
