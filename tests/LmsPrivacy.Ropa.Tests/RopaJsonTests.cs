using System.Text;
using LmsPrivacy.Classification;
using LmsPrivacy.Legal;
using LmsPrivacy.Ropa.Dpa;
using LmsPrivacy.Ropa.Records;
using NodaTime;

namespace LmsPrivacy.Ropa.Tests;

public sealed class RopaJsonTests
{
    [Fact]
    public void ParseRecord_Sample_ReadsEveryLevel()
    {
        var record = RopaJson.ParseRecord(TestData.SampleBytes("lms-controller.ropa.json"));

        Assert.Equal(RecordKind.Controller, record.Kind);
        Assert.Equal("DE", record.Organisation!.Country);
        Assert.Equal(7, record.Activities.Count);
        var registration = record.Activities[0];
        Assert.Equal(LawfulBasis.Contract, registration.Purposes[0].LawfulBasis);
        Assert.Equal(DataCategory.DirectIdentifier, registration.PersonalData[0].Category);
        Assert.Equal(Period.FromMonths(12), registration.Retention!.Period);
        Assert.Equal(new LocalDate(2026, 10, 15), record.LastReviewed);
        var lrs = record.Recipients.Single(r => r.Id == "lrs-vendor");
        Assert.Equal(RecipientRole.Processor, lrs.Role);
        Assert.Equal(TransferMechanism.Scc, lrs.Transfer!.Mechanism);
        Assert.Equal(2, lrs.Transfer.SccModule);
        Assert.Equal(2, lrs.SubProcessors!.Count);
        Assert.Equal(SpecialCategoryCondition.EmploymentSocialSecurity, record.Activities[5].SpecialCategoryConditions[0]);
    }

    [Fact]
    public void Serialize_Record_RoundTripsToAnEqualDocument()
    {
        var original = RopaJson.ParseRecord(TestData.SampleBytes("lms-controller.ropa.json"));

        var text = RopaJson.Serialize(original);
        var again = RopaJson.ParseRecord(Encoding.UTF8.GetBytes(text));

        Assert.Equal(text, RopaJson.Serialize(again));
        Assert.Contains("\"lawfulBasis\": \"legal-obligation\"", text, StringComparison.Ordinal);
        Assert.Contains("\"period\": \"P6Y\"", text, StringComparison.Ordinal);
        Assert.Contains("\"$schema\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hasContact", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ParseDpa_Samples_ReadClauseFacts()
    {
        var good = RopaJson.ParseDpa(TestData.SampleBytes("lrs-vendor-good.dpa.json"));
        var weak = RopaJson.ParseDpa(TestData.SampleBytes("lrs-vendor-weak.dpa.json"));

        Assert.Equal(SubProcessorAuthorisation.General, good.SubProcessors!.Authorisation);
        Assert.Equal(30, good.SubProcessors.NoticeDays);
        Assert.Equal(EndOfContractChoice.DeleteOrReturn, good.EndOfContract!.Choice);
        Assert.Equal(2, weak.Instructions!.VendorOwnPurposes.Count);
        Assert.Equal(720, weak.Assistance!.BreachNotificationHours);
        Assert.Null(weak.SubProcessors!.NoticeDays);
    }

    [Theory]
    [InlineData("{\"kind\":\"controller\",\"lawfullBasis\":\"x\"}", "lawfullBasis")]
    [InlineData("{\"kind\":\"auditor\"}", "$.kind")]
    [InlineData("{\"activities\":[{\"purposes\":[{\"lawfulBasis\":\"because\"}]}]}", "$.activities[0].purposes[0].lawfulBasis")]
    [InlineData("{\"lastReviewed\":\"15/10/2026\"}", "$.lastReviewed")]
    [InlineData("{\"activities\":[{\"retention\":{\"period\":\"six years\"}}]}", "$.activities[0].retention.period")]
    [InlineData("{\"activities\":null}", "activities")]
    [InlineData("{\"kind\":", "")]
    public void TryParseRecord_Malformed_FailsWithWhere(string json, string where)
    {
        var ok = RopaJson.TryParseRecord(Encoding.UTF8.GetBytes(json), out var record, out var error);

        Assert.False(ok);
        Assert.Null(record);
        Assert.Contains(where, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseRecord_MalformedValue_NeverEchoesTheValue()
    {
        var ok = RopaJson.TryParseRecord("{\"lastReviewed\":\"secret@learner.example\"}"u8, out _, out var error);

        Assert.False(ok);
        Assert.DoesNotContain("secret@learner.example", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseRecord_JsonNull_Fails()
    {
        Assert.False(RopaJson.TryParseRecord("null"u8, out _, out var error));
        Assert.Contains("null", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseRecord_ByteOrderMarkAndComments_Accepted()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. "{ // a comment\n \"kind\": \"processor\", }"u8];

        Assert.True(RopaJson.TryParseRecord(json, out var record, out _));
        Assert.Equal(RecordKind.Processor, record.Kind);
    }

    [Fact]
    public void TryParseRecord_DeeplyNested_FailsInsteadOfOverflowing()
    {
        var json = "{\"recipients\":[" + string.Concat(Enumerable.Repeat("{\"subProcessors\":[", 40)) + string.Concat(Enumerable.Repeat("]}", 40)) + "]}";

        Assert.False(RopaJson.TryParseRecord(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.Contains("depth", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryParseRecord_TooLarge_Fails()
    {
        var json = new byte[RopaJson.MaxDocumentBytes + 1];

        Assert.False(RopaJson.TryParseRecord(json, out _, out var error));
        Assert.Contains("MiB", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseRecord_TooManyActivities_Fails()
    {
        var json = "{\"activities\":[" + string.Join(',', Enumerable.Repeat("{}", RopaJson.MaxItems + 1)) + "]}";

        Assert.False(RopaJson.TryParseRecord(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.Contains("more than", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRecord_Malformed_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => RopaJson.ParseRecord("[]"u8));

    [Fact]
    public void Serialize_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => RopaJson.Serialize((RecordOfProcessing)null!));

    [Theory]
    [InlineData("{\"kind\":5}", "$.kind")]
    [InlineData("{\"kind\":1}", "$.kind")]
    [InlineData("{\"kind\":\"1\"}", "$.kind")]
    [InlineData("{\"kind\":\"controller, processor\"}", "$.kind")]
    [InlineData("{\"activities\":[{\"purposes\":[{\"lawfulBasis\":99}]}]}", "$.activities[0].purposes[0].lawfulBasis")]
    [InlineData("{\"activities\":[{\"purposes\":[{\"lawfulBasis\":0}]}]}", "$.activities[0].purposes[0].lawfulBasis")]
    [InlineData("{\"activities\":[{\"specialCategoryConditions\":[1]}]}", "$.activities[0].specialCategoryConditions[0]")]
    [InlineData("{\"activities\":[{\"personalData\":[{\"category\":3}]}]}", "$.activities[0].personalData[0].category")]
    [InlineData("{\"recipients\":[{\"role\":9}]}", "$.recipients[0].role")]
    [InlineData("{\"recipients\":[{\"transfer\":{\"mechanism\":2}}]}", "$.recipients[0].transfer.mechanism")]
    public void TryParseRecord_NumericEnumValue_Refused(string json, string path)
    {
        var ok = RopaJson.TryParseRecord(Encoding.UTF8.GetBytes(json), out var record, out var error);

        Assert.False(ok);
        Assert.Null(record);
        Assert.Contains($" at {path}", error, StringComparison.Ordinal);
        Assert.Contains("JSON string", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"subProcessors\":{\"authorisation\":7}}", "$.subProcessors.authorisation")]
    [InlineData("{\"subProcessors\":{\"authorisation\":1}}", "$.subProcessors.authorisation")]
    [InlineData("{\"endOfContract\":{\"choice\":1}}", "$.endOfContract.choice")]
    public void TryParseDpa_NumericEnumValue_Refused(string json, string path)
    {
        Assert.False(RopaJson.TryParseDpa(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.Contains($" at {path}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRecord_EnumWireNames_StillRead()
    {
        var record = RopaJson.ParseRecord("""{"kind":"processor","activities":[{"purposes":[{"lawfulBasis":"public-task"}],"specialCategoryConditions":["explicit-consent"],"personalData":[{"category":"assessment-result"}]}],"recipients":[{"role":"sub-processor","transfer":{"mechanism":"ad-hoc-clauses"}}]}"""u8);

        Assert.Equal(RecordKind.Processor, record.Kind);
        Assert.Equal(LawfulBasis.PublicTask, record.Activities[0].Purposes[0].LawfulBasis);
        Assert.Equal(SpecialCategoryCondition.ExplicitConsent, record.Activities[0].SpecialCategoryConditions[0]);
        Assert.Equal(DataCategory.AssessmentResult, record.Activities[0].PersonalData[0].Category);
        Assert.Equal(RecipientRole.SubProcessor, record.Recipients[0].Role);
        Assert.Equal(TransferMechanism.AdHocClauses, record.Recipients[0].Transfer!.Mechanism);
    }

    [Theory]
    [InlineData("{\"activities\":{}}", "$.activities", "a JSON array")]
    [InlineData("{\"recipients\":[{\"transfer\":{\"sccModule\":\"two\"}}]}", "$.recipients[0].transfer.sccModule", "a whole JSON number or null")]
    [InlineData("{\"activities\":[{\"purposes\":[{\"mandatory\":\"yes\"}]}]}", "$.activities[0].purposes[0].mandatory", "true or false")]
    [InlineData("{\"organisation\":[]}", "$.organisation", "a JSON object")]
    [InlineData("{\"activities\":[{\"name\":1}]}", "$.activities[0].name", "a JSON string")]
    public void TryParseRecord_WrongKind_NamesPathAndJsonKindNotDotNetType(string json, string path, string kind)
    {
        Assert.False(RopaJson.TryParseRecord(Encoding.UTF8.GetBytes(json), out _, out var error));

        Assert.Contains($"Expected {kind}", error, StringComparison.Ordinal);
        Assert.Contains($" at {path}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("LmsPrivacy.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("`", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseRecord_UnknownProperty_NoDotNetTypeName()
    {
        Assert.False(RopaJson.TryParseRecord("{\"kind\":\"controller\",\"lawfullBasis\":\"x\"}"u8, out _, out var error));

        Assert.Contains("Unknown property 'lawfullBasis'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("LmsPrivacy.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseDpa_WrongKind_NoDotNetTypeName()
    {
        Assert.False(RopaJson.TryParseDpa("{\"assistance\":{\"breachNotificationHours\":\"soon\"}}"u8, out _, out var error));

        Assert.Contains("Expected a whole JSON number or null at $.assistance.breachNotificationHours", error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }
}
