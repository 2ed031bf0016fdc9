namespace LmsPrivacy.Deadlines;

/// <summary>
/// A calendar made of several: a date is a holiday when any part says so. Use it to add regional or institutional days
/// to a national calendar, e.g. <c>new CompositeHolidayCalendar("DE-BY", "Bavaria", HolidayCalendars.Get("DE"), bavarianDays)</c>.
/// </summary>
public sealed class CompositeHolidayCalendar : IHolidayCalendar
{
    private readonly IHolidayCalendar[] _parts;

    /// <summary>Initializes a composite calendar.</summary>
    /// <param name="code">The composite's code, such as <c>DE-BY</c>.</param>
    /// <param name="name">A display name.</param>
    /// <param name="parts">The calendars to merge (at least one).</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="name"/> is empty, or no part is given.</exception>
    /// <exception cref="ArgumentNullException">An argument or a part is <see langword="null"/>.</exception>
    public CompositeHolidayCalendar(string code, string name, params IHolidayCalendar[] parts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
        {
            throw new ArgumentException("A composite calendar needs at least one part.", nameof(parts));
        }

        foreach (var part in parts)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
        }

        Code = code.Trim().ToUpperInvariant();
        Name = name;
        _parts = [.. parts];
    }

    /// <inheritdoc />
    public string Code { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    /// <remarks>When parts name the same date differently, the names are joined with " / ".</remarks>
    public IReadOnlyList<PublicHoliday> GetHolidays(int year)
    {
        var byDate = new SortedDictionary<NodaTime.LocalDate, string>();
        foreach (var part in _parts)
        {
            foreach (var holiday in part.GetHolidays(year))
            {
                if (holiday.Date.Year != year)
                {
                    continue;
                }

                byDate[holiday.Date] = byDate.TryGetValue(holiday.Date, out var existing) && !string.Equals(existing, holiday.Name, StringComparison.Ordinal)
                    ? $"{existing} / {holiday.Name}"
                    : holiday.Name;
            }
        }

        return byDate.Select(pair => new PublicHoliday(pair.Key, pair.Value)).ToList().AsReadOnly();
    }
}
