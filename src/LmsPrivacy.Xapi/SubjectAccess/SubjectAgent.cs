using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LmsPrivacy.Xapi.SubjectAccess;

/// <summary>
/// One identity of a learner as an xAPI Agent (or identified Group) reduced to its inverse functional identifier, the
/// form sent in the <c>agent</c> parameter of <c>GET /statements</c>. Names are dropped: matching is by IFI only
/// (xAPI 1.0.3 Data 2.4.2.1), and a name in a URL only spreads personal data to logs.
/// </summary>
public sealed record SubjectAgent
{
    private static readonly string[] IfiNames = ["mbox", "mbox_sha1sum", "openid", "account"];
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private SubjectAgent(string ifi, string key, string json)
    {
        Ifi = ifi;
        Key = key;
        Json = json;
    }

    /// <summary>Gets the IFI property: <c>mbox</c>, <c>mbox_sha1sum</c>, <c>openid</c> or <c>account</c>.</summary>
    public string Ifi { get; }

    /// <summary>Gets a comparison key: the IFI type and its value (for an account, home page and name). Two agents with equal keys are the same identity.</summary>
    public string Key { get; }

    /// <summary>Gets the compact JSON sent to the LRS, such as <c>{"mbox":"mailto:a@example.org"}</c>.</summary>
    public string Json { get; }

    /// <summary>Creates the agent for an account IFI.</summary>
    /// <param name="homePage">The account's home page IRL.</param>
    /// <param name="name">The account name.</param>
    /// <returns>The agent.</returns>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public static SubjectAgent Account(string homePage, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(homePage);
        ArgumentException.ThrowIfNullOrEmpty(name);
        return Write("account", $"account\n{homePage}\n{name}", null, w =>
        {
            w.WriteStartObject("account");
            w.WriteString("homePage", homePage);
            w.WriteString("name", name);
            w.WriteEndObject();
        });
    }

    /// <summary>Creates the agent for an mbox IFI.</summary>
    /// <param name="mailtoIri">The <c>mailto:</c> IRI, exactly as the LRS stores it.</param>
    /// <returns>The agent.</returns>
    /// <exception cref="ArgumentException">The IRI does not start with <c>mailto:</c>.</exception>
    public static SubjectAgent Mbox(string mailtoIri)
    {
        ArgumentException.ThrowIfNullOrEmpty(mailtoIri);
        if (!mailtoIri.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("An mbox is a mailto: IRI.", nameof(mailtoIri));
        }

        return Write("mbox", "mbox\n" + mailtoIri, null, w => w.WriteString("mbox", mailtoIri));
    }

    /// <summary>Parses an agent from JSON text; see <see cref="TryParse(JsonElement, out SubjectAgent?, out string?)"/>.</summary>
    /// <param name="json">The agent JSON.</param>
    /// <param name="agent">The agent, when valid.</param>
    /// <param name="error">Why it is not, when invalid (never echoes the value).</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse(string? json, [NotNullWhen(true)] out SubjectAgent? agent, [NotNullWhen(false)] out string? error)
    {
        agent = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            error = "The agent is empty.";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            return TryParse(document.RootElement, out agent, out error);
        }
        catch (JsonException)
        {
            error = "The agent is not valid JSON.";
            return false;
        }
    }

    /// <summary>
    /// Parses an Agent or identified Group: a JSON object with exactly one of <c>mbox</c> (a <c>mailto:</c> IRI),
    /// <c>mbox_sha1sum</c> (40 hex digits), <c>openid</c> (an absolute URI) or <c>account</c> (<c>homePage</c> and <c>name</c>).
    /// </summary>
    /// <param name="element">The agent JSON.</param>
    /// <param name="agent">The agent, when valid.</param>
    /// <param name="error">Why it is not, when invalid (never echoes the value).</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool TryParse(JsonElement element, [NotNullWhen(true)] out SubjectAgent? agent, [NotNullWhen(false)] out string? error)
    {
        agent = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "The agent must be a JSON object.";
            return false;
        }

        string? objectType = null;
        if (element.TryGetProperty("objectType", out var type))
        {
            objectType = type.ValueKind == JsonValueKind.String ? type.GetString() : null;
            if (objectType is not ("Agent" or "Group"))
            {
                error = "objectType must be \"Agent\" or \"Group\".";
                return false;
            }
        }

        string[] ifis = [.. IfiNames.Where(n => element.TryGetProperty(n, out var v) && v.ValueKind != JsonValueKind.Null)];
        if (ifis.Length != 1)
        {
            error = ifis.Length == 0
                ? "The agent has no inverse functional identifier (mbox, mbox_sha1sum, openid or account)."
                : "The agent has more than one inverse functional identifier; give each as its own agent.";
            return false;
        }

        var ifi = ifis[0];
        var value = element.GetProperty(ifi);
        switch (ifi)
        {
            case "account":
                if (value.ValueKind != JsonValueKind.Object
                    || !value.TryGetProperty("homePage", out var home) || home.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(home.GetString())
                    || !value.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(name.GetString()))
                {
                    error = "account needs a homePage and a name, both strings.";
                    return false;
                }

                agent = WithType(Account(home.GetString()!, name.GetString()!), objectType);
                error = null;
                return true;
            case "mbox":
                var mbox = value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
                if (!mbox.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || mbox.Length == 7)
                {
                    error = "mbox must be a mailto: IRI.";
                    return false;
                }

                agent = WithType(Mbox(mbox), objectType);
                error = null;
                return true;
            case "mbox_sha1sum":
                var sum = value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
                if (sum.Length != 40 || !sum.All(char.IsAsciiHexDigit))
                {
                    error = "mbox_sha1sum must be 40 hexadecimal digits.";
                    return false;
                }

                agent = Write("mbox_sha1sum", "mbox_sha1sum\n" + sum.ToLowerInvariant(), objectType, w => w.WriteString("mbox_sha1sum", sum));
                error = null;
                return true;
            default:
                var openid = value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
                if (!Uri.TryCreate(openid, UriKind.Absolute, out _))
                {
                    error = "openid must be an absolute URI.";
                    return false;
                }

                agent = Write("openid", "openid\n" + openid, objectType, w => w.WriteString("openid", openid));
                error = null;
                return true;
        }
    }

    /// <summary>Parses an agent, throwing on invalid input.</summary>
    /// <param name="json">The agent JSON.</param>
    /// <returns>The agent.</returns>
    /// <exception cref="FormatException">The JSON is not a valid agent.</exception>
    public static SubjectAgent Parse(string json) =>
        TryParse(json, out var agent, out var error) ? agent : throw new FormatException(error);

    /// <summary>Returns whether a JSON object (an Agent or Group in a statement) carries this agent's IFI.</summary>
    /// <param name="element">An Agent or Group object.</param>
    /// <returns><see langword="true"/> when the IFI matches exactly (mbox_sha1sum ignoring case).</returns>
    public bool Matches(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && TryParse(element, out var other, out _) && string.Equals(other.Key, Key, StringComparison.Ordinal);

    /// <summary>Returns the IFI type only; the value is personal data.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"SubjectAgent({Ifi})";

    private static SubjectAgent WithType(SubjectAgent agent, string? objectType)
    {
        if (objectType is null)
        {
            return agent;
        }

        using var document = JsonDocument.Parse(agent.Json);
        return Write(agent.Ifi, agent.Key, objectType, w =>
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                property.WriteTo(w);
            }
        });
    }

    private static SubjectAgent Write(string ifi, string key, string? objectType, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            if (objectType is not null)
            {
                writer.WriteString("objectType", objectType);
            }

            body(writer);
            writer.WriteEndObject();
        }

        return new SubjectAgent(ifi, key, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
