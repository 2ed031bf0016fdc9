using System.Text.Json;
using LmsPrivacy.Findings;
using Microsoft.Extensions.Options;

namespace LmsPrivacy.Xapi.Validation;

/// <summary>
/// Validates xAPI statements against xAPI 1.0.3 (and, with <see cref="XapiVersion.Version200"/>, the xAPI 2.0 differences):
/// every rule an LRS conformance suite checks, all findings in one pass, in document order, each with a JSON path.
/// </summary>
/// <remarks>
/// Stateless and thread-safe: one instance can validate any number of statements concurrently. Findings never repeat
/// the offending value. See <see cref="XapiRules"/> for the catalog.
/// </remarks>
public sealed class StatementValidator
{
    private readonly XapiVersion _version;
    private readonly JsonDocumentOptions _documentOptions;

    /// <summary>Initializes a validator for xAPI 1.0.3.</summary>
    public StatementValidator()
        : this(XapiVersion.Version103)
    {
    }

    /// <summary>Initializes a validator for a version.</summary>
    /// <param name="version">The version whose rules apply.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is not defined.</exception>
    public StatementValidator(XapiVersion version)
        : this(version, XapiOptions.DefaultMaxDepth)
    {
    }

    /// <summary>Initializes a validator from options (the constructor used by dependency injection).</summary>
    /// <param name="options">The options; <see cref="XapiOptions.Version"/> and <see cref="XapiOptions.MaxDepth"/> are used.</param>
    public StatementValidator(IOptions<XapiOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value.Version, options.Value.MaxDepth)
    {
    }

    private StatementValidator(XapiVersion version, int maxDepth)
    {
        if (!Enum.IsDefined(version))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown xAPI version.");
        }

        _version = version;
        _documentOptions = new JsonDocumentOptions { MaxDepth = maxDepth };
    }

    /// <summary>Gets the version whose rules apply.</summary>
    public XapiVersion Version => _version;

    /// <summary>Validates one statement.</summary>
    /// <param name="statement">The statement (a JSON object).</param>
    /// <returns>The findings, paths rooted at <c>$</c> (the statement).</returns>
    public ValidationReport Validate(JsonElement statement)
    {
        var walker = StatementWalker.Rent(_version);
        walker.Statement(statement);
        var report = walker.ToReport();
        StatementWalker.Return(walker);
        return report;
    }

    /// <summary>Validates one statement given as UTF-8 JSON; malformed JSON is a finding, not an exception.</summary>
    /// <param name="utf8Json">The UTF-8 bytes of one statement.</param>
    /// <returns>The findings.</returns>
    public ValidationReport Validate(ReadOnlyMemory<byte> utf8Json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json.Span))
        {
            return new ValidationReport([XapiRules.JsonInvalidUtf8.At("$", "The statement is not valid UTF-8.")]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, _documentOptions);
        }
        catch (JsonException ex)
        {
            return new ValidationReport([JsonError(ex, "$")]);
        }

        using (document)
        {
            return Validate(document.RootElement);
        }
    }

    /// <summary>Validates one statement given as JSON text; malformed JSON is a finding, not an exception.</summary>
    /// <param name="json">The JSON text of one statement.</param>
    /// <returns>The findings.</returns>
    public ValidationReport Validate(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Validate(System.Text.Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Validates one actor (Agent or Group) with the rules that apply to a statement's <c>actor</c>.</summary>
    /// <param name="actor">The actor.</param>
    /// <param name="version">The version whose rules apply.</param>
    /// <returns>The findings, paths rooted at <c>$</c> (the actor).</returns>
    public static ValidationReport ValidateActor(JsonElement actor, XapiVersion version = XapiVersion.Version103)
    {
        var walker = StatementWalker.Rent(version);
        walker.Actor(actor, ActorPosition.Actor);
        var report = walker.ToReport();
        StatementWalker.Return(walker);
        return report;
    }

    internal static Finding JsonError(JsonException ex, string path)
    {
        // The reader reports depth overflow as a JsonException; tell it apart so hostile nesting gets its own code.
        var tooDeep = ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase);
        var where = ex.LineNumber is { } line
            ? FormattableString.Invariant($" (line {line + 1}, byte {ex.BytePositionInLine + 1} of the line)")
            : string.Empty;
        return tooDeep
            ? XapiRules.JsonTooDeep.At(path, "The statement nests deeper than the limit" + where + ".")
            : XapiRules.JsonMalformed.At(path, "The statement is not well-formed JSON" + where + ".");
    }
}
