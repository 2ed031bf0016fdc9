using System.Diagnostics.CodeAnalysis;
using LmsPrivacy.Findings;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;
using NodaTime;

namespace LmsPrivacy.Retention.Documents;

/// <summary>
/// A registry document: the registry, the context tree and the options in one JSON file
/// (docs/schemas/retention-registry.schema.json). Used by the CLI and <c>lmsprivacy check</c>.
/// </summary>
public sealed class RetentionDocument
{
    /// <summary>The deepest JSON nesting accepted.</summary>
    public const int MaximumJsonDepth = 16;

    /// <summary>The most contexts accepted in one document.</summary>
    public const int MaximumContexts = 5_000_000;

    /// <summary>The most purposes (and categories) accepted in one document.</summary>
    public const int MaximumPurposes = 10_000;

    /// <summary>The longest string accepted.</summary>
    public const int MaximumStringLength = 4_096;

    internal RetentionDocument(RetentionRegistry registry, InMemoryContextTree tree, RetentionOptions options, IReadOnlyList<Finding> findings)
    {
        Registry = registry;
        Tree = tree;
        Options = options;
        Findings = findings;
        Evaluator = new RetentionEvaluator(registry, options);
    }

    /// <summary>Gets the registry.</summary>
    public RetentionRegistry Registry { get; }

    /// <summary>Gets the context tree.</summary>
    public InMemoryContextTree Tree { get; }

    /// <summary>Gets the options (time zone, open-ended courses, activity guard).</summary>
    public RetentionOptions Options { get; }

    /// <summary>Gets non-error findings raised while reading (errors make parsing fail).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>Gets the evaluator configured from the document.</summary>
    public RetentionEvaluator Evaluator { get; }

    /// <summary>Reads a document, reporting every problem as a finding.</summary>
    /// <param name="utf8">The UTF-8 JSON text.</param>
    /// <param name="document">The document, when the method returns <see langword="true"/>.</param>
    /// <param name="findings">Every problem found (and warnings when it succeeds).</param>
    /// <returns><see langword="true"/> when the document could be read (registry errors are reported by evaluation).</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out RetentionDocument? document, out IReadOnlyList<Finding> findings)
    {
        var reader = new RetentionDocumentReader();
        document = reader.Read(utf8);
        findings = reader.Findings;
        return document is not null;
    }

    /// <summary>Reads a document, throwing when it cannot be read.</summary>
    /// <param name="utf8">The UTF-8 JSON text.</param>
    /// <returns>The document.</returns>
    /// <exception cref="PrivacyValidationException">The document has errors.</exception>
    public static RetentionDocument Parse(ReadOnlySpan<byte> utf8)
    {
        if (TryParse(utf8, out var document, out var findings))
        {
            return document;
        }

        new ValidationReport(findings).ThrowIfInvalid();
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>
    /// Reads a document and evaluates it at <paramref name="now"/> in one call (what <c>lmsprivacy check</c> uses):
    /// rows, summary and findings; an unreadable document gives a report with its findings and no rows.
    /// </summary>
    /// <param name="utf8">The UTF-8 JSON text.</param>
    /// <param name="now">The evaluation instant.</param>
    /// <returns>The report.</returns>
    public static RetentionReport Evaluate(ReadOnlySpan<byte> utf8, Instant now) =>
        TryParse(utf8, out var document, out var findings) ? document.Evaluate(now) : new RetentionReport(now, [], findings);

    /// <summary>Evaluates the document's tree at <paramref name="now"/>; reading warnings come first in the findings.</summary>
    /// <param name="now">The evaluation instant.</param>
    /// <returns>The report.</returns>
    public RetentionReport Evaluate(Instant now)
    {
        var report = Evaluator.Evaluate(Tree, now);
        return Findings.Count == 0 ? report : new RetentionReport(now, report.Contexts, [.. Findings, .. report.Findings]);
    }

    /// <summary>Explains one context at <paramref name="now"/>: the purpose resolution, the anchor, the expiry and the status.</summary>
    /// <param name="contextId">The context.</param>
    /// <param name="now">The evaluation instant.</param>
    /// <returns>The explanation, or <see langword="null"/> when the context is not in the tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contextId"/> is <see langword="null"/>.</exception>
    public ContextExplanation? Explain(string contextId, Instant now)
    {
        ArgumentNullException.ThrowIfNull(contextId);
        if (Tree.Find(contextId) is not { } context)
        {
            return null;
        }

        var report = Evaluate(now);
        return ContextExplanation.Create(this, context, report);
    }
}
