using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Findings;
using LmsPrivacy.Pseudonymization;
using LmsPrivacy.Xapi;
using LmsPrivacy.Xapi.Actors;
using LmsPrivacy.Xapi.Streaming;

namespace LmsPrivacy.Cli.Commands.Xapi;

/// <summary>
/// <c>lmsprivacy xapi pseudonymize &lt;in|-&gt; [--out &lt;file|-&gt;] --key-file &lt;path&gt; --home-page &lt;IRL&gt;</c>:
/// streams statements through <see cref="StatementPseudonymizer"/>. Output goes to a temporary file first and is
/// published (renamed, or copied to standard output) only when the whole input was read: a malformed statement never
/// leaves a partial output that looks complete.
/// </summary>
internal static class XapiPseudonymizeCommand
{
    public static Command Create(CliContext context)
    {
        var input = XapiValidateCommand.InputArgument("Statements: one, a JSON array, or NDJSON; '-' reads standard input.");
        var output = new Option<string>("--out")
        {
            Description = "Where to write the pseudonymized statements (same layout as the input); '-' (default) is standard output.",
            DefaultValueFactory = static _ => "-",
        };
        var keyFile = PseudonymCommand.KeyFileOption();
        var keyId = PseudonymCommand.KeyIdOption();
        var homePage = new Option<string>("--home-page")
        {
            Description = "The IRL written as account.homePage, e.g. https://lms.example.org/pseudonyms.",
            Required = true,
        };
        var mapFile = new Option<string?>("--map")
        {
            Description = "Append pseudonym → identity pairs (NDJSON) to this file, so erasure is deleting a subject's lines. Keep it apart from the output.",
        };
        var lowercaseDomain = new Option<bool>("--lowercase-domain") { Description = "Lower-case mbox domains before hashing (same person, different domain case → same pseudonym)." };
        var command = new Command("pseudonymize", "Replace every Agent and Group member by a keyed pseudonymous account and drop names, streaming.")
        {
            input, output, keyFile, keyId, homePage, mapFile, lowercaseDomain,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var inPath = parseResult.GetRequiredValue(input);
            var outPath = parseResult.GetValue(output) ?? "-";
            var key = PseudonymCommand.LoadKey(context, parseResult.GetRequiredValue(keyFile), parseResult.GetValue(keyId) ?? "k1");
            var home = parseResult.GetRequiredValue(homePage);
            var map = parseResult.GetValue(mapFile) is { } mapPath ? new FilePseudonymMap(mapPath) : null;
            var normalization = parseResult.GetValue(lowercaseDomain) ? MboxNormalization.LowercaseDomain : MboxNormalization.None;
            StatementPseudonymizer pseudonymizer;
            try
            {
                pseudonymizer = new StatementPseudonymizer(new Pseudonymizer(key), home, map, normalization);
            }
            catch (ArgumentException)
            {
                throw new CliException("--home-page must be an IRL such as https://lms.example.org/pseudonyms.");
            }

            var toStdout = outPath == "-";
            var fullOut = toStdout ? null : Path.GetFullPath(outPath);
            var temp = toStdout
                ? Path.Combine(Path.GetTempPath(), $"lmsprivacy-{Guid.NewGuid():N}.tmp")
                : Path.Combine(Path.GetDirectoryName(fullOut!)!, $".{Path.GetFileName(fullOut)}.{Guid.NewGuid():N}.tmp");
            PseudonymizationResult result;
            try
            {
                using (var source = InputFiles.Open(context, inPath))
                using (var target = OpenTemp(temp))
                {
                    result = await pseudonymizer.PseudonymizeAsync(source, target, cancellationToken);
                }

                if (map is not null)
                {
                    await map.FlushAsync(cancellationToken);
                }

                if (toStdout)
                {
                    using var reader = new StreamReader(temp, Encoding.UTF8);
                    var chunk = new char[81920];
                    int read;
                    while ((read = await reader.ReadAsync(chunk, cancellationToken)) > 0)
                    {
                        await context.Output.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
                    }

                    await context.Output.FlushAsync(cancellationToken);
                }
                else
                {
                    File.Move(temp, fullOut!, overwrite: true);
                }
            }
            catch (StatementStreamException ex)
            {
                throw new CliException($"'{inPath}': {ex.Message}; no output was written.");
            }
            catch (IOException ex)
            {
                throw new CliException($"cannot pseudonymize '{inPath}': {ex.Message}");
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new CliException($"cannot write '{outPath}': {ex.Message}");
            }
            finally
            {
                File.Delete(temp);
                map?.Dispose();
            }

            var findings = new List<Finding>();
            if (result.SignedStatements > 0)
            {
                findings.Add(XapiRules.SignatureInvalidated.At("$", FormattableString.Invariant($"{result.SignedStatements} statement(s) carry a signature attachment that no longer matches.")));
            }

            if (toStdout)
            {
                foreach (var finding in findings)
                {
                    await context.Error.WriteLineAsync($"lmsprivacy: warning: {finding.Code}: {finding.Message}");
                }
            }
            else if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("statements", result.Statements);
                    w.WriteNumber("actors", result.Actors);
                    w.WriteString("container", ContainerName(result.Container));
                    w.WriteString("out", outPath);
                    CliJson.WriteFindings(w, findings);
                    w.WriteEndObject();
                });
            }
            else
            {
                context.Output.WriteLine($"pseudonymized {result.Statements} statement(s), {result.Actors} actor(s) ({ContainerName(result.Container)}) → {outPath}");
                TextOutput.WriteFindings(context, findings);
            }

            return ExitCodes.For(findings);
        });
        return command;
    }

    internal static string ContainerName(StatementContainer container) => container switch
    {
        StatementContainer.Array => "array",
        StatementContainer.Lines => "ndjson",
        StatementContainer.SingleStatement => "statement",
        _ => "unknown",
    };

    private static FileStream OpenTemp(string path)
    {
        try
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot create a temporary output file next to the output: {ex.Message}");
        }
    }

    /// <summary>Appends pseudonym → identity pairs as NDJSON lines; identities go only here, never into the output.</summary>
    private sealed class FilePseudonymMap(string path) : IPseudonymMap, IDisposable
    {
        private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        private readonly List<string> _lines = [];

        public ValueTask SetAsync(string pseudonym, string identity, CancellationToken cancellationToken = default)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Compact))
            {
                writer.WriteStartObject();
                writer.WriteString("pseudonym", pseudonym);
                writer.WriteString("identity", identity);
                writer.WriteEndObject();
            }

            _lines.Add(Encoding.UTF8.GetString(buffer.ToArray()));
            return ValueTask.CompletedTask;
        }

        public ValueTask<string?> FindIdentityAsync(string pseudonym, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<string>> FindPseudonymsAsync(string identity, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<int> DeleteSubjectAsync(string identity, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            try
            {
                await File.AppendAllLinesAsync(path, _lines, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"cannot write the pseudonym map '{path}': {ex.Message}");
            }

            _lines.Clear();
        }

        public void Dispose() => _lines.Clear();
    }
}
