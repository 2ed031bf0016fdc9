using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Findings;
using LmsPrivacy.Lti.Claims;

namespace LmsPrivacy.Lti;

/// <summary>A property name that is not in the catalog, with its JSON path under one parent, and its classifications.</summary>
/// <remarks>
/// The parent decides the shape of the classified record (a top-level unknown claim, a custom parameter, an unknown
/// member of a catalogued object claim), so one entry's records differ only by category and are cached by it.
/// Records are immutable; a race between two threads creates an equal record twice and keeps either.
/// </remarks>
internal sealed class NamedPath
{
    private static readonly int CategoryCount = Enum.GetValues<DataCategory>().Max(c => (int)c) + 1;

    private readonly LtiClassifiedClaim?[] _classified = new LtiClassifiedClaim?[CategoryCount];
    private KeyVerdict? _customKeyVerdict;
    private RuleFinding? _lastFinding;

    public NamedPath(string parent, string name, byte[]? utf8)
    {
        Parent = parent;
        Name = name;
        Path = JsonPaths.Property(parent, name);
        Utf8 = utf8;
    }

    public string Parent { get; }

    public string Name { get; }

    public string Path { get; }

    /// <summary>Gets the raw UTF-8 name the cache compares against, or <see langword="null"/> when the entry is not cached.</summary>
    public byte[]? Utf8 { get; }

    /// <summary>Gets what this name says when it is a custom parameter's key (<see cref="CustomValues.ClassifyKey"/>), computed once.</summary>
    /// <remarks>Held in an object so that a thread reading it while another publishes it sees all of it or nothing.</remarks>
    public (DataCategory Category, string Reason) CustomKeyVerdict => (_customKeyVerdict ??= new KeyVerdict(CustomValues.ClassifyKey(Name))).Value;

    /// <summary>Returns the classification of this name; <paramref name="claim"/> and <paramref name="member"/> must depend on the parent only.</summary>
    public LtiClassifiedClaim Classified(DataCategory category, string claim, string? member)
    {
        var index = (int)category;
        if ((uint)index >= (uint)_classified.Length)
        {
            return new LtiClassifiedClaim(Path, category, claim, member);
        }

        return _classified[index] ??= new LtiClassifiedClaim(Path, category, claim, member);
    }

    /// <summary>Returns a finding at this path, the same instance as last time when rule and message are the same (findings are immutable).</summary>
    public Finding FindingAt(RuleDescriptor rule, string message)
    {
        var last = _lastFinding;
        if (last is not null && ReferenceEquals(last.Rule, rule) && string.Equals(last.Finding.Message, message, StringComparison.Ordinal))
        {
            return last.Finding;
        }

        var finding = rule.At(Path, message);
        _lastFinding = new RuleFinding(rule, finding);
        return finding;
    }

    private sealed record RuleFinding(RuleDescriptor Rule, Finding Finding);

    private sealed record KeyVerdict((DataCategory Category, string Reason) Value);
}

/// <summary>
/// Remembers the names and JSON paths of uncatalogued properties (custom parameters, vendor claims) across launches:
/// a tool's platforms send the same custom parameter names on every launch, and building each path is an allocation.
/// </summary>
/// <remarks>
/// A direct-mapped table of a fixed number of immutable entries: a lookup is one hash and one byte comparison, a miss
/// replaces the slot. Hostile names can only evict entries, never grow the table; long or escaped names are not cached.
/// </remarks>
internal static class NamePathCache
{
    private const int Size = 256;
    private const int MaxCachedBytes = 96;

    private static readonly NamedPath?[] Entries = new NamedPath?[Size];

    /// <summary>Returns the entry for a property under a parent path (the parent string must be a long-lived instance).</summary>
    public static NamedPath Get(string parent, JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Length > MaxCachedBytes || raw.Contains((byte)'\\'))
        {
            return new NamedPath(parent, property.Name, null);
        }

        var index = Hash(parent, raw) & (Size - 1);
        var entry = Volatile.Read(ref Entries[index]);
        if (entry is not null && ReferenceEquals(entry.Parent, parent) && raw.SequenceEqual(entry.Utf8))
        {
            return entry;
        }

        entry = new NamedPath(parent, property.Name, raw.ToArray());
        Volatile.Write(ref Entries[index], entry);
        return entry;
    }

    private static int Hash(string parent, ReadOnlySpan<byte> name) =>
        (int)(Utf8Hash.OfTail(name, (uint)RuntimeHelpers.GetHashCode(parent)) >> 40);
}
