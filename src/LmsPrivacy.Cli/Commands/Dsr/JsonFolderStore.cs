using System.Globalization;
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
        long undecided = 0;
        foreach (var file in Files())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var collection = Path.GetFileNameWithoutExtension(file);
            var (changed, unclear) = file.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
                ? await EraseNdjsonAsync(file, collection, request.Subject.Id, cancellationToken).ConfigureAwait(false)
                : await EraseJsonAsync(file, collection, request.Subject.Id, cancellationToken).ConfigureAwait(false);
            affected += changed;
            undecided += unclear;
        }

        if (undecided > 0)
        {
            return ErasureResult.Unconfirmed(string.Create(CultureInfo.InvariantCulture,
                $"{undecided} record(s) have a subject field that cannot be compared with the subject id; check them by hand ({affected} record(s) erased)."));
        }

        return affected == 0 ? ErasureResult.NothingFound() : ErasureResult.Erased(method, affected);
    }

    /// <summary>
    /// Rewrites a <c>.json</c> file: every element of a top-level array that is not a matching object is kept as it was
    /// (strings, numbers, nested arrays, other subjects' objects); a top-level object stays an object (anonymised), or the
    /// file is deleted when the method is <see cref="ErasureMethod.Delete"/>.
    /// </summary>
    private async Task<(long Changed, long Undecided)> EraseJsonAsync(string file, string collection, string subjectId, CancellationToken cancellationToken)
    {
        using var document = await ParseFileAsync(file, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            var match = Match(root, subjectId);
            if (match != SubjectMatch.Yes)
            {
                return (0, match == SubjectMatch.Undecided ? 1 : 0);
            }

            if (method == ErasureMethod.AnonymiseInPlace)
            {
                var anonymised = Anonymise(collection, root);
                await WriteAtomicallyAsync(file, (stream, ct) => WriteJsonAsync(stream, anonymised, ct), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // The file is the record: deleting the record deletes the file.
                File.Delete(file);
            }

            return (1, 0);
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            return (0, 0);
        }

        long changed = 0;
        long undecided = 0;
        var output = new List<JsonElement>(root.GetArrayLength());
        foreach (var element in root.EnumerateArray())
        {
            var match = Match(element, subjectId);
            if (match != SubjectMatch.Yes)
            {
                undecided += match == SubjectMatch.Undecided ? 1 : 0;
                output.Add(element);
                continue;
            }

            changed++;
            if (method == ErasureMethod.AnonymiseInPlace)
            {
                output.Add(Anonymise(collection, element));
            }
        }

        if (changed > 0)
        {
            await WriteAtomicallyAsync(file, async (stream, ct) =>
            {
                using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
                writer.WriteStartArray();
                foreach (var element in output)
                {
                    element.WriteTo(writer);
                }

                writer.WriteEndArray();
                await writer.FlushAsync(ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }

        return (changed, undecided);
    }

    /// <summary>Rewrites a <c>.ndjson</c> file: every line that is not a matching object is kept byte for byte.</summary>
    private async Task<(long Changed, long Undecided)> EraseNdjsonAsync(string file, string collection, string subjectId, CancellationToken cancellationToken)
    {
        CheckSize(file);
        var lines = await File.ReadAllLinesAsync(file, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        long changed = 0;
        long undecided = 0;
        var output = new List<string>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                output.Add(lines[i]);
                continue;
            }

            var element = ParseLine(lines[i], file, i + 1);
            var match = Match(element, subjectId);
            if (match != SubjectMatch.Yes)
            {
                undecided += match == SubjectMatch.Undecided ? 1 : 0;
                output.Add(lines[i]);
                continue;
            }

            changed++;
            if (method == ErasureMethod.AnonymiseInPlace)
            {
                output.Add(Anonymise(collection, element).GetRawText());
            }
        }

        if (changed > 0)
        {
            await WriteAtomicallyAsync(file, async (stream, ct) =>
            {
                foreach (var line in output)
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), ct).ConfigureAwait(false);
                }
            }, cancellationToken).ConfigureAwait(false);
        }

        return (changed, undecided);
    }

    private static async Task WriteJsonAsync(Stream stream, JsonElement element, CancellationToken cancellationToken)
    {
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        element.WriteTo(writer);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes a temporary file next to <paramref name="file"/>, flushes it to disk, then renames it over the file.</summary>
    private static async Task WriteAtomicallyAsync(string file, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(file) ?? ".", $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");
        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await write(stream, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, file, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
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
        CheckSize(file);
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

        using var document = await ParseFileAsync(file, cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            list.Add(new StoreRecord(collection, root.Clone()));
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            list.AddRange(root.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => new StoreRecord(collection, e.Clone())));
        }

        return list;
    }

    private static void CheckSize(string file)
    {
        if (new FileInfo(file).Length > MaxFileBytes)
        {
            throw new InvalidDataException($"'{Path.GetFileName(file)}' is larger than {MaxFileBytes / (1024 * 1024)} MiB.");
        }
    }

    private static async Task<JsonDocument> ParseFileAsync(string file, CancellationToken cancellationToken)
    {
        CheckSize(file);
        var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(bytes, ReadOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"'{Path.GetFileName(file)}' is not valid JSON (line {ex.LineNumber + 1}).");
        }
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

    private bool Matches(JsonElement data, string subjectId) => Match(data, subjectId) switch
    {
        SubjectMatch.Yes => true,
        SubjectMatch.No => false,
        _ => throw new InvalidDataException("A record's subject field cannot be compared with the subject id (a number out of range)."),
    };

    /// <summary>
    /// Whether a record belongs to the subject: a string field equals the id ordinally; a number field equals the id when
    /// both are the same decimal number (<c>42</c>, <c>42.0</c> and <c>4.2e1</c> are one number); a number that cannot be
    /// compared (an exponent out of range) is <see cref="SubjectMatch.Undecided"/>, never silently "not the subject".
    /// </summary>
    private SubjectMatch Match(JsonElement data, string subjectId)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty(subjectField, out var value))
        {
            return SubjectMatch.No;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return string.Equals(value.GetString(), subjectId, StringComparison.Ordinal) ? SubjectMatch.Yes : SubjectMatch.No;
            case JsonValueKind.Number:
                if (!DecimalText.TryCanonical(subjectId.Trim(), out var wanted))
                {
                    return SubjectMatch.No; // The id is not a number: no number equals it.
                }

                if (!DecimalText.TryCanonical(value.GetRawText(), out var actual))
                {
                    return SubjectMatch.Undecided;
                }

                return string.Equals(wanted, actual, StringComparison.Ordinal) ? SubjectMatch.Yes : SubjectMatch.No;
            default:
                return SubjectMatch.No;
        }
    }

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

/// <summary>Whether a record belongs to the subject.</summary>
internal enum SubjectMatch
{
    /// <summary>It does not.</summary>
    No,

    /// <summary>It does.</summary>
    Yes,

    /// <summary>The subject field cannot be compared with the id.</summary>
    Undecided,
}

/// <summary>Exact comparison of decimal numbers written as text (JSON number syntax), with no rounding.</summary>
internal static class DecimalText
{
    private const int MaxExponentDigits = 9;

    /// <summary>
    /// Returns the canonical form <c>[-]digits e exponent</c> (no leading or trailing zeros; zero is <c>0</c>) of a decimal
    /// number such as <c>42</c>, <c>-0.5</c>, <c>4.2E+1</c>; false when the text is not such a number or its exponent is out of range.
    /// </summary>
    public static bool TryCanonical(string text, out string canonical)
    {
        canonical = string.Empty;
        var i = 0;
        var negative = false;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            negative = text[i] == '-';
            i++;
        }

        var digits = new StringBuilder();
        long pointShift = 0;
        var sawDigit = false;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            digits.Append(text[i++]);
            sawDigit = true;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                digits.Append(text[i++]);
                pointShift++;
                sawDigit = true;
            }
        }

        if (!sawDigit)
        {
            return false;
        }

        long exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            var expNegative = false;
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                expNegative = text[i] == '-';
                i++;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            var expDigits = text.AsSpan(start, i - start).TrimStart('0');
            if (i == start)
            {
                return false;
            }

            if (expDigits.Length > MaxExponentDigits)
            {
                return false;
            }

            exponent = expDigits.Length == 0 ? 0 : long.Parse(expDigits, NumberStyles.None, CultureInfo.InvariantCulture);
            exponent = expNegative ? -exponent : exponent;
        }

        if (i != text.Length)
        {
            return false;
        }

        var all = digits.ToString();
        var significant = all.TrimStart('0');
        if (significant.Length == 0)
        {
            canonical = "0";
            return true;
        }

        var trimmed = significant.TrimEnd('0');
        exponent = exponent - pointShift + (significant.Length - trimmed.Length);
        canonical = string.Create(CultureInfo.InvariantCulture, $"{(negative ? "-" : string.Empty)}{trimmed}e{exponent}");
        return true;
    }
}
