using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using LmsPrivacy.Classification;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.SubjectRequests;

/// <summary>
/// Runs approved subject requests over every registered store: one access package, one erasure run with failure
/// isolation, retries with backoff, per-attempt timeouts, and a journal so a crashed run resumes and a repeated run is harmless.
/// </summary>
/// <remarks>
/// Guarantees: stores run one at a time in ordinal name order; an exception, timeout or unconfirmed answer from one store
/// never stops the others; a store is reported <see cref="StoreRunStatus.Done"/> only when it confirmed; a store the
/// journal shows done or protected is not called again.
/// </remarks>
public sealed class SubjectRequestOrchestrator
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly PersonalDataStoreRegistry _registry;
    private readonly ISubjectRequestJournal _journal;
    private readonly IClock _clock;
    private readonly SubjectRequestOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _running = new(StringComparer.Ordinal);

    /// <summary>Initializes the orchestrator.</summary>
    /// <param name="registry">The stores.</param>
    /// <param name="journal">Where steps are recorded.</param>
    /// <param name="clock">The clock for report and journal times.</param>
    /// <param name="options">Timeouts and retries; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The timer source for timeouts and backoff waits; <see langword="null"/> for <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SubjectRequestOrchestrator(
        PersonalDataStoreRegistry registry, ISubjectRequestJournal journal, IClock clock, SubjectRequestOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(clock);
        options ??= new SubjectRequestOptions();
        SubjectRequestOptionsValidator.ThrowIfInvalid(options);
        _registry = registry;
        _journal = journal;
        _clock = clock;
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Asks every store how much it holds about a subject (the candidate list), isolating failures.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <returns>Per store name: the counts, or <see langword="null"/> when the store failed to answer.</returns>
    public async Task<IReadOnlyDictionary<string, StoreFindResult?>> FindAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var result = new SortedDictionary<string, StoreFindResult?>(StringComparer.Ordinal);
        foreach (var store in _registry.Stores)
        {
            try
            {
                result[store.Name] = await WithTimeoutAsync(ct => store.FindAsync(subject, ct).AsTask(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                result[store.Name] = null;
            }
        }

        return result;
    }

    /// <summary>Writes the access package to a file: first to <c>path.partial</c>, renamed only when the package is complete.</summary>
    /// <param name="request">An approved access request.</param>
    /// <param name="path">The zip file to create (replaced if it exists).</param>
    /// <param name="cancellationToken">Cancels the export; the partial file is then deleted.</param>
    /// <returns>What the package holds; a failed store is listed as failed in the manifest, never silently missing.</returns>
    /// <exception cref="ArgumentException">The request is not an access request, or the path is empty.</exception>
    public async Task<AccessPackageReport> ExportToFileAsync(ApprovedSubjectRequest request, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var partial = path + ".partial";
        try
        {
            AccessPackageReport report;
            var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                report = await ExportAsync(request, file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, path, overwrite: true);
            return report;
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    /// <summary>
    /// Writes the access package as a zip to <paramref name="destination"/>: <c>stores/&lt;name&gt;.json</c> per exported store
    /// (the store's description and its records) and <c>manifest.json</c> (subject, stores, counts, SHA-256, times).
    /// </summary>
    /// <param name="request">An approved access request.</param>
    /// <param name="destination">A writable stream; left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>What the package holds.</returns>
    /// <exception cref="ArgumentException">The request is not an access request.</exception>
    /// <remarks>Each store is first streamed to a temporary file, so a failed attempt leaves nothing in the package and memory stays flat.</remarks>
    public async Task<AccessPackageReport> ExportAsync(ApprovedSubjectRequest request, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(destination);
        if (request.Kind != SubjectRequestKind.Access)
        {
            throw new ArgumentException("An access package needs an access request.", nameof(request));
        }

        var startedAt = _clock.GetCurrentInstant();
        var reports = new List<StoreExportReport>();
        var archive = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        await using (archive.ConfigureAwait(false))
        {
            foreach (var store in _registry.Stores)
            {
                reports.Add(await ExportStoreAsync(request, store, archive, cancellationToken).ConfigureAwait(false));
            }

            var report = new AccessPackageReport(request.Id, startedAt, _clock.GetCurrentInstant(), reports);
            var manifest = archive.CreateEntry(AccessPackageReport.ManifestEntry, CompressionLevel.Optimal);
            var stream = await manifest.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var writer = new Utf8JsonWriter(stream, WriterOptions);
                WriteManifest(writer, request, report);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return report;
        }
    }

    /// <summary>Runs an erasure over every store, or resumes it: stores the journal shows done or protected are not called again.</summary>
    /// <param name="request">An approved erasure request.</param>
    /// <param name="cancellationToken">Stops the run (a crash, as far as the journal is concerned); run again to resume.</param>
    /// <returns>The final report, one line per store.</returns>
    /// <exception cref="ArgumentException">The request is not an erasure request.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="InvalidOperationException">The same request is already running in this orchestrator (runs of one request never overlap).</exception>
    public async Task<ErasureReport> EraseAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind != SubjectRequestKind.Erasure)
        {
            throw new ArgumentException("An erasure run needs an erasure request.", nameof(request));
        }

        if (!_running.TryAdd(request.Id, 0))
        {
            throw new InvalidOperationException("This erasure request is already running in this orchestrator.");
        }

        try
        {
            return await RunErasureAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _running.TryRemove(request.Id, out _);
        }
    }

    private async Task<ErasureReport> RunErasureAsync(ApprovedSubjectRequest request, CancellationToken cancellationToken)
    {
        var startedAt = _clock.GetCurrentInstant();
        var history = await _journal.ReadAsync(request.Id, cancellationToken).ConfigureAwait(false);
        await AppendAsync(new(request.Id, JournalStep.RequestStarted, startedAt), cancellationToken).ConfigureAwait(false);
        var lines = new List<StoreErasureReport>();
        foreach (var store in _registry.Stores)
        {
            lines.Add(await EraseStoreAsync(request, store, history, cancellationToken).ConfigureAwait(false));
        }

        var completedAt = _clock.GetCurrentInstant();
        await AppendAsync(new(request.Id, JournalStep.RequestFinished, completedAt), cancellationToken).ConfigureAwait(false);
        return new ErasureReport(request.Id, startedAt, completedAt, lines);
    }

    private async Task<StoreErasureReport> EraseStoreAsync(
        ApprovedSubjectRequest request, IPersonalDataStore store, IReadOnlyList<SubjectRequestJournalEntry> history, CancellationToken cancellationToken)
    {
        var mine = history.Where(e => string.Equals(e.Store, store.Name, StringComparison.Ordinal)).ToList();
        var earlierAttempts = mine.Count(e => e.Step == JournalStep.StoreStarted);
        var terminal = mine.LastOrDefault(e => e.Step is JournalStep.StoreDone or JournalStep.StoreProtected);
        if (terminal is not null)
        {
            return FromEntry(store.Name, terminal, earlierAttempts) with { FromEarlierRun = true };
        }

        StoreDescription description;
        try
        {
            description = store.Describe();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new StoreErasureReport(store.Name, StoreRunStatus.Failed) { Error = Describe(ex), Attempts = earlierAttempts, CompletedAt = _clock.GetCurrentInstant() };
        }

        if (store is not IErasableStore erasable)
        {
            return description.HoldsPersonalData
                ? new StoreErasureReport(store.Name, StoreRunStatus.Failed) { Error = "The store holds personal data but cannot erase it.", Attempts = earlierAttempts, CompletedAt = _clock.GetCurrentInstant() }
                : new StoreErasureReport(store.Name, StoreRunStatus.NotApplicable) { Reason = description.NoPersonalDataReason, Attempts = earlierAttempts };
        }

        string error = "No attempt was made.";
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await DelayAsync(_options.BackoffAfter(attempt - 1), cancellationToken).ConfigureAwait(false);
            }

            await AppendAsync(new(request.Id, JournalStep.StoreStarted, _clock.GetCurrentInstant()) { Store = store.Name, Attempt = attempt }, cancellationToken).ConfigureAwait(false);
            ErasureResult result;
            try
            {
                result = await WithTimeoutAsync(ct => erasable.EraseAsync(request, ct).AsTask(), cancellationToken).ConfigureAwait(false)
                    ?? ErasureResult.Unconfirmed("The store returned no result.");
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
            {
                error = Describe(ex);
                await AppendAsync(new(request.Id, JournalStep.StoreAttemptFailed, _clock.GetCurrentInstant()) { Store = store.Name, Attempt = attempt, Message = error }, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var now = _clock.GetCurrentInstant();
            if (result.IsConfirmed)
            {
                var done = new SubjectRequestJournalEntry(request.Id, JournalStep.StoreDone, now)
                {
                    Store = store.Name, Attempt = attempt, Outcome = result.Outcome, Method = result.Method, RecordsAffected = result.RecordsAffected,
                };
                await AppendAsync(done, cancellationToken).ConfigureAwait(false);
                return FromEntry(store.Name, done, earlierAttempts + attempt);
            }

            if (result.Outcome == ErasureOutcome.Protected)
            {
                var kept = new SubjectRequestJournalEntry(request.Id, JournalStep.StoreProtected, now) { Store = store.Name, Attempt = attempt, Message = result.Reason };
                await AppendAsync(kept, cancellationToken).ConfigureAwait(false);
                return FromEntry(store.Name, kept, earlierAttempts + attempt);
            }

            error = "The store did not confirm the erasure: " + result.Reason;
            await AppendAsync(new(request.Id, JournalStep.StoreAttemptFailed, now) { Store = store.Name, Attempt = attempt, Message = error }, cancellationToken).ConfigureAwait(false);
        }

        var failedAt = _clock.GetCurrentInstant();
        await AppendAsync(new(request.Id, JournalStep.StoreFailed, failedAt) { Store = store.Name, Attempt = _options.MaxAttempts, Message = error }, cancellationToken).ConfigureAwait(false);
        return new StoreErasureReport(store.Name, StoreRunStatus.Failed) { Error = error, Attempts = earlierAttempts + _options.MaxAttempts, CompletedAt = failedAt };
    }

    private static StoreErasureReport FromEntry(string store, SubjectRequestJournalEntry entry, int attempts) => entry.Step == JournalStep.StoreDone
        ? new StoreErasureReport(store, StoreRunStatus.Done)
        {
            Outcome = entry.Outcome, Method = entry.Method, RecordsAffected = entry.RecordsAffected, Attempts = attempts, CompletedAt = entry.At,
        }
        : new StoreErasureReport(store, StoreRunStatus.SkippedProtected) { Reason = entry.Message, Attempts = attempts, CompletedAt = entry.At };

    private async Task<StoreExportReport> ExportStoreAsync(
        ApprovedSubjectRequest request, IPersonalDataStore store, ZipArchive archive, CancellationToken cancellationToken)
    {
        var startedAt = _clock.GetCurrentInstant();
        StoreDescription description;
        try
        {
            description = store.Describe();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new StoreExportReport(store.Name, StoreRunStatus.Failed) { Error = Describe(ex), StartedAt = startedAt, CompletedAt = _clock.GetCurrentInstant() };
        }

        if (store is not IExportableStore exportable)
        {
            return description.HoldsPersonalData
                ? new StoreExportReport(store.Name, StoreRunStatus.Failed) { Error = "The store holds personal data but cannot export it.", StartedAt = startedAt, CompletedAt = _clock.GetCurrentInstant() }
                : new StoreExportReport(store.Name, StoreRunStatus.NotApplicable) { StartedAt = startedAt, CompletedAt = startedAt };
        }

        var error = "No attempt was made.";
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await DelayAsync(_options.BackoffAfter(attempt - 1), cancellationToken).ConfigureAwait(false);
            }

            var temp = OpenTemporaryFile();
            await using (temp.ConfigureAwait(false))
            {
                long records;
                try
                {
                    records = await WithTimeoutAsync(ct => WriteStoreFileAsync(request, exportable, description, temp, ct), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
                {
                    error = Describe(ex);
                    continue;
                }

                var file = $"stores/{store.Name}.json";
                var entry = archive.CreateEntry(file, CompressionLevel.Optimal);
                var (bytes, sha256) = await CopyHashedAsync(temp, entry, cancellationToken).ConfigureAwait(false);
                return new StoreExportReport(store.Name, StoreRunStatus.Done)
                {
                    File = file, Records = records, Bytes = bytes, Sha256 = sha256, Attempts = attempt, StartedAt = startedAt, CompletedAt = _clock.GetCurrentInstant(),
                };
            }
        }

        return new StoreExportReport(store.Name, StoreRunStatus.Failed)
        {
            Error = error, Attempts = _options.MaxAttempts, StartedAt = startedAt, CompletedAt = _clock.GetCurrentInstant(),
        };
    }

    private static async Task<long> WriteStoreFileAsync(
        ApprovedSubjectRequest request, IExportableStore store, StoreDescription description, FileStream temp, CancellationToken cancellationToken)
    {
        temp.SetLength(0);
        long count = 0;
        using var writer = new Utf8JsonWriter(temp, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("store", store.Name);
        WriteDescription(writer, description);
        writer.WriteStartArray("records");
        await foreach (var record in store.ExportAsync(request, cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(record);
            writer.WriteStartObject();
            writer.WriteString("collection", record.Collection);
            writer.WritePropertyName("data");
            record.Data.WriteTo(writer);
            writer.WriteEndObject();
            count++;
            if (writer.BytesPending > 1 << 16)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static void WriteDescription(Utf8JsonWriter writer, StoreDescription description)
    {
        writer.WriteStartArray("collections");
        foreach (var collection in description.Collections)
        {
            writer.WriteStartObject();
            writer.WriteString("name", collection.Name);
            if (collection.Summary is not null)
            {
                writer.WriteString("summary", collection.Summary);
            }

            WriteFields(writer, collection.Fields);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("externalLocations");
        foreach (var location in description.ExternalLocations)
        {
            writer.WriteStartObject();
            writer.WriteString("name", location.Name);
            if (location.Summary is not null)
            {
                writer.WriteString("summary", location.Summary);
            }

            WriteFields(writer, location.Fields);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteFields(Utf8JsonWriter writer, IReadOnlyList<StoreField> fields)
    {
        writer.WriteStartArray("fields");
        foreach (var field in fields)
        {
            writer.WriteStartObject();
            writer.WriteString("name", field.Name);
            if (field.Category is { } category)
            {
                writer.WriteString("category", category.ToCode());
            }
            else
            {
                writer.WriteNull("category");
            }

            if (field.Purpose is not null)
            {
                writer.WriteString("purpose", field.Purpose);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static async Task<(long Bytes, string Sha256)> CopyHashedAsync(FileStream temp, ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        temp.Position = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long total = 0;
        var target = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (target.ConfigureAwait(false))
        {
            int read;
            while ((read = await temp.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                total += read;
            }
        }

        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private FileStream OpenTemporaryFile()
    {
        var folder = _options.TemporaryDirectory ?? Path.GetTempPath();
        var path = Path.Combine(folder, $"lmsprivacy-{Guid.NewGuid():N}.tmp");
        return new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
    }

    private static void WriteManifest(Utf8JsonWriter writer, ApprovedSubjectRequest request, AccessPackageReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("format", "lmsprivacy.access-package/1");
        writer.WriteString("requestId", request.Id);
        writer.WriteStartObject("subject");
        writer.WriteString("id", request.Subject.Id);
        writer.WriteEndObject();
        writer.WriteString("receivedAt", InstantPattern.ExtendedIso.Format(request.ReceivedAt));
        writer.WriteString("approvedAt", InstantPattern.ExtendedIso.Format(request.ApprovedAt));
        writer.WriteString("due", LocalDatePattern.Iso.Format(request.Due));
        writer.WriteString("extensionNoticeDue", LocalDatePattern.Iso.Format(request.ExtensionNoticeDue));
        writer.WriteBoolean("extended", request.Extended);
        if (request.DueReason is not null)
        {
            writer.WriteString("dueReason", request.DueReason);
        }
        writer.WriteString("startedAt", InstantPattern.ExtendedIso.Format(report.StartedAt));
        writer.WriteString("completedAt", InstantPattern.ExtendedIso.Format(report.CompletedAt));
        writer.WriteBoolean("complete", report.IsComplete);
        writer.WriteStartArray("stores");
        foreach (var store in report.Stores)
        {
            writer.WriteStartObject();
            writer.WriteString("name", store.Store);
            writer.WriteString("status", StatusCode(store.Status));
            if (store.File is not null)
            {
                writer.WriteString("file", store.File);
                writer.WriteNumber("records", store.Records);
                writer.WriteNumber("bytes", store.Bytes);
                writer.WriteString("sha256", store.Sha256);
            }

            writer.WriteNumber("attempts", store.Attempts);
            if (store.StartedAt is { } started)
            {
                writer.WriteString("startedAt", InstantPattern.ExtendedIso.Format(started));
            }

            if (store.CompletedAt is { } completed)
            {
                writer.WriteString("completedAt", InstantPattern.ExtendedIso.Format(completed));
            }

            if (store.Error is not null)
            {
                writer.WriteString("error", store.Error);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Returns the wire name of a status: <c>done</c>, <c>failed</c>, <c>skipped-protected</c>, <c>not-applicable</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The kebab-case name used in manifests, journals and CLI output.</returns>
    public static string StatusCode(StoreRunStatus status) => status switch
    {
        StoreRunStatus.Done => "done",
        StoreRunStatus.Failed => "failed",
        StoreRunStatus.SkippedProtected => "skipped-protected",
        StoreRunStatus.NotApplicable => "not-applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    private async Task<T> WithTimeoutAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.StoreTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        Task<T> task;
        try
        {
            task = action(linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(TimeoutMessage());
        }

        try
        {
            // WaitAsync abandons a store that ignores its token, so a hang is reported instead of waited on forever.
            return await task.WaitAsync(_options.StoreTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(TimeoutMessage());
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new TimeoutException(TimeoutMessage());
        }
    }

    private string TimeoutMessage() =>
        string.Create(CultureInfo.InvariantCulture, $"The store did not answer within {_options.StoreTimeout.TotalSeconds:0.###} s.");

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private ValueTask AppendAsync(SubjectRequestJournalEntry entry, CancellationToken cancellationToken) => _journal.AppendAsync(entry, cancellationToken);

    private static string Describe(Exception ex) => ex is TimeoutException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
}
