using NodaTime;

namespace LmsPrivacy.Lti.Validation;

/// <summary>Remembers the nonces of accepted launches so a token cannot be replayed (Security Framework 1.0 §5.1.3 step 9).</summary>
/// <remarks>A host with several servers implements it over a shared cache with an atomic add-if-absent.</remarks>
public interface ILtiNonceStore
{
    /// <summary>Records a nonce if it has not been seen, atomically.</summary>
    /// <param name="nonce">The nonce (compared ordinally).</param>
    /// <param name="expiresAt">When the store may forget it: after this instant the token can no longer be accepted anyway.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if the nonce was new and is now recorded; <see langword="false"/> if it is a replay.</returns>
    ValueTask<bool> TryUseAsync(string nonce, Instant expiresAt, CancellationToken cancellationToken = default);
}
