using System.Collections.Immutable;
using LmsPrivacy.Classification;
using static LmsPrivacy.Classification.DataCategory;
using static LmsPrivacy.Scorm.DataModel.ScormAccess;
using static LmsPrivacy.Scorm.DataModel.ScormDataType;

namespace LmsPrivacy.Scorm.DataModel;

/// <summary>
/// The element tables. Sources: SCORM 2004 4th Edition RTE book §4.2 (as encoded in ADL's Sample RTE
/// <c>SCORM_2004_DM</c>/<c>SCORM_2004_NAV_DM</c>) and SCORM 1.2 RTE §3.4.
/// </summary>
internal static class ScormCatalogData
{
    private const string IdReason = "Identifies content (objective or interaction ids), not the learner.";
    private const string ScoreReason = "The learner's score: an assessment result.";
    private const string TimingReason = "When and for how long the learner worked: behavioural tracking.";

    public static ImmutableArray<ScormElement> Scorm2004 { get; } = Build2004();

    public static ImmutableArray<ScormElement> Scorm12 { get; } = Build12();

    private static ImmutableArray<ScormElement> Build2004()
    {
        const ScormVersion v = ScormVersion.Scorm2004;
        return
        [
            Keyword(v, "cmi._version", CharacterString, "The data model version (\"1.0\"), not about the learner.", "cmi._version"),
            Keyword(v, "cmi.comments_from_learner._children", CharacterString, "Keyword listing supported children."),
            Keyword(v, "cmi.comments_from_learner._count", Count, "Number of comments; reveals only that the learner commented.", category: Behavioural),
            E(v, "cmi.comments_from_learner.n.comment", LocalizedString, ReadWrite, LearnerContent, "Free text the learner wrote; may contain anything.", len: 4000, eq: "cmi.comments", note: "1.2 keeps one CMIString4096; 2004 a collection of comments."),
            E(v, "cmi.comments_from_learner.n.location", CharacterString, ReadWrite, Behavioural, "Where in the content the learner commented.", len: 250),
            E(v, "cmi.comments_from_learner.n.timestamp", Time, ReadWrite, Behavioural, "When the learner commented."),
            Keyword(v, "cmi.comments_from_lms._children", CharacterString, "Keyword listing supported children."),
            Keyword(v, "cmi.comments_from_lms._count", Count, "Number of LMS comments."),
            E(v, "cmi.comments_from_lms.n.comment", LocalizedString, ReadOnly, Technical, "Comments authored for the content; may hold an instructor's words, not the learner's.", len: 4000, eq: "cmi.comments_from_lms", note: "1.2 keeps one CMIString4096."),
            E(v, "cmi.comments_from_lms.n.location", CharacterString, ReadOnly, Technical, "Where the LMS comment applies in the content.", len: 250),
            E(v, "cmi.comments_from_lms.n.timestamp", Time, ReadOnly, Technical, "When the LMS comment was made."),
            E(v, "cmi.completion_status", State, ReadWrite, Behavioural, "Whether the learner finished the content: progress tracking.", vocab: ScormVocabularies.CompletionStatus, eq: "cmi.core.lesson_status", note: "1.2 lesson_status splits into completion_status and success_status."),
            E(v, "cmi.completion_threshold", Real, ReadOnly, Technical, "Course configuration from the manifest.", min: 0, max: 1),
            E(v, "cmi.credit", State, ReadOnly, QuasiIdentifier, "Whether the attempt counts for credit: enrolment context.", vocab: ScormVocabularies.Credit, eq: "cmi.core.credit"),
            E(v, "cmi.entry", State, ReadOnly, Behavioural, "Whether the learner is resuming an attempt.", vocab: ScormVocabularies.Entry, eq: "cmi.core.entry"),
            E(v, "cmi.exit", State, WriteOnly, Behavioural, "How the learner left the session.", vocab: ScormVocabularies.Exit2004, eq: "cmi.core.exit", note: "2004 adds \"normal\"."),
            Keyword(v, "cmi.interactions._children", CharacterString, "Keyword listing supported children."),
            Keyword(v, "cmi.interactions._count", Count, "Number of recorded interactions: how much the learner answered.", category: Behavioural),
            E(v, "cmi.interactions.n.id", LongIdentifier, ReadWrite, Technical, IdReason, len: 4000, eq: "cmi.interactions.n.id"),
            E(v, "cmi.interactions.n.type", State, ReadWrite, Technical, "The question type: content metadata.", vocab: ScormVocabularies.InteractionType2004, eq: "cmi.interactions.n.type", note: "2004 adds long-fill-in and other."),
            Keyword(v, "cmi.interactions.n.objectives._count", Count, "Number of objectives of an interaction."),
            E(v, "cmi.interactions.n.objectives.n.id", LongIdentifier, ReadWrite, Technical, IdReason, len: 4000, eq: "cmi.interactions.n.objectives.n.id"),
            E(v, "cmi.interactions.n.timestamp", Time, ReadWrite, Behavioural, "When the learner answered.", eq: "cmi.interactions.n.time", note: "1.2 CMITime is a time of day; 2004 a full timestamp."),
            Keyword(v, "cmi.interactions.n.correct_responses._count", Count, "Number of correct-response patterns."),
            E(v, "cmi.interactions.n.correct_responses.n.pattern", InteractionResponse, ReadWrite, Technical, "The answer key: content, not about the learner.", eq: "cmi.interactions.n.correct_responses.n.pattern"),
            E(v, "cmi.interactions.n.weighting", Real, ReadWrite, Technical, "The question's weight: content configuration.", eq: "cmi.interactions.n.weighting"),
            E(v, "cmi.interactions.n.learner_response", InteractionResponse, ReadWrite, LearnerContent, "The learner's answer; free text for fill-in, long-fill-in and other.", eq: "cmi.interactions.n.student_response"),
            E(v, "cmi.interactions.n.result", InteractionResult, ReadWrite, AssessmentResult, "Whether the learner's answer was right.", vocab: ScormVocabularies.InteractionResult2004, eq: "cmi.interactions.n.result", note: "1.2 \"wrong\" becomes \"incorrect\"."),
            E(v, "cmi.interactions.n.latency", TimeInterval, ReadWrite, Behavioural, "How long the learner took to answer.", eq: "cmi.interactions.n.latency", note: "CMITimespan becomes an ISO 8601 duration."),
            E(v, "cmi.interactions.n.description", LocalizedString, ReadWrite, Technical, "The question text: content.", len: 250),
            E(v, "cmi.launch_data", CharacterString, ReadOnly, Technical, "Content configuration from the manifest.", len: 4000, eq: "cmi.launch_data"),
            E(v, "cmi.learner_id", LongIdentifier, ReadOnly, DirectIdentifier, "The LMS's identifier of the learner: identifies them on its own within the LMS.", len: 4000, eq: "cmi.core.student_id"),
            E(v, "cmi.learner_name", LocalizedString, ReadOnly, DirectIdentifier, "The learner's name.", len: 250, eq: "cmi.core.student_name"),
            Keyword(v, "cmi.learner_preference._children", CharacterString, "Keyword listing supported children."),
            E(v, "cmi.learner_preference.audio_level", Real, ReadWrite, Preference, "The learner's audio preference.", min: 0, eq: "cmi.student_preference.audio", note: "1.2 -1..100 becomes a real >= 0 (1 = normal)."),
            E(v, "cmi.learner_preference.language", Language, ReadWrite, Preference, "The learner's language; can hint at origin (quasi-identifying).", len: 250, empty: true, eq: "cmi.student_preference.language"),
            E(v, "cmi.learner_preference.delivery_speed", Real, ReadWrite, Preference, "The learner's speed preference.", min: 0, eq: "cmi.student_preference.speed", note: "1.2 -100..100 becomes a real >= 0 (1 = normal)."),
            E(v, "cmi.learner_preference.audio_captioning", State, ReadWrite, Preference, "Caption preference; can hint at a hearing impairment (Art. 9 adjacent).", vocab: ScormVocabularies.AudioCaptioning, eq: "cmi.student_preference.text"),
            E(v, "cmi.location", CharacterString, ReadWrite, Behavioural, "Where the learner stopped: navigation state.", len: 1000, eq: "cmi.core.lesson_location", note: "255 characters become SPM 1000."),
            E(v, "cmi.max_time_allowed", TimeInterval, ReadOnly, Technical, "Time limit configured for the content.", eq: "cmi.student_data.max_time_allowed", note: "CMITimespan becomes an ISO 8601 duration."),
            E(v, "cmi.mode", State, ReadOnly, Behavioural, "Whether the learner is browsing, taking or reviewing the attempt.", vocab: ScormVocabularies.Mode, eq: "cmi.core.lesson_mode"),
            Keyword(v, "cmi.objectives._children", CharacterString, "Keyword listing supported children."),
            Keyword(v, "cmi.objectives._count", Count, "Number of objectives."),
            E(v, "cmi.objectives.n.id", LongIdentifier, ReadWrite, Technical, IdReason, len: 4000, eq: "cmi.objectives.n.id"),
            Keyword(v, "cmi.objectives.n.score._children", CharacterString, "Keyword listing supported children."),
            E(v, "cmi.objectives.n.score.scaled", Real, ReadWrite, AssessmentResult, ScoreReason, min: -1, max: 1),
            E(v, "cmi.objectives.n.score.raw", Real, ReadWrite, AssessmentResult, ScoreReason, eq: "cmi.objectives.n.score.raw"),
            E(v, "cmi.objectives.n.score.min", Real, ReadWrite, Technical, "The scale's lower bound: content configuration.", eq: "cmi.objectives.n.score.min"),
            E(v, "cmi.objectives.n.score.max", Real, ReadWrite, Technical, "The scale's upper bound: content configuration.", eq: "cmi.objectives.n.score.max"),
            E(v, "cmi.objectives.n.success_status", State, ReadWrite, AssessmentResult, "Whether the learner mastered the objective.", vocab: ScormVocabularies.SuccessStatus, eq: "cmi.objectives.n.status", note: "1.2 status splits into success_status and completion_status."),
            E(v, "cmi.objectives.n.completion_status", State, ReadWrite, Behavioural, "Whether the learner finished the objective.", vocab: ScormVocabularies.CompletionStatus, eq: "cmi.objectives.n.status"),
            E(v, "cmi.objectives.n.progress_measure", Real, ReadWrite, Behavioural, "How far the learner got in the objective.", min: 0, max: 1),
            E(v, "cmi.objectives.n.description", LocalizedString, ReadWrite, Technical, "The objective's description: content.", len: 250),
            E(v, "cmi.progress_measure", Real, ReadWrite, Behavioural, "How far the learner got.", min: 0, max: 1),
            E(v, "cmi.scaled_passing_score", Real, ReadOnly, Technical, "Pass mark configured for the content.", min: -1, max: 1, eq: "cmi.student_data.mastery_score", note: "1.2 0..100 becomes -1..1."),
            Keyword(v, "cmi.score._children", CharacterString, "Keyword listing supported children."),
            E(v, "cmi.score.scaled", Real, ReadWrite, AssessmentResult, ScoreReason, min: -1, max: 1),
            E(v, "cmi.score.raw", Real, ReadWrite, AssessmentResult, ScoreReason, eq: "cmi.core.score.raw"),
            E(v, "cmi.score.min", Real, ReadWrite, Technical, "The scale's lower bound: content configuration.", eq: "cmi.core.score.min"),
            E(v, "cmi.score.max", Real, ReadWrite, Technical, "The scale's upper bound: content configuration.", eq: "cmi.core.score.max"),
            E(v, "cmi.session_time", TimeInterval, WriteOnly, Behavioural, TimingReason, eq: "cmi.core.session_time", note: "CMITimespan becomes an ISO 8601 duration."),
            E(v, "cmi.success_status", State, ReadWrite, AssessmentResult, "Whether the learner passed.", vocab: ScormVocabularies.SuccessStatus, eq: "cmi.core.lesson_status", note: "1.2 lesson_status splits into completion_status and success_status."),
            E(v, "cmi.suspend_data", CharacterString, ReadWrite, LearnerContent, "Opaque state the content saves; authoring tools store typed answers and names in it.", len: 64000, eq: "cmi.suspend_data", note: "4096 characters become SPM 64000."),
            E(v, "cmi.time_limit_action", State, ReadOnly, Technical, "Content configuration from the manifest.", vocab: ScormVocabularies.TimeLimitAction, eq: "cmi.student_data.time_limit_action"),
            E(v, "cmi.total_time", TimeInterval, ReadOnly, Behavioural, TimingReason, eq: "cmi.core.total_time", note: "CMITimespan becomes an ISO 8601 duration."),
            E(v, "adl.nav.request", NavigationRequest, ReadWrite, Behavioural, "The learner's navigation request."),
            E(v, "adl.nav.request_valid.continue", State, ReadOnly, Technical, "Whether a request would be allowed: sequencing state.", vocab: ScormVocabularies.RequestValid),
            E(v, "adl.nav.request_valid.previous", State, ReadOnly, Technical, "Whether a request would be allowed: sequencing state.", vocab: ScormVocabularies.RequestValid),
            E(v, "adl.nav.request_valid.choice.{target=ID}", State, ReadOnly, Technical, "Whether a request would be allowed; the target is an activity id.", vocab: ScormVocabularies.RequestValid),
            E(v, "adl.nav.request_valid.jump.{target=ID}", State, ReadOnly, Technical, "Whether a request would be allowed; the target is an activity id.", vocab: ScormVocabularies.RequestValid),
            Keyword(v, "adl.data._children", CharacterString, "Keyword listing supported children (id,store)."),
            Keyword(v, "adl.data._count", Count, "Number of shared data buckets mapped to the SCO."),
            E(v, "adl.data.n.id", LongIdentifier, ReadOnly, Technical, "The shared bucket's id from the manifest.", len: 4000),
            E(v, "adl.data.n.store", CharacterString, ReadWrite, LearnerContent, "Opaque learner state shared across SCOs; may hold anything, like suspend_data.", len: 64000),
        ];
    }

    private static ImmutableArray<ScormElement> Build12()
    {
        const ScormVersion v = ScormVersion.Scorm12;
        const string Score12 = "CMIDecimal 0..100 or blank.";
        return
        [
            Keyword(v, "cmi._children", CmiString255, "Keyword listing supported children."),
            Keyword(v, "cmi._version", CmiString255, "The data model version (\"3.4\"), not about the learner.", "cmi._version"),
            Keyword(v, "cmi.core._children", CmiString255, "Keyword listing supported children."),
            E(v, "cmi.core.student_id", CmiIdentifier, ReadOnly, DirectIdentifier, "The LMS's identifier of the learner.", len: 255, eq: "cmi.learner_id"),
            E(v, "cmi.core.student_name", CmiString255, ReadOnly, DirectIdentifier, "The learner's name.", len: 255, eq: "cmi.learner_name"),
            E(v, "cmi.core.lesson_location", CmiString255, ReadWrite, Behavioural, "Where the learner stopped: navigation state.", len: 255, eq: "cmi.location"),
            E(v, "cmi.core.credit", State, ReadOnly, QuasiIdentifier, "Whether the attempt counts for credit: enrolment context.", vocab: ScormVocabularies.Credit, eq: "cmi.credit"),
            E(v, "cmi.core.lesson_status", State, ReadWrite, AssessmentResult, "Pass, fail and completion in one value.", vocab: ScormVocabularies.LessonStatusSet12, eq: "cmi.completion_status", note: "Also maps to cmi.success_status (passed/failed)."),
            E(v, "cmi.core.entry", State, ReadOnly, Behavioural, "Whether the learner is resuming an attempt.", vocab: ScormVocabularies.Entry, eq: "cmi.entry"),
            Keyword(v, "cmi.core.score._children", CmiString255, "Keyword listing supported children."),
            E(v, "cmi.core.score.raw", CmiDecimal, ReadWrite, AssessmentResult, ScoreReason, min: 0, max: 100, empty: true, eq: "cmi.score.raw", note: Score12),
            E(v, "cmi.core.score.max", CmiDecimal, ReadWrite, Technical, "The scale's upper bound: content configuration.", min: 0, max: 100, empty: true, eq: "cmi.score.max"),
            E(v, "cmi.core.score.min", CmiDecimal, ReadWrite, Technical, "The scale's lower bound: content configuration.", min: 0, max: 100, empty: true, eq: "cmi.score.min"),
            E(v, "cmi.core.total_time", CmiTimespan, ReadOnly, Behavioural, TimingReason, eq: "cmi.total_time"),
            E(v, "cmi.core.lesson_mode", State, ReadOnly, Behavioural, "Whether the learner is browsing, taking or reviewing the attempt.", vocab: ScormVocabularies.Mode, eq: "cmi.mode"),
            E(v, "cmi.core.exit", State, WriteOnly, Behavioural, "How the learner left the session.", vocab: ScormVocabularies.Exit12, eq: "cmi.exit"),
            E(v, "cmi.core.session_time", CmiTimespan, WriteOnly, Behavioural, TimingReason, eq: "cmi.session_time"),
            E(v, "cmi.suspend_data", CmiString4096, ReadWrite, LearnerContent, "Opaque state the content saves; authoring tools store typed answers and names in it.", len: 4096, eq: "cmi.suspend_data"),
            E(v, "cmi.launch_data", CmiString4096, ReadOnly, Technical, "Content configuration from the manifest.", len: 4096, eq: "cmi.launch_data"),
            E(v, "cmi.comments", CmiString4096, ReadWrite, LearnerContent, "Free text the learner wrote; may contain anything.", len: 4096, eq: "cmi.comments_from_learner.n.comment"),
            E(v, "cmi.comments_from_lms", CmiString4096, ReadOnly, Technical, "Comments authored for the content, not by the learner.", len: 4096, eq: "cmi.comments_from_lms.n.comment"),
            Keyword(v, "cmi.objectives._children", CmiString255, "Keyword listing supported children."),
            Keyword(v, "cmi.objectives._count", Count, "Number of objectives."),
            E(v, "cmi.objectives.n.id", CmiIdentifier, ReadWrite, Technical, IdReason, len: 255, eq: "cmi.objectives.n.id"),
            Keyword(v, "cmi.objectives.n.score._children", CmiString255, "Keyword listing supported children."),
            E(v, "cmi.objectives.n.score.raw", CmiDecimal, ReadWrite, AssessmentResult, ScoreReason, min: 0, max: 100, empty: true, eq: "cmi.objectives.n.score.raw"),
            E(v, "cmi.objectives.n.score.max", CmiDecimal, ReadWrite, Technical, "The scale's upper bound: content configuration.", min: 0, max: 100, empty: true, eq: "cmi.objectives.n.score.max"),
            E(v, "cmi.objectives.n.score.min", CmiDecimal, ReadWrite, Technical, "The scale's lower bound: content configuration.", min: 0, max: 100, empty: true, eq: "cmi.objectives.n.score.min"),
            E(v, "cmi.objectives.n.status", State, ReadWrite, AssessmentResult, "Whether the learner mastered or finished the objective.", vocab: ScormVocabularies.ObjectiveStatus12, eq: "cmi.objectives.n.success_status", note: "Also maps to cmi.objectives.n.completion_status."),
            Keyword(v, "cmi.student_data._children", CmiString255, "Keyword listing supported children."),
            E(v, "cmi.student_data.mastery_score", CmiDecimal, ReadOnly, Technical, "Pass mark configured for the content.", min: 0, max: 100, eq: "cmi.scaled_passing_score", note: "0..100 becomes -1..1."),
            E(v, "cmi.student_data.max_time_allowed", CmiTimespan, ReadOnly, Technical, "Time limit configured for the content.", eq: "cmi.max_time_allowed"),
            E(v, "cmi.student_data.time_limit_action", State, ReadOnly, Technical, "Content configuration from the manifest.", vocab: ScormVocabularies.TimeLimitAction, eq: "cmi.time_limit_action"),
            Keyword(v, "cmi.student_preference._children", CmiString255, "Keyword listing supported children."),
            E(v, "cmi.student_preference.audio", CmiSInteger, ReadWrite, Preference, "The learner's audio preference.", min: -1, max: 100, eq: "cmi.learner_preference.audio_level"),
            E(v, "cmi.student_preference.language", CmiString255, ReadWrite, Preference, "The learner's language; can hint at origin (quasi-identifying).", len: 255, eq: "cmi.learner_preference.language"),
            E(v, "cmi.student_preference.speed", CmiSInteger, ReadWrite, Preference, "The learner's speed preference.", min: -100, max: 100, eq: "cmi.learner_preference.delivery_speed"),
            E(v, "cmi.student_preference.text", CmiSInteger, ReadWrite, Preference, "Caption preference; can hint at a hearing impairment (Art. 9 adjacent).", min: -1, max: 1, eq: "cmi.learner_preference.audio_captioning"),
            Keyword(v, "cmi.interactions._children", CmiString255, "Keyword listing supported children."),
            Keyword(v, "cmi.interactions._count", Count, "Number of recorded interactions: how much the learner answered.", category: Behavioural),
            E(v, "cmi.interactions.n.id", CmiIdentifier, WriteOnly, Technical, IdReason, len: 255, eq: "cmi.interactions.n.id"),
            Keyword(v, "cmi.interactions.n.objectives._count", Count, "Number of objectives of an interaction."),
            E(v, "cmi.interactions.n.objectives.n.id", CmiIdentifier, WriteOnly, Technical, IdReason, len: 255, eq: "cmi.interactions.n.objectives.n.id"),
            E(v, "cmi.interactions.n.time", CmiTime, WriteOnly, Behavioural, "When (time of day) the learner answered.", eq: "cmi.interactions.n.timestamp"),
            E(v, "cmi.interactions.n.type", State, WriteOnly, Technical, "The question type: content metadata.", vocab: ScormVocabularies.InteractionType12, eq: "cmi.interactions.n.type"),
            Keyword(v, "cmi.interactions.n.correct_responses._count", Count, "Number of correct-response patterns."),
            E(v, "cmi.interactions.n.correct_responses.n.pattern", CmiFeedback, WriteOnly, Technical, "The answer key: content, not about the learner.", eq: "cmi.interactions.n.correct_responses.n.pattern"),
            E(v, "cmi.interactions.n.weighting", CmiDecimal, WriteOnly, Technical, "The question's weight: content configuration.", eq: "cmi.interactions.n.weighting"),
            E(v, "cmi.interactions.n.student_response", CmiFeedback, WriteOnly, LearnerContent, "The learner's answer; free text for fill-in and performance.", eq: "cmi.interactions.n.learner_response"),
            E(v, "cmi.interactions.n.result", CmiResult, WriteOnly, AssessmentResult, "Whether the learner's answer was right.", vocab: ScormVocabularies.InteractionResult12, eq: "cmi.interactions.n.result"),
            E(v, "cmi.interactions.n.latency", CmiTimespan, WriteOnly, Behavioural, "How long the learner took to answer.", eq: "cmi.interactions.n.latency"),
        ];
    }

    private static ScormElement Keyword(ScormVersion version, string pattern, ScormDataType type, string reason, string? equivalent = null, DataCategory category = Technical) =>
        new()
        {
            Pattern = pattern,
            Version = version,
            DataType = type,
            Access = ReadOnly,
            IsKeyword = true,
            Category = category,
            Reason = reason,
            Equivalent = equivalent,
        };

    private static ScormElement E(
        ScormVersion version,
        string pattern,
        ScormDataType type,
        ScormAccess access,
        DataCategory category,
        string reason,
        int? len = null,
        decimal? min = null,
        decimal? max = null,
        ImmutableArray<string> vocab = default,
        bool empty = false,
        string? eq = null,
        string? note = null) =>
        new()
        {
            Pattern = pattern,
            Version = version,
            DataType = type,
            Access = access,
            Category = category,
            Reason = reason,
            MaxLength = len,
            Minimum = min,
            Maximum = max,
            Vocabulary = vocab.IsDefault ? [] : vocab,
            AllowsEmpty = empty,
            Equivalent = eq,
            MappingNote = note,
        };
}
