using NodaTime;

namespace LmsPrivacy.Cli.Infrastructure;

/// <summary>A clock fixed at one instant (<c>--now</c>, or a report's instant), for library types that take an <see cref="IClock"/>.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
