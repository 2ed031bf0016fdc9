using LmsPrivacy.Legal;

namespace LmsPrivacy.Ropa.Records;

/// <summary>One processing activity: a row of the register (an ICO template line, a CNIL "fiche").</summary>
/// <remarks>Instances are immutable.</remarks>
public sealed record ProcessingActivity
{
    /// <summary>Gets the stable identifier of the activity within the record, such as <c>registration</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the activity's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the business function responsible (the ICO template's first column).</summary>
    public string? BusinessFunction { get; init; }

    /// <summary>Gets, for a processor record, the name of the controller on whose behalf the activity is carried out (Art. 30(2)(b)).</summary>
    public string? Controller { get; init; }

    /// <summary>Gets, for a processor record, the categories of processing carried out (Art. 30(2)(b)), such as hosting or support.</summary>
    public IReadOnlyList<string> CategoriesOfProcessing { get; init => field = value ?? []; } = [];

    /// <summary>Gets the purposes, each with its lawful basis (Art. 30(1)(b), Art. 6(1)).</summary>
    public IReadOnlyList<Purpose> Purposes { get; init => field = value ?? []; } = [];

    /// <summary>Gets the categories of data subjects, such as <c>employees</c> or <c>learners</c> (Art. 30(1)(c)).</summary>
    public IReadOnlyList<string> DataSubjects { get; init => field = value ?? []; } = [];

    /// <summary>Gets the categories of personal data (Art. 30(1)(c)), each optionally with its own retention.</summary>
    public IReadOnlyList<DataItem> PersonalData { get; init => field = value ?? []; } = [];

    /// <summary>Gets the Art. 9(2) conditions relied on for special-category data.</summary>
    public IReadOnlyList<SpecialCategoryCondition> SpecialCategoryConditions { get; init => field = value ?? []; } = [];

    /// <summary>Gets a value indicating whether the data subjects are the controller's employees or workers (Recital 43, Art. 88).</summary>
    public bool Employment { get; init; }

    /// <summary>Gets what is known about children among the data subjects (Art. 8), or <see langword="null"/> if there are none.</summary>
    public ChildrenInfo? Children { get; init; }

    /// <summary>Gets the ids of the recipients (from <see cref="RecordOfProcessing.Recipients"/>); <see langword="null"/> means not stated, empty means none (Art. 30(1)(d)).</summary>
    public IReadOnlyList<string>? Recipients { get; init; }

    /// <summary>Gets the envisaged time limit for erasure of the whole activity's data (Art. 30(1)(f)).</summary>
    public Retention? Retention { get; init; }

    /// <summary>Gets the activity's own security measures, added to the record-wide ones (Art. 30(1)(g)).</summary>
    public IReadOnlyList<string> SecurityMeasures { get; init => field = value ?? []; } = [];

    /// <summary>Gets where the personal data come from (ICO "should document").</summary>
    public string? Source { get; init; }

    /// <summary>Gets a value indicating whether the activity involves automated decision-making or profiling (Art. 22).</summary>
    public bool AutomatedDecisionMaking { get; init; }

    /// <summary>Gets the DPIA status or a link to it (Art. 35).</summary>
    public string? Dpia { get; init; }
}
