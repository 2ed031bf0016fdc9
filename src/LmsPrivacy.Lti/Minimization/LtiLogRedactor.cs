using System.Buffers;
using System.Text;
using System.Text.Json;
using LmsPrivacy.Classification;
using LmsPrivacy.Lti.Claims;
using Microsoft.Extensions.Compliance.Redaction;

namespace LmsPrivacy.Lti.Minimization;

/// <summary>
/// Rewrites a launch for logging: every value classified as a direct identifier, another person's data or special
/// category data is replaced (by <see cref="Placeholder"/>, or by a <see cref="Redactor"/> such as Core's
/// <c>PseudonymizingRedactor</c> so lines about one person still correlate). Structure and other claims are kept.
/// </summary>
/// <remarks>
/// Strings, numbers and booleans inside a replaced value are all replaced; <c>null</c> stays <c>null</c>. Custom
/// values are inspected as by <see cref="LtiClaimClassifier"/>. Thread-safe when the redactor is.
/// </remarks>
public sealed class LtiLogRedactor
{
    /// <summary>The text that replaces a redacted value when no redactor is given.</summary>
    public const string Placeholder = "[redacted]";

    private static readonly DataCategory[] DefaultCategories = [DataCategory.DirectIdentifier, DataCategory.ThirdParty, DataCategory.SpecialCategory];

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Redactor? _redactor;
    private readonly HashSet<DataCategory> _categories;
    private readonly LtiClaimClassifier _classifier;

    /// <summary>Initializes a redactor that writes <see cref="Placeholder"/> for direct identifiers, third parties' and special-category data.</summary>
    public LtiLogRedactor()
        : this(null, DefaultCategories, null)
    {
    }

    /// <summary>Initializes a redactor that replaces values with a compliance <see cref="Redactor"/>.</summary>
    /// <param name="redactor">The redactor, such as <c>PseudonymizingRedactor</c> or <c>ErasingRedactor</c>.</param>
    public LtiLogRedactor(Redactor redactor)
        : this(redactor ?? throw new ArgumentNullException(nameof(redactor)), DefaultCategories, null)
    {
    }

    /// <summary>Initializes a redactor with every choice explicit.</summary>
    /// <param name="redactor">The redactor, or <see langword="null"/> for <see cref="Placeholder"/>.</param>
    /// <param name="categories">The categories to replace; direct identifiers are always replaced.</param>
    /// <param name="classifier">The classifier, or <see langword="null"/> for the built-in catalog.</param>
    public LtiLogRedactor(Redactor? redactor, IEnumerable<DataCategory> categories, LtiClaimClassifier? classifier)
    {
        ArgumentNullException.ThrowIfNull(categories);
        _redactor = redactor;
        _categories = [.. categories, DataCategory.DirectIdentifier];
        _classifier = classifier ?? LtiClaimClassifier.Default;
    }

    /// <summary>Gets the categories replaced.</summary>
    public IReadOnlySet<DataCategory> Categories => _categories;

    /// <summary>Returns the redacted payload as compact JSON text.</summary>
    /// <param name="payload">The payload; a non-object value is written as <c>{}</c>.</param>
    /// <returns>The JSON text.</returns>
    public string Redact(JsonElement payload)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Redact(payload, writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes the redacted payload.</summary>
    /// <param name="payload">The payload; a non-object value is written as <c>{}</c>.</param>
    /// <param name="writer">The writer.</param>
    public void Redact(JsonElement payload, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var nodes = ClaimTree.Build(payload, null, _classifier.Additional);
        writer.WriteStartObject();
        foreach (var node in nodes)
        {
            writer.WritePropertyName(node.Name);
            if (node.Members is null)
            {
                WriteValue(writer, node.Value, _categories.Contains(node.Category));
                continue;
            }

            writer.WriteStartObject();
            foreach (var member in node.Members)
            {
                writer.WritePropertyName(member.Name);
                WriteValue(writer, member.Value, _categories.Contains(member.Category));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private void WriteValue(Utf8JsonWriter writer, JsonElement value, bool redact)
    {
        if (!redact)
        {
            value.WriteTo(writer);
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    WriteValue(writer, property.Value, true);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteValue(writer, item, true);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Null:
                writer.WriteNullValue();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Replace(value.GetString()!));
                break;
            default:
                writer.WriteStringValue(Replace(value.GetRawText()));
                break;
        }
    }

    private string Replace(string value) => _redactor is null ? Placeholder : _redactor.Redact(value);
}
