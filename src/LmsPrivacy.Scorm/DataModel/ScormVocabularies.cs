using System.Collections.Immutable;

namespace LmsPrivacy.Scorm.DataModel;

/// <summary>The vocabularies (state values) of both data models, exactly as the specs spell them.</summary>
public static class ScormVocabularies
{
    /// <summary>Gets 2004 <c>cmi.completion_status</c> and <c>cmi.objectives.n.completion_status</c>.</summary>
    public static ImmutableArray<string> CompletionStatus { get; } = ["completed", "incomplete", "not attempted", "unknown"];

    /// <summary>Gets 2004 <c>cmi.success_status</c> and <c>cmi.objectives.n.success_status</c>.</summary>
    public static ImmutableArray<string> SuccessStatus { get; } = ["passed", "failed", "unknown"];

    /// <summary>Gets 2004 <c>cmi.exit</c> (<c>logout</c> is deprecated in 4th Edition).</summary>
    public static ImmutableArray<string> Exit2004 { get; } = ["time-out", "suspend", "logout", "normal", ""];

    /// <summary>Gets 1.2 <c>cmi.core.exit</c>.</summary>
    public static ImmutableArray<string> Exit12 { get; } = ["time-out", "suspend", "logout", ""];

    /// <summary>Gets <c>cmi.entry</c> / <c>cmi.core.entry</c>.</summary>
    public static ImmutableArray<string> Entry { get; } = ["ab-initio", "resume", ""];

    /// <summary>Gets <c>cmi.mode</c> / <c>cmi.core.lesson_mode</c>.</summary>
    public static ImmutableArray<string> Mode { get; } = ["browse", "normal", "review"];

    /// <summary>Gets <c>cmi.credit</c> / <c>cmi.core.credit</c>.</summary>
    public static ImmutableArray<string> Credit { get; } = ["credit", "no-credit"];

    /// <summary>Gets <c>cmi.time_limit_action</c> / <c>cmi.student_data.time_limit_action</c>.</summary>
    public static ImmutableArray<string> TimeLimitAction { get; } = ["exit,message", "continue,message", "exit,no message", "continue,no message"];

    /// <summary>Gets 2004 <c>cmi.interactions.n.type</c>.</summary>
    public static ImmutableArray<string> InteractionType2004 { get; } =
        ["true-false", "choice", "fill-in", "long-fill-in", "likert", "matching", "performance", "sequencing", "numeric", "other"];

    /// <summary>Gets 1.2 <c>cmi.interactions.n.type</c>.</summary>
    public static ImmutableArray<string> InteractionType12 { get; } =
        ["true-false", "choice", "fill-in", "numeric", "likert", "matching", "performance", "sequencing"];

    /// <summary>Gets the 2004 tokens of <c>cmi.interactions.n.result</c> (a real is also accepted).</summary>
    public static ImmutableArray<string> InteractionResult2004 { get; } = ["correct", "incorrect", "unanticipated", "neutral"];

    /// <summary>Gets the 1.2 tokens of <c>cmi.interactions.n.result</c> (a CMIDecimal is also accepted).</summary>
    public static ImmutableArray<string> InteractionResult12 { get; } = ["correct", "wrong", "unanticipated", "neutral"];

    /// <summary>Gets 2004 <c>cmi.learner_preference.audio_captioning</c>.</summary>
    public static ImmutableArray<string> AudioCaptioning { get; } = ["-1", "0", "1"];

    /// <summary>Gets the values a 1.2 SCO may set in <c>cmi.core.lesson_status</c> (<c>not attempted</c> is LMS-only).</summary>
    public static ImmutableArray<string> LessonStatusSet12 { get; } = ["passed", "completed", "failed", "incomplete", "browsed"];

    /// <summary>Gets 1.2 <c>cmi.objectives.n.status</c>.</summary>
    public static ImmutableArray<string> ObjectiveStatus12 { get; } = ["passed", "completed", "failed", "incomplete", "browsed", "not attempted"];

    /// <summary>Gets the 2004 <c>adl.nav.request_valid.*</c> values.</summary>
    public static ImmutableArray<string> RequestValid { get; } = ["true", "false", "unknown"];

    /// <summary>Gets the 2004 <c>adl.nav.request</c> tokens without a target (<c>choice</c> and <c>jump</c> need <c>{target=…}</c>).</summary>
    public static ImmutableArray<string> NavigationRequest { get; } =
        ["continue", "previous", "exit", "exitAll", "abandon", "abandonAll", "suspendAll", "_none_"];
}
