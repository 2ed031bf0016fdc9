using System.Collections.Immutable;
using LmsPrivacy.Classification;

namespace LmsPrivacy.Scorm.DataModel;

/// <summary>One element of a SCORM run-time data model, as a pattern with <c>n</c> for collection indexes.</summary>
/// <remarks>Instances are immutable and shared; obtain them from <see cref="ScormDataModel"/>.</remarks>
public sealed record ScormElement
{
    /// <summary>Gets the pattern, such as <c>cmi.interactions.n.learner_response</c>.</summary>
    public required string Pattern { get; init; }

    /// <summary>Gets the SCORM version the element belongs to.</summary>
    public required ScormVersion Version { get; init; }

    /// <summary>Gets the data type.</summary>
    public required ScormDataType DataType { get; init; }

    /// <summary>Gets what a SCO may do with the element.</summary>
    public required ScormAccess Access { get; init; }

    /// <summary>Gets the smallest permitted maximum length (2004) or the hard maximum length (1.2 strings), when the type has one.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Gets the least value allowed, when the element has a range.</summary>
    public decimal? Minimum { get; init; }

    /// <summary>Gets the greatest value allowed, when the element has a range.</summary>
    public decimal? Maximum { get; init; }

    /// <summary>Gets the allowed tokens of a vocabulary element (empty otherwise). An empty string token means "" is allowed.</summary>
    public ImmutableArray<string> Vocabulary { get; init; } = [];

    /// <summary>Gets a value indicating whether the empty string is accepted (1.2 <c>CMIBlank</c>, 2004 empty <c>language</c>).</summary>
    public bool AllowsEmpty { get; init; }

    /// <summary>Gets a value indicating whether the element is a keyword (<c>_version</c>, <c>_children</c>, <c>_count</c>).</summary>
    public bool IsKeyword { get; init; }

    /// <summary>Gets what the element's value is for GDPR purposes.</summary>
    public required DataCategory Category { get; init; }

    /// <summary>Gets one line saying why the element has its category.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the corresponding pattern in the other SCORM version, when there is one.</summary>
    public string? Equivalent { get; init; }

    /// <summary>Gets a note on how the mapping to <see cref="Equivalent"/> changes the value, when it does.</summary>
    public string? MappingNote { get; init; }

    /// <summary>Gets a value indicating whether the value is personal data when it relates to an identifiable learner.</summary>
    public bool IsPersonalData => Category.IsPersonalData();

    /// <summary>Gets the range as text (<c>-1..1</c>, <c>&gt;= 0</c>), or <see langword="null"/>.</summary>
    public string? RangeText => (Minimum, Maximum) switch
    {
        ({ } min, { } max) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{min}..{max}"),
        ({ } min, null) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $">= {min}"),
        (null, { } max) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"<= {max}"),
        _ => null,
    };

    /// <summary>Gets the access as the specs write it: <c>RO</c>, <c>WO</c> or <c>RW</c>.</summary>
    public string AccessCode => Access switch
    {
        ScormAccess.ReadOnly => "RO",
        ScormAccess.WriteOnly => "WO",
        _ => "RW",
    };

    /// <summary>Gets the spec's name of the data type, such as <c>timeinterval</c> or <c>CMITimespan</c>.</summary>
    public string TypeName => DataType switch
    {
        ScormDataType.CharacterString => "characterstring",
        ScormDataType.LocalizedString => "localized_string_type",
        ScormDataType.LongIdentifier => "long_identifier_type",
        ScormDataType.Language => "language_type",
        ScormDataType.Real => "real(10,7)",
        ScormDataType.TimeInterval => "timeinterval(second,10,2)",
        ScormDataType.Time => "time(second,10,0)",
        ScormDataType.State => Version == ScormVersion.Scorm12 ? "CMIVocabulary" : "state",
        ScormDataType.Count => Version == ScormVersion.Scorm12 ? "CMIInteger" : "integer",
        ScormDataType.InteractionResponse => "interaction response (by type)",
        ScormDataType.InteractionResult => "state or real(10,7)",
        ScormDataType.NavigationRequest => "navigation request",
        ScormDataType.CmiString255 => "CMIString255",
        ScormDataType.CmiString4096 => "CMIString4096",
        ScormDataType.CmiIdentifier => "CMIIdentifier",
        ScormDataType.CmiDecimal => AllowsEmpty ? "CMIDecimal or CMIBlank" : "CMIDecimal",
        ScormDataType.CmiSInteger => "CMISInteger",
        ScormDataType.CmiTimespan => "CMITimespan",
        ScormDataType.CmiTime => "CMITime",
        ScormDataType.CmiFeedback => "CMIFeedback (by type)",
        ScormDataType.CmiResult => "CMIVocabulary or CMIDecimal",
        _ => DataType.ToString(),
    };
}
