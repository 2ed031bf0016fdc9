using System.Collections.Concurrent;
using NodaTime;

namespace LmsPrivacy.Lti.Validation;

/// <summary>A thread-safe in-memory <see cref="ILtiNonceStore"/> whose entries expire; for one server or tests.</summary>
/// <remarks>Expired entries are forgotten: a nonce whose entry has expired is accepted again. Expired entries are purged as the store grows.</remarks>
public sealed class InMemoryLtiNonceStore : ILtiNonceStore
{
    private const int FirstPurgeAt = 1024;

    private readonly ConcurrentDictionary<string, Instant> _entries = new(StringComparer.Ordinal);
    private readonly IClock _clock;
    private int _purgeAt = FirstPurgeAt;
    private int _count;

    /// <summary>Initializes the store.</summary>
    /// <param name="clock">The clock that decides when entries expire.</param>
    public InMemoryLtiNonceStore(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <summary>Gets the number of entries held, expired or not.</summary>
    public int Count => _entries.Count;

    // ConcurrentDictionary.Count takes every lock; an approximate counter decides when to purge.
    private int ApproximateCount => Volatile.Read(ref _count);

    /// <inheritdoc/>
    public ValueTask<bool> TryUseAsync(string nonce, Instant expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nonce);
        cancellationToken.ThrowIfCancellationRequested();
        var now = _clock.GetCurrentInstant();
        if (ApproximateCount >= Volatile.Read(ref _purgeAt))
        {
            Purge(now);
        }

        while (true)
        {
            if (_entries.TryAdd(nonce, expiresAt))
            {
                Interlocked.Increment(ref _count);
                return ValueTask.FromResult(true);
            }

            if (!_entries.TryGetValue(nonce, out var existing))
            {
                continue;
            }

            if (existing > now)
            {
                return ValueTask.FromResult(false);
            }

            if (_entries.TryUpdate(nonce, expiresAt, existing))
            {
                return ValueTask.FromResult(true);
            }
        }
    }

    /// <summary>Forgets every entry that has expired.</summary>
    public void Purge() => Purge(_clock.GetCurrentInstant());

    private void Purge(Instant now)
    {
        foreach (var entry in _entries)
        {
            if (entry.Value <= now && _entries.TryRemove(entry))
            {
                Interlocked.Decrement(ref _count);
            }
        }

        Volatile.Write(ref _purgeAt, Math.Max(FirstPurgeAt, ApproximateCount * 2));
    }
}
