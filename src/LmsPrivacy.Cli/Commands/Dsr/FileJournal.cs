using System.Text;
using System.Text.Json;
using LmsPrivacy.SubjectRequests;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Cli.Commands.Dsr;

/// <summary>What <c>dsr resume</c> needs to run a request again: the first line of the journal.</summary>
internal sealed record JournalHeader(string RequestId, string ConfigPath, string SubjectId, IReadOnlyList<string> Agents, Instant ReceivedAt, LocalDate Due)
{
    /// <summary>Gets the extension-notice date (absent in journals written before due dates were counted per Art. 12(3)).</summary>
    public LocalDate? ExtensionNoticeDue { get; init; }

    /// <summary>Gets a value indicating whether the due date includes the extension.</summary>
    public bool Extended { get; init; }

    /// <summary>Gets how the due date was counted.</summary>
    public string? DueReason { get; init; }
}

/// <summary>
/// A journal in a JSON Lines file: a header line (request id, config, subject) then one line per step, flushed to disk
/// before the orchestrator goes on, so a killed run resumes from the file.
/// </summary>
internal sealed class FileJournal : ISubjectRequestJournal
{
    private readonly string _path;

    public FileJournal(string path) => _path = path;

    public static void Create(string path, JournalHeader header)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "lmsprivacy.dsr-journal/1");
            writer.WriteString("requestId", header.RequestId);
            writer.WriteString("config", header.ConfigPath);
            writer.WriteString("subject", header.SubjectId);
            writer.WriteStartArray("agents");
            foreach (var agent in header.Agents)
            {
                writer.WriteStringValue(agent);
            }

            writer.WriteEndArray();
            writer.WriteString("receivedAt", InstantPattern.ExtendedIso.Format(header.ReceivedAt));
            writer.WriteString("due", LocalDatePattern.Iso.Format(header.Due));
            if (header.ExtensionNoticeDue is { } notice)
            {
                writer.WriteString("extensionNoticeDue", LocalDatePattern.Iso.Format(notice));
            }

            writer.WriteBoolean("extended", header.Extended);
            if (header.DueReason is not null)
            {
                writer.WriteString("dueReason", header.DueReason);
            }

            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        stream.Flush(flushToDisk: true);
    }

    public static JournalHeader? TryReadHeader(string path, out string? error)
    {
        error = null;
        string? first;
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            first = reader.ReadLine();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message;
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(first ?? string.Empty);
            var root = document.RootElement;
            if (root.GetProperty("type").GetString() != "lmsprivacy.dsr-journal/1")
            {
                error = "not an lmsprivacy dsr journal";
                return null;
            }

            return new JournalHeader(
                root.GetProperty("requestId").GetString()!,
                root.GetProperty("config").GetString()!,
                root.GetProperty("subject").GetString()!,
                [.. root.GetProperty("agents").EnumerateArray().Select(a => a.GetString()!)],
                InstantPattern.ExtendedIso.Parse(root.GetProperty("receivedAt").GetString()!).GetValueOrThrow(),
                LocalDatePattern.Iso.Parse(root.GetProperty("due").GetString()!).GetValueOrThrow())
            {
                ExtensionNoticeDue = root.TryGetProperty("extensionNoticeDue", out var notice)
                    ? LocalDatePattern.Iso.Parse(notice.GetString()!).GetValueOrThrow()
                    : null,
                Extended = root.TryGetProperty("extended", out var extended) && extended.GetBoolean(),
                DueReason = root.TryGetProperty("dueReason", out var reason) ? reason.GetString() : null,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or UnparsableValueException or ArgumentException)
        {
            error = "the header line is not a valid journal header";
            return null;
        }
    }

    public ValueTask AppendAsync(SubjectRequestJournalEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (stream.Length > 0)
        {
            // A line cut by a crash is closed first, so this entry starts on its own line.
            stream.Seek(-1, SeekOrigin.End);
            var last = stream.ReadByte();
            if (last != '\n')
            {
                stream.WriteByte((byte)'\n');
            }
        }

        stream.Seek(0, SeekOrigin.End);
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("requestId", entry.RequestId);
            writer.WriteString("step", entry.Step.ToString());
            writer.WriteString("at", InstantPattern.ExtendedIso.Format(entry.At));
            if (entry.Store is not null)
            {
                writer.WriteString("store", entry.Store);
                writer.WriteNumber("attempt", entry.Attempt);
            }

            if (entry.Outcome is { } outcome)
            {
                writer.WriteString("outcome", outcome.ToString());
            }

            if (entry.Method is { } method)
            {
                writer.WriteString("method", method.ToString());
            }

            if (entry.RecordsAffected != 0)
            {
                writer.WriteNumber("records", entry.RecordsAffected);
            }

            if (entry.Message is not null)
            {
                writer.WriteString("message", entry.Message);
            }

            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        stream.Flush(flushToDisk: true);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<IReadOnlyList<SubjectRequestJournalEntry>> ReadAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var list = new List<SubjectRequestJournalEntry>();
        if (!File.Exists(_path))
        {
            return list;
        }

        var lines = await File.ReadAllLinesAsync(_path, cancellationToken).ConfigureAwait(false);
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            SubjectRequestJournalEntry entry;
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                entry = new SubjectRequestJournalEntry(
                    root.GetProperty("requestId").GetString()!,
                    Enum.Parse<JournalStep>(root.GetProperty("step").GetString()!),
                    InstantPattern.ExtendedIso.Parse(root.GetProperty("at").GetString()!).GetValueOrThrow())
                {
                    Store = root.TryGetProperty("store", out var store) ? store.GetString() : null,
                    Attempt = root.TryGetProperty("attempt", out var attempt) ? attempt.GetInt32() : 0,
                    Outcome = root.TryGetProperty("outcome", out var outcome) ? Enum.Parse<ErasureOutcome>(outcome.GetString()!) : null,
                    Method = root.TryGetProperty("method", out var method) ? Enum.Parse<ErasureMethod>(method.GetString()!) : null,
                    RecordsAffected = root.TryGetProperty("records", out var records) ? records.GetInt64() : 0,
                    Message = root.TryGetProperty("message", out var message) ? message.GetString() : null,
                };
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or UnparsableValueException)
            {
                // A line cut by a crash mid-write is ignored: the step it recorded is redone (stores are idempotent).
                continue;
            }

            if (string.Equals(entry.RequestId, requestId, StringComparison.Ordinal))
            {
                list.Add(entry);
            }
        }

        return list;
    }
}
