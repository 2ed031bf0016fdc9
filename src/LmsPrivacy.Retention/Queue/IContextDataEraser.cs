using LmsPrivacy.Retention.Registry;

namespace LmsPrivacy.Retention.Queue;

/// <summary>
/// The host's side of deletion: erase the personal data held in a context, for everyone or for listed users.
/// </summary>
/// <remarks>
/// A narrow contract local to Retention for now; it is meant to be adapted onto Core's store contracts
/// (erase a subject's data per store) when those land, so a host implements erasure once.
/// </remarks>
public interface IContextDataEraser
{
    /// <summary>Deletes every user's personal data held in the context (not in its children).</summary>
    /// <param name="context">The context.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the data is gone.</returns>
    ValueTask DeleteContextAsync(RetentionContext context, CancellationToken cancellationToken = default);

    /// <summary>Deletes the listed users' personal data held in the context.</summary>
    /// <param name="context">The context.</param>
    /// <param name="userIds">The users.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the data is gone.</returns>
    ValueTask DeleteUsersInContextAsync(RetentionContext context, IReadOnlyList<string> userIds, CancellationToken cancellationToken = default);
}
