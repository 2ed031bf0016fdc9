using System.CommandLine;
using System.Text.Json;
using LmsPrivacy.Cli.Infrastructure;
using LmsPrivacy.Retention.Documents;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;
using NodaTime;
using NodaTime.Text;

namespace LmsPrivacy.Cli.Commands.Retention;

/// <summary>Shared pieces of the retention commands.</summary>
internal static class RetentionCli
{
    public static Argument<string> RegistryArgument() => new("registry")
    {
        Description = "The registry document (JSON, see docs/schemas/retention-registry.schema.json), or '-' for standard input.",
    };

    public static Option<string?> NowOption() => new("--now")
    {
        Description = "Evaluate as of this instant (ISO 8601, e.g. 2026-03-01T00:00:00Z, or a date = its start in the registry's time zone). Default: the current time.",
        HelpName = "ISO-8601",
    };

    /// <summary>Reads the document; malformed JSON is exit 2, schema or tree errors are returned as findings (exit 1).</summary>
    public static (RetentionDocument? Document, IReadOnlyList<LmsPrivacy.Findings.Finding> Findings) Load(CliContext context, string path)
    {
        var bytes = InputFiles.ReadAllBytes(context, path);
        if (RetentionDocument.TryParse(bytes, out var document, out var findings))
        {
            return (document, findings);
        }

        if (findings.FirstOrDefault(static f => f.Code == LmsPrivacy.Retention.RetentionRules.DocumentMalformed.Code) is { } malformed)
        {
            throw new CliException($"'{path}': {malformed.Message}");
        }

        return (null, findings);
    }

    public static DateTimeZone ZoneOf(RetentionDocument? document) =>
        document is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb[document.Options.TimeZoneId];

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static void WriteNullableInstant(Utf8JsonWriter w, string name, Instant? value)
    {
        if (value is { } v)
        {
            w.WriteString(name, Format(v));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    public static string SourceCode(ResolutionSource source) => source switch
    {
        ResolutionSource.Assignment => "assignment",
        ResolutionSource.ModuleTypeDefault => "module-type-default",
        ResolutionSource.KindDefault => "kind-default",
        ResolutionSource.UserLevel => "user-level",
        ResolutionSource.SystemLevel => "system-level",
        _ => "none",
    };

    public static string AnchorCode(AnchorKind kind) => kind switch
    {
        AnchorKind.CourseEnd => "course-end",
        AnchorKind.LastAccess => "last-access",
        AnchorKind.AccountDeleted => "account-deleted",
        AnchorKind.FixedDate => "fixed-date",
        AnchorKind.Host => "host",
        _ => "none",
    };
}
