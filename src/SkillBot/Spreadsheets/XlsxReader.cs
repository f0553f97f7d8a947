using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SkillBot.Core.Catalogue;

namespace SkillBot.Spreadsheets;

/// <summary>The rows of the sheets read (header first), or why the workbook could not be read; <see cref="Where"/> names a row's sheet.</summary>
public sealed record XlsxRows(IReadOnlyList<CsvRecord> Records, IReadOnlyList<string> Problems, Func<int, string> Where);

/// <summary>
/// Reads an .xlsx workbook into the rows <see cref="CsvImport"/> checks, so a sheet and a CSV file meet the same rules.
/// A workbook comes from anyone: its size, its unpacked size, its rows and cells are bounded before they cost
/// memory, and whatever is wrong with it (not a workbook, no such sheet, merged cells, an error value) is a problem
/// naming the place, never an exception.
/// </summary>
public static class XlsxReader
{
    public const long MaxFileBytes = 32L * 1024 * 1024;

    /// <summary>Unpacked, all parts together: a small file that unpacks to gigabytes (a zip bomb) is refused from its directory.</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    public const int MaxRows = 250_000;

    /// <summary>A cell holds at most this many characters in Excel itself.</summary>
    public const int MaxCellLength = 32_767;

    public const int MaxColumns = 64;

    /// <param name="sheet">The sheet to read; null: the first one. Ignored when <paramref name="allSheets"/>.</param>
    /// <param name="allSheets">Every sheet, each with the same header (an export with one sheet per domain).</param>
    public static XlsxRows Read(string path, string? sheet, bool allSheets)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxFileBytes)
        {
            return Failed($"{path} is {info.Length / (1024 * 1024)} MB; a workbook may be at most {MaxFileBytes / (1024 * 1024)} MB");
        }
        using var stream = File.OpenRead(path);
        if (Unpacked(stream) is { } problem)
        {
            return Failed($"{path}: {problem}");
        }
        stream.Position = 0;
        try
        {
            using var document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxUnpackedBytes });
            return ReadDocument(document, sheet, allSheets);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or InvalidOperationException or FileFormatException or IOException)
        {
            return Failed($"{path} is not a workbook SkillBot can read ({e.Message}); save it as an Excel workbook (.xlsx)");
        }
    }

    private static XlsxRows Failed(string problem) => new([], [problem], _ => "");

    /// <summary>The zip's own directory, checked before any part is unpacked.</summary>
    private static string? Unpacked(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (total > MaxUnpackedBytes)
                {
                    return $"unpacks to more than {MaxUnpackedBytes / (1024 * 1024)} MB, which no catalogue needs; is it a zip bomb?";
                }
            }
            return zip.GetEntry("xl/workbook.xml") is null && !zip.Entries.Any(e => e.FullName.EndsWith("workbook.xml", StringComparison.OrdinalIgnoreCase))
                ? "is a zip file but not an Excel workbook (no workbook in it)"
                : null;
        }
        catch (InvalidDataException)
        {
            return "is not an .xlsx workbook (an .xlsx file is a zip archive; an old .xls or a CSV renamed to .xlsx is not): save it as an Excel workbook, or import the CSV";
        }
    }

    private static XlsxRows ReadDocument(SpreadsheetDocument document, string? sheetName, bool allSheets)
    {
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("the workbook part is missing");
        var sheets = workbook.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? [];
        if (sheets.Count == 0)
        {
            return Failed("the workbook has no sheets");
        }
        var chosen = allSheets ? sheets : sheetName is null ? [sheets[0]] : sheets.Where(s => string.Equals(s.Name?.Value?.Trim(), sheetName.Trim(), StringComparison.OrdinalIgnoreCase)).Take(1).ToList();
        if (chosen.Count == 0)
        {
            return Failed($"no sheet named '{sheetName}'; the workbook has {string.Join(", ", sheets.Select(s => $"'{s.Name?.Value}'"))}");
        }
        var strings = SharedStrings(workbook);
        var dateStyles = DateStyles(workbook);
        var records = new List<CsvRecord>();
        var problems = new List<string>();
        // Rows of every sheet are numbered on: sheet k's row r is offset_k + r, and Where gives the name back.
        var offsets = new List<(int Offset, string Name)>();
        IReadOnlyList<string>? firstHeader = null;
        var offset = 0;
        foreach (var sheet in chosen)
        {
            var name = sheet.Name?.Value ?? "?";
            if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
            {
                problems.Add($"sheet '{name}' is not a worksheet (a chart sheet?)");
                continue;
            }
            var rows = ReadSheet(part, name, strings, dateStyles, problems, records.Count);
            if (rows.Count > 0)
            {
                var header = rows[0].Fields;
                if (firstHeader is null)
                {
                    firstHeader = header;
                    records.Add(rows[0] with { Line = rows[0].Line + offset });
                }
                else if (!header.Select(Normal).SequenceEqual(firstHeader.Select(Normal)))
                {
                    problems.Add($"sheet '{name}' has the columns {string.Join(", ", header)}, unlike the first sheet's {string.Join(", ", firstHeader)}: every sheet needs the same header");
                    continue;
                }
                offsets.Add((offset, name));
                records.AddRange(rows.Skip(1).Select(r => r with { Line = r.Line + offset }));
                offset += rows[^1].Line;
            }
        }
        string Where(int line)
        {
            var (start, name) = offsets.LastOrDefault(o => o.Offset < line);
            return chosen.Count > 1 ? $"sheet '{name}' row {line - start}" : $"row {line - start}";
        }
        return new XlsxRows(records, problems, Where);
    }

    private static string Normal(string header) => header.Trim().ToLowerInvariant();

    private static List<CsvRecord> ReadSheet(WorksheetPart part, string sheet, IReadOnlyList<string> strings, HashSet<uint> dateStyles, List<string> problems, int rowsSoFar)
    {
        var rows = new List<CsvRecord>();
        var width = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(MergeCell) && reader.IsStartElement)
            {
                var merged = (MergeCell)reader.LoadCurrentElement()!;
                problems.Add($"sheet '{sheet}': cells {merged.Reference?.Value} are merged; import needs one value in each cell of a row, so unmerge them and fill the value into every row");
                continue;
            }
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int)(row.RowIndex?.Value ?? (uint)(rows.Count == 0 ? 1 : rows[^1].Line + 1));
            if (rowsSoFar + rows.Count >= MaxRows)
            {
                problems.Add($"sheet '{sheet}' has more than {MaxRows} rows, more than any catalogue; is it the right sheet?");
                break;
            }
            var fields = new List<string>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference && ColumnOf(reference) is { } at ? at : column;
                if (column >= MaxColumns)
                {
                    if (CellText(cell, strings, dateStyles, out _) is { Length: > 0 })
                    {
                        problems.Add($"sheet '{sheet}' row {number}: a value in column {column + 1}, beyond the {MaxColumns} columns import reads");
                    }
                    column++;
                    continue;
                }
                while (fields.Count < column)
                {
                    fields.Add("");
                }
                var text = CellText(cell, strings, dateStyles, out var error);
                if (error is not null)
                {
                    problems.Add($"sheet '{sheet}' cell {cell.CellReference?.Value ?? $"row {number}"}: {error}");
                }
                else if (text.Length > MaxCellLength)
                {
                    problems.Add($"sheet '{sheet}' cell {cell.CellReference?.Value}: {text.Length} characters, more than a cell holds ({MaxCellLength})");
                    text = "";
                }
                fields.Add(text);
                column++;
            }
            if (fields.All(f => f.Trim().Length == 0))
            {
                continue; // a blank row, as in CSV
            }
            if (rows.Count == 0)
            {
                width = fields.FindLastIndex(f => f.Trim().Length > 0) + 1;
                fields = fields[..width];
            }
            else if (fields.Count > width)
            {
                if (fields.Skip(width).Any(f => f.Trim().Length > 0))
                {
                    problems.Add($"sheet '{sheet}' row {number}: a value right of the last column with a header");
                }
                fields = fields[..width];
            }
            while (fields.Count < width)
            {
                fields.Add("");
            }
            rows.Add(new CsvRecord(number, fields));
        }
        return rows;
    }

    /// <summary>"AB12" → 27 (0-based column), or null for a reference that is not one.</summary>
    private static int? ColumnOf(string reference)
    {
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = column * 26 + (c - 'A' + 1);
                if (++letters > 3)
                {
                    return null;
                }
            }
            else
            {
                break;
            }
        }
        return letters == 0 ? null : column - 1;
    }

    /// <summary>What the cell shows as text: a number as written, a date as YYYY-MM-DD, TRUE/FALSE, a formula's last value.</summary>
    private static string CellText(Cell cell, IReadOnlyList<string> strings, HashSet<uint> dateStyles, out string? error)
    {
        error = null;
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count)
            {
                return strings[index];
            }
            error = "refers to a text the workbook does not have (a damaged file?)";
            return "";
        }
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? TextOf(inline) : "";
        }
        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }
        if (type == CellValues.Error)
        {
            error = $"holds the error {raw}; put text in it";
            return "";
        }
        if (type == CellValues.String || type == CellValues.Date || raw.Length == 0)
        {
            return raw;
        }
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            error = $"holds '{raw}', which is not a number though the cell says it is";
            return "";
        }
        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style))
        {
            if (number is < -657435 or > 2958465)
            {
                error = $"holds {raw} formatted as a date, but no date is that far away";
                return "";
            }
            var date = DateTime.FromOADate(number);
            return date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        }
        return number.ToString("R", CultureInfo.InvariantCulture);
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                strings.Add(TextOf(reader.LoadCurrentElement()!));
            }
        }
        return strings;
    }

    /// <summary>A string item's text: its t, or its runs' t; phonetic guides (rPh) are not part of it.</summary>
    private static string TextOf(OpenXmlElement item)
    {
        if (item.GetFirstChild<Text>() is { } plain)
        {
            return plain.Text;
        }
        var text = new StringBuilder();
        foreach (var run in item.Elements<Run>())
        {
            text.Append(run.Text?.Text);
        }
        return text.ToString();
    }

    /// <summary>The cell styles that show a number as a date: the built-in date formats and custom ones with day, month or year in them.</summary>
    private static HashSet<uint> DateStyles(WorkbookPart workbook)
    {
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var dateFormats = new HashSet<uint> { 14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57 };
        foreach (var format in stylesheet?.NumberingFormats?.Elements<NumberingFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && format.FormatCode?.Value is { } code && LooksLikeDate(code))
            {
                dateFormats.Add(id);
            }
        }
        var styles = new HashSet<uint>();
        uint index = 0;
        foreach (var xf in stylesheet?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (xf.NumberFormatId?.Value is { } id && dateFormats.Contains(id))
            {
                styles.Add(index);
            }
            index++;
        }
        return styles;
    }

    private static bool LooksLikeDate(string code)
    {
        var inQuotes = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == '[')
            {
                var end = code.IndexOf(']', i);
                i = end < 0 ? code.Length : end; // [Red], [$-409]: not date parts
            }
            else if (!inQuotes && char.ToLowerInvariant(c) is 'd' or 'y' or 'm')
            {
                return true;
            }
        }
        return false;
    }
}
