using NodaTime;

namespace LmsPrivacy.Deadlines;

/// <summary>One public holiday: its date and its name in English.</summary>
/// <param name="Date">The day on which the holiday is observed (for a substitute day, the substitute date).</param>
/// <param name="Name">The holiday's English name, such as <c>Easter Monday</c> or <c>Boxing Day (substitute day)</c>.</param>
public sealed record PublicHoliday(LocalDate Date, string Name);
