using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace SkillBot.Core.Catalogue;

/// <summary>
/// Reads the plain YAML that catalogue files are written in, about ten times faster than YamlDotNet (whose
/// scanner was most of loading a large catalogue): block mappings with plain or quoted keys; values that are
/// plain, single- or double-quoted scalars on one line, flow lists of such scalars on one line, folded or literal
/// block scalars, block lists of scalars; comments and blank lines. It gives up (null) on anything else and on
/// anything doubtful: a second document, tags, anchors, tabs, a key given twice, an empty value, nesting it does not
/// expect, characters YAML reads specially. YamlDotNet then reads the file, and reports its problems, as before.
/// What it reads, it reads as YamlDotNet does, positions included (PlainYamlTests compares the two).
/// Its methods are compiled optimized at once (AggressiveOptimization): they run only while a catalogue loads, tens of
/// thousands of times on two threads, and the tiered JIT's instrumented code (probes both threads update) made a
/// 20,000-skill load 40% slower than the optimized code it would only switch to after most of the load.
/// </summary>
internal static class PlainYaml
{
    /// <summary>Deeper than a skill file (5 levels) needs; deeper files go to YamlDotNet and its depth guard.</summary>
    private const int MaxDepth = 16;

    /// <summary>YAML refuses a key longer than this on one line (1024); ours stay well below.</summary>
    private const int MaxKeyLength = 1000;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static YamlTreeNode? TryRead(string text)
    {
        if (!OnlyPlainCharacters(text))
        {
            return null;
        }
        try
        {
            return new Reader(text).Document();
        }
        catch (GiveUpException)
        {
            return null;
        }
    }

    /// <summary>Printable text with '\n' (or "\r\n") line breaks: no tabs, control characters, byte order marks, other breaks or surrogates.</summary>
    /// <remarks>
    /// Printable ASCII and '\n', what almost every catalogue file is made of, is passed over a vector at a time here
    /// rather than with <c>SearchValues</c>: the runtime's search code it calls stays unoptimized (tier 0) for as long as
    /// the rest of the start keeps compiling new code, and was 9% of a 20,000-skill load that way. Intrinsics are
    /// compiled into this method, which is optimized at once.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool OnlyPlainCharacters(string text)
    {
        var chars = text.AsSpan();
        for (var i = PlainAsciiLength(chars); i < chars.Length; i += 1 + PlainAsciiLength(chars[(i + 1)..]))
        {
            var c = chars[i];
            var plain = c == '\r'
                ? i + 1 < chars.Length && chars[i + 1] == '\n'
                : (c is >= '\u00A0' and <= '\uD7FF' && c is not ('\u2028' or '\u2029')) || (c is >= '\uE000' and <= '\uFFFD' && c != '\uFEFF');
            if (!plain)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How many characters from the start are printable ASCII or '\n'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PlainAsciiLength(ReadOnlySpan<char> chars)
    {
        var units = MemoryMarshal.Cast<char, ushort>(chars);
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var space = Vector128.Create((ushort)' ');
            var printable = Vector128.Create((ushort)('~' - ' '));
            var newline = Vector128.Create((ushort)'\n');
            for (; i <= units.Length - Vector128<ushort>.Count; i += Vector128<ushort>.Count)
            {
                var block = Vector128.Create(units.Slice(i, Vector128<ushort>.Count));
                // Below ' ' wraps around to a large value, so one unsigned comparison finds both ends.
                var other = Vector128.GreaterThan(block - space, printable) & ~Vector128.Equals(block, newline);
                if (other != Vector128<ushort>.Zero)
                {
                    break;
                }
            }
        }
        for (; i < units.Length; i++)
        {
            if (units[i] is not ((>= ' ' and <= '~') or '\n'))
            {
                return i;
            }
        }
        return i;
    }

    private sealed class GiveUpException : Exception;

    private sealed class Reader
    {
        private readonly string _text;

        /// <summary>Each line's start in the text and its length without the line break.</summary>
        private readonly List<(int Start, int Length)> _lines;

        /// <summary>The next line to read (0-based).</summary>
        private int _next;

        public Reader(string text)
        {
            _text = text;
            _lines = new(text.AsSpan().Count('\n') + 1);
            var start = 0;
            while (start <= text.Length)
            {
                var end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }
                var length = end - start;
                if (length > 0 && text[end - 1] == '\r')
                {
                    length--;
                }
                _lines.Add((start, length));
                start = end + 1;
            }
        }

        private static GiveUpException GiveUp() => new();

        /// <summary>A scalar's text: where it stands in its line when it reads as written, or the text its escapes make.</summary>
        private readonly record struct Written(int Start, int Length, string? Built = null);

        /// <summary>The scalar of line <paramref name="index"/> at <paramref name="at"/>: a stretch of the file's text unless escapes made a text of its own.</summary>
        private YamlTreeScalar Scalar(int index, int at, Written text) =>
            text.Built is { } built
                ? new YamlTreeScalar(index + 1, at + 1, built)
                : new YamlTreeScalar(index + 1, at + 1, _text, _lines[index].Start + text.Start, text.Length);

        private ReadOnlySpan<char> Line(int index) => _text.AsSpan(_lines[index].Start, _lines[index].Length);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int IndentOf(ReadOnlySpan<char> line)
        {
            var indent = 0;
            while (indent < line.Length && line[indent] == ' ')
            {
                indent++;
            }
            return indent;
        }

        /// <summary>Blank or a comment: nothing to read.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool IsIgnorable(ReadOnlySpan<char> line)
        {
            var indent = IndentOf(line);
            return indent == line.Length || line[indent] == '#';
        }

        /// <summary>The next line with content and its indentation, skipping blank and comment lines; -1 at the end.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private int NextContent(out int indent)
        {
            while (_next < _lines.Count && IsIgnorable(Line(_next)))
            {
                _next++;
            }
            if (_next == _lines.Count)
            {
                indent = -1;
                return -1;
            }
            var line = Line(_next);
            if (line.StartsWith("---") || line.StartsWith("...") || line[0] == '%')
            {
                throw GiveUp(); // documents and directives are YamlDotNet's
            }
            indent = IndentOf(line);
            return _next;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public YamlTreeNode? Document()
        {
            if (NextContent(out var indent) < 0 || indent != 0)
            {
                throw GiveUp();
            }
            var root = Mapping(0, depth: 1);
            if (NextContent(out _) >= 0)
            {
                throw GiveUp();
            }
            return root;
        }

        /// <summary>A block mapping whose keys are at <paramref name="indent"/>, starting at the next content line.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private YamlTreeMapping Mapping(int indent, int depth)
        {
            if (depth > MaxDepth)
            {
                throw GiveUp();
            }
            var first = NextContent(out _);
            var mapping = new YamlTreeMapping(first + 1, indent + 1, []);
            while (NextContent(out var lineIndent) >= 0 && lineIndent >= indent)
            {
                if (lineIndent > indent)
                {
                    throw GiveUp();
                }
                var index = _next;
                var line = Line(index);
                var (key, afterColon) = Key(index, line, indent);
                foreach (var (other, _) in mapping.Children)
                {
                    if (other.Span.SequenceEqual(key.Span))
                    {
                        throw GiveUp(); // YamlDotNet reports the key given twice
                    }
                }
                var at = SkipSpaces(line, afterColon);
                YamlTreeNode value;
                if (at == line.Length || line[at] == '#' && at > afterColon)
                {
                    _next++;
                    value = NestedValue(indent, depth);
                }
                else if (at == afterColon)
                {
                    throw GiveUp();
                }
                else
                {
                    value = InlineValue(index, line, at, indent, depth);
                }
                mapping.Children.Add(new(key, value));
            }
            return mapping;
        }

        /// <summary>The value on the lines after a key with nothing after its colon: a deeper mapping, or a list (which may sit at the key's own indentation).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private YamlTreeNode NestedValue(int keyIndent, int depth)
        {
            if (NextContent(out var indent) < 0)
            {
                throw GiveUp(); // an empty value
            }
            var line = Line(_next);
            var isItem = IsItem(line, indent);
            if (indent > keyIndent)
            {
                return isItem ? Sequence(indent, depth + 1) : Mapping(indent, depth + 1);
            }
            if (indent == keyIndent && isItem)
            {
                return Sequence(indent, depth + 1);
            }
            throw GiveUp(); // an empty value
        }

        private static bool IsItem(ReadOnlySpan<char> line, int indent) =>
            line[indent] == '-' && (indent + 1 == line.Length || line[indent + 1] == ' ');

        /// <summary>A block list of scalars, its dashes at <paramref name="indent"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private YamlTreeSequence Sequence(int indent, int depth)
        {
            if (depth > MaxDepth)
            {
                throw GiveUp();
            }
            var sequence = new YamlTreeSequence(_next + 1, indent + 1, []);
            while (NextContent(out var lineIndent) >= 0 && lineIndent == indent && IsItem(Line(_next), indent))
            {
                var index = _next;
                var line = Line(index);
                var at = SkipSpaces(line, indent + 1);
                if (at == line.Length || at == indent + 1 || line[at] == '#')
                {
                    throw GiveUp(); // an empty item, or one on the next lines
                }
                sequence.Children.Add(InlineValue(index, line, at, indent, depth));
            }
            if (_next < _lines.Count && NextContent(out var after) >= 0 && after > indent)
            {
                throw GiveUp();
            }
            return sequence;
        }

        /// <summary>A mapping key at the start of the line and the position after its colon.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (YamlTreeScalar Key, int AfterColon) Key(int index, ReadOnlySpan<char> line, int indent)
        {
            Written text;
            int end;
            switch (line[indent])
            {
                case '"':
                    (text, end) = DoubleQuoted(line, indent);
                    break;
                case '\'':
                    (text, end) = SingleQuoted(line, indent);
                    break;
                default:
                    if (!CanStartPlain(line, indent))
                    {
                        throw GiveUp();
                    }
                    end = indent;
                    while (end < line.Length && !(line[end] == ':' && (end + 1 == line.Length || line[end + 1] == ' ')))
                    {
                        if (!InPlain(line[end]) || line[end] == '#' && line[end - 1] == ' ')
                        {
                            throw GiveUp();
                        }
                        end++;
                    }
                    text = new Written(indent, line[indent..end].TrimEnd(' ').Length);
                    break;
            }
            if (end >= line.Length || line[end] != ':' || end + 1 < line.Length && line[end + 1] != ' ' || end - indent > MaxKeyLength)
            {
                throw GiveUp();
            }
            return (Scalar(index, indent, text), end + 1);
        }

        /// <summary>A value that starts on the key's (or dash's) line at <paramref name="at"/>; a block scalar goes on below it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private YamlTreeNode InlineValue(int index, ReadOnlySpan<char> line, int at, int parentIndent, int depth)
        {
            YamlTreeNode value;
            int end;
            switch (line[at])
            {
                case '"':
                    (var quoted, end) = DoubleQuoted(line, at);
                    value = Scalar(index, at, quoted);
                    break;
                case '\'':
                    (var single, end) = SingleQuoted(line, at);
                    value = Scalar(index, at, single);
                    break;
                case '[':
                    if (depth + 1 > MaxDepth)
                    {
                        throw GiveUp();
                    }
                    (value, end) = FlowSequence(index, line, at);
                    break;
                case '>' or '|':
                    _next++;
                    return BlockScalar(index, line, at, parentIndent);
                default:
                    if (!CanStartPlain(line, at))
                    {
                        throw GiveUp();
                    }
                    end = at;
                    while (end < line.Length && !(line[end] == '#' && line[end - 1] == ' '))
                    {
                        if (!InPlain(line[end]) || line[end] == ':' && (end + 1 == line.Length || line[end + 1] == ' '))
                        {
                            throw GiveUp(); // a mapping where a value is, or a character YAML may read as more than text
                        }
                        end++;
                    }
                    var plain = line[at..end].TrimEnd(' ');
                    value = Scalar(index, at, new Written(at, plain.Length));
                    end = at + plain.Length;
                    break;
            }
            EndOfLine(line, end);
            _next++;
            if (NextContent(out var indent) >= 0 && indent > parentIndent)
            {
                throw GiveUp(); // the value goes on (a plain scalar on several lines), or something is nested under it
            }
            return value;
        }

        /// <summary>After a value: only spaces, and perhaps a comment after at least one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void EndOfLine(ReadOnlySpan<char> line, int end)
        {
            var at = SkipSpaces(line, end);
            if (at < line.Length && !(line[at] == '#' && at > end))
            {
                throw GiveUp();
            }
        }

        /// <summary>
        /// Plain text may start with anything but YAML's indicators (and, to keep it simple, '-', '?' and ':', which
        /// may start plain text only sometimes).
        /// </summary>
        private static bool CanStartPlain(ReadOnlySpan<char> line, int at) =>
            "-?:,[]{}#&*!|>'\"%@`".IndexOf(line[at]) < 0;

        /// <summary>
        /// Inside plain text: anything but the indicators YamlDotNet may read as more than text wherever they are
        /// (YAML allows some of them inside plain text, but YamlDotNet does not always agree).
        /// </summary>
        private static bool InPlain(char c) => "*!|>`{}[]\"".IndexOf(c) < 0;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int SkipSpaces(ReadOnlySpan<char> line, int at)
        {
            while (at < line.Length && line[at] == ' ')
            {
                at++;
            }
            return at;
        }

        /// <summary>A double-quoted scalar that ends on its line, and the position after its closing quote.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static (Written Text, int End) DoubleQuoted(ReadOnlySpan<char> line, int at)
        {
            var i = at + 1;
            var plainEnd = line[i..].IndexOfAny('"', '\\');
            if (plainEnd >= 0 && line[i + plainEnd] == '"')
            {
                return (new Written(i, plainEnd), i + plainEnd + 1);
            }
            var text = new StringBuilder();
            while (i < line.Length)
            {
                var c = line[i];
                if (c == '"')
                {
                    return (new Written(0, 0, text.ToString()), i + 1);
                }
                if (c != '\\')
                {
                    text.Append(c);
                    i++;
                    continue;
                }
                if (i + 1 >= line.Length)
                {
                    throw GiveUp(); // an escaped line break
                }
                switch (line[i + 1])
                {
                    case '"': text.Append('"'); break;
                    case '\\': text.Append('\\'); break;
                    case '/': text.Append('/'); break;
                    case 'n': text.Append('\n'); break;
                    case 't': text.Append('\t'); break;
                    case 'r': text.Append('\r'); break;
                    case '0': text.Append('\0'); break;
                    case 'x': text.Append(Hex(line, i + 2, 2)); i += 2; break;
                    case 'u': text.Append(Hex(line, i + 2, 4)); i += 4; break;
                    default: throw GiveUp();
                }
                i += 2;
            }
            throw GiveUp(); // the scalar goes on on the next line
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static char Hex(ReadOnlySpan<char> line, int at, int digits)
        {
            if (at + digits > line.Length
                || !int.TryParse(line.Slice(at, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                || char.IsSurrogate((char)code))
            {
                throw GiveUp();
            }
            return (char)code;
        }

        /// <summary>A single-quoted scalar that ends on its line ('' is a quote), and the position after its closing quote.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static (Written Text, int End) SingleQuoted(ReadOnlySpan<char> line, int at)
        {
            var start = at + 1;
            var close = line[start..].IndexOf('\'');
            if (close >= 0 && (start + close + 1 == line.Length || line[start + close + 1] != '\''))
            {
                return (new Written(start, close), start + close + 1); // no '' inside: the text is as written
            }
            var text = new StringBuilder();
            var i = start;
            while (i < line.Length)
            {
                if (line[i] == '\'')
                {
                    if (i + 1 < line.Length && line[i + 1] == '\'')
                    {
                        text.Append('\'');
                        i += 2;
                        continue;
                    }
                    return (new Written(0, 0, text.ToString()), i + 1);
                }
                text.Append(line[i]);
                i++;
            }
            throw GiveUp();
        }

        /// <summary>A flow list of scalars on one line ([a, "b", 'c']), and the position after its ']'.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private (YamlTreeSequence List, int End) FlowSequence(int index, ReadOnlySpan<char> line, int at)
        {
            var list = new YamlTreeSequence(index + 1, at + 1, []);
            var i = SkipSpaces(line, at + 1);
            if (i < line.Length && line[i] == ']')
            {
                return (list, i + 1);
            }
            while (i < line.Length)
            {
                Written text;
                var start = i;
                switch (line[i])
                {
                    case '"':
                        (text, i) = DoubleQuoted(line, i);
                        break;
                    case '\'':
                        (text, i) = SingleQuoted(line, i);
                        break;
                    default:
                        if (!CanStartPlain(line, i))
                        {
                            throw GiveUp();
                        }
                        while (i < line.Length && line[i] is not (',' or ']'))
                        {
                            if (!InPlain(line[i]) || line[i] is '#' or ':')
                            {
                                throw GiveUp();
                            }
                            i++;
                        }
                        text = new Written(start, line[start..i].TrimEnd(' ').Length);
                        break;
                }
                list.Children.Add(Scalar(index, start, text));
                i = SkipSpaces(line, i);
                if (i >= line.Length)
                {
                    break;
                }
                if (line[i] == ']')
                {
                    return (list, i + 1);
                }
                if (line[i] != ',')
                {
                    throw GiveUp();
                }
                i = SkipSpaces(line, i + 1);
                if (i < line.Length && line[i] == ']')
                {
                    throw GiveUp(); // a trailing comma
                }
            }
            throw GiveUp(); // the list goes on on the next line
        }

        /// <summary>
        /// A folded (&gt;) or literal (|) block scalar, clipped or stripped (-), its indentation found from its first
        /// line. Leading blank lines, more-indented lines in a folded scalar and trailing spaces give up.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private YamlTreeScalar BlockScalar(int index, ReadOnlySpan<char> header, int at, int parentIndent)
        {
            var folded = header[at] == '>';
            var i = at + 1;
            var strip = i < header.Length && header[i] == '-';
            if (strip)
            {
                i++;
            }
            EndOfLine(header, i);
            if (_next >= _lines.Count)
            {
                throw GiveUp();
            }
            var firstLine = Line(_next);
            var indent = IndentOf(firstLine);
            if (indent == firstLine.Length || indent <= parentIndent)
            {
                throw GiveUp(); // empty, or starting with a blank line
            }
            var text = new StringBuilder();
            var blanks = 0;
            var any = false;
            var lastLine = _next;
            while (_next < _lines.Count)
            {
                var line = Line(_next);
                var lineIndent = IndentOf(line);
                if (lineIndent == line.Length)
                {
                    if (line.Length > indent)
                    {
                        throw GiveUp(); // spaces beyond the indentation are text
                    }
                    blanks++;
                    _next++;
                    continue;
                }
                if (lineIndent < indent)
                {
                    if (lineIndent > parentIndent)
                    {
                        throw GiveUp();
                    }
                    break;
                }
                var content = line[indent..];
                if (folded && (lineIndent > indent || content[^1] == ' '))
                {
                    throw GiveUp();
                }
                if (any)
                {
                    if (folded && blanks == 0)
                    {
                        text.Append(' ');
                    }
                    else
                    {
                        text.Append('\n', folded ? blanks : blanks + 1);
                    }
                }
                text.Append(content);
                any = true;
                lastLine = _next;
                blanks = 0;
                _next++;
            }
            // Clipped: the last line's break is kept, if the file has one after it.
            if (!strip && lastLine + 1 < _lines.Count)
            {
                text.Append('\n');
            }
            // A blank line read past the end is not the scalar's; the lines after it are read as usual.
            if (NextContent(out var after) >= 0 && after > parentIndent)
            {
                throw GiveUp();
            }
            return new YamlTreeScalar(index + 1, at + 1, text.ToString());
        }
    }
}
