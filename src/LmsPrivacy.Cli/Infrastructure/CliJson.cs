using System.Text.Encodings.Web;
using System.Text.Json;
using LmsPrivacy.Findings;

namespace LmsPrivacy.Cli.Infrastructure;

/// <summary>Writes the CLI's JSON documents with <see cref="Utf8JsonWriter"/> (no reflection, trimming-safe).</summary>
internal static class CliJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes one JSON document to standard output.</summary>
    public static void Write(CliContext context, Action<Utf8JsonWriter> body) => context.Output.WriteLine(ToText(body));

    /// <summary>Returns one JSON document as text, written as every command writes JSON (indented, relaxed escaping).</summary>
    public static string ToText(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            body(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes <c>"findings": [{"code","severity","path","message"}]</c> (severity lower case).</summary>
    public static void WriteFindings(Utf8JsonWriter writer, IEnumerable<Finding> findings, string propertyName = "findings")
    {
        writer.WriteStartArray(propertyName);
        foreach (var finding in findings)
        {
            WriteFinding(writer, finding);
        }

        writer.WriteEndArray();
    }

    public static void WriteFinding(Utf8JsonWriter writer, Finding finding, Action<Utf8JsonWriter>? extra = null)
    {
        writer.WriteStartObject();
        writer.WriteString("code", finding.Code);
        writer.WriteString("severity", finding.Severity.ToCode());
        writer.WriteString("path", finding.Path);
        writer.WriteString("message", finding.Message);
        if (finding.Source is { } source)
        {
            writer.WriteString("source", source);
        }

        extra?.Invoke(writer);
        writer.WriteEndObject();
    }
}
