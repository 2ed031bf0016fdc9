using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using LmsPrivacy.Findings;
using LmsPrivacy.Xapi.Validation;

namespace LmsPrivacy.Xapi.Actors;

/// <summary>An xAPI actor: an <see cref="Agent"/> or a <see cref="Group"/> (xAPI 1.0.3 Data 2.4.2, IEEE 9274.1.1). Immutable.</summary>
/// <remarks>
/// Read with <see cref="Parse(string)"/>/<see cref="TryParse(JsonElement, out Actor?, out ValidationReport)"/> (which apply the
/// spec's actor rules) or with System.Text.Json: the types carry a converter, so they work in source-generated contexts.
/// Written JSON always carries <c>objectType</c>.
/// </remarks>
[JsonConverter(typeof(ActorJsonConverter<Actor>))]
public abstract record Actor
{
    private static readonly JsonWriterOptions CompactWriter = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private protected Actor(InverseFunctionalIdentifier? identifier, string? name)
    {
        Identifier = identifier;
        Name = name;
    }

    /// <summary>Gets the IFI; <see langword="null"/> only for an anonymous <see cref="Group"/>.</summary>
    public InverseFunctionalIdentifier? Identifier { get; }

    /// <summary>Gets the display name, if any. A direct identifier: pseudonymization drops it.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the <c>objectType</c>: <c>Agent</c> or <c>Group</c>.</summary>
    public abstract string ObjectType { get; }

    /// <summary>Parses an actor from JSON text, applying the actor rules of the spec.</summary>
    /// <param name="json">The JSON text of one Agent or Group.</param>
    /// <returns>The actor.</returns>
    /// <exception cref="FormatException">The text is not JSON, or the actor breaks a rule; the message lists the rule codes.</exception>
    public static Actor Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (TryParse(json, out var actor, out var report))
        {
            return actor;
        }

        throw new FormatException("Not a valid xAPI actor: " + string.Join(", ", report.Findings.Where(f => f.IsError).Select(f => $"{f.Code} at {f.Path}")));
    }

    /// <summary>Tries to parse an actor from JSON text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="actor">The actor when valid.</param>
    /// <param name="report">The findings (also warnings for a valid actor).</param>
    /// <returns><see langword="true"/> when the actor is valid.</returns>
    public static bool TryParse(string json, [NotNullWhen(true)] out Actor? actor, out ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return TryParse(document.RootElement, out actor, out report);
        }
        catch (JsonException)
        {
            actor = null;
            report = new ValidationReport([XapiRules.JsonMalformed.At("$", "The text is not well-formed JSON.")]);
            return false;
        }
    }

    /// <summary>Tries to read an actor from a JSON element, applying the actor rules of the spec.</summary>
    /// <param name="element">The element.</param>
    /// <param name="actor">The actor when valid.</param>
    /// <param name="report">The findings, with paths relative to the element (<c>$</c>).</param>
    /// <returns><see langword="true"/> when the actor is valid.</returns>
    public static bool TryParse(JsonElement element, [NotNullWhen(true)] out Actor? actor, out ValidationReport report)
    {
        report = StatementValidator.ValidateActor(element, XapiVersion.Version103);
        actor = report.IsValid ? Build(element) : null;
        return actor is not null;
    }

    /// <summary>Writes this actor as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("objectType", ObjectType);
        if (Name is not null)
        {
            writer.WriteString("name", Name);
        }

        Identifier?.WriteTo(writer);
        WriteMembers(writer);
        writer.WriteEndObject();
    }

    /// <summary>Returns this actor as compact JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, CompactWriter))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Returns a description naming the type and IFI kind, never the values (safe to log).</summary>
    /// <returns>For example <c>Agent(mbox IFI)</c>.</returns>
    public sealed override string ToString() => $"{ObjectType}({Identifier?.ToString() ?? "anonymous"})";

    private protected virtual void WriteMembers(Utf8JsonWriter writer)
    {
    }

    private static Actor Build(JsonElement element)
    {
        string? name = null;
        InverseFunctionalIdentifier? ifi = null;
        var isGroup = false;
        List<Agent>? members = null;
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value;
            if (property.NameEquals("objectType"u8))
            {
                isGroup = value.ValueEquals("Group"u8);
            }
            else if (property.NameEquals("name"u8))
            {
                name = value.GetString();
            }
            else if (property.NameEquals("mbox"u8))
            {
                ifi = InverseFunctionalIdentifier.FromMbox(value.GetString()!);
            }
            else if (property.NameEquals("mbox_sha1sum"u8))
            {
                ifi = InverseFunctionalIdentifier.FromMboxSha1Sum(value.GetString()!);
            }
            else if (property.NameEquals("openid"u8))
            {
                ifi = InverseFunctionalIdentifier.FromOpenId(value.GetString()!);
            }
            else if (property.NameEquals("account"u8))
            {
                ifi = InverseFunctionalIdentifier.FromAccount(value.GetProperty("homePage"u8).GetString()!, value.GetProperty("name"u8).GetString()!);
            }
            else if (property.NameEquals("member"u8))
            {
                members = [.. value.EnumerateArray().Select(m => (Agent)Build(m))];
            }
        }

        return isGroup
            ? new Group(ifi, members ?? []) { Name = name }
            : new Agent(ifi!) { Name = name };
    }
}

/// <summary>An xAPI Agent: one person or system, identified by exactly one IFI (Data 2.4.2.1).</summary>
[JsonConverter(typeof(ActorJsonConverter<Agent>))]
public sealed record Agent : Actor
{
    /// <summary>Initializes an Agent.</summary>
    /// <param name="identifier">Its one IFI.</param>
    /// <param name="name">An optional display name.</param>
    public Agent(InverseFunctionalIdentifier identifier, string? name = null)
        : base(identifier ?? throw new ArgumentNullException(nameof(identifier)), name)
    {
    }

    /// <summary>Gets the Agent's IFI (never null).</summary>
    public new InverseFunctionalIdentifier Identifier => base.Identifier!;

    /// <inheritdoc/>
    public override string ObjectType => "Agent";
}

/// <summary>
/// An xAPI Group (Data 2.4.2.2): identified (one IFI, members optional) or anonymous (no IFI, at least one member).
/// Members are Agents; equality compares members in order.
/// </summary>
[JsonConverter(typeof(ActorJsonConverter<Group>))]
public sealed record Group : Actor
{
    private readonly Agent[] _members;

    /// <summary>Initializes a Group.</summary>
    /// <param name="identifier">The IFI of an identified Group, or <see langword="null"/> for an anonymous one.</param>
    /// <param name="members">The members (required and non-empty for an anonymous Group).</param>
    /// <param name="name">An optional display name.</param>
    /// <exception cref="ArgumentException">An anonymous Group has no member, or a member is null.</exception>
    public Group(InverseFunctionalIdentifier? identifier, IEnumerable<Agent> members, string? name = null)
        : base(identifier, name)
    {
        ArgumentNullException.ThrowIfNull(members);
        _members = [.. members];
        if (_members.Any(m => m is null))
        {
            throw new ArgumentException("A member is null.", nameof(members));
        }

        if (identifier is null && _members.Length == 0)
        {
            throw new ArgumentException("An anonymous Group must have at least one member.", nameof(members));
        }
    }

    /// <summary>Gets the members, in the order given.</summary>
    public IReadOnlyList<Agent> Members => _members;

    /// <summary>Gets a value indicating whether the Group has no IFI (its identity is only its members).</summary>
    public bool IsAnonymous => Identifier is null;

    /// <inheritdoc/>
    public override string ObjectType => "Group";

    /// <inheritdoc/>
    public bool Equals(Group? other) =>
        other is not null && base.Equals(other) && _members.AsSpan().SequenceEqual(other._members);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(base.GetHashCode());
        foreach (var member in _members)
        {
            hash.Add(member);
        }

        return hash.ToHashCode();
    }

    private protected override void WriteMembers(Utf8JsonWriter writer)
    {
        if (_members.Length == 0)
        {
            return;
        }

        writer.WriteStartArray("member");
        foreach (var member in _members)
        {
            member.WriteTo(writer);
        }

        writer.WriteEndArray();
    }
}
