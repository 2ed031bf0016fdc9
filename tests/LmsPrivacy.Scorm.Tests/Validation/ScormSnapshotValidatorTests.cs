using LmsPrivacy.Scorm.Validation;

namespace LmsPrivacy.Scorm.Tests.Validation;

public sealed class ScormSnapshotValidatorTests
{
    private static ScormSnapshotReport Validate(ScormVersion version, params (string Element, string Value)[] calls) =>
        new ScormSnapshotValidator().Validate(version, calls.Select(c => KeyValuePair.Create(c.Element, c.Value)));

    [Fact]
    public void Validate_InteractionTypeSetEarlier_GovernsLearnerResponse()
    {
        var report = Validate(ScormVersion.Scorm2004,
            ("cmi.interactions.0.id", "q1"),
            ("cmi.interactions.0.type", "true-false"),
            ("cmi.interactions.0.learner_response", "maybe"),
            ("cmi.interactions.1.id", "q2"),
            ("cmi.interactions.1.type", "other"),
            ("cmi.interactions.1.learner_response", "maybe"));

        Assert.False(report.IsValid);
        Assert.Equal([0, 0, 406, 0, 0, 0], report.Entries.Select(e => e.Result.ErrorCode));
    }

    [Fact]
    public void Validate_ResponseBeforeType_Dependency408()
    {
        var report = Validate(ScormVersion.Scorm2004, ("cmi.interactions.0.id", "q1"), ("cmi.interactions.0.learner_response", "true"));

        Assert.Equal(408, report.Entries[1].Result.ErrorCode);
        Assert.Equal("scorm.value.dependency_not_established", report.Findings.Single().Code);
    }

    [Fact]
    public void Validate_InteractionElementBeforeId_Dependency408()
    {
        var report = Validate(ScormVersion.Scorm2004, ("cmi.interactions.0.type", "choice"));

        Assert.Equal(408, report.Entries[0].Result.ErrorCode);
    }

    [Fact]
    public void Validate_ObjectiveStatusBeforeId_Dependency408()
    {
        var report = Validate(ScormVersion.Scorm2004, ("cmi.objectives.0.success_status", "passed"));

        Assert.Equal(408, report.Entries[0].Result.ErrorCode);
    }

    [Fact]
    public void Validate_IndexSkipsAhead_351In2004And201In12()
    {
        var r2004 = Validate(ScormVersion.Scorm2004, ("cmi.interactions.1.id", "q2"));
        var r12 = Validate(ScormVersion.Scorm12, ("cmi.interactions.1.id", "q2"));

        Assert.Equal(351, r2004.Entries[0].Result.ErrorCode);
        Assert.Equal(201, r12.Entries[0].Result.ErrorCode);
        Assert.Equal("scorm.value.index_out_of_order", r2004.Findings.Single().Code);
    }

    [Fact]
    public void Validate_NestedCollectionsInOrder_Valid()
    {
        var report = Validate(ScormVersion.Scorm2004,
            ("cmi.interactions.0.id", "q1"),
            ("cmi.interactions.0.type", "choice"),
            ("cmi.interactions.0.objectives.0.id", "obj1"),
            ("cmi.interactions.0.correct_responses.0.pattern", "a[,]b"),
            ("cmi.interactions.0.correct_responses.1.pattern", "c"),
            ("cmi.comments_from_learner.0.comment", "Great"),
            ("cmi.comments_from_learner.1.comment", "Again"));

        Assert.True(report.IsValid, string.Join("; ", report.Findings));
    }

    [Fact]
    public void Validate_DuplicateObjectiveId_351()
    {
        var report = Validate(ScormVersion.Scorm2004,
            ("cmi.objectives.0.id", "obj1"),
            ("cmi.objectives.1.id", "obj1"),
            ("cmi.objectives.0.id", "obj2"),
            ("cmi.objectives.0.id", "obj1"));

        Assert.Equal([0, 351, 351, 0], report.Entries.Select(e => e.Result.ErrorCode));
    }

    [Fact]
    public void Validate_FailedIdDoesNotCreateEntry_NextIndexStillOutOfOrder()
    {
        var report = Validate(ScormVersion.Scorm2004, ("cmi.interactions.0.id", "bad id"), ("cmi.interactions.1.id", "q2"));

        Assert.Equal([406, 351], report.Entries.Select(e => e.Result.ErrorCode));
    }

    [Fact]
    public void Validate_Scorm12TypeGovernsStudentResponse_NoDependencyRule()
    {
        var report = Validate(ScormVersion.Scorm12,
            ("cmi.interactions.0.student_response", "anything"),
            ("cmi.interactions.0.type", "true-false"),
            ("cmi.interactions.0.student_response", "x"));

        Assert.Equal([0, 0, 405], report.Entries.Select(e => e.Result.ErrorCode));
    }

    [Fact]
    public void Validate_ReadOnlyInSnapshot_404()
    {
        var report = Validate(ScormVersion.Scorm2004, ("cmi.learner_id", "u1"));

        Assert.Equal(404, report.Entries[0].Result.ErrorCode);
    }

    [Fact]
    public void Validate_MoreThanLimit_FindingAndStops()
    {
        var calls = Enumerable.Range(0, 5).Select(i => KeyValuePair.Create("cmi.location", "p" + i));

        var report = new ScormSnapshotValidator(3).Validate(ScormVersion.Scorm2004, calls);

        Assert.Equal(3, report.Entries.Length);
        Assert.Equal("scorm.snapshot.too_many_elements", report.Findings.Single().Code);
        Assert.False(report.IsValid);
    }
}
