using LmsPrivacy.Classification;

namespace LmsPrivacy.SubjectRequests;

/// <summary>What a store holds: its collections (tables) and fields with category and purpose, and where it sends data.</summary>
/// <remarks>
/// The analogue of Moodle's metadata collection. A store holding no personal data says so with
/// <see cref="NoPersonalData"/> and a reason (Moodle's null provider).
/// </remarks>
public sealed record StoreDescription
{
    /// <summary>Initializes a description of a store holding personal data.</summary>
    /// <param name="collections">The collections (tables, files, document sets) and their fields.</param>
    /// <param name="externalLocations">Outside systems the store sends data to (an LTI tool, an LRS, an analytics vendor).</param>
    /// <exception cref="ArgumentNullException">An argument is null or holds null.</exception>
    public StoreDescription(IEnumerable<StoreTable> collections, IEnumerable<ExternalLocation>? externalLocations = null)
    {
        ArgumentNullException.ThrowIfNull(collections);
        StoreTable[] list = [.. collections];
        ExternalLocation[] external = [.. externalLocations ?? []];
        if (list.Any(c => c is null) || external.Any(e => e is null))
        {
            throw new ArgumentNullException(nameof(collections), "Collections and external locations cannot be null.");
        }

        Collections = list;
        ExternalLocations = external;
    }

    private StoreDescription(string reason)
    {
        Collections = [];
        ExternalLocations = [];
        NoPersonalDataReason = reason;
    }

    /// <summary>Gets the collections the store holds.</summary>
    public IReadOnlyList<StoreTable> Collections { get; }

    /// <summary>Gets the outside systems the store sends data to.</summary>
    public IReadOnlyList<ExternalLocation> ExternalLocations { get; }

    /// <summary>Gets why the store holds no personal data, when it declared so.</summary>
    public string? NoPersonalDataReason { get; }

    /// <summary>
    /// Gets a value indicating whether the store holds personal data: it did not declare <see cref="NoPersonalData"/>
    /// and some field is personal data or has no category (an uncategorised field is assumed personal).
    /// </summary>
    public bool HoldsPersonalData =>
        NoPersonalDataReason is null
        && Collections.SelectMany(c => c.Fields).Concat(ExternalLocations.SelectMany(e => e.Fields))
            .Any(f => f.Category is not { } category || category.IsPersonalData());

    /// <summary>Declares a store that holds no personal data.</summary>
    /// <param name="reason">Why, in one sentence.</param>
    /// <returns>The description.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    public static StoreDescription NoPersonalData(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new StoreDescription(reason);
    }

    /// <summary>Finds a collection by name (ordinal).</summary>
    /// <param name="name">The collection name.</param>
    /// <returns>The collection, or <see langword="null"/>.</returns>
    public StoreTable? FindCollection(string name) =>
        Collections.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));
}

/// <summary>A table, file or document set of a store, with the fields it holds.</summary>
/// <param name="Name">The collection name; for a database table, the table name as in the schema.</param>
/// <param name="Fields">The fields (columns, JSON properties).</param>
/// <param name="Summary">What the collection is for, in one sentence.</param>
public sealed record StoreTable(string Name, IReadOnlyList<StoreField> Fields, string? Summary = null)
{
    /// <summary>Finds a field by name (ordinal).</summary>
    /// <param name="name">The field name.</param>
    /// <returns>The field, or <see langword="null"/>.</returns>
    public StoreField? FindField(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}

/// <summary>One field of a collection.</summary>
/// <param name="Name">The field (column or property) name.</param>
/// <param name="Category">What the data is; <see langword="null"/> when the author has not classified it (a coverage finding).</param>
/// <param name="Purpose">Why it is held, in one sentence.</param>
public sealed record StoreField(string Name, DataCategory? Category, string? Purpose = null);

/// <summary>An outside system the store sends personal data to (GDPR Art. 19 recipient).</summary>
/// <param name="Name">The recipient's name.</param>
/// <param name="Fields">The fields sent.</param>
/// <param name="Summary">Why data goes there, in one sentence.</param>
public sealed record ExternalLocation(string Name, IReadOnlyList<StoreField> Fields, string? Summary = null);
