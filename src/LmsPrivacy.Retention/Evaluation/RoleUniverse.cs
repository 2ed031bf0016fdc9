using System.Collections.ObjectModel;
using LmsPrivacy.Retention.Registry;

namespace LmsPrivacy.Retention.Evaluation;

/// <summary>
/// Every role some purpose overrides, in ordinal order, numbered as bits for <see cref="RoleSet"/>. Immutable, so one
/// evaluator can run passes on several threads; each pass keeps its own <see cref="RoleLists"/>.
/// </summary>
internal sealed class RoleUniverse
{
    private readonly string[] _roles;
    private readonly Dictionary<string, int> _bits;

    public RoleUniverse(IEnumerable<Purpose> purposes)
    {
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var purpose in purposes)
        {
            foreach (var roleOverride in purpose.RoleOverrides)
            {
                if (roleOverride?.Role is { } role) // a malformed registry is reported by its validation, not here
                {
                    roles.Add(role);
                }
            }
        }

        _roles = [.. roles];
        _bits = new Dictionary<string, int>(_roles.Length, StringComparer.Ordinal);
        for (var i = 0; i < _roles.Length; i++)
        {
            _bits[_roles[i]] = i;
        }
    }

    /// <summary>Gets whether every role set fits in one 64-bit word.</summary>
    public bool FitsOneWord => _roles.Length <= 64;

    /// <summary>Gets the bit of an overridden role.</summary>
    public int BitOf(string role) => _bits[role];

    /// <summary>Builds the read-only list of a set's roles, in ordinal order.</summary>
    public IReadOnlyList<string> Build(RoleSet set) =>
        set.IsEmpty ? [] : new ReadOnlyCollection<string>([.. set.Bits().Select(bit => _roles[bit])]);
}

/// <summary>
/// The role lists one evaluation pass hands out, one shared instance per distinct set, so that a million rows do not
/// carry a million copies of <c>["editingteacher"]</c>. Safe to call from several threads.
/// </summary>
internal sealed class RoleLists(RoleUniverse universe)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<RoleSet, IReadOnlyList<string>> _lists = new();

    /// <summary>Gets the roles of a set, in ordinal order, as a shared read-only list.</summary>
    public IReadOnlyList<string> Of(RoleSet set)
    {
        if (set.IsEmpty)
        {
            return [];
        }

        // Rows are made on read, possibly from several threads; a race builds a list twice and keeps one.
        return _lists.GetOrAdd(set, static (key, roles) => roles.Build(key), universe);
    }
}
