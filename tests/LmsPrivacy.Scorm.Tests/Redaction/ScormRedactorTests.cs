using LmsPrivacy.Classification;
using LmsPrivacy.Pseudonymization;
using LmsPrivacy.Scorm.Redaction;

namespace LmsPrivacy.Scorm.Tests.Redaction;

public sealed class ScormRedactorTests
{
    private static readonly Pseudonymizer Pseudonymizer = new(new PseudonymKey("k1", Enumerable.Range(0, 32).Select(i => (byte)i).ToArray()));

    private static readonly KeyValuePair<string, string>[] Snapshot =
    [
        KeyValuePair.Create("cmi.learner_id", "u-829301"),
        KeyValuePair.Create("cmi.learner_name", "Doe, Jane"),
        KeyValuePair.Create("cmi.score.scaled", "0.84"),
        KeyValuePair.Create("cmi.suspend_data", "{\"name\":\"Jane\"}"),
        KeyValuePair.Create("cmi.location", "page-3"),
        KeyValuePair.Create("cmi.learner_preference.language", "de-DE"),
        KeyValuePair.Create("cmi.vendor_extension", "x"),
    ];

    [Fact]
    public void Redact_PseudonymizePreset_IdentifiersPseudonymizedContentDropped()
    {
        var result = new ScormRedactor(ScormRedactionPolicy.Pseudonymized, Pseudonymizer).Redact(ScormVersion.Scorm2004, Snapshot);

        Assert.Equal(["cmi.learner_id", "cmi.learner_name", "cmi.score.scaled", "cmi.location", "cmi.learner_preference.language"], result.Snapshot.Select(p => p.Key));
        Assert.True(Pseudonymizer.Verify(result.Snapshot[0].Value, "u-829301"));
        Assert.True(Pseudonymizer.Verify(result.Snapshot[1].Value, "Doe, Jane"));
        Assert.Equal("0.84", result.Snapshot[2].Value);
        Assert.Equal(
            [ScormRedactionAction.Pseudonymize, ScormRedactionAction.Pseudonymize, ScormRedactionAction.Keep, ScormRedactionAction.Drop, ScormRedactionAction.Keep, ScormRedactionAction.Keep, ScormRedactionAction.Drop],
            result.Decisions.Select(d => d.Action));
        Assert.Null(result.Decisions[^1].Category);
    }

    [Fact]
    public void Redact_StatisticsPreset_NoIdentifierSurvives()
    {
        var result = new ScormRedactor(ScormRedactionPolicy.Statistics).Redact(ScormVersion.Scorm2004, Snapshot);

        Assert.Equal(["cmi.score.scaled"], result.Snapshot.Select(p => p.Key));
    }

    [Fact]
    public void Redact_HashAction_Sha256HexOfValue()
    {
        var policy = ScormRedactionPolicy.Parse("""{"default":"drop","elements":{"cmi.learner_id":"hash"}}""");

        var result = new ScormRedactor(policy).Redact(ScormVersion.Scorm2004, Snapshot);

        // python3 -c "import hashlib;print(hashlib.sha256(b'u-829301').hexdigest())"
        Assert.Equal("2d52f21f050af1b66ee786812a02f559d70965504c2d4186bbde66b94c1a666e", result.Snapshot.Single().Value);
    }

    [Fact]
    public void Redact_ElementOverrideWithConcreteIndex_AppliesToPattern()
    {
        var policy = ScormRedactionPolicy.Parse("""{"default":"drop","elements":{"cmi.interactions.7.result":"keep"}}""");
        KeyValuePair<string, string>[] snapshot = [KeyValuePair.Create("cmi.interactions.0.result", "correct"), KeyValuePair.Create("cmi.interactions.0.id", "q1")];

        var result = new ScormRedactor(policy).Redact(ScormVersion.Scorm2004, snapshot);

        Assert.Equal(["cmi.interactions.0.result"], result.Snapshot.Select(p => p.Key));
    }

    [Fact]
    public void Constructor_PseudonymizingPolicyWithoutKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ScormRedactor(ScormRedactionPolicy.Minimal));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"default\":\"erase\"}")]
    [InlineData("{\"categories\":{\"secret-stuff\":\"drop\"}}")]
    [InlineData("{\"elements\":[]}")]
    [InlineData("{\"other\":1}")]
    [InlineData("{not json")]
    public void TryParse_InvalidPolicies_FalseWithError(string json)
    {
        Assert.False(ScormRedactionPolicy.TryParse(json, out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_SamplePolicy_Parses()
    {
        var policy = ScormRedactionPolicy.Parse(TestFiles.ReadRepositoryFile("samples/scorm/redaction-policy.json"));

        Assert.Equal(ScormRedactionAction.Pseudonymize, policy.ActionFor("cmi.learner_id", DataCategory.DirectIdentifier));
        Assert.Equal(ScormRedactionAction.Keep, policy.ActionFor("cmi.location", DataCategory.Behavioural));
        Assert.Equal(ScormRedactionAction.Drop, policy.ActionFor(null, null));
    }

    [Fact]
    public void ClassifySnapshot_CodedResponse_AssessmentResultButFreeTextStaysContent()
    {
        KeyValuePair<string, string>[] snapshot =
        [
            KeyValuePair.Create("cmi.interactions.0.type", "choice"),
            KeyValuePair.Create("cmi.interactions.0.learner_response", "a"),
            KeyValuePair.Create("cmi.interactions.1.type", "fill-in"),
            KeyValuePair.Create("cmi.interactions.1.learner_response", "my words"),
            KeyValuePair.Create("cmi.interactions.2.learner_response", "no type"),
        ];

        var result = ScormClassifier.ClassifySnapshot(ScormVersion.Scorm2004, snapshot);

        Assert.Equal(DataCategory.AssessmentResult, result[1].Category);
        Assert.Equal(DataCategory.LearnerContent, result[3].Category);
        Assert.Equal(DataCategory.LearnerContent, result[4].Category);
    }

    [Fact]
    public void Classify_UnknownElement_PersonalByDefault()
    {
        var result = ScormClassifier.Classify(ScormVersion.Scorm12, ["cmi.core.student_name", "cmi.learner_name"]);

        Assert.True(result[0].Known);
        Assert.Equal(DataCategory.DirectIdentifier, result[0].Category);
        Assert.False(result[1].Known);
        Assert.True(result[1].IsPersonalData);
    }
}
