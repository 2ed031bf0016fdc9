namespace LmsPrivacy.Retention.Queue;

/// <summary>Storage of the deletion queue and its append-only audit trail. Implement it over your database, or use <see cref="InMemoryDeletionQueueStore"/>.</summary>
public interface IDeletionQueueStore
{
    /// <summary>Finds the entry of a context.</summary>
    /// <param name="contextId">The context id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entry, or <see langword="null"/>.</returns>
    ValueTask<DeletionEntry?> FindAsync(string contextId, CancellationToken cancellationToken = default);

    /// <summary>Lists entries, optionally only those in one state, ordered by context id.</summary>
    /// <param name="state">The state to filter on, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The entries.</returns>
    ValueTask<IReadOnlyList<DeletionEntry>> ListAsync(DeletionState? state = null, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces the entry of a context.</summary>
    /// <param name="entry">The entry.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when saved.</returns>
    ValueTask SaveAsync(DeletionEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes the entry of a context (its audit trail stays).</summary>
    /// <param name="contextId">The context id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when removed.</returns>
    ValueTask RemoveAsync(string contextId, CancellationToken cancellationToken = default);

    /// <summary>Appends a line to the audit trail.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when appended.</returns>
    ValueTask AppendAuditAsync(DeletionAuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>Reads the audit trail, in the order appended.</summary>
    /// <param name="contextId">Only this context's lines, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records.</returns>
    ValueTask<IReadOnlyList<DeletionAuditRecord>> ReadAuditAsync(string? contextId = null, CancellationToken cancellationToken = default);
}

/// <summary>A thread-safe in-memory <see cref="IDeletionQueueStore"/> (tests, single-process hosts).</summary>
public sealed class InMemoryDeletionQueueStore : IDeletionQueueStore
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, DeletionEntry> _entries = new(StringComparer.Ordinal);
    private readonly List<DeletionAuditRecord> _audit = [];

    /// <inheritdoc />
    public ValueTask<DeletionEntry?> FindAsync(string contextId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contextId);
        lock (_gate)
        {
            return ValueTask.FromResult(_entries.GetValueOrDefault(contextId));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeletionEntry>> ListAsync(DeletionState? state = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<DeletionEntry> list = [.. _entries.Values.Where(e => state is null || e.State == state)];
            return ValueTask.FromResult(list);
        }
    }

    /// <inheritdoc />
    public ValueTask SaveAsync(DeletionEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            _entries[entry.ContextId] = entry;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string contextId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contextId);
        lock (_gate)
        {
            _entries.Remove(contextId);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask AppendAuditAsync(DeletionAuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _audit.Add(record);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeletionAuditRecord>> ReadAuditAsync(string? contextId = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<DeletionAuditRecord> list = [.. _audit.Where(r => contextId is null || string.Equals(r.ContextId, contextId, StringComparison.Ordinal))];
            return ValueTask.FromResult(list);
        }
    }
}
