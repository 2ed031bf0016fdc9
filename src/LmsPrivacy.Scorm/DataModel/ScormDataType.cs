namespace LmsPrivacy.Scorm.DataModel;

/// <summary>The data types of the SCORM 2004 (IEEE 1484.11.1) and SCORM 1.2 (CMI) run-time data models.</summary>
public enum ScormDataType
{
    /// <summary>2004 <c>characterstring</c>: any ISO 10646 text up to the element's SPM.</summary>
    CharacterString = 0,

    /// <summary>2004 <c>localized_string_type</c>: optional <c>{lang=…}</c> delimiter, then text.</summary>
    LocalizedString,

    /// <summary>2004 <c>long_identifier_type</c>: a URI, SPM 4000.</summary>
    LongIdentifier,

    /// <summary>2004 <c>language_type</c>: an RFC 3066 language tag (empty allowed for <c>cmi.learner_preference.language</c>).</summary>
    Language,

    /// <summary>2004 <c>real(10,7)</c>, with the element's range.</summary>
    Real,

    /// <summary>2004 <c>timeinterval(second,10,2)</c>: an ISO 8601 duration subset.</summary>
    TimeInterval,

    /// <summary>2004 <c>time(second,10,0)</c>: an ISO 8601 timestamp subset, years 1970–2038.</summary>
    Time,

    /// <summary>A vocabulary (2004 <c>state</c>, 1.2 <c>CMIVocabulary</c>): exact, case-sensitive tokens.</summary>
    State,

    /// <summary>A non-negative integer: the <c>_count</c> keyword (2004 integer, 1.2 CMIInteger).</summary>
    Count,

    /// <summary>2004 <c>cmi.interactions.n.learner_response</c> / <c>correct_responses.n.pattern</c>: format governed by the interaction type.</summary>
    InteractionResponse,

    /// <summary>2004 <c>cmi.interactions.n.result</c>: a result token or a real.</summary>
    InteractionResult,

    /// <summary>2004 <c>adl.nav.request</c>: a navigation request, optionally with a <c>{target=…}</c> delimiter.</summary>
    NavigationRequest,

    /// <summary>1.2 <c>CMIString255</c>: text of at most 255 characters (a hard limit).</summary>
    CmiString255,

    /// <summary>1.2 <c>CMIString4096</c>: text of at most 4096 characters (a hard limit).</summary>
    CmiString4096,

    /// <summary>1.2 <c>CMIIdentifier</c>: 1–255 printable characters without white space.</summary>
    CmiIdentifier,

    /// <summary>1.2 <c>CMIDecimal</c> (or <c>CMIBlank</c> where the element allows it).</summary>
    CmiDecimal,

    /// <summary>1.2 <c>CMISInteger</c>: a signed integer with the element's range.</summary>
    CmiSInteger,

    /// <summary>1.2 <c>CMITimespan</c>: <c>HHHH:MM:SS.SS</c>.</summary>
    CmiTimespan,

    /// <summary>1.2 <c>CMITime</c>: a time of day, <c>HH:MM:SS.SS</c>.</summary>
    CmiTime,

    /// <summary>1.2 <c>CMIFeedback</c>: <c>student_response</c> / <c>correct_responses.n.pattern</c>, format governed by the interaction type.</summary>
    CmiFeedback,

    /// <summary>1.2 <c>cmi.interactions.n.result</c>: a result token or a <c>CMIDecimal</c>.</summary>
    CmiResult,
}
