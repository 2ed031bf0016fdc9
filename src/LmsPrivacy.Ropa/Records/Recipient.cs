namespace LmsPrivacy.Ropa.Records;

/// <summary>A recipient of personal data: a processor, sub-processor, another controller or an internal team (Art. 30(1)(d)–(e)).</summary>
/// <remarks>Instances are immutable.</remarks>
public sealed record Recipient
{
    /// <summary>Gets the id activities use to refer to this recipient, such as <c>lrs-vendor</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the recipient's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets what the recipient is to the controller.</summary>
    public RecipientRole? Role { get; init; }

    /// <summary>Gets the ISO 3166-1 alpha-2 code of the country where the data are processed or accessed from.</summary>
    public string? Country { get; init; }

    /// <summary>Gets the services the recipient provides, such as <c>video hosting</c>.</summary>
    public IReadOnlyList<string> Services { get; init => field = value ?? []; } = [];

    /// <summary>Gets the host names or domains the recipient serves content or receives data on, such as <c>player.vimeo.com</c>; a domain covers its subdomains.</summary>
    public IReadOnlyList<string> Hosts { get; init => field = value ?? []; } = [];

    /// <summary>Gets a link or reference to the contract (for processors, the Art. 28(3) DPA; for sub-processors, the Art. 28(4) contract).</summary>
    public string? Contract { get; init; }

    /// <summary>Gets the EU–US Data Privacy Framework certification of a United States recipient, when there is one.</summary>
    public DpfCertification? Dpf { get; init; }

    /// <summary>Gets the safeguard for a transfer outside the EEA (Art. 44–49), when one is needed.</summary>
    public TransferSafeguard? Transfer { get; init; }

    /// <summary>Gets the processor's sub-processors; <see langword="null"/> means not declared, empty means none (Art. 28(2), 30(1)(d)).</summary>
    public IReadOnlyList<Recipient>? SubProcessors { get; init; }
}
