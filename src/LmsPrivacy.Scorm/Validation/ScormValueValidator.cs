using System.Collections.Immutable;
using LmsPrivacy.Findings;
using LmsPrivacy.Scorm.DataModel;

namespace LmsPrivacy.Scorm.Validation;

/// <summary>
/// Checks single SetValue/GetValue calls against the data model: element known, access, keyword, data type, range and
/// SPM, reporting the SCORM error code an LMS would return alongside <see cref="ScormRules"/> findings.
/// </summary>
/// <remarks>
/// Stateless and thread-safe. A valid value with nothing to report returns <see cref="ScormSetResult.Success"/> without
/// allocating. In SCORM 2004 a value longer than the SPM is valid with a <see cref="ScormRules.ValueSpmExceeded"/>
/// warning (error 0); in 1.2 the CMIString lengths are hard limits (405). Interaction responses are checked against the
/// interaction type when it is given; <see cref="ScormSnapshotValidator"/> tracks types across a sequence of calls.
/// </remarks>
public static class ScormValueValidator
{
    /// <summary>Checks <c>SetValue(element, value)</c>.</summary>
    /// <param name="version">The SCORM version.</param>
    /// <param name="element">The concrete element path, such as <c>cmi.interactions.0.result</c>.</param>
    /// <param name="value">The value.</param>
    /// <param name="interactionType">For interaction responses: the interaction's type, when known.</param>
    /// <returns>The error code and findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="element"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    public static ScormSetResult ValidateSet(ScormVersion version, string element, string value, string? interactionType = null)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(value);
        if (!ScormDataModel.For(version).TryFind(element, out var descriptor))
        {
            return Fail(version == ScormVersion.Scorm12 ? ScormErrorCodes.InvalidArgument12 : ScormErrorCodes.UndefinedElement2004,
                ScormRules.ElementUnknown.At(element, $"This is not a SCORM {version.ToCode()} data model element."));
        }

        if (descriptor.IsKeyword)
        {
            return Fail(version == ScormVersion.Scorm12 ? ScormErrorCodes.Keyword12 : ScormErrorCodes.ReadOnly2004,
                ScormRules.ElementKeyword.At(element, "Keywords are maintained by the LMS; a SCO cannot set them."));
        }

        if (descriptor.Access == ScormAccess.ReadOnly)
        {
            return Fail(version == ScormVersion.Scorm12 ? ScormErrorCodes.ReadOnly12 : ScormErrorCodes.ReadOnly2004,
                ScormRules.ElementReadOnly.At(element, "The element is read-only; only the LMS sets it."));
        }

        return ValidateValue(descriptor, element, value, interactionType);
    }

    /// <summary>Checks <c>GetValue(element)</c>: the element exists and is readable.</summary>
    /// <param name="version">The SCORM version.</param>
    /// <param name="element">The concrete element path.</param>
    /// <returns>The error code and findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="element"/> is <see langword="null"/>.</exception>
    public static ScormSetResult ValidateGet(ScormVersion version, string element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (!ScormDataModel.For(version).TryFind(element, out var descriptor))
        {
            return Fail(version == ScormVersion.Scorm12 ? ScormErrorCodes.InvalidArgument12 : ScormErrorCodes.UndefinedElement2004,
                ScormRules.ElementUnknown.At(element, $"This is not a SCORM {version.ToCode()} data model element."));
        }

        return descriptor.Access == ScormAccess.WriteOnly
            ? Fail(version == ScormVersion.Scorm12 ? ScormErrorCodes.WriteOnly12 : ScormErrorCodes.WriteOnly2004,
                ScormRules.ElementWriteOnly.At(element, "The element is write-only; a SCO cannot read it back."))
            : ScormSetResult.Success;
    }

    /// <summary>Checks a value against an element's data type, range and SPM (no access check).</summary>
    /// <param name="element">The element descriptor.</param>
    /// <param name="path">The concrete path, used in findings.</param>
    /// <param name="value">The value.</param>
    /// <param name="interactionType">For interaction responses: the interaction's type, when known.</param>
    /// <returns>The error code and findings.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static ScormSetResult ValidateValue(ScormElement element, string path, string value, string? interactionType = null)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        var v12 = element.Version == ScormVersion.Scorm12;
        return ValueChecks.Check(element, value, interactionType) switch
        {
            ValueCheck.Ok => ScormSetResult.Success,
            ValueCheck.SpmExceeded => new ScormSetResult(0, [ScormRules.ValueSpmExceeded.At(path, SpmMessage(element, value))]),
            ValueCheck.Deprecated => new ScormSetResult(0, [ScormRules.ValueDeprecated.At(path, "\"logout\" is deprecated in 4th Edition; use \"normal\" or \"suspend\".")]),
            ValueCheck.TooLong => Fail(ScormErrorCodes.IncorrectDataType12,
                ScormRules.ValueTooLong.At(path, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The value has {value.Length} characters; {element.TypeName} allows at most {element.MaxLength ?? 255}."))),
            ValueCheck.OutOfRange => Fail(v12 ? ScormErrorCodes.IncorrectDataType12 : ScormErrorCodes.OutOfRange2004,
                ScormRules.ValueOutOfRange.At(path, $"The number must be in the range {element.RangeText}.")),
            _ => Fail(v12 ? ScormErrorCodes.IncorrectDataType12 : ScormErrorCodes.TypeMismatch2004,
                ScormRules.ValueTypeMismatch.At(path, TypeMessage(element, interactionType))),
        };
    }

    internal static ScormSetResult Fail(int code, Finding finding) => new(code, [finding]);

    private static string SpmMessage(ScormElement element, string value) => element.DataType == ScormDataType.InteractionResponse
        ? "The response is longer than the SPMs of its interaction type; an LMS may truncate it."
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The value has {value.Length} characters; the SPM is {element.MaxLength}, so an LMS may truncate it.");

    private static string TypeMessage(ScormElement element, string? interactionType) => element.DataType switch
    {
        ScormDataType.State => $"The value must be one of the {element.Vocabulary.Length} tokens of the vocabulary (case-sensitive).",
        ScormDataType.InteractionResponse or ScormDataType.CmiFeedback => $"The value does not match the response format of a '{interactionType ?? "unknown"}' interaction.",
        _ => $"The value is not a valid {element.TypeName}.",
    };

    /// <summary>Gets every finding of a set of results, in order.</summary>
    /// <param name="results">The results.</param>
    /// <returns>The findings.</returns>
    internal static ImmutableArray<Finding> Flatten(IEnumerable<ScormSetResult> results) => [.. results.SelectMany(r => r.Findings)];
}
