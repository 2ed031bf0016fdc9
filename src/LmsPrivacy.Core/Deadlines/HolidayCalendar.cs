using System.Collections.Concurrent;
using System.Collections.ObjectModel;
using NodaTime;

namespace LmsPrivacy.Deadlines;

/// <summary>
/// A built-in national public-holiday calendar (see <see cref="HolidayCalendars"/>): fixed dates, Easter-based dates and
/// substitute days computed by rule for any year, as the law stood when <see cref="HolidayCalendars.DataCheckedOn"/>.
/// </summary>
/// <remarks>
/// Holidays that by definition always fall on a Saturday or Sunday (Easter Sunday, Whit Sunday, Sweden's Midsummer Day …)
/// are left out: they can never move a deadline. Where the law is unclear, a day is left out too, because a missing
/// holiday can only make a computed deadline earlier, never later. docs/deadlines.md lists each country's sources.
/// </remarks>
public sealed class HolidayCalendar : IHolidayCalendar
{
    private readonly IReadOnlyList<HolidayRule> _rules;
    private readonly ConcurrentDictionary<int, ReadOnlyCollection<PublicHoliday>> _years = new();

    internal HolidayCalendar(string code, string name, string source, IReadOnlyList<HolidayRule> rules)
    {
        Code = code;
        Name = name;
        Source = source;
        _rules = rules;
    }

    /// <inheritdoc />
    public string Code { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Gets the legal source of the list (the statute or official list the rules were written from).</summary>
    public string Source { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1583–9998.</exception>
    public IReadOnlyList<PublicHoliday> GetHolidays(int year)
    {
        if (year is < EasterDates.MinYear or > EasterDates.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Holidays are computed for the years {EasterDates.MinYear} to {EasterDates.MaxYear}.");
        }

        return _years.GetOrAdd(year, Compute);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Code} {Name}";

    private ReadOnlyCollection<PublicHoliday> Compute(int year)
    {
        var byDate = new SortedDictionary<LocalDate, string>();
        var substitutable = new List<(LocalDate Date, string Name)>();
        foreach (var rule in _rules)
        {
            if (!rule.AppliesTo(year))
            {
                continue;
            }

            var date = rule.DateIn(year);
            var onWeekend = WorkingDays.IsWeekend(date);
            if (rule.Substitute != WeekendSubstitute.MoveToNextWeekday || !onWeekend)
            {
                byDate[date] = byDate.TryGetValue(date, out var existing) ? $"{existing} / {rule.Name}" : rule.Name;
            }

            if (rule.Substitute != WeekendSubstitute.None && onWeekend)
            {
                substitutable.Add((date, rule.Name));
            }
        }

        // Substitute days: each weekend holiday gives the next weekday that is neither a holiday nor already a substitute
        // (UK: the bank holiday moves there; BG and LV: an extra day off besides the holiday itself).
        foreach (var (date, name) in substitutable.OrderBy(s => s.Date))
        {
            var candidate = date.PlusDays(1);
            while (WorkingDays.IsWeekend(candidate) || byDate.ContainsKey(candidate))
            {
                candidate = candidate.PlusDays(1);
            }

            byDate[candidate] = $"{name} (substitute day)";
        }

        return byDate.Select(pair => new PublicHoliday(pair.Key, pair.Value)).ToList().AsReadOnly();
    }
}
