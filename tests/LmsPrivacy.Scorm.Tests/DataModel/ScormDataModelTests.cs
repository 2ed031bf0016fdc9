using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using LmsPrivacy.Classification;
using LmsPrivacy.Scorm.DataModel;

namespace LmsPrivacy.Scorm.Tests.DataModel;

public sealed class ScormDataModelTests
{
    public static TheoryData<string> Versions => ["2004", "1.2"];

    private static List<(string Pattern, string Access, string Limit)> ReadList(string version)
    {
        var file = version == "2004" ? "DataModel/adl-2004-elements.txt" : "DataModel/adl-12-elements.txt";
        return [.. TestFiles.ReadTestFile(file)
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(p => (p[0], p[1], p[2]))];
    }

    private static ScormDataModel Model(string version) => version == "2004" ? ScormDataModel.Scorm2004 : ScormDataModel.Scorm12;

    [Theory]
    [MemberData(nameof(Versions))]
    public void Elements_AgainstAdlList_SamePatternsInBothDirections(string version)
    {
        var expected = ReadList(version).Select(e => e.Pattern).Order(StringComparer.Ordinal).ToArray();
        var actual = Model(version).Elements.Select(e => e.Pattern).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Elements_AgainstAdlList_SameAccessAndLimits(string version)
    {
        foreach (var (pattern, access, limit) in ReadList(version))
        {
            var element = Model(version).Find(pattern);
            Assert.True(access == element.AccessCode, $"{pattern}: access {element.AccessCode}, ADL says {access}");
            var actualLimit = element.RangeText ?? element.MaxLength?.ToString(CultureInfo.InvariantCulture) ?? "-";
            Assert.True(limit == actualLimit, $"{pattern}: limit {actualLimit}, ADL says {limit}");
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Elements_KeywordsAreReadOnlyAndNamedAsKeywords(string version)
    {
        foreach (var element in Model(version).Elements)
        {
            var lastSegment = element.Pattern[(element.Pattern.LastIndexOf('.') + 1)..];
            Assert.Equal(lastSegment is "_children" or "_count" or "_version", element.IsKeyword);
            if (element.IsKeyword)
            {
                Assert.Equal(ScormAccess.ReadOnly, element.Access);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Elements_EveryEquivalentExistsInTheOtherVersion(string version)
    {
        var other = version == "2004" ? ScormDataModel.Scorm12 : ScormDataModel.Scorm2004;
        foreach (var element in Model(version).Elements.Where(e => e.Equivalent is not null))
        {
            Assert.True(other.TryFind(element.Equivalent!, out _), $"{element.Pattern} maps to unknown {element.Equivalent}");
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Elements_EveryElementHasAReason(string version)
    {
        Assert.All(Model(version).Elements, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
    }

    [Theory]
    [InlineData("cmi.learner_id", "cmi.core.student_id")]
    [InlineData("cmi.learner_name", "cmi.core.student_name")]
    [InlineData("cmi.location", "cmi.core.lesson_location")]
    [InlineData("cmi.interactions.n.learner_response", "cmi.interactions.n.student_response")]
    [InlineData("cmi.interactions.n.timestamp", "cmi.interactions.n.time")]
    [InlineData("cmi.scaled_passing_score", "cmi.student_data.mastery_score")]
    [InlineData("cmi.learner_preference.audio_captioning", "cmi.student_preference.text")]
    [InlineData("cmi.comments_from_learner.n.comment", "cmi.comments")]
    public void Equivalent_ResearchMappingTable_MapsBothWays(string pattern2004, string pattern12)
    {
        Assert.Equal(pattern12, ScormDataModel.Scorm2004.Find(pattern2004).Equivalent);
        Assert.Equal(pattern2004, ScormDataModel.Scorm12.Find(pattern12).Equivalent);
    }

    [Theory]
    [InlineData("cmi.learner_id", DataCategory.DirectIdentifier)]
    [InlineData("cmi.learner_name", DataCategory.DirectIdentifier)]
    [InlineData("cmi.suspend_data", DataCategory.LearnerContent)]
    [InlineData("cmi.comments_from_learner.7.comment", DataCategory.LearnerContent)]
    [InlineData("cmi.session_time", DataCategory.Behavioural)]
    [InlineData("cmi.score.scaled", DataCategory.AssessmentResult)]
    [InlineData("cmi.learner_preference.language", DataCategory.Preference)]
    [InlineData("cmi._version", DataCategory.Technical)]
    [InlineData("adl.data.3.store", DataCategory.LearnerContent)]
    public void Category_2004_MatchesResearchSuggestion(string path, DataCategory expected)
    {
        Assert.Equal(expected, ScormDataModel.Scorm2004.Find(path).Category);
    }

    [Theory]
    [InlineData("cmi.interactions.12.learner_response", "cmi.interactions.n.learner_response")]
    [InlineData("cmi.interactions.0.objectives.3.id", "cmi.interactions.n.objectives.n.id")]
    [InlineData("cmi.interactions.5.correct_responses.0.pattern", "cmi.interactions.n.correct_responses.n.pattern")]
    [InlineData("cmi.interactions.n.id", "cmi.interactions.n.id")]
    [InlineData("adl.nav.request_valid.choice.{target=intro.page1}", "adl.nav.request_valid.choice.{target=ID}")]
    [InlineData("adl.nav.request_valid.jump.{target=x}", "adl.nav.request_valid.jump.{target=ID}")]
    [InlineData("adl.data.0.store", "adl.data.n.store")]
    public void TryFind_ConcretePath_ResolvesToPattern(string path, string pattern)
    {
        Assert.True(ScormDataModel.Scorm2004.TryFind(path, out var element));
        Assert.Equal(pattern, element.Pattern);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cmi")]
    [InlineData("cmi.")]
    [InlineData(".cmi.learner_id")]
    [InlineData("cmi..learner_id")]
    [InlineData("cmi.learner_id.")]
    [InlineData("cmi.core.student_id")]
    [InlineData("CMI.learner_id")]
    [InlineData("cmi.interactions.-1.id")]
    [InlineData("cmi.interactions.x.id")]
    [InlineData("adl.nav.request_valid.choice.{target=x")]
    public void TryFind_Unknown2004Paths_ReturnsFalse(string path)
    {
        Assert.False(ScormDataModel.Scorm2004.TryFind(path, out _));
    }

    [Fact]
    public void TryFind_PathLongerThanLimit_ReturnsFalse()
    {
        var path = "cmi.interactions." + new string('1', ScormDataModel.MaxPathLength) + ".id";

        Assert.False(ScormDataModel.Scorm2004.TryFind(path, out _));
    }

    [Fact]
    public void TryFind_Scorm12_KnowsCoreButNot2004Names()
    {
        Assert.True(ScormDataModel.Scorm12.TryFind("cmi.core.student_name", out _));
        Assert.False(ScormDataModel.Scorm12.TryFind("cmi.learner_name", out _));
    }

    [Fact]
    public void TryFind_ConcretePath_DoesNotAllocate()
    {
        var model = ScormDataModel.Scorm2004;
        const string path = "cmi.interactions.12.learner_response";
        _ = model.TryFind(path, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _ = model.TryFind(path, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [FsCheck.Xunit.Property]
    public Property TryFind_AnyIndexes_ResolvesLikeThePattern()
    {
        var patterns = ScormDataModel.Scorm2004.Elements.Select(e => e.Pattern).Where(p => p.Contains(".n.", StringComparison.Ordinal)).ToArray();
        var gen = from pattern in Gen.Elements(patterns)
                  from a in Gen.Choose(0, 100_000)
                  from b in Gen.Choose(0, 999)
                  select (pattern, a, b);
        return Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var first = t.pattern.IndexOf(".n.", StringComparison.Ordinal);
            var concrete = t.pattern[..first] + "." + t.a.ToString(CultureInfo.InvariantCulture) + "." + t.pattern[(first + 3)..];
            concrete = concrete.Replace(".n.", "." + t.b.ToString(CultureInfo.InvariantCulture) + ".", StringComparison.Ordinal);
            return ScormDataModel.Scorm2004.TryFind(concrete, out var element) && element.Pattern == t.pattern;
        });
    }
}
