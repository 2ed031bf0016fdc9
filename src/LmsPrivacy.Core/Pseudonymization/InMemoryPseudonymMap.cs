namespace LmsPrivacy.Pseudonymization;

/// <summary>An <see cref="IPseudonymMap"/> held in memory; safe for concurrent use.</summary>
/// <remarks>For tests and single-process tools; a host that must survive restarts implements <see cref="IPseudonymMap"/> over its database.</remarks>
public sealed class InMemoryPseudonymMap : IPseudonymMap
{
    // One lock keeps both directions consistent; operations are tiny, so contention is negligible.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _identityByPseudonym = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _pseudonymsByIdentity = new(StringComparer.Ordinal);

    /// <summary>Gets the number of pseudonyms mapped.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _identityByPseudonym.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask SetAsync(string pseudonym, string identity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(pseudonym);
        ArgumentException.ThrowIfNullOrEmpty(identity);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_identityByPseudonym.TryGetValue(pseudonym, out var existing))
            {
                if (!string.Equals(existing, identity, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("The pseudonym is already mapped to a different identity.");
                }

                return ValueTask.CompletedTask;
            }

            _identityByPseudonym.Add(pseudonym, identity);
            if (!_pseudonymsByIdentity.TryGetValue(identity, out var set))
            {
                _pseudonymsByIdentity[identity] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(pseudonym);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<string?> FindIdentityAsync(string pseudonym, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pseudonym);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_identityByPseudonym.GetValueOrDefault(pseudonym));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<string>> FindPseudonymsAsync(string identity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<string> result = _pseudonymsByIdentity.TryGetValue(identity, out var set) ? [.. set] : [];
            return ValueTask.FromResult(result);
        }
    }

    /// <inheritdoc/>
    public ValueTask<int> DeleteSubjectAsync(string identity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identity);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_pseudonymsByIdentity.Remove(identity, out var set))
            {
                return ValueTask.FromResult(0);
            }

            foreach (var pseudonym in set)
            {
                _identityByPseudonym.Remove(pseudonym);
            }

            return ValueTask.FromResult(set.Count);
        }
    }
}
