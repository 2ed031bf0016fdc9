using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace LmsPrivacy.Ropa.Export;

/// <summary>Writes the ICO-style workbook with the Open XML SDK (typed DOM, no reflection).</summary>
internal static class XlsxWriter
{
    private const uint HeaderStyle = 1;
    private const uint WrapStyle = 2;

    public static void Write(RopaTable table, Stream destination)
    {
        using var document = SpreadsheetDocument.Create(destination, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var sheets = workbookPart.Workbook.AppendChild(new Sheets());

        AddSheet(workbookPart, sheets, 1, "Organisation", ["Field", "Value"], table.OrganisationRows().Select(r => new IReadOnlyList<string>[] { [r.Label], [r.Value] }), [34, 80]);
        var columns = table.Columns;
        AddSheet(workbookPart, sheets, 2, table.IsController ? "Controller" : "Processor", columns, table.ActivityRows(), [.. columns.Select((_, i) => i == 0 ? 22d : 36d)]);
        AddSheet(workbookPart, sheets, 3, "Recipients", RopaTable.RecipientColumns, table.RecipientRows(), [18, 32, 14, 9, 28, 40, 32, 40, 48]);
        workbookPart.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, uint id, string name, string[] header, IEnumerable<IReadOnlyList<string>[]> rows, double[] widths)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        uint rowIndex = 1;
        data.Append(Row(rowIndex++, header.Select(h => (IReadOnlyList<string>)[h]).ToArray(), HeaderStyle));
        foreach (var row in rows)
        {
            data.Append(Row(rowIndex++, row, WrapStyle));
        }

        var cols = new Columns();
        for (var i = 0; i < widths.Length; i++)
        {
            cols.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
        }

        var view = new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 1,
            TopLeftCell = "A2",
            ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        })
        { TabSelected = id == 1, WorkbookViewId = 0 });
        var lastColumn = ColumnName(header.Length - 1);
        part.Worksheet = new Worksheet(view, cols, data, new AutoFilter { Reference = $"A1:{lastColumn}{rowIndex - 1}" });
        sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id, Name = name });
    }

    private static Row Row(uint index, IReadOnlyList<string>[] cells, uint style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < cells.Length; c++)
        {
            var text = string.Join("\n", cells[c].Where(l => !string.IsNullOrWhiteSpace(l)));
            row.Append(new Cell
            {
                CellReference = ColumnName(c) + index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                StyleIndex = style,
                InlineString = new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }

        return row;
    }

    internal static string ColumnName(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    // XML 1.0 cannot carry most control characters; a cell is also limited to 32,767 characters.
    private static string Clean(string text)
    {
        var clean = new string([.. text.Where(ch => ch is '\n' or '\t' || !char.IsControl(ch))]);
        return clean.Length > 32_767 ? clean[..32_767] : clean;
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })),
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid })),
        new Borders(new Border()),
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }));
}
