using System.CommandLine;
using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Scorm;
using LmsPrivacy.Scorm.Packages;

namespace LmsPrivacy.Cli.Commands.Scorm;

/// <summary><c>lmsprivacy scorm audit &lt;package.zip|folder&gt;</c>.</summary>
internal static class ScormAuditCommand
{
    public static Command Create(CliContext context)
    {
        var package = new Argument<string>("package") { Description = "A content package: a .zip file or an unpacked folder." };
        var command = new Command("audit", "Audit a content package: manifest, missing/unlisted files, other hosts contacted, learner-identity reads, credentials; hostile zips refused.")
        {
            package,
        };
        command.SetAction(parseResult =>
        {
            var format = CommonOptions.GetFormat(parseResult);
            var path = parseResult.GetRequiredValue(package);
            var report = Audit(path);
            if (format == "json")
            {
                CliJson.Write(context, w => WriteJson(w, report));
            }
            else
            {
                WriteText(context, path, report);
            }

            return ExitCodes.For(report.Findings);
        });
        return command;
    }

    internal static ScormAuditReport Audit(string path)
    {
        ScormAuditReport report;
        try
        {
            report = new ScormPackageAuditor().Audit(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ex is FileNotFoundException ? $"no package file or folder at '{path}'." : $"cannot read '{path}': {ex.Message}");
        }

        if (report.Findings.Any(f => f.Code == ScormRules.ZipMalformed.Code))
        {
            throw new CliException($"'{path}' is not a readable zip archive or folder.");
        }

        return report;
    }

    private static void WriteJson(Utf8JsonWriter w, ScormAuditReport report)
    {
        var manifest = report.Manifest;
        w.WriteStartObject();
        w.WriteBoolean("valid", report.IsValid);
        w.WriteBoolean("refused", report.Refused);
        ScormClassifyCommand.WriteNullable(w, "scormVersion", manifest?.Version?.ToCode());
        ScormClassifyCommand.WriteNullable(w, "schemaVersion", manifest?.SchemaVersion);
        ScormClassifyCommand.WriteNullable(w, "identifier", manifest?.Identifier);
        w.WriteNumber("files", report.FileCount);
        w.WriteNumber("bytes", report.TotalBytes);
        w.WriteStartArray("organizations");
        foreach (var organization in manifest?.Organizations ?? [])
        {
            w.WriteStartObject();
            ScormClassifyCommand.WriteNullable(w, "identifier", organization.Identifier);
            ScormClassifyCommand.WriteNullable(w, "title", organization.Title);
            WriteItems(w, organization.Items);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("scos");
        foreach (var sco in manifest?.Scos ?? [])
        {
            w.WriteStartObject();
            ScormClassifyCommand.WriteNullable(w, "identifier", sco.Identifier);
            ScormClassifyCommand.WriteNullable(w, "launch", sco.LaunchPath);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("resources");
        foreach (var resource in manifest?.Resources ?? [])
        {
            w.WriteStartObject();
            ScormClassifyCommand.WriteNullable(w, "identifier", resource.Identifier);
            ScormClassifyCommand.WriteNullable(w, "scormType", resource.ScormType);
            ScormClassifyCommand.WriteNullable(w, "href", resource.Href);
            ScormClassifyCommand.WriteNullable(w, "launch", resource.LaunchPath);
            w.WriteStartArray("files");
            foreach (var file in resource.Files)
            {
                w.WriteStringValue(file);
            }

            w.WriteEndArray();
            w.WriteStartArray("dependencies");
            foreach (var dependency in resource.Dependencies)
            {
                w.WriteStringValue(dependency);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("externalHosts");
        foreach (var host in report.ExternalHosts)
        {
            w.WriteStartObject();
            w.WriteString("host", host.Host);
            w.WriteBoolean("loadsAutomatically", host.LoadsAutomatically);
            w.WriteStartArray("references");
            foreach (var reference in host.References)
            {
                w.WriteStartObject();
                w.WriteString("file", reference.File);
                w.WriteNumber("line", reference.Line);
                w.WriteString("kind", reference.Kind.ToCode());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("learnerDataRead");
        foreach (var read in report.LearnerDataRead)
        {
            w.WriteStartObject();
            w.WriteString("element", read.Element);
            w.WriteString("category", read.Category.ToCode());
            w.WriteString("file", read.File);
            w.WriteNumber("line", read.Line);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        CliJson.WriteFindings(w, report.Findings);
        w.WriteEndObject();
    }

    private static void WriteItems(Utf8JsonWriter w, IEnumerable<ScormItem> items)
    {
        w.WriteStartArray("items");
        foreach (var item in items)
        {
            w.WriteStartObject();
            ScormClassifyCommand.WriteNullable(w, "identifier", item.Identifier);
            ScormClassifyCommand.WriteNullable(w, "identifierref", item.IdentifierRef);
            ScormClassifyCommand.WriteNullable(w, "title", item.Title);
            ScormClassifyCommand.WriteNullable(w, "parameters", item.Parameters);
            WriteItems(w, item.Children);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteText(CliContext context, string path, ScormAuditReport report)
    {
        var manifest = report.Manifest;
        context.Output.WriteLine($"package {path}: SCORM {manifest?.Version?.ToCode() ?? "?"} ({manifest?.SchemaVersion ?? "no schemaversion"}), {report.FileCount} files, {manifest?.Scos.Count() ?? 0} SCO(s)");
        if (report.ExternalHosts.Length > 0)
        {
            context.Output.WriteLine("external hosts:");
            foreach (var host in report.ExternalHosts)
            {
                context.Output.WriteLine($"  {host.Host}");
                foreach (var reference in host.References)
                {
                    context.Output.WriteLine($"      {reference.Kind.ToCode(),-10} {reference.File}:{reference.Line}");
                }
            }
        }

        if (report.LearnerDataRead.Length > 0)
        {
            context.Output.WriteLine("learner data read:");
            foreach (var read in report.LearnerDataRead)
            {
                context.Output.WriteLine($"  {read.Element,-24} {read.File}:{read.Line}");
            }
        }

        TextOutput.WriteFindings(context, report.Findings);
        TextOutput.WriteSummary(context, report.Findings);
    }
}
