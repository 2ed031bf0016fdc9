using LmsPrivacy.Ropa.Records;

namespace LmsPrivacy.Ropa;

/// <summary>A recipient, processor or sub-processor declared in a record or DPA, flattened, with the hosts it serves.</summary>
/// <param name="Name">The recipient's name.</param>
/// <param name="Role">Its role; sub-processors nested under a processor default to <see cref="RecipientRole.SubProcessor"/>.</param>
/// <param name="Country">Its ISO 3166-1 alpha-2 country, if stated.</param>
/// <param name="Hosts">The host names or domains it serves content or receives data on, lower case.</param>
/// <param name="Parent">For a sub-processor, the name of the processor that engaged it.</param>
/// <param name="Path">The JSON path of the declaration in its document.</param>
/// <remarks>
/// Used by <c>lmsprivacy check</c> to compare the third-party hosts seen in course content with the declared recipients:
/// a host with no declared recipient is an undeclared recipient. Instances are immutable.
/// </remarks>
public sealed record DeclaredRecipient(string? Name, RecipientRole? Role, string? Country, IReadOnlyList<string> Hosts, string? Parent, string Path)
{
    /// <summary>Returns whether a host name is one of this recipient's hosts or a subdomain of one.</summary>
    /// <param name="host">A host name such as <c>player.vidstream.example</c>, any case, optionally with a trailing dot.</param>
    /// <returns><see langword="true"/> when a declared host equals <paramref name="host"/> or is a parent domain of it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="host"/> is <see langword="null"/>.</exception>
    public bool CoversHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var candidate = DeclaredRecipients.NormalizeHost(host);
        if (candidate.Length == 0)
        {
            return false;
        }

        foreach (var declared in Hosts)
        {
            if (string.Equals(candidate, declared, StringComparison.Ordinal)
                || (candidate.Length > declared.Length && candidate.EndsWith(declared, StringComparison.Ordinal) && candidate[^(declared.Length + 1)] == '.'))
            {
                return true;
            }
        }

        return false;
    }
}
