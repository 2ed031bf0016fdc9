using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Findings;
using LmsPrivacy.Xapi.Scanning;
using LmsPrivacy.Xapi.Streaming;

namespace LmsPrivacy.Cli.Commands.Xapi;

/// <summary><c>lmsprivacy xapi scan &lt;in|-&gt;</c>: the personal data statements carry, each finding with a <c>category</c>.</summary>
internal static class XapiScanCommand
{
    public static Command Create(CliContext context)
    {
        var input = XapiValidateCommand.InputArgument("Statements: one, a JSON array, or NDJSON; '-' reads standard input.");
        var command = new Command("scan", "Report the personal data statements carry (identifiers, names, free text, extensions, e-mail addresses) with a data category.") { input };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var path = parseResult.GetRequiredValue(input);
            var scanner = new StatementScanner();
            var found = new List<(int Index, PersonalDataFinding Item, string Path)>();
            var statements = 0;
            using (var reader = new StatementReader(InputFiles.Open(context, path)))
            {
                try
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        using var document = reader.ParseCurrent();
                        statements++;
                        foreach (var item in scanner.Scan(document.RootElement))
                        {
                            found.Add((reader.Index, item, reader.Container == StatementContainer.SingleStatement
                                ? item.Finding.Path
                                : string.Create(CultureInfo.InvariantCulture, $"$[{reader.Index}]") + item.Finding.Path[1..]));
                        }
                    }
                }
                catch (StatementStreamException ex)
                {
                    throw new CliException($"'{path}': {ex.Message}");
                }
                catch (IOException ex)
                {
                    throw new CliException($"cannot read '{path}': {ex.Message}");
                }
            }

            var findings = found.Select(f => f.Item.Finding with { Path = f.Path }).ToList();
            if (format == "json")
            {
                CliJson.Write(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteNumber("statements", statements);
                    w.WriteStartArray("findings");
                    for (var i = 0; i < found.Count; i++)
                    {
                        var (index, item, _) = found[i];
                        CliJson.WriteFinding(w, findings[i], extra =>
                        {
                            extra.WriteString("category", item.Category.ToCode());
                            extra.WriteNumber("index", index);
                        });
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else
            {
                foreach (var group in found.GroupBy(f => f.Item.Category).OrderBy(g => g.Key))
                {
                    context.Output.WriteLine($"{group.Key.ToCode()}: {group.Count()}");
                }

                for (var i = 0; i < found.Count; i++)
                {
                    context.Output.WriteLine($"{findings[i].Severity.ToCode(),-7} {found[i].Item.Category.ToCode(),-24} {findings[i].Code}  {findings[i].Path}");
                }

                context.Output.WriteLine($"{statements} statement(s), {found.Count} finding(s)");
            }

            return ExitCodes.For(findings);
        });
        return command;
    }
}
