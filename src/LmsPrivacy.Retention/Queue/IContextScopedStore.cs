using LmsPrivacy.Retention.Registry;
using LmsPrivacy.SubjectRequests;

namespace LmsPrivacy.Retention.Queue;

/// <summary>
/// A host store that can erase the personal data it holds in one context (a course, a module, a block), for everyone or
/// for listed users only. Retention's deletion queue reaches the host's stores through this and Core's
/// <see cref="IErasableStore"/> (see <see cref="PersonalDataStoreEraser"/>).
/// </summary>
/// <remarks>
/// Core's <see cref="IErasableStore.EraseAsync"/> erases a data subject everywhere in a store: right for an expired user
/// context (the user goes), wrong for a course whose retention period ran out (the course's data goes, its learners stay)
/// and for the users of a partly expired course (their data in that course goes, not their data elsewhere). Core has no
/// notion of a context, so this one narrow member adds it on the Retention side. A store that holds nothing per context
/// (a user profile store, say) implements it by returning <see cref="ErasureResult.NothingFound"/>. Erasure must be
/// idempotent: the queue retries a context until every store confirms.
/// </remarks>
public interface IContextScopedStore : IPersonalDataStore
{
    /// <summary>Erases the personal data the store holds in the request's context (not in its children).</summary>
    /// <param name="request">The context, and the users whose data goes (or everyone's).</param>
    /// <param name="cancellationToken">Cancels the erasure.</param>
    /// <returns>
    /// What the store did: <see cref="ErasureOutcome.Erased"/> or <see cref="ErasureOutcome.NothingFound"/> confirm;
    /// <see cref="ErasureResult.Protected"/> keeps the data (legal hold) and <see cref="ErasureResult.Unconfirmed"/> reports
    /// a failure — either leaves the queue entry approved, to be retried.
    /// </returns>
    ValueTask<ErasureResult> EraseInContextAsync(ContextErasureRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What a context-scoped erasure covers: one context, for everyone in it or for listed users.</summary>
public sealed record ContextErasureRequest
{
    private ContextErasureRequest(RetentionContext context, IReadOnlyList<string>? userIds)
    {
        Context = context;
        UserIds = userIds;
    }

    /// <summary>Gets the context whose data goes (its children are separate requests).</summary>
    public RetentionContext Context { get; }

    /// <summary>Gets the users whose data in the context goes, or <see langword="null"/> when everyone's does.</summary>
    public IReadOnlyList<string>? UserIds { get; }

    /// <summary>Gets whether every user's data in the context goes.</summary>
    public bool IsWholeContext => UserIds is null;

    /// <summary>Erase everyone's personal data in a context.</summary>
    /// <param name="context">The context.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public static ContextErasureRequest WholeContext(RetentionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ContextErasureRequest(context, null);
    }

    /// <summary>Erase the listed users' personal data in a context.</summary>
    /// <param name="context">The context.</param>
    /// <param name="userIds">The users (ids of their user contexts); at least one, none empty.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="userIds"/> is empty or holds an empty id.</exception>
    public static ContextErasureRequest Users(RetentionContext context, IEnumerable<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(userIds);
        string[] list = [.. userIds];
        if (list.Length == 0)
        {
            throw new ArgumentException("List at least one user.", nameof(userIds));
        }

        foreach (var id in list)
        {
            ArgumentException.ThrowIfNullOrEmpty(id, nameof(userIds));
        }

        return new ContextErasureRequest(context, list);
    }

    /// <inheritdoc />
    public override string ToString() =>
        UserIds is null ? $"ContextErasureRequest({Context.Id}, whole context)" : $"ContextErasureRequest({Context.Id}, {UserIds.Count} user(s))";
}
