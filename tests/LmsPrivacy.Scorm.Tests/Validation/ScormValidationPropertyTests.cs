using FsCheck;
using FsCheck.Fluent;
using LmsPrivacy.Scorm.DataModel;
using LmsPrivacy.Scorm.Validation;
using NodaTime;

namespace LmsPrivacy.Scorm.Tests.Validation;

public sealed class ScormValidationPropertyTests
{
    private static readonly string[] Patterns2004 = [.. ScormDataModel.Scorm2004.Elements.Select(e => e.Pattern.Replace(".n.", ".0.", StringComparison.Ordinal))];
    private static readonly string[] Patterns12 = [.. ScormDataModel.Scorm12.Elements.Select(e => e.Pattern.Replace(".n.", ".0.", StringComparison.Ordinal))];

    [FsCheck.Xunit.Property]
    public Property ValidateSet_AnyElementAnyText_NeverThrowsAndErrorCodeMatchesFindings()
    {
        var gen = from version in Gen.Elements(ScormVersion.Scorm2004, ScormVersion.Scorm12)
                  from element in Gen.Elements(version == ScormVersion.Scorm2004 ? Patterns2004 : Patterns12)
                  from value in ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)
                  from type in Gen.Elements<string?>(null, "true-false", "choice", "fill-in", "long-fill-in", "likert", "matching", "performance", "sequencing", "numeric", "other")
                  select (version, element, value, type);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var result = ScormValueValidator.ValidateSet(t.version, t.element, t.value, t.type);
            return result.IsValid == !result.Findings.Any(f => f.IsError);
        });
    }

    [FsCheck.Xunit.Property]
    public Property FormatTimeInterval_ThenParse_IsIdentityToTheHundredth()
    {
        return Prop.ForAll(Gen.Choose(0, int.MaxValue).Select(h => (long)h * 7).ToArbitrary(), hundredths =>
        {
            var duration = Duration.FromMilliseconds(hundredths * 10);
            var text = ScormTime.FormatTimeInterval(duration);
            return ScormTime.IsTimeInterval(text) && ScormTime.ParseTimeInterval(text).ToDuration() == duration;
        });
    }

    [FsCheck.Xunit.Property]
    public Property Snapshot_ValidInteractionsInOrder_AreAllAccepted()
    {
        var gen = Gen.Choose(1, 30);
        return Prop.ForAll(gen.ToArbitrary(), count =>
        {
            var calls = Enumerable.Range(0, count).SelectMany(i => new[]
            {
                KeyValuePair.Create($"cmi.interactions.{i}.id", $"q{i}"),
                KeyValuePair.Create($"cmi.interactions.{i}.type", "numeric"),
                KeyValuePair.Create($"cmi.interactions.{i}.learner_response", $"{i}.5"),
            });
            return new ScormSnapshotValidator().Validate(ScormVersion.Scorm2004, calls).IsValid;
        });
    }
}
