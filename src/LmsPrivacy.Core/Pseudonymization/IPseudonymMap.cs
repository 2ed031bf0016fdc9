namespace LmsPrivacy.Pseudonymization;

/// <summary>
/// Stores which identity a pseudonym stands for, so a controller can re-identify when it must (a subject access
/// request) and erase by destroying the mapping (the pseudonymized data then no longer relates to anyone it can name).
/// </summary>
/// <remarks>An identity may have several pseudonyms (several keys or scopes); a pseudonym has one identity.</remarks>
public interface IPseudonymMap
{
    /// <summary>Records that <paramref name="pseudonym"/> stands for <paramref name="identity"/>.</summary>
    /// <param name="pseudonym">The pseudonym.</param>
    /// <param name="identity">The identity, such as a learner id or an xAPI IFI.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the mapping is stored.</returns>
    /// <exception cref="InvalidOperationException">The pseudonym is already mapped to a different identity.</exception>
    ValueTask SetAsync(string pseudonym, string identity, CancellationToken cancellationToken = default);

    /// <summary>Returns the identity a pseudonym stands for, or <see langword="null"/>.</summary>
    /// <param name="pseudonym">The pseudonym.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The identity, or <see langword="null"/> when unknown or erased.</returns>
    ValueTask<string?> FindIdentityAsync(string pseudonym, CancellationToken cancellationToken = default);

    /// <summary>Returns every pseudonym recorded for an identity.</summary>
    /// <param name="identity">The identity.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The pseudonyms, in ordinal order; empty when none.</returns>
    ValueTask<IReadOnlyList<string>> FindPseudonymsAsync(string identity, CancellationToken cancellationToken = default);

    /// <summary>Deletes every mapping of one identity.</summary>
    /// <param name="identity">The identity to forget.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of pseudonyms whose mapping was deleted; 0 when none (deleting twice is harmless).</returns>
    ValueTask<int> DeleteSubjectAsync(string identity, CancellationToken cancellationToken = default);
}
