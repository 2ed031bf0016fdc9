namespace LmsPrivacy.Pseudonymization;

/// <summary>How the 32-byte HMAC of a pseudonym is written as text.</summary>
public enum PseudonymEncoding
{
    /// <summary>RFC 4648 base32, lower case, without padding: 52 characters. Safe in URLs, file names and identifiers.</summary>
    Base32 = 0,

    /// <summary>Lower-case hexadecimal: 64 characters.</summary>
    Hex = 1,
}
