using System.Text.Json;
using LmsPrivacy.Scorm.Validation;

namespace LmsPrivacy.Scorm.Tests.Validation;

/// <summary>
/// The cases of scorm-again-cases.json: "spec" is the error code derived by hand from the ADL documents, "scormAgain"
/// what scorm-again 3.4.3 returned for the same SetValue (recorded with Node; see docs/scorm.md).
/// </summary>
public sealed class ScormAgainComparisonTests
{
    private static List<JsonElement> Cases()
    {
        using var document = JsonDocument.Parse(TestFiles.ReadTestFile("Validation/scorm-again-cases.json"));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    private static int Validate(JsonElement c)
    {
        var version = c.GetProperty("version").GetString() == "1.2" ? ScormVersion.Scorm12 : ScormVersion.Scorm2004;
        var raw = c.GetProperty("value");
        var value = raw.ValueKind == JsonValueKind.String
            ? raw.GetString()!
            : string.Concat(Enumerable.Repeat(raw.GetProperty("repeat").GetString(), raw.GetProperty("count").GetInt32()));
        var type = c.GetProperty("type").ValueKind == JsonValueKind.String ? c.GetProperty("type").GetString() : null;
        return ScormValueValidator.ValidateSet(version, c.GetProperty("element").GetString()!, value, type).ErrorCode;
    }

    [Fact]
    public void EveryCase_MatchesTheSpecCode()
    {
        var failures = Cases().Where(c => Validate(c) != c.GetProperty("spec").GetInt32()).Select(c => c.ToString()).ToList();

        Assert.Empty(failures);
    }

    [Fact]
    public void CasesWhereScormAgainFollowsTheSpec_Agree()
    {
        var agreeing = Cases().Where(c => c.GetProperty("scormAgain").GetInt32() == c.GetProperty("spec").GetInt32()).ToList();

        Assert.True(agreeing.Count > 100);
        Assert.All(agreeing, c => Assert.Equal(c.GetProperty("scormAgain").GetInt32(), Validate(c)));
    }

    [Fact]
    public void EveryDisagreement_IsListedInTheDocs()
    {
        var doc = TestFiles.ReadRepositoryFile("docs/scorm.md");

        foreach (var c in Cases().Where(c => c.GetProperty("scormAgain").GetInt32() != c.GetProperty("spec").GetInt32()))
        {
            var row = $"| {c.GetProperty("version").GetString()} | `{c.GetProperty("element").GetString()}`";
            Assert.Contains(row, doc, StringComparison.Ordinal);
        }
    }
}
