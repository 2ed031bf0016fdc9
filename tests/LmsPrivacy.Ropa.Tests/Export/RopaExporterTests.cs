using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LmsPrivacy.Ropa.Export;
using LmsPrivacy.Ropa.Records;

namespace LmsPrivacy.Ropa.Tests.Export;

public sealed class RopaExporterTests
{
    private static RecordOfProcessing Sample => RopaJson.ParseRecord(TestData.SampleBytes("lms-controller.ropa.json"));

    // --- Markdown ---

    [Fact]
    public void ToMarkdown_Sample_HasOneSectionPerActivityAndEveryRecipient()
    {
        var md = RopaExporter.ToMarkdown(Sample);

        Assert.StartsWith("# Record of processing activities (GDPR Art. 30(1))", md, StringComparison.Ordinal);
        Assert.Equal(7, md.Split('\n').Count(l => l.StartsWith("### ", StringComparison.Ordinal)));
        Assert.Contains("### mandatory-training: Mandatory compliance and safety training", md, StringComparison.Ordinal);
        Assert.Contains("| Lawful basis (Art. 6) | legal-obligation (GDPR Art. 6(1)(c)) |", md, StringComparison.Ordinal);
        Assert.Contains("Lumen LRS Support Pvt Ltd", md, StringComparison.Ordinal);
        Assert.Contains("SCCs 2021/914 module 2, TIA 2026-05-04", md, StringComparison.Ordinal);
        Assert.Contains("6 years after course completion", md, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_EveryTable_HasAConsistentColumnCount()
    {
        var lines = RopaExporter.ToMarkdown(Sample).Split('\n').Select(l => l.TrimEnd('\r'));

        // A GFM table row's cells are separated by pipes not preceded by a backslash; every row of a table has the header's count.
        int? expected = null;
        foreach (var line in lines)
        {
            if (!line.StartsWith('|'))
            {
                expected = null;
                continue;
            }

            var count = System.Text.RegularExpressions.Regex.Count(line, @"(?<!\\)\|");
            expected ??= count;
            Assert.Equal(expected, count);
        }
    }

    [Fact]
    public void ToMarkdown_EscapesPipesNewlinesAndHtml()
    {
        var record = TestData.ValidController().WithActivity(TestData.Activity() with { Name = "A | B\n<script>" });

        var md = RopaExporter.ToMarkdown(record);

        Assert.Contains("A \\| B<br>&lt;script&gt;", md, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", md, StringComparison.Ordinal);
    }

    [Fact]
    public void ToMarkdown_ProcessorRecord_UsesArt30_2Layout()
    {
        var record = new RecordOfProcessing
        {
            Kind = RecordKind.Processor,
            Organisation = new Party { Name = "Lumen LRS Inc." },
            Controllers = [new Party { Name = "Brightwell", Email = "p@b.example" }],
            Activities = [new ProcessingActivity { Id = "lrs", CategoriesOfProcessing = ["storage"] }],
        };

        var md = RopaExporter.ToMarkdown(record);

        Assert.Contains("GDPR Art. 30(2)", md, StringComparison.Ordinal);
        Assert.Contains("| Name and contact details of the controller | Brightwell, p@b.example |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Lawful basis", md, StringComparison.Ordinal);
    }

    // --- CSV ---

    [Fact]
    public void ToCsv_Sample_HeaderPlusOneRowPerActivity()
    {
        var rows = ParseCsv(RopaExporter.ToCsv(Sample));

        Assert.Equal(8, rows.Count);
        Assert.Equal(18, rows[0].Count);
        Assert.Equal("Business function", rows[0][1]);
        Assert.All(rows, r => Assert.Equal(18, r.Count));
        Assert.Equal("registration", rows[1][0]);
        Assert.Equal("employees; contractors", rows[1][7]);
        Assert.Equal("contract (GDPR Art. 6(1)(b)); legitimate-interests (GDPR Art. 6(1)(f))", rows[3][4]);
    }

    [Fact]
    public void ToCsv_FormulaLikeCell_IsDefused()
    {
        var record = TestData.ValidController().WithActivity(TestData.Activity() with { Name = "=HYPERLINK(\"http://x\",\"y\")" });

        var rows = ParseCsv(RopaExporter.ToCsv(record));

        Assert.Equal("'=HYPERLINK(\"http://x\",\"y\")", rows[1][2]);
    }

    // --- XLSX, read back with the same library ---

    [Fact]
    public void WriteXlsx_Sample_OpensWithThreeSheetsInIcoLayout()
    {
        using var stream = new MemoryStream();
        RopaExporter.WriteXlsx(Sample, stream);
        stream.Position = 0;

        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Organisation", "Controller", "Recipients"], sheets.Select(s => s.Name!.Value));

        var controller = Read(workbook, sheets[1]);
        Assert.Equal(8, controller.Count);
        Assert.Equal("Purpose of processing", controller[0][3]);
        Assert.Equal("mandatory-training", controller[2][0]);
        Assert.Equal("legal-obligation (GDPR Art. 6(1)(c))", controller[2][4]);
        // Each processor is followed by its sub-processors (depth first).
        Assert.Equal("Lumen LRS Inc.: SCCs 2021/914 module 2, TIA 2026-05-04, supplementary measures: xAPI actors pseudonymised with a key held only in the EEA\nLumen LRS Support Pvt Ltd: SCCs 2021/914 module 3, TIA 2026-05-04\nVidStream Inc.: EU-US Data Privacy Framework (checked 2026-09-30)\nFastEdge CDN Inc.: EU-US Data Privacy Framework (checked 2026-09-30)", controller[2][12]);

        var recipients = Read(workbook, sheets[2]);
        Assert.Equal(1 + 5 + 4, recipients.Count); // header, five recipients, four declared sub-processors
        Assert.Contains(recipients, r => r[1] == "Amazon Web Services EMEA SARL" && r[2] == "sub-processor" && r[8] == "EEA (no transfer)");

        var organisation = Read(workbook, sheets[0]);
        Assert.Contains(organisation, r => r[0] == "Controller" && r[1] == "Brightwell Logistics SE");
    }

    [Fact]
    public void WriteXlsx_ControlCharacters_AreDroppedSoTheFileStaysValidXml()
    {
        using var stream = new MemoryStream();
        RopaExporter.WriteXlsx(TestData.ValidController().WithActivity(TestData.Activity() with { Name = "bad\u0001name" }), stream);
        stream.Position = 0;

        using var document = SpreadsheetDocument.Open(stream, false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ElementAt(1);
        Assert.Equal("badname", Read(document.WorkbookPart, sheet)[1][2]);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnName_Bijective26(int index, string expected) => Assert.Equal(expected, XlsxWriter.ColumnName(index));

    // --- JSON-LD ---

    [Fact]
    public void ToJsonLd_Sample_UsesDpvAndGdprTerms()
    {
        using var json = JsonDocument.Parse(RopaExporter.ToJsonLd(Sample));
        var root = json.RootElement;
        var context = root.GetProperty("@context");
        Assert.Equal("https://w3id.org/dpv#", context.GetProperty("dpv").GetString());
        Assert.Equal("@id", context.GetProperty("dpv:hasThirdCountry").GetProperty("@type").GetString());
        Assert.True(context.TryGetProperty("rdf", out _)); // rdf:value is used for storage durations
        var graph = root.GetProperty("@graph").EnumerateArray().ToList();
        JsonElement Node(string id) => graph.Single(n => n.GetProperty("@id").GetString() == id);

        var training = Node("_:activity-mandatory-training");
        Assert.Equal("dpv:Process", training.GetProperty("@type").GetString());
        Assert.Equal("_:controller", training.GetProperty("dpv:hasDataController").GetString());
        Assert.Equal("_:recipient-lrs-vendor", training.GetProperty("dpv:hasRecipient")[0].GetProperty("@id").GetString());
        Assert.Equal("eu-gdpr:A6-1-c", training.GetProperty("dpv:hasLegalBasis")[0].GetProperty("@id").GetString());
        Assert.Equal("dpv:LegalCompliance", training.GetProperty("dpv:hasPurpose")[0].GetProperty("@type").GetString());
        Assert.Equal("P6Y", training.GetProperty("dpv:hasStorageCondition").GetProperty("rdf:value").GetString());
        Assert.Equal("dpv:Employee", training.GetProperty("dpv:hasDataSubject")[0].GetProperty("@type").GetString());

        var adjustments = Node("_:activity-accessibility-adjustments");
        Assert.Equal(["eu-gdpr:A6-1-c", "eu-gdpr:A9-2-b"], adjustments.GetProperty("dpv:hasLegalBasis").EnumerateArray().Select(e => e.GetProperty("@id").GetString()));
        Assert.Equal("dpv:SpecialCategoryPersonalData", adjustments.GetProperty("dpv:hasPersonalData")[0].GetProperty("@type").GetString());

        var lrs = Node("_:recipient-lrs-vendor");
        Assert.Equal("dpv:DataProcessor", lrs.GetProperty("@type").GetString());
        Assert.Equal("loc:US", lrs.GetProperty("dpv:hasThirdCountry").GetString());
        Assert.Equal("eu-gdpr:A46-2-c", lrs.GetProperty("dpv:hasLegalBasis").GetProperty("@id").GetString());
        var aws = graph.Single(n => n.TryGetProperty("schema:name", out var name) && name.GetString() == "Amazon Web Services EMEA SARL");
        Assert.Equal("dpv:DataSubProcessor", aws.GetProperty("@type").GetString());
        Assert.Equal("loc:IE", aws.GetProperty("dpv:hasCountry").GetString());
    }

    [Theory]
    [InlineData(Legal.LawfulBasis.Consent, "eu-gdpr:A6-1-a")]
    [InlineData(Legal.LawfulBasis.LegitimateInterests, "eu-gdpr:A6-1-f")]
    public void BasisIri_FollowsTheArticleLetter(Legal.LawfulBasis basis, string expected) => Assert.Equal(expected, JsonLdWriter.BasisIri(basis));

    [Fact]
    public void Exports_Null_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => RopaExporter.ToMarkdown(null!));
        Assert.Throws<ArgumentNullException>(() => RopaExporter.ToCsv(null!));
        Assert.Throws<ArgumentNullException>(() => RopaExporter.ToJsonLd(null!));
        Assert.Throws<ArgumentNullException>(() => RopaExporter.WriteXlsx(Sample, null!));
    }

    private static List<List<string>> Read(WorkbookPart workbook, Sheet sheet)
    {
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
        return [.. part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList())];
    }

    /// <summary>A small RFC 4180 reader, independent of the exporter's writer.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') { quoted = false; }
                else { cell.Append(ch); }
            }
            else if (ch == '"') { quoted = true; }
            else if (ch == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; i++; }
            else { cell.Append(ch); }
        }

        return rows;
    }
}
