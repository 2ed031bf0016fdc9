using System.Text;
using LmsPrivacy.Ropa.Countries;
using LmsPrivacy.Ropa.Records;

namespace LmsPrivacy.Ropa.Export;

/// <summary>Exports a record of processing as Markdown, CSV, an XLSX workbook in the ICO template's layout, or JSON-LD with W3C DPV terms.</summary>
/// <remarks>
/// Every format lays the record out the same way: one row per activity with the ICO template's columns (business function,
/// purpose, lawful basis, individuals, personal data, recipients, contracts, third countries, safeguards, retention, security),
/// plus the organisation and the recipients. Exports never add or remove facts; check the record first with <see cref="RopaChecker"/>.
/// </remarks>
public static class RopaExporter
{
    /// <summary>Renders the record as Markdown: an organisation table, one table per activity, and a recipients table.</summary>
    /// <param name="record">The record.</param>
    /// <param name="countries">Country data used to name transfers; defaults to <see cref="CountryData.Default"/>.</param>
    /// <returns>CommonMark/GFM text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static string ToMarkdown(RecordOfProcessing record, CountryData? countries = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = new RopaTable(record, countries ?? CountryData.Default);
        var md = new StringBuilder();
        var title = table.IsController ? "Record of processing activities (GDPR Art. 30(1))" : "Record of processing activities carried out as processor (GDPR Art. 30(2))";
        md.Append("# ").AppendLine(Escape(title)).AppendLine();
        md.AppendLine("## Organisation").AppendLine().AppendLine("| | |").AppendLine("|---|---|");
        foreach (var (label, value) in table.OrganisationRows())
        {
            md.Append("| ").Append(Escape(label)).Append(" | ").Append(Escape(value)).AppendLine(" |");
        }

        md.AppendLine().AppendLine("## Processing activities");
        var columns = table.Columns;
        foreach (var row in table.ActivityRows())
        {
            md.AppendLine().Append("### ").Append(Escape(row[0].Count > 0 ? row[0][0] : string.Empty));
            var nameCell = row[table.IsController ? 2 : 1];
            var name = nameCell.Count > 0 ? nameCell[0] : null;
            if (!string.IsNullOrEmpty(name))
            {
                md.Append(": ").Append(Escape(name));
            }

            md.AppendLine().AppendLine().AppendLine("| Field | Value |").AppendLine("|---|---|");
            for (var c = 1; c < columns.Length; c++)
            {
                md.Append("| ").Append(Escape(columns[c])).Append(" | ").Append(Cell(row[c], "<br>")).AppendLine(" |");
            }
        }

        md.AppendLine().AppendLine("## Recipients, processors and sub-processors").AppendLine();
        md.Append("| ").AppendJoin(" | ", RopaTable.RecipientColumns.Select(Escape)).AppendLine(" |");
        md.Append('|').AppendJoin("", RopaTable.RecipientColumns.Select(_ => "---|")).AppendLine();
        foreach (var row in table.RecipientRows())
        {
            md.Append("| ").AppendJoin(" | ", row.Select(cell => Cell(cell, "<br>"))).AppendLine(" |");
        }

        return md.ToString();

        static string Cell(IReadOnlyList<string> lines, string separator) =>
            string.Join(separator, lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(Escape));
    }

    /// <summary>Renders the activities as CSV (RFC 4180) with the ICO template's columns, one row per activity.</summary>
    /// <param name="record">The record.</param>
    /// <param name="countries">Country data used to name transfers; defaults to <see cref="CountryData.Default"/>.</param>
    /// <returns>CSV text with a header row and CRLF line ends; several values in one cell are separated by "; ".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <remarks>A cell that a spreadsheet would read as a formula (starting with =, +, -, @, tab or CR) is prefixed with an apostrophe.</remarks>
    public static string ToCsv(RecordOfProcessing record, CountryData? countries = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = new RopaTable(record, countries ?? CountryData.Default);
        var csv = new StringBuilder();
        csv.AppendJoin(',', table.Columns.Select(Quote)).Append("\r\n");
        foreach (var row in table.ActivityRows())
        {
            csv.AppendJoin(',', row.Select(cell => Quote(string.Join("; ", cell.Where(l => !string.IsNullOrWhiteSpace(l)))))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>Writes the record as an XLSX workbook: sheets Organisation, Activities (ICO columns), Recipients.</summary>
    /// <param name="record">The record.</param>
    /// <param name="destination">A writable, seekable stream; it is left open.</param>
    /// <param name="countries">Country data used to name transfers; defaults to <see cref="CountryData.Default"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteXlsx(RecordOfProcessing record, Stream destination, CountryData? countries = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(destination);
        XlsxWriter.Write(new RopaTable(record, countries ?? CountryData.Default), destination);
    }

    /// <summary>Renders the record as JSON-LD, labelling activities, purposes, legal bases, data, subjects and recipients with W3C DPV terms where they exist.</summary>
    /// <param name="record">The record.</param>
    /// <param name="countries">Country data used to mark third countries; defaults to <see cref="CountryData.Default"/>.</param>
    /// <returns>An indented JSON-LD document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static string ToJsonLd(RecordOfProcessing record, CountryData? countries = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonLdWriter.Write(record, countries ?? CountryData.Default);
    }

    internal static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\r\n", "<br>", StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal)
            .Replace("\r", "<br>", StringComparison.Ordinal);

    internal static string Defuse(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text)
    {
        text = Defuse(text);
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
