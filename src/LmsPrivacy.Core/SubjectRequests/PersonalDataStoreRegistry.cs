using System.Collections.Frozen;

namespace LmsPrivacy.SubjectRequests;

/// <summary>Every personal-data store of the host, by unique name, in ordinal name order.</summary>
/// <remarks>Stores register through DI with <c>AddPersonalDataStore</c>; the registry receives them all.</remarks>
public sealed class PersonalDataStoreRegistry
{
    private readonly FrozenDictionary<string, IPersonalDataStore> _byName;

    /// <summary>Initializes the registry.</summary>
    /// <param name="stores">The stores.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stores"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException">A name is invalid or used twice.</exception>
    public PersonalDataStoreRegistry(IEnumerable<IPersonalDataStore> stores)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var byName = new Dictionary<string, IPersonalDataStore>(StringComparer.Ordinal);
        foreach (var store in stores)
        {
            ArgumentNullException.ThrowIfNull(store, nameof(stores));
            var name = store.Name;
            if (!IsValidName(name))
            {
                throw new ArgumentException(
                    "A store name is 1 to 100 characters among letters, digits, '.', '_' and '-', starting with a letter or digit.", nameof(stores));
            }

            if (!byName.TryAdd(name, store))
            {
                throw new ArgumentException($"Store name '{name}' is registered twice.", nameof(stores));
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        Stores = [.. byName.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    /// <summary>Gets the stores in ordinal name order.</summary>
    public IReadOnlyList<IPersonalDataStore> Stores { get; }

    /// <summary>Finds a store by name.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The store, or <see langword="null"/>.</returns>
    public IPersonalDataStore? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.GetValueOrDefault(name);
    }

    /// <summary>Returns whether a text is a valid store name (it becomes a file name in the access package).</summary>
    /// <param name="name">The candidate name.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 100 || !char.IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
