namespace LmsPrivacy.Xapi.Actors;

/// <summary>Explicit, opt-in normalizations applied to an mbox before hashing. The default is none: the spec hashes the IRI as given.</summary>
[Flags]
public enum MboxNormalization
{
    /// <summary>Hash the IRI exactly as given (xAPI 1.0.3 Data 2.4.2.3).</summary>
    None = 0,

    /// <summary>Lower-case the domain part only (what Data 2.4.2.3.s4.b1 says clients SHOULD do); the local part is left alone.</summary>
    LowercaseDomain = 1,

    /// <summary>Apply Unicode normalization form C, so an NFD and an NFC spelling hash alike.</summary>
    Nfc = 2,
}
