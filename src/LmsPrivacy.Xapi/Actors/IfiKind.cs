namespace LmsPrivacy.Xapi.Actors;

/// <summary>The four inverse functional identifiers (IFIs) of xAPI 1.0.3 Data 2.4.2.3.</summary>
public enum IfiKind
{
    /// <summary><c>mbox</c>: a <c>mailto:</c> IRI. A direct identifier.</summary>
    Mbox = 0,

    /// <summary><c>mbox_sha1sum</c>: the hex SHA-1 of the full mailto IRI. Reversible with a list of addresses.</summary>
    MboxSha1Sum = 1,

    /// <summary><c>openid</c>: an OpenID URI.</summary>
    OpenId = 2,

    /// <summary><c>account</c>: a <c>homePage</c> IRL and a <c>name</c> on that system.</summary>
    Account = 3,
}
