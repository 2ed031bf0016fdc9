using System.Runtime.CompilerServices;
using System.Text.Json;
using LmsPrivacy.Classification;

namespace LmsPrivacy.SubjectRequests;

/// <summary>
/// A personal-data store held in memory: JSON object records per collection, matched to a subject by one property.
/// Erases by deleting records or by anonymising them in place. Safe for concurrent use.
/// </summary>
/// <remarks>For tests, samples and prototypes; it is the reference for how a real store should behave.</remarks>
public sealed class InMemoryPersonalDataStore : IExportableStore, IErasableStore
{
    private readonly Lock _gate = new();
    private readonly List<StoreRecord> _records = [];
    private readonly StoreDescription _description;
    private readonly string _subjectField;
    private readonly ErasureMethod _method;

    /// <summary>Initializes an empty store.</summary>
    /// <param name="name">The store name (see <see cref="IPersonalDataStore.Name"/>).</param>
    /// <param name="description">What it holds; records may only be added to declared collections.</param>
    /// <param name="subjectField">The property that holds the subject id in every record.</param>
    /// <param name="method">
    /// <see cref="ErasureMethod.Delete"/> removes records; <see cref="ErasureMethod.AnonymiseInPlace"/> keeps them and sets
    /// the subject field and every field declared as a direct or pseudonymous identifier to null.
    /// </param>
    /// <exception cref="ArgumentException">An argument is empty, or <paramref name="method"/> is not Delete or AnonymiseInPlace.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> is null.</exception>
    public InMemoryPersonalDataStore(string name, StoreDescription description, string subjectField, ErasureMethod method = ErasureMethod.Delete)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentException.ThrowIfNullOrEmpty(subjectField);
        if (method is not (ErasureMethod.Delete or ErasureMethod.AnonymiseInPlace))
        {
            throw new ArgumentException("An in-memory store erases by Delete or AnonymiseInPlace.", nameof(method));
        }

        Name = name;
        _description = description;
        _subjectField = subjectField;
        _method = method;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Gets the number of records held, all subjects together.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }

    /// <summary>Adds a record.</summary>
    /// <param name="collection">A declared collection.</param>
    /// <param name="json">The record, a JSON object.</param>
    /// <exception cref="ArgumentException">The collection is not declared, or the JSON is not an object.</exception>
    public void Add(string collection, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        Add(collection, document.RootElement);
    }

    /// <summary>Adds a record.</summary>
    /// <param name="collection">A declared collection.</param>
    /// <param name="data">The record, a JSON object (copied).</param>
    /// <exception cref="ArgumentException">The collection is not declared, or the data is not an object.</exception>
    public void Add(string collection, JsonElement data)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (_description.FindCollection(collection) is null)
        {
            throw new ArgumentException($"Collection '{collection}' is not declared by store '{Name}'.", nameof(collection));
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A record must be a JSON object.", nameof(data));
        }

        lock (_gate)
        {
            _records.Add(new StoreRecord(collection, data.Clone()));
        }
    }

    /// <summary>Returns a copy of every record held, in insertion order.</summary>
    /// <returns>The records.</returns>
    public IReadOnlyList<StoreRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. _records];
        }
    }

    /// <inheritdoc/>
    public StoreDescription Describe() => _description;

    /// <inheritdoc/>
    public ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        cancellationToken.ThrowIfCancellationRequested();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var record in _records.Where(r => Matches(r, subject.Id)))
            {
                counts[record.Collection] = counts.GetValueOrDefault(record.Collection) + 1;
            }
        }

        return ValueTask.FromResult(new StoreFindResult(counts));
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoreRecord> ExportAsync(ApprovedSubjectRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        StoreRecord[] matching;
        lock (_gate)
        {
            matching = [.. _records.Where(r => Matches(r, request.Subject.Id))];
        }

        foreach (var record in matching)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var id = request.Subject.Id;
        lock (_gate)
        {
            var affected = 0L;
            for (var i = _records.Count - 1; i >= 0; i--)
            {
                if (!Matches(_records[i], id))
                {
                    continue;
                }

                affected++;
                if (_method == ErasureMethod.Delete)
                {
                    _records.RemoveAt(i);
                }
                else
                {
                    _records[i] = Anonymise(_records[i]);
                }
            }

            return ValueTask.FromResult(affected == 0 ? ErasureResult.NothingFound() : ErasureResult.Erased(_method, affected));
        }
    }

    private bool Matches(StoreRecord record, string subjectId) =>
        record.Data.TryGetProperty(_subjectField, out var value)
        && value.ValueKind switch
        {
            JsonValueKind.String => string.Equals(value.GetString(), subjectId, StringComparison.Ordinal),
            JsonValueKind.Number => string.Equals(value.GetRawText(), subjectId, StringComparison.Ordinal),
            _ => false,
        };

    private StoreRecord Anonymise(StoreRecord record)
    {
        var collection = _description.FindCollection(record.Collection);
        var identifying = new HashSet<string>(StringComparer.Ordinal) { _subjectField };
        foreach (var field in collection?.Fields ?? [])
        {
            if (field.Category is DataCategory.DirectIdentifier or DataCategory.PseudonymousIdentifier or DataCategory.LearnerContent
                or DataCategory.SpecialCategory or DataCategory.ThirdParty or null)
            {
                identifying.Add(field.Name);
            }
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in record.Data.EnumerateObject())
            {
                if (identifying.Contains(property.Name))
                {
                    writer.WriteNull(property.Name);
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return record with { Data = document.RootElement.Clone() };
    }
}
