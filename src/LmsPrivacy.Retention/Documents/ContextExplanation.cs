using LmsPrivacy.Findings;
using LmsPrivacy.Legal;
using LmsPrivacy.Retention.Clock;
using LmsPrivacy.Retention.Evaluation;
using LmsPrivacy.Retention.Registry;

namespace LmsPrivacy.Retention.Documents;

/// <summary>Why a context has the status it has, in words: which purpose, from where, which anchor, which date.</summary>
public sealed record ContextExplanation
{
    /// <summary>Gets the context.</summary>
    public required RetentionContext Context { get; init; }

    /// <summary>Gets how the purpose and category were resolved.</summary>
    public required ResolutionExplanation Resolution { get; init; }

    /// <summary>Gets the effective purpose, if any.</summary>
    public Purpose? Purpose { get; init; }

    /// <summary>Gets the effective category, if any.</summary>
    public DataCategoryDefinition? Category { get; init; }

    /// <summary>Gets the evaluation row (<see langword="null"/> when the registry has errors).</summary>
    public ContextEvaluation? Evaluation { get; init; }

    /// <summary>Gets the explanation, one sentence per line, in order: context, resolution, purpose, anchor, expiry, status.</summary>
    public required IReadOnlyList<string> Lines { get; init; }

    /// <summary>Gets the findings about this context, and registry errors.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    internal static ContextExplanation Create(RetentionDocument document, RetentionContext context, RetentionReport report)
    {
        var resolver = new PurposeResolver(document.Registry, document.Tree);
        var resolution = resolver.Explain(context);
        var purpose = resolution.Purpose.Id is { } pid ? document.Registry.FindPurpose(pid) : null;
        var category = resolution.Category.Id is { } cid ? document.Registry.FindCategory(cid) : null;
        var row = report.Find(context.Id);
        var zone = document.Evaluator.Clock.Zone;
        var lines = new List<string>();
        var parent = context.ParentId is { } p ? document.Tree.Find(p) : null;
        lines.Add(parent is null
            ? $"Context: {PurposeResolver.Describe(context)}, the root."
            : $"Context: {PurposeResolver.Describe(context)}, under {PurposeResolver.Describe(parent)}.");
        lines.AddRange(resolution.Steps);
        if (purpose is not null)
        {
            var bases = purpose.LawfulBases.Count == 0 ? "no lawful basis (an error)" : string.Join(", ", purpose.LawfulBases.Select(static b => $"{b.ToCode()} ({b.Article()})"));
            var overrides = purpose.RoleOverrides.Count == 0
                ? "no role overrides"
                : "role overrides: " + string.Join("; ", purpose.RoleOverrides.Select(static o => $"{o.Role} {PeriodText.Describe(o.Retention)}{(o.Protected ? " (protected)" : string.Empty)}"));
            var conditions = purpose.SpecialCategoryConditions.Count == 0
                ? string.Empty
                : "; special-category condition " + string.Join(", ", purpose.SpecialCategoryConditions.Select(static c => $"{c.ToCode()} ({c.Article()})"));
            lines.Add($"Purpose '{purpose.Name}' ({purpose.Id}): lawful basis {bases}{conditions}; keeps data {PeriodText.Describe(purpose.Retention)}; {(purpose.Protected ? "protected against erasure requests while the clock runs" : "not protected")}; {overrides}.");
        }

        if (category is not null)
        {
            lines.Add($"Data category: '{category.Name}' ({category.Id}).");
        }

        if (row is not null)
        {
            lines.Add(row.Anchor.At is { } at
                ? $"Anchor: {AnchorName(row.Anchor.Kind)} {PeriodText.When(at, zone)}{(row.Anchor.FromContextId is { } from && from != context.Id ? $", taken from {from}" : string.Empty)}."
                : row.Anchor.Kind == AnchorKind.None ? "Anchor: none applies." : $"Anchor: the {AnchorName(row.Anchor.Kind)} is missing, so the clock never starts.");
            if (row.ExpiresAt is { } expires)
            {
                lines.Add($"Expiry: {PeriodText.When(expires, zone)} ({zone.Id}); data counts as expired from that moment on.");
            }

            lines.Add($"Status on {PeriodText.When(report.EvaluatedAt, zone)}: {row.Status.ToCode()}. {row.Reason}");
        }
        else
        {
            lines.Add("The registry has errors, so the context could not be evaluated; see the findings.");
        }

        var path = RetentionEvaluator.PathOf(context.Id);
        return new ContextExplanation
        {
            Context = context,
            Resolution = resolution,
            Purpose = purpose,
            Category = category,
            Evaluation = row,
            Lines = lines,
            Findings = [.. report.Findings.Where(f => f.IsError || string.Equals(f.Path, path, StringComparison.Ordinal))],
        };
    }

    private static string AnchorName(AnchorKind kind) => kind switch
    {
        AnchorKind.CourseEnd => "course end date",
        AnchorKind.LastAccess => "user's last access",
        AnchorKind.AccountDeleted => "account deletion",
        AnchorKind.FixedDate => "fixed date",
        AnchorKind.Host => "host-provided date",
        _ => "anchor",
    };
}
