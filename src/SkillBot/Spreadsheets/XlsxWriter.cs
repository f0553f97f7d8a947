using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
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

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>
    /// The package (parts, relationships, content types) comes from the Open XML SDK; each part's XML is written here
    /// with the main namespace as the default one, as Excel writes it: the SDK would prefix every element (x:row),
    /// which Excel reads but other readers (exceljs among them) do not.
    /// </summary>
    public static void Write(Stream stream, CatalogueRows rows, bool sheetPerDomain)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = sheetPerDomain
            ? rows.Rows.GroupBy(r => r.Domain, StringComparer.OrdinalIgnoreCase).Select(g => (Name: g.Key, Rows: g.ToList()))
            : [(Name: FlatSheet, Rows: rows.Rows.ToList())];
        var names = new SheetNames();
        var sheets = new List<(string Name, string Id)>();
        foreach (var (name, sheetRows) in groups)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            WritePart(part, xml => WriteSheet(xml, rows.Header, sheetRows, strings));
            sheets.Add((names.Claim(name), workbook.GetIdOfPart(part)));
        }
        using (var styles = workbook.AddNewPart<WorkbookStylesPart>().GetStream(FileMode.Create, FileAccess.Write))
        {
            styles.Write(Encoding.UTF8.GetBytes(Styles));
        }
        WritePart(workbook.AddNewPart<SharedStringTablePart>(), xml =>
        {
            xml.WriteStartElement("sst", Main);
            xml.WriteAttributeString("count", strings.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("uniqueCount", strings.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var text in strings.OrderBy(s => s.Value).Select(s => s.Key))
            {
                xml.WriteStartElement("si", Main);
                xml.WriteStartElement("t", Main);
                xml.WriteAttributeString("xml", "space", null, "preserve");
                xml.WriteString(text);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
        WritePart(workbook, xml =>
        {
            xml.WriteStartElement("workbook", Main);
            xml.WriteAttributeString("xmlns", "r", null, Relationships);
            xml.WriteStartElement("sheets", Main);
            var number = 1;
            foreach (var (name, id) in sheets)
            {
                xml.WriteStartElement("sheet", Main);
                xml.WriteAttributeString("name", name);
                xml.WriteAttributeString("sheetId", (number++).ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("id", Relationships, id);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }

    private static void WritePart(OpenXmlPart part, Action<XmlWriter> write)
    {
        using var stream = part.GetStream(FileMode.Create, FileAccess.Write);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(standalone: true);
        write(xml);
        xml.WriteEndDocument();
    }

    private static void WriteSheet(XmlWriter xml, IReadOnlyList<string> header, List<CatalogueRow> rows, Dictionary<string, int> strings)
    {
        xml.WriteStartElement("worksheet", Main);
        xml.WriteStartElement("sheetData", Main);
        WriteRow(xml, 1, header, strings, HeaderStyle);
        var number = 2;
        foreach (var row in rows)
        {
            WriteRow(xml, number++, row.Cells, strings, PlainStyle);
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteRow(XmlWriter xml, int number, IReadOnlyList<string> cells, Dictionary<string, int> strings, uint style)
    {
        var row = number.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", row);
        for (var i = 0; i < cells.Count; i++)
        {
            var text = cells[i];
            if (!strings.TryGetValue(text, out var index))
            {
                strings[text] = index = strings.Count;
            }
            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", ColumnName(i) + row);
            var cellStyle = style == PlainStyle && SpreadsheetText.IsRisky(text) ? TextStyle : style;
            if (cellStyle != PlainStyle)
            {
                xml.WriteAttributeString("s", cellStyle.ToString(CultureInfo.InvariantCulture));
            }
            xml.WriteAttributeString("t", "s");
            xml.WriteElementString("v", Main, index.ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);

    /// <summary>Three cell formats: plain, text with the quote prefix (cells that start like a formula), bold (the header).</summary>
    private const string Styles = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font/><font><b/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="3"><xf xfId="0"/><xf xfId="0" numFmtId="49" applyNumberFormat="1" quotePrefix="1"/><xf xfId="0" fontId="1" applyFont="1"/></cellXfs></styleSheet>
            """;

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
