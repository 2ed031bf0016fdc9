namespace LmsPrivacy.Ropa.Records;

/// <summary>A named organisation or person with contact details: a controller, processor, representative or DPO (GDPR Art. 30(1)(a), 30(2)(a)).</summary>
/// <remarks>Instances are immutable.</remarks>
public sealed record Party
{
    /// <summary>Gets the legal name of the organisation, or the name or role of the person.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the postal address.</summary>
    public string? Address { get; init; }

    /// <summary>Gets the contact e-mail address (a role address such as <c>privacy@…</c> is best).</summary>
    public string? Email { get; init; }

    /// <summary>Gets the contact telephone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Gets the ISO 3166-1 alpha-2 code of the country of establishment, such as <c>DE</c>.</summary>
    public string? Country { get; init; }

    /// <summary>Gets a value indicating whether the party has at least one contact detail (address, e-mail or phone).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasContact =>
        !string.IsNullOrWhiteSpace(Address) || !string.IsNullOrWhiteSpace(Email) || !string.IsNullOrWhiteSpace(Phone);
}
