using LmsPrivacy.Findings;
using LmsPrivacy.Scorm.Validation;

namespace LmsPrivacy.Scorm.Tests.Validation;

public sealed class ScormValueValidatorTests
{
    private const ScormVersion V2004 = ScormVersion.Scorm2004;
    private const ScormVersion V12 = ScormVersion.Scorm12;

    [Theory]
    [InlineData("cmi.score.scaled", "1", 0)]
    [InlineData("cmi.score.scaled", "-1", 0)]
    [InlineData("cmi.score.scaled", "1.0000001", 407)]
    [InlineData("cmi.score.scaled", "-1.5", 407)]
    [InlineData("cmi.score.scaled", "abc", 406)]
    [InlineData("cmi.score.scaled", "1e0", 406)]
    [InlineData("cmi.score.raw", "0.000099999887765544", 0)]
    [InlineData("cmi.score.raw", "-7.000099999887765544", 0)]
    [InlineData("cmi.score.raw", "", 406)]
    [InlineData("cmi.progress_measure", "0", 0)]
    [InlineData("cmi.progress_measure", "1.01", 407)]
    [InlineData("cmi.learner_preference.audio_level", "1000", 0)]
    [InlineData("cmi.learner_preference.audio_level", "-0.1", 407)]
    [InlineData("cmi.completion_status", "completed", 0)]
    [InlineData("cmi.completion_status", "not attempted", 0)]
    [InlineData("cmi.completion_status", "Completed", 406)]
    [InlineData("cmi.success_status", "passed", 0)]
    [InlineData("cmi.success_status", "browsed", 406)]
    [InlineData("cmi.exit", "", 0)]
    [InlineData("cmi.exit", "normal", 0)]
    [InlineData("cmi.exit", "quit", 406)]
    [InlineData("cmi.session_time", "PT1H", 0)]
    [InlineData("cmi.session_time", "01:00:00", 406)]
    [InlineData("cmi.learner_preference.language", "", 0)]
    [InlineData("cmi.learner_preference.language", "en-US", 0)]
    [InlineData("cmi.learner_preference.language", "ES", 0)]
    [InlineData("cmi.learner_preference.language", "english", 406)]
    [InlineData("cmi.learner_preference.audio_captioning", "-1", 0)]
    [InlineData("cmi.learner_preference.audio_captioning", "2", 406)]
    [InlineData("cmi.comments_from_learner.0.comment", "{lang=en}Nice", 0)]
    [InlineData("cmi.comments_from_learner.0.comment", "{lang=}Nice", 406)]
    [InlineData("cmi.comments_from_learner.0.timestamp", "2004-04-01T09:45:58Z", 406)]
    [InlineData("cmi.objectives.0.id", "urn:adl:lmsTest/OBJ01", 0)]
    [InlineData("cmi.objectives.0.id", "INT1", 0)]
    [InlineData("cmi.objectives.0.id", "urn:", 406)]
    [InlineData("cmi.objectives.0.id", "has space", 406)]
    [InlineData("cmi.objectives.0.id", "", 406)]
    [InlineData("adl.nav.request", "continue", 0)]
    [InlineData("adl.nav.request", "{target=intro}choice", 0)]
    [InlineData("adl.nav.request", "{target=intro}jump", 0)]
    [InlineData("adl.nav.request", "start", 406)]
    [InlineData("adl.nav.request", "choice", 406)]
    [InlineData("cmi.interactions.0.result", "incorrect", 0)]
    [InlineData("cmi.interactions.0.result", "0.5", 0)]
    [InlineData("cmi.interactions.0.result", "wrong", 406)]
    public void ValidateSet_2004BoundaryCases_ErrorCode(string element, string value, int errorCode)
    {
        var result = ScormValueValidator.ValidateSet(V2004, element, value);

        Assert.Equal(errorCode, result.ErrorCode);
        Assert.Equal(errorCode == 0, result.IsValid);
        Assert.Equal(errorCode != 0, result.Findings.Any(f => f.IsError));
    }

    [Theory]
    [InlineData("cmi.learner_name", 404, "scorm.element.read_only")]
    [InlineData("cmi._version", 404, "scorm.element.keyword")]
    [InlineData("cmi.interactions._count", 404, "scorm.element.keyword")]
    [InlineData("cmi.nonsense", 401, "scorm.element.unknown")]
    [InlineData("cmi.core.lesson_status", 401, "scorm.element.unknown")]
    public void ValidateSet_2004AccessErrors_CodeAndRule(string element, int errorCode, string rule)
    {
        var result = ScormValueValidator.ValidateSet(V2004, element, "x");

        Assert.Equal(errorCode, result.ErrorCode);
        Assert.Equal(rule, Assert.Single(result.Findings).Code);
    }

    [Theory]
    [InlineData("cmi.core.student_name", 403, "scorm.element.read_only")]
    [InlineData("cmi.core._children", 402, "scorm.element.keyword")]
    [InlineData("cmi.learner_name", 201, "scorm.element.unknown")]
    public void ValidateSet_12AccessErrors_CodeAndRule(string element, int errorCode, string rule)
    {
        var result = ScormValueValidator.ValidateSet(V12, element, "x");

        Assert.Equal(errorCode, result.ErrorCode);
        Assert.Equal(rule, Assert.Single(result.Findings).Code);
    }

    [Theory]
    [InlineData(V2004, "cmi.session_time", 405)]
    [InlineData(V2004, "cmi.exit", 405)]
    [InlineData(V12, "cmi.interactions.0.student_response", 404)]
    [InlineData(V2004, "cmi.learner_name", 0)]
    public void ValidateGet_WriteOnly_Refused(ScormVersion version, string element, int errorCode)
    {
        Assert.Equal(errorCode, ScormValueValidator.ValidateGet(version, element).ErrorCode);
    }

    [Fact]
    public void ValidateSet_2004SuspendDataOverSpm_ValidWithWarning()
    {
        var result = ScormValueValidator.ValidateSet(V2004, "cmi.suspend_data", new string('x', 64001));

        Assert.True(result.IsValid);
        Assert.Equal(0, result.ErrorCode);
        var finding = Assert.Single(result.Findings);
        Assert.Equal("scorm.value.spm_exceeded", finding.Code);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void ValidateSet_2004SuspendDataAtSpm_NoFinding()
    {
        Assert.Same(ScormValueValidator.ValidateSet(V2004, "cmi.suspend_data", new string('x', 64000)), ScormSetResult.Success);
    }

    [Fact]
    public void ValidateSet_2004LocalizedDelimiter_NotCountedTowardSpm()
    {
        // ADL DMI: 4,000 characters after a 12-character delimiter are error 0 without truncation.
        var result = ScormValueValidator.ValidateSet(V2004, "cmi.comments_from_learner.0.comment", "{lang=en-US}" + new string('a', 4000));

        Assert.Empty(result.Findings);
    }

    [Fact]
    public void ValidateSet_Logout_ValidButDeprecated()
    {
        var result = ScormValueValidator.ValidateSet(V2004, "cmi.exit", "logout");

        Assert.True(result.IsValid);
        Assert.Equal("scorm.value.deprecated", Assert.Single(result.Findings).Code);
    }

    [Theory]
    [InlineData("cmi.suspend_data", 4096, 0)]
    [InlineData("cmi.suspend_data", 4097, 405)]
    [InlineData("cmi.core.lesson_location", 255, 0)]
    [InlineData("cmi.core.lesson_location", 256, 405)]
    [InlineData("cmi.comments", 4097, 405)]
    public void ValidateSet_12Lengths_HardLimits(string element, int length, int errorCode)
    {
        var result = ScormValueValidator.ValidateSet(V12, element, new string('a', length));

        Assert.Equal(errorCode, result.ErrorCode);
        if (errorCode != 0)
        {
            Assert.Equal("scorm.value.too_long", Assert.Single(result.Findings).Code);
        }
    }

    [Theory]
    [InlineData("cmi.core.score.raw", "", 0)]
    [InlineData("cmi.core.score.raw", "100", 0)]
    [InlineData("cmi.core.score.raw", "100.1", 405)]
    [InlineData("cmi.core.score.raw", "-1", 405)]
    [InlineData("cmi.core.score.raw", "abc", 405)]
    [InlineData("cmi.core.lesson_status", "passed", 0)]
    [InlineData("cmi.core.lesson_status", "not attempted", 405)]
    [InlineData("cmi.core.lesson_status", "unknown", 405)]
    [InlineData("cmi.core.exit", "logout", 0)]
    [InlineData("cmi.core.exit", "normal", 405)]
    [InlineData("cmi.core.session_time", "0000:01:30.5", 0)]
    [InlineData("cmi.core.session_time", "PT1M30S", 405)]
    [InlineData("cmi.student_preference.audio", "-1", 0)]
    [InlineData("cmi.student_preference.audio", "101", 405)]
    [InlineData("cmi.student_preference.audio", "1.5", 405)]
    [InlineData("cmi.student_preference.speed", "-100", 0)]
    [InlineData("cmi.student_preference.text", "2", 405)]
    [InlineData("cmi.objectives.0.id", "obj-1", 0)]
    [InlineData("cmi.objectives.0.id", "obj 1", 405)]
    [InlineData("cmi.objectives.0.status", "not attempted", 0)]
    [InlineData("cmi.interactions.0.time", "13:45:00", 0)]
    [InlineData("cmi.interactions.0.time", "25:00:00", 405)]
    [InlineData("cmi.interactions.0.result", "wrong", 0)]
    [InlineData("cmi.interactions.0.result", "incorrect", 405)]
    [InlineData("cmi.interactions.0.result", "3.5", 0)]
    [InlineData("cmi.interactions.0.type", "long-fill-in", 405)]
    public void ValidateSet_12BoundaryCases_ErrorCode(string element, string value, int errorCode)
    {
        Assert.Equal(errorCode, ScormValueValidator.ValidateSet(V12, element, value).ErrorCode);
    }

    [Theory]
    [InlineData("true-false", "true", 0)]
    [InlineData("true-false", "1", 406)]
    [InlineData("choice", "a[,]b[,]c", 0)]
    [InlineData("choice", "", 0)]
    [InlineData("choice", "a[,]a", 406)]
    [InlineData("choice", "a b", 406)]
    [InlineData("sequencing", "a[,]a[,]b", 0)]
    [InlineData("fill-in", "{lang=de}Haus[,]car", 0)]
    [InlineData("fill-in", "{lang=}Haus", 406)]
    [InlineData("long-fill-in", "a long answer", 0)]
    [InlineData("likert", "agree", 0)]
    [InlineData("likert", "", 406)]
    [InlineData("matching", "a[.]1[,]b[.]2", 0)]
    [InlineData("matching", "a-1", 406)]
    [InlineData("performance", "step1[.]done[,][.]42", 0)]
    [InlineData("performance", "[.]", 406)]
    [InlineData("numeric", "3.14", 0)]
    [InlineData("numeric", "pi", 406)]
    [InlineData("other", "anything at all", 0)]
    public void ValidateSet_2004LearnerResponseByType_ErrorCode(string type, string value, int errorCode)
    {
        Assert.Equal(errorCode, ScormValueValidator.ValidateSet(V2004, "cmi.interactions.0.learner_response", value, type).ErrorCode);
    }

    [Theory]
    [InlineData("numeric", "1[:]5", 0)]
    [InlineData("numeric", "[:]5", 0)]
    [InlineData("numeric", "5[:]1", 406)]
    [InlineData("fill-in", "{case_matters=true}{order_matters=false}a[,]b", 0)]
    [InlineData("fill-in", "{case_matters=yes}a", 406)]
    [InlineData("long-fill-in", "{order_matters=true}a", 406)]
    [InlineData("performance", "{order_matters=false}s1[.]a", 0)]
    public void ValidateSet_2004CorrectResponsePattern_DelimitersAndRanges(string type, string value, int errorCode)
    {
        Assert.Equal(errorCode, ScormValueValidator.ValidateSet(V2004, "cmi.interactions.0.correct_responses.0.pattern", value, type).ErrorCode);
    }

    [Fact]
    public void ValidateSet_2004FillInOverTenStrings_ValidWithSpmWarning()
    {
        var value = string.Join("[,]", Enumerable.Range(0, 11).Select(i => "w" + i));

        var result = ScormValueValidator.ValidateSet(V2004, "cmi.interactions.0.learner_response", value, "fill-in");

        Assert.True(result.IsValid);
        Assert.Equal("scorm.value.spm_exceeded", Assert.Single(result.Findings).Code);
    }

    [Theory]
    [InlineData("true-false", "t", 0)]
    [InlineData("true-false", "true", 405)]
    [InlineData("choice", "a,b,c", 0)]
    [InlineData("choice", "{a,b}", 0)]
    [InlineData("choice", "ab", 405)]
    [InlineData("matching", "a.1,b.2", 0)]
    [InlineData("matching", "a1", 405)]
    [InlineData("likert", "5", 0)]
    [InlineData("numeric", "12.5", 0)]
    [InlineData("fill-in", "free text answer", 0)]
    public void ValidateSet_12StudentResponseByType_ErrorCode(string type, string value, int errorCode)
    {
        Assert.Equal(errorCode, ScormValueValidator.ValidateSet(V12, "cmi.interactions.0.student_response", value, type).ErrorCode);
    }

    [Fact]
    public void ValidateSet_Findings_NeverEchoTheValue()
    {
        const string secret = "Jane.Doe@example.org with spaces";

        var results = new[]
        {
            ScormValueValidator.ValidateSet(V2004, "cmi.objectives.0.id", secret),
            ScormValueValidator.ValidateSet(V2004, "cmi.completion_status", secret),
            ScormValueValidator.ValidateSet(V12, "cmi.core.lesson_location", secret + new string('x', 300)),
        };

        Assert.All(results.SelectMany(r => r.Findings), f => Assert.DoesNotContain("Jane", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateSet_ValidValue_DoesNotAllocate()
    {
        _ = ScormValueValidator.ValidateSet(V2004, "cmi.interactions.3.latency", "PT1M5.5S");
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            _ = ScormValueValidator.ValidateSet(V2004, "cmi.interactions.3.latency", "PT1M5.5S");
            _ = ScormValueValidator.ValidateSet(V2004, "cmi.score.scaled", "0.75");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
