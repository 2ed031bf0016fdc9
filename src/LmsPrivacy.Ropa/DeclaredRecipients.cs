using System.Globalization;
using LmsPrivacy.Ropa.Dpa;
using LmsPrivacy.Ropa.Records;

namespace LmsPrivacy.Ropa;

/// <summary>Lists the recipients, processors and sub-processors a record or DPA declares, with their hosts.</summary>
public static class DeclaredRecipients
{
    /// <summary>Flattens a record's recipients and their nested sub-processors, in document order (each processor before its sub-processors).</summary>
    /// <param name="record">The record.</param>
    /// <returns>The declared recipients.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<DeclaredRecipient> From(RecordOfProcessing record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var list = new List<DeclaredRecipient>();
        Walk(record.Recipients, "$.recipients", parent: null, list);
        return list;
    }

    /// <summary>Lists a DPA's processor and the sub-processors it authorises.</summary>
    /// <param name="dpa">The agreement.</param>
    /// <returns>The processor (without hosts unless given in its sub-processor list) followed by the sub-processors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dpa"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<DeclaredRecipient> From(DataProcessingAgreement dpa)
    {
        ArgumentNullException.ThrowIfNull(dpa);
        var list = new List<DeclaredRecipient>();
        if (dpa.Processor is { } processor)
        {
            list.Add(new DeclaredRecipient(processor.Name, RecipientRole.Processor, processor.Country, [], null, "$.processor"));
        }

        if (dpa.SubProcessors is { } subs)
        {
            for (var i = 0; i < subs.List.Count; i++)
            {
                var sub = subs.List[i];
                list.Add(new DeclaredRecipient(sub.Name, sub.Role ?? RecipientRole.SubProcessor, sub.Country, Hosts(sub), dpa.Processor?.Name,
                    string.Create(CultureInfo.InvariantCulture, $"$.subProcessors.list[{i}]")));
            }
        }

        return list;
    }

    /// <summary>Finds the declared recipient that covers a host, if any.</summary>
    /// <param name="recipients">The declared recipients.</param>
    /// <param name="host">The host name seen, such as <c>player.vidstream.example</c>.</param>
    /// <returns>The first recipient whose hosts cover <paramref name="host"/>, or <see langword="null"/> (an undeclared recipient).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static DeclaredRecipient? FindByHost(IEnumerable<DeclaredRecipient> recipients, string host)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        ArgumentNullException.ThrowIfNull(host);
        return recipients.FirstOrDefault(r => r.CoversHost(host));
    }

    internal static string NormalizeHost(string host)
    {
        var text = host.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var end = text.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            text = text[..end];
        }

        var at = text.LastIndexOf('@');
        if (at >= 0)
        {
            text = text[(at + 1)..];
        }

        var colon = text.LastIndexOf(':');
        if (colon >= 0 && !text.Contains(']', StringComparison.Ordinal))
        {
            text = text[..colon];
        }

        return text.TrimEnd('.').ToLowerInvariant();
    }

    private static string[] Hosts(Recipient recipient) =>
        [.. recipient.Hosts.Select(NormalizeHost).Where(h => h.Length > 0).Distinct(StringComparer.Ordinal)];

    private static void Walk(IReadOnlyList<Recipient> recipients, string path, Recipient? parent, List<DeclaredRecipient> list)
    {
        for (var i = 0; i < recipients.Count; i++)
        {
            var recipient = recipients[i];
            var here = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            list.Add(new DeclaredRecipient(recipient.Name, recipient.Role ?? (parent is null ? null : RecipientRole.SubProcessor), recipient.Country, Hosts(recipient), parent?.Name, here));
            if (recipient.SubProcessors is { } subs)
            {
                Walk(subs, here + ".subProcessors", recipient, list);
            }
        }
    }
}
