using LmsPrivacy.Retention.Registry;

namespace LmsPrivacy.Retention.Queue;

/// <summary>
/// The host's side of deletion: erase the personal data held in a context, for everyone or for listed users.
/// </summary>
/// <remarks>
/// The default implementation, <see cref="PersonalDataStoreEraser"/>, reaches the host's stores through Core's
/// <c>PersonalDataStoreRegistry</c> (and <see cref="IContextScopedStore"/>), so a host implements erasure once for subject
/// requests and retention. Implement this interface yourself to delete some other way. A method that returns normally
/// means the data is gone; throw (for example a <see cref="ContextErasureException"/>) when it cannot be confirmed, and
/// <see cref="DeletionQueueManager"/> keeps the entry approved and records the failure in the audit trail.
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
