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

    private static Option<int> TimeoutOption() => new("--timeout") { Description = "Seconds one attempt on one store may take (default 300).", DefaultValueFactory = static _ => 300 };

    private static Option<int> AttemptsOption() => new("--attempts") { Description = "Attempts per store (default 3).", DefaultValueFactory = static _ => 3 };

    private static Command Export(CliContext context)
    {
        var config = ConfigOption();
        var subject = SubjectOption();
        var agents = AgentOption();
        var timeout = TimeoutOption();
        var attempts = AttemptsOption();
        var output = new Option<string>("--out") { Description = "The zip file to write (default: access-<request id>.zip in the current folder)." };
        var deadline = new DsrDeadline();
        var command = new Command("export", "Write the subject's access package: a zip with manifest.json and one JSON file per store.")
        {
            config, subject, agents, output, timeout, attempts,
        };
        deadline.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            _ = deadline.Calculator(parseResult); // Bad deadline options are exit 2 before the config is read.
            var loaded = DsrConfig.Load(context, parseResult.GetRequiredValue(config));
            var dataSubject = loaded.Subject(parseResult.GetRequiredValue(subject), parseResult.GetValue(agents) ?? []);
            var clock = SystemClock.Instance;
            var request = deadline.Receive(parseResult, SubjectRequestKind.Access, dataSubject, clock).Approve("lmsprivacy-cli", clock.GetCurrentInstant());
            var path = Path.GetFullPath(parseResult.GetValue(output) ?? $"access-{request.Id}.zip");
            var orchestrator = Orchestrator(loaded, new InMemorySubjectRequestJournal(), parseResult.GetValue(timeout), parseResult.GetValue(attempts));
            AccessPackageReport report;
            try
            {
                report = await orchestrator.ExportToFileAsync(request, path, cancellationToken);
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
            var loaded = DsrConfig.Load(context, parseResult.GetRequiredValue(config));
            string[] extraAgents = parseResult.GetValue(agents) ?? [];
            var dataSubject = loaded.Subject(parseResult.GetRequiredValue(subject), extraAgents);
            var clock = SystemClock.Instance;
            var candidate = deadline.Receive(parseResult, SubjectRequestKind.Erasure, dataSubject, clock);
            var journalPath = Path.GetFullPath(parseResult.GetValue(journal) ?? $"erasure-{candidate.Id}.journal.jsonl");
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

            return await RunErasureAsync(context, format, loaded, candidate.Approve("lmsprivacy-cli", clock.GetCurrentInstant()), journalPath,
                parseResult.GetValue(timeout), parseResult.GetValue(attempts), cancellationToken);
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
            var path = Path.GetFullPath(parseResult.GetRequiredValue(journal));
            var header = FileJournal.TryReadHeader(path, out var error) ?? throw new CliException($"cannot resume from '{path}': {error}");
            var loaded = DsrConfig.Load(context, header.ConfigPath);
            var dataSubject = loaded.Subject(header.SubjectId, header.Agents);
            var candidate = new CandidateSubjectRequest(header.RequestId, SubjectRequestKind.Erasure, dataSubject, header.ReceivedAt, header.Due)
            {
                ExtensionNoticeDue = header.ExtensionNoticeDue ?? header.Due,
                Extended = header.Extended,
                DueReason = header.DueReason,
            };
            var approvedAt = Instant.Max(header.ReceivedAt, SystemClock.Instance.GetCurrentInstant());
            return await RunErasureAsync(context, format, loaded, candidate.Approve("lmsprivacy-cli", approvedAt), path,
                parseResult.GetValue(timeout), parseResult.GetValue(attempts), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunErasureAsync(
        CliContext context, string format, DsrConfig config, ApprovedSubjectRequest request, string journalPath, int timeout, int attempts, CancellationToken cancellationToken)
    {
        var orchestrator = Orchestrator(config, new FileJournal(journalPath), timeout, attempts);
        var report = await orchestrator.EraseAsync(request, cancellationToken);
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
