using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LmsPrivacy.Cli.Commands.Dsr;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.SubjectRequests;
using NodaTime;

namespace LmsPrivacy.Cli.Commands;

/// <summary>
/// <c>lmsprivacy dsr export|erase --config &lt;stores.json&gt; --subject &lt;id&gt;</c> and <c>lmsprivacy dsr resume &lt;journal&gt;</c>:
/// data-subject requests over the stores a config file describes.
/// </summary>
internal static class DsrCommand
{
    public static Command? Create(CliContext context)
    {
        var command = new Command("dsr", "Data-subject requests over every store: one access package, one resumable erasure run.");
        command.Subcommands.Add(Export(context));
        command.Subcommands.Add(Erase(context));
        command.Subcommands.Add(Resume(context));
        return command;
    }

    private static Option<string> ConfigOption() => new("--config") { Description = "The stores.json file describing the stores.", Required = true };

    private static Option<string> SubjectOption() => new("--subject") { Description = "The subject's id in the host (the value of each store's subject field).", Required = true };

    private static Option<string[]> AgentOption() => new("--agent")
    {
        Description = "An xAPI agent (JSON) the subject is also known by in the LRS; repeat for several.",
        AllowMultipleArgumentsPerToken = false,
    };

    private const int MaxTimeoutSeconds = 86_400;
    private const int MaxAttempts = 100;

    private static Option<int> TimeoutOption() => new("--timeout") { Description = "Seconds one attempt on one store may take (1–86400, default 300).", DefaultValueFactory = static _ => 300 };

    private static Option<int> AttemptsOption() => new("--attempts") { Description = "Attempts per store (1–100, default 3).", DefaultValueFactory = static _ => 3 };

    /// <summary>Checks --timeout and --attempts before anything is read or written (bad usage is exit 2).</summary>
    private static (int Timeout, int Attempts) RunLimits(ParseResult parseResult, Option<int> timeout, Option<int> attempts)
    {
        var seconds = parseResult.GetValue(timeout);
        var count = parseResult.GetValue(attempts);
        if (seconds is < 1 or > MaxTimeoutSeconds)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--timeout must be between 1 and {MaxTimeoutSeconds} seconds."));
        }

        if (count is < 1 or > MaxAttempts)
        {
            throw new CliException(string.Create(CultureInfo.InvariantCulture, $"--attempts must be between 1 and {MaxAttempts}."));
        }

        return (seconds, count);
    }

    private static Command Export(CliContext context)
    {
        var config = ConfigOption();
        var subject = SubjectOption();
        var agents = AgentOption();
        var timeout = TimeoutOption();
        var attempts = AttemptsOption();
        var output = new Option<string>("--out") { Description = "The zip file to write (default: access-<request id>.zip in the current folder); an existing file is refused unless --force is given." };
        var force = new Option<bool>("--force") { Description = "Replace the --out file if it exists." };
        var deadline = new DsrDeadline();
        var command = new Command("export", "Write the subject's access package: a zip with manifest.json and one JSON file per store.")
        {
            config, subject, agents, output, force, timeout, attempts,
        };
        deadline.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            _ = deadline.Calculator(parseResult); // Bad deadline options are exit 2 before the config is read.
            var (timeoutSeconds, attemptCount) = RunLimits(parseResult, timeout, attempts);
            var outPath = parseResult.GetValue(output);
            if (outPath is not null && File.Exists(outPath) && !parseResult.GetValue(force))
            {
                throw new CliException($"'{Path.GetFullPath(outPath)}' exists already; give --force to replace it.");
            }

            var loaded = DsrConfig.Load(context, parseResult.GetRequiredValue(config));
            var dataSubject = loaded.Subject(parseResult.GetRequiredValue(subject), parseResult.GetValue(agents) ?? []);
            var clock = SystemClock.Instance;
            var request = deadline.Receive(parseResult, SubjectRequestKind.Access, dataSubject, clock).Approve("lmsprivacy-cli", clock.GetCurrentInstant());
            var path = Path.GetFullPath(outPath ?? $"access-{request.Id}.zip");
            if (File.Exists(path) && !parseResult.GetValue(force))
            {
                throw new CliException($"'{path}' exists already; give --force to replace it.");
            }

            var orchestrator = Orchestrator(loaded, new InMemorySubjectRequestJournal(), timeoutSeconds, attemptCount);
            AccessPackageReport report;
            try
            {
                report = await orchestrator.ExportToFileAsync(request, path, overwrite: parseResult.GetValue(force), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write '{path}': {ex.Message}");
            }

            var findings = report.ToValidationReport().Findings;
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("requestId", report.RequestId);
                    w.WriteString("package", path);
                    DsrDeadline.Write(w, request);
                    w.WriteBoolean("complete", report.IsComplete);
                    w.WriteStartArray("stores");
                    foreach (var store in report.Stores)
                    {
                        w.WriteStartObject();
                        w.WriteString("name", store.Store);
                        w.WriteString("status", SubjectRequestOrchestrator.StatusCode(store.Status));
                        w.WriteNumber("records", store.Records);
                        WriteOptional(w, "file", store.File);
                        WriteOptional(w, "sha256", store.Sha256);
                        w.WriteNumber("attempts", store.Attempts);
                        WriteOptional(w, "error", store.Error);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    CliJson.WriteFindings(w, findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Output.WriteLine($"package {path}");
                context.Output.WriteLine(DsrDeadline.Line(request));
                foreach (var store in report.Stores)
                {
                    context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {store.Store,-20} {SubjectRequestOrchestrator.StatusCode(store.Status),-16} {store.Records,8} record(s){(store.Error is null ? string.Empty : "  " + store.Error)}"));
                }

                TextOutput.WriteFindings(context, findings);
            }

            return ExitCodes.For(findings);
        });
        return command;
    }

    private static Command Erase(CliContext context)
    {
        var config = ConfigOption();
        var subject = SubjectOption();
        var agents = AgentOption();
        var timeout = TimeoutOption();
        var attempts = AttemptsOption();
        var journal = new Option<string>("--journal") { Description = "The journal file to create (default: erasure-<request id>.journal.jsonl in the current folder); resume with 'dsr resume <journal>'." };
        var deadline = new DsrDeadline();
        var command = new Command("erase", "Erase the subject in every store; the journal lets 'dsr resume' finish a run that stopped.")
        {
            config, subject, agents, journal, timeout, attempts,
        };
        deadline.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            _ = deadline.Calculator(parseResult); // Bad deadline options are exit 2 before the config is read.
            var (timeoutSeconds, attemptCount) = RunLimits(parseResult, timeout, attempts);
            var loaded = DsrConfig.Load(context, parseResult.GetRequiredValue(config));
            string[] extraAgents = parseResult.GetValue(agents) ?? [];
            var dataSubject = loaded.Subject(parseResult.GetRequiredValue(subject), extraAgents);
            var clock = SystemClock.Instance;
            var candidate = deadline.Receive(parseResult, SubjectRequestKind.Erasure, dataSubject, clock);
            var journalPath = Path.GetFullPath(parseResult.GetValue(journal) ?? $"erasure-{candidate.Id}.journal.jsonl");
            var approved = candidate.Approve("lmsprivacy-cli", clock.GetCurrentInstant());
            // Everything is checked before the journal exists: a rejected run leaves no journal behind.
            var orchestrator = Orchestrator(loaded, new FileJournal(journalPath), timeoutSeconds, attemptCount);
            try
            {
                FileJournal.Create(journalPath, new JournalHeader(candidate.Id, loaded.Path, dataSubject.Id, extraAgents, candidate.ReceivedAt, candidate.Due)
                {
                    ExtensionNoticeDue = candidate.ExtensionNoticeDue,
                    Extended = candidate.Extended,
                    DueReason = candidate.DueReason,
                });
            }
            catch (IOException ex)
            {
                throw new CliException($"cannot create journal '{journalPath}': {(File.Exists(journalPath) ? "it exists already; use 'dsr resume'" : ex.Message)}");
            }

            return await RunErasureAsync(context, format, orchestrator, approved, journalPath, cancellationToken);
        });
        return command;
    }

    private static Command Resume(CliContext context)
    {
        var journal = new Argument<string>("journal") { Description = "The journal file an earlier 'dsr erase' wrote." };
        var timeout = TimeoutOption();
        var attempts = AttemptsOption();
        var command = new Command("resume", "Resume an erasure from its journal: stores already done or protected are not called again.")
        {
            journal, timeout, attempts,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var (timeoutSeconds, attemptCount) = RunLimits(parseResult, timeout, attempts);
            var path = Path.GetFullPath(parseResult.GetRequiredValue(journal));
            var header = FileJournal.TryReadHeader(path, out var error) ?? throw new CliException($"cannot resume from '{path}': {error}");
            if (header.IdentityRemoved)
            {
                return await ReportFinishedAsync(context, format, header, path, cancellationToken);
            }

            var loaded = DsrConfig.Load(context, header.ConfigPath);
            var dataSubject = loaded.Subject(header.SubjectId!, header.Agents);
            var candidate = new CandidateSubjectRequest(header.RequestId, SubjectRequestKind.Erasure, dataSubject, header.ReceivedAt, header.Due)
            {
                ExtensionNoticeDue = header.ExtensionNoticeDue ?? header.Due,
                Extended = header.Extended,
                DueReason = header.DueReason,
            };
            var approvedAt = Instant.Max(header.ReceivedAt, SystemClock.Instance.GetCurrentInstant());
            return await RunErasureAsync(context, format, Orchestrator(loaded, new FileJournal(path), timeoutSeconds, attemptCount),
                candidate.Approve("lmsprivacy-cli", approvedAt), path, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunErasureAsync(
        CliContext context, string format, SubjectRequestOrchestrator orchestrator, ApprovedSubjectRequest request, string journalPath, CancellationToken cancellationToken)
    {
        var report = await orchestrator.EraseAsync(request, cancellationToken);
        var identityRemoved = false;
        if (report.State != SubjectRequestState.PartiallyCompleted)
        {
            // Finished: the journal keeps the record of the erasure but no longer the subject's identity.
            try
            {
                FileJournal.RemoveIdentity(journalPath, StateCode(report.State), SystemClock.Instance.GetCurrentInstant());
                identityRemoved = true;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                context.Error.WriteLine($"warning: could not remove the subject's identity from the journal: {ex.Message}");
            }
        }

        return WriteErasure(context, format, request, report, journalPath, identityRemoved);
    }

    /// <summary>Reports a finished request from its journal (whose identity was removed) without calling any store.</summary>
    private static async Task<int> ReportFinishedAsync(CliContext context, string format, JournalHeader header, string journalPath, CancellationToken cancellationToken)
    {
        var entries = await new FileJournal(journalPath).ReadAsync(header.RequestId, cancellationToken);
        var lines = entries.Where(e => e.Store is not null).GroupBy(e => e.Store!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var attempts = g.Count(e => e.Step == JournalStep.StoreStarted);
            var terminal = g.LastOrDefault(e => e.Step is JournalStep.StoreDone or JournalStep.StoreProtected);
            return terminal is null
                ? new StoreErasureReport(g.Key, StoreRunStatus.Failed) { Attempts = attempts, Error = "The journal shows no confirmation.", FromEarlierRun = true }
                : terminal.Step == JournalStep.StoreDone
                    ? new StoreErasureReport(g.Key, StoreRunStatus.Done)
                    {
                        Outcome = terminal.Outcome, Method = terminal.Method, RecordsAffected = terminal.RecordsAffected, Attempts = attempts, CompletedAt = terminal.At, FromEarlierRun = true,
                    }
                    : new StoreErasureReport(g.Key, StoreRunStatus.SkippedProtected) { Reason = terminal.Message, Attempts = attempts, CompletedAt = terminal.At, FromEarlierRun = true };
        }).ToList();
        var finishedAt = entries.Count > 0 ? entries[^1].At : header.ReceivedAt;
        var report = new ErasureReport(header.RequestId, finishedAt, finishedAt, lines);
        var candidate = new CandidateSubjectRequest(header.RequestId, SubjectRequestKind.Erasure, new DataSubject("sha256:" + header.SubjectSha256), header.ReceivedAt, header.Due)
        {
            ExtensionNoticeDue = header.ExtensionNoticeDue ?? header.Due,
            Extended = header.Extended,
            DueReason = header.DueReason,
        };
        if (format != "json")
        {
            context.Output.WriteLine($"request {header.RequestId} is finished ({header.FinishedState}); the subject's identity was removed from the journal, no store was called.");
        }

        return WriteErasure(context, format, candidate.Approve("lmsprivacy-cli", Instant.Max(header.ReceivedAt, finishedAt)), report, journalPath, identityRemoved: true);
    }

    private static int WriteErasure(CliContext context, string format, ApprovedSubjectRequest request, ErasureReport report, string journalPath, bool identityRemoved)
    {
        var findings = report.ToValidationReport().Findings;
        if (format == "json")
        {
            CliJson.Write(context, w =>
            {
                w.WriteStartObject();
                w.WriteString("requestId", report.RequestId);
                w.WriteString("journal", journalPath);
                DsrDeadline.Write(w, request);
                w.WriteString("state", StateCode(report.State));
                w.WriteBoolean("journalIdentityRemoved", identityRemoved);
                w.WriteStartArray("stores");
                foreach (var store in report.Stores)
                {
                    w.WriteStartObject();
                    w.WriteString("name", store.Store);
                    w.WriteString("status", SubjectRequestOrchestrator.StatusCode(store.Status));
                    WriteOptional(w, "outcome", store.Outcome is { } o ? Kebab(o.ToString()) : null);
                    WriteOptional(w, "method", store.Method is { } m ? Kebab(m.ToString()) : null);
                    w.WriteNumber("records", store.RecordsAffected);
                    w.WriteNumber("attempts", store.Attempts);
                    w.WriteBoolean("fromEarlierRun", store.FromEarlierRun);
                    WriteOptional(w, "error", store.Error);
                    WriteOptional(w, "reason", store.Reason);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                CliJson.WriteFindings(w, findings);
                w.WriteEndObject();
            });
        }
        else
        {
            context.Output.WriteLine($"request {report.RequestId}: {StateCode(report.State)} (journal {journalPath})");
            context.Output.WriteLine(DsrDeadline.Line(request));
            foreach (var store in report.Stores)
            {
                var detail = store.Error ?? store.Reason ?? (store.Method is { } m ? Kebab(m.ToString()) : string.Empty);
                context.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {store.Store,-20} {SubjectRequestOrchestrator.StatusCode(store.Status),-18} {store.RecordsAffected,8} record(s)  {detail}"));
            }

            TextOutput.WriteFindings(context, findings);
        }

        return ExitCodes.For(findings);
    }

    private static SubjectRequestOrchestrator Orchestrator(DsrConfig config, ISubjectRequestJournal journal, int timeoutSeconds, int attempts)
    {
        if (timeoutSeconds < 1 || attempts < 1)
        {
            throw new CliException("--timeout and --attempts must be at least 1.");
        }

        return new SubjectRequestOrchestrator(
            new PersonalDataStoreRegistry(config.Stores), journal, SystemClock.Instance,
            new SubjectRequestOptions { StoreTimeout = TimeSpan.FromSeconds(timeoutSeconds), MaxAttempts = attempts });
    }

    private static string StateCode(SubjectRequestState state) => state switch
    {
        SubjectRequestState.Completed => "completed",
        SubjectRequestState.CompletedWithExceptions => "completed-with-exceptions",
        _ => "partially-completed",
    };

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
