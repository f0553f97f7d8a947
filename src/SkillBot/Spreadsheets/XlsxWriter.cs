using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SkillBot.Core.Catalogue;

namespace SkillBot.Spreadsheets;

/// <summary>
/// Writes a catalogue's rows as an .xlsx workbook: one flat sheet, or one sheet per domain. Every cell is text
/// (a shared string), and one that starts like a formula also carries Excel's quote prefix, so neither opening nor
/// editing the cell runs it; import reads the text back unchanged. Rows are streamed, so 2,000 skills stay small.
/// </summary>
public static class XlsxWriter
{
    public const string FlatSheet = "Catalogue";

    private const uint PlainStyle = 0;
    private const uint TextStyle = 1;
    private const uint HeaderStyle = 2;

    /// <summary>Text XML cannot hold (most control characters): a spreadsheet has no way to keep it.</summary>
    public static string? Unwritable(CatalogueRows rows) =>
        rows.Rows.SelectMany(r => r.Cells.Select(c => (Row: r, Cell: c)))
            .Where(p => p.Cell.Any(ch => !XmlConvert.IsXmlChar(ch) && !char.IsSurrogate(ch)))
            .Select(p => $"'{p.Row.Cells[1]}' / '{p.Row.Cells[2]}' / '{p.Row.Cells[3]}' holds a control character that a workbook cannot hold")
            .FirstOrDefault();

    public static void Write(Stream stream, CatalogueRows rows, bool sheetPerDomain)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Styles();
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheets = new Sheets();
        var groups = sheetPerDomain
            ? rows.Rows.GroupBy(r => r.Domain, StringComparer.OrdinalIgnoreCase).Select(g => (Name: g.Key, Rows: g.ToList()))
            : [(Name: FlatSheet, Rows: rows.Rows.ToList())];
        var names = new SheetNames();
        uint id = 1;
        foreach (var (name, sheetRows) in groups)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(part, rows.Header, sheetRows, strings);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = names.Claim(name) });
        }
        workbook.Workbook.Append(sheets);
        var shared = workbook.AddNewPart<SharedStringTablePart>();
        using (var writer = OpenXmlWriter.Create(shared))
        {
            writer.WriteStartElement(new SharedStringTable(), [new OpenXmlAttribute("count", "", strings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), new OpenXmlAttribute("uniqueCount", "", strings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            foreach (var text in strings.OrderBy(s => s.Value).Select(s => s.Key))
            {
                writer.WriteElement(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }
            writer.WriteEndElement();
        }
    }

    private static void WriteSheet(WorksheetPart part, IReadOnlyList<string> header, List<CatalogueRow> rows, Dictionary<string, int> strings)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetData());
        writer.WriteElement(RowOf(1, header, strings, HeaderStyle));
        uint number = 2;
        foreach (var row in rows)
        {
            writer.WriteElement(RowOf(number++, row.Cells, strings, PlainStyle));
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static Row RowOf(uint number, IReadOnlyList<string> cells, Dictionary<string, int> strings, uint style)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < cells.Count; i++)
        {
            var text = cells[i];
            if (!strings.TryGetValue(text, out var index))
            {
                strings[text] = index = strings.Count;
            }
            row.Append(new Cell
            {
                CellReference = ColumnName(i) + number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DataType = CellValues.SharedString,
                CellValue = new CellValue(index),
                StyleIndex = style == PlainStyle && SpreadsheetText.IsRisky(text) ? TextStyle : style,
            });
        }
        return row;
    }

    private static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>Three cell formats: plain, text with the quote prefix (cells that start like a formula), bold (the header).</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat { FormatId = 0 },
            new CellFormat { FormatId = 0, NumberFormatId = 49, ApplyNumberFormat = true, QuotePrefix = true },
            new CellFormat { FormatId = 0, FontId = 1, ApplyFont = true })
        { Count = 3 });

    /// <summary>Sheet names as Excel allows them: at most 31 characters, none of : \ / ? * [ ], unique ignoring case.</summary>
    private sealed class SheetNames
    {
        private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);

        public string Claim(string domain)
        {
            var name = new string([.. domain.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' || char.IsControl(c) ? ' ' : c)]).Trim().Trim('\'');
            if (name.Length == 0 || name.Equals("History", StringComparison.OrdinalIgnoreCase))
            {
                name = "Domain";
            }
            name = name.Length > 31 ? name[..31] : name;
            var candidate = name;
            for (var n = 2; !_taken.Add(candidate); n++)
            {
                var suffix = $" ({n})";
                candidate = (name.Length + suffix.Length > 31 ? name[..(31 - suffix.Length)] : name) + suffix;
            }
            return candidate;
        }
    }
}
