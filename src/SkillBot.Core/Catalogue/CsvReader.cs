using System.Text;

namespace SkillBot.Core.Catalogue;

/// <summary>One CSV record and the line it starts on (1-based; a quoted field may span lines).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>A problem in a CSV file, reported by line number.</summary>
public sealed record CsvProblem(int Line, string Message)
{
    public override string ToString() => $"line {Line}: {Message}";
}

/// <summary>
/// Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes, a doubled quote for a quote
/// inside quotes, line breaks (CRLF, LF or CR) inside quotes, an optional UTF-8 byte order mark.
/// Blank lines are skipped. A malformed record is reported and skipped; reading goes on with the next line.
/// </summary>
public static class CsvReader
{
    public static List<CsvRecord> Read(string text, List<CsvProblem> problems)
    {
        var records = new List<CsvRecord>();
        var cursor = new Cursor(text.StartsWith('\uFEFF') ? text[1..] : text);
        while (!cursor.AtEnd)
        {
            var startLine = cursor.Line;
            var fields = new List<string>();
            string? error = null;
            while (error is null)
            {
                var field = cursor.Peek == '"' ? ReadQuoted(cursor, out error) : ReadPlain(cursor, out error);
                fields.Add(field);
                if (error is not null || !cursor.TryTake(','))
                {
                    break;
                }
            }
            if (error is null && !cursor.AtEnd && !cursor.TakeLineBreak())
            {
                error = "unexpected text after a closing quote: a quoted field must end at a comma or the end of the line";
            }
            if (error is not null)
            {
                problems.Add(new CsvProblem(startLine, error));
                cursor.SkipPastLineBreak();
                continue;
            }
            if (fields is not [""])
            {
                records.Add(new CsvRecord(startLine, fields));
            }
        }
        return records;
    }

    private static string ReadPlain(Cursor cursor, out string? error)
    {
        error = null;
        var start = cursor.Position;
        while (!cursor.AtEnd && cursor.Peek is not (',' or '\r' or '\n'))
        {
            if (cursor.Peek == '"')
            {
                error = "a quote inside an unquoted field: put the whole field in quotes and double the quote (\"\")";
            }
            cursor.Advance();
        }
        return cursor.Slice(start);
    }

    private static string ReadQuoted(Cursor cursor, out string? error)
    {
        error = null;
        var openedOn = cursor.Line;
        cursor.Advance(); // the opening quote
        var value = new StringBuilder();
        while (true)
        {
            if (cursor.AtEnd)
            {
                error = $"a quoted field opened on line {openedOn} is never closed";
                return value.ToString();
            }
            var c = cursor.Peek;
            if (c == '"')
            {
                cursor.Advance();
                if (!cursor.TryTake('"'))
                {
                    return value.ToString();
                }
                value.Append('"');
            }
            else if (c is '\r' or '\n')
            {
                cursor.TakeLineBreak();
                value.Append('\n');
            }
            else
            {
                value.Append(c);
                cursor.Advance();
            }
        }
    }

    /// <summary>A position in the text that counts lines as it moves.</summary>
    private sealed class Cursor(string text)
    {
        public int Position { get; private set; }
        public int Line { get; private set; } = 1;
        public bool AtEnd => Position >= text.Length;
        public char Peek => text[Position];

        public void Advance() => Position++;

        public string Slice(int start) => text[start..Position];

        public bool TryTake(char c)
        {
            if (AtEnd || text[Position] != c)
            {
                return false;
            }
            Position++;
            return true;
        }

        /// <summary>Consumes CRLF, LF or CR.</summary>
        public bool TakeLineBreak()
        {
            if (TryTake('\r'))
            {
                TryTake('\n');
            }
            else if (!TryTake('\n'))
            {
                return false;
            }
            Line++;
            return true;
        }

        public void SkipPastLineBreak()
        {
            while (!AtEnd && !TakeLineBreak())
            {
                Position++;
            }
        }
    }
}
