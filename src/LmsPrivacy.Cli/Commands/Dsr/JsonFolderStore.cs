using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.SubjectRequests;

namespace LmsPrivacy.Cli.Commands.Dsr;

/// <summary>
/// A store over a folder: each <c>&lt;collection&gt;.json</c> (an array of objects, or one object) or
/// <c>&lt;collection&gt;.ndjson</c> file is a collection; a record belongs to the subject whose id is in <c>subjectField</c>.
/// Erasure rewrites each file (to a temporary file, then an atomic rename) without, or with anonymised, records.
/// </summary>
internal sealed class JsonFolderStore(string name, string folder, string subjectField, ErasureMethod method, StoreDescription description, string? retainReason = null)
    : IExportableStore, IErasableStore
{
    private const long MaxFileBytes = 256L * 1024 * 1024;
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 64 };

    public string Name => name;

    public StoreDescription Describe() => description;

    public async ValueTask<StoreFindResult> FindAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var record in ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Matches(record.Data, subject.Id))
            {
                counts[record.Collection] = counts.GetValueOrDefault(record.Collection) + 1;
            }
        }

        return new StoreFindResult(counts);
    }

    public async IAsyncEnumerable<StoreRecord> ExportAsync(ApprovedSubjectRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Matches(record.Data, request.Subject.Id))
            {
                yield return record;
            }
        }
    }

    public async ValueTask<ErasureResult> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder of store '{name}' does not exist.");
        }

        if (retainReason is not null)
        {
            // Data under a retention obligation is kept and reported as protected (GDPR Art. 17(3)).
            var found = await FindAsync(request.Subject, cancellationToken).ConfigureAwait(false);
            return found.HasData ? ErasureResult.Protected(retainReason) : ErasureResult.NothingFound();
        }

        long affected = 0;
        foreach (var file in Files())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var collection = Path.GetFileNameWithoutExtension(file);
            var ndjson = file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
            var records = await ReadFileAsync(file, collection, ndjson, cancellationToken).ConfigureAwait(false);
            var changed = 0;
            var output = new List<JsonElement>(records.Count);
            foreach (var record in records)
            {
                if (!Matches(record.Data, request.Subject.Id))
                {
                    output.Add(record.Data);
                    continue;
                }

                changed++;
                if (method == ErasureMethod.AnonymiseInPlace)
                {
                    output.Add(Anonymise(collection, record.Data));
                }
            }

            if (changed == 0)
            {
                continue;
            }

            affected += changed;
            var temp = file + ".tmp";
            var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                if (ndjson)
                {
                    foreach (var element in output)
                    {
                        await stream.WriteAsync(Encoding.UTF8.GetBytes(element.GetRawText() + "\n"), cancellationToken).ConfigureAwait(false);
                    }
                }
                else
                {
                    using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                    writer.WriteStartArray();
                    foreach (var element in output)
                    {
                        element.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                    await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, file, overwrite: true);
        }

        return affected == 0 ? ErasureResult.NothingFound() : ErasureResult.Erased(method, affected);
    }

    private IEnumerable<string> Files() =>
        Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    private async IAsyncEnumerable<StoreRecord> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The folder of store '{name}' does not exist.");
        }

        foreach (var file in Files())
        {
            var collection = Path.GetFileNameWithoutExtension(file);
            if (file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
            {
                // Streamed line by line: memory stays flat whatever the file size.
                using var reader = new StreamReader(file, Encoding.UTF8);
                string? line;
                var number = 0;
                while ((line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)) is not null)
                {
                    number++;
                    if (line.Length == 0)
                    {
                        continue;
                    }

                    yield return new StoreRecord(collection, ParseLine(line, file, number));
                }
            }
            else
            {
                foreach (var record in await ReadFileAsync(file, collection, ndjson: false, cancellationToken).ConfigureAwait(false))
                {
                    yield return record;
                }
            }
        }
    }

    private static async Task<List<StoreRecord>> ReadFileAsync(string file, string collection, bool ndjson, CancellationToken cancellationToken)
    {
        if (new FileInfo(file).Length > MaxFileBytes)
        {
            throw new InvalidDataException($"'{Path.GetFileName(file)}' is larger than {MaxFileBytes / (1024 * 1024)} MiB.");
        }

        var list = new List<StoreRecord>();
        if (ndjson)
        {
            var number = 0;
            foreach (var line in await File.ReadAllLinesAsync(file, cancellationToken).ConfigureAwait(false))
            {
                number++;
                if (line.Length > 0)
                {
                    list.Add(new StoreRecord(collection, ParseLine(line, file, number)));
                }
            }

            return list;
        }

        var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(bytes, ReadOptions);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{Path.GetFileName(file)}' is not valid JSON (line {ex.LineNumber + 1}).");
        }

        if (root.ValueKind == JsonValueKind.Object)
        {
            list.Add(new StoreRecord(collection, root));
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            list.AddRange(root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => new StoreRecord(collection, e)));
        }

        return list;
    }

    private static JsonElement ParseLine(string line, string file, int number)
    {
        try
        {
            using var document = JsonDocument.Parse(line, ReadOptions);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new InvalidDataException($"'{Path.GetFileName(file)}' line {number} is not valid JSON.");
        }
    }

    private bool Matches(JsonElement data, string subjectId) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(subjectField, out var value) && value.ValueKind switch
        {
            JsonValueKind.String => string.Equals(value.GetString(), subjectId, StringComparison.Ordinal),
            JsonValueKind.Number => string.Equals(value.GetRawText(), subjectId, StringComparison.Ordinal),
            _ => false,
        };

    private JsonElement Anonymise(string collection, JsonElement data)
    {
        var table = description.FindCollection(collection);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in data.EnumerateObject())
            {
                var category = table?.FindField(property.Name)?.Category;
                var identifying = property.NameEquals(subjectField) || category is null
                    || category is DataCategory.DirectIdentifier or DataCategory.PseudonymousIdentifier or DataCategory.LearnerContent
                        or DataCategory.SpecialCategory or DataCategory.ThirdParty;
                if (identifying)
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
        return document.RootElement.Clone();
    }
}
