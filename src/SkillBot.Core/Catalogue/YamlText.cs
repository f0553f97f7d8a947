using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SkillBot.Core.Catalogue;

/// <summary>
/// Writes text as YAML scalars that read back as exactly the same text, whatever it holds: plain when
/// that is unambiguous (so files stay readable), double-quoted with escapes otherwise, and descriptions
/// as block scalars that people can edit.
/// </summary>
internal static partial class YamlText
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null",
    };

    /// <summary>A scalar for a one-line value, a flow-sequence item or a mapping key.</summary>
    public static string Scalar(string text) =>
        SafePlain().IsMatch(text) && !Keywords.Contains(text) ? text : DoubleQuoted(text);

    public static string DoubleQuoted(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case '\n': quoted.Append("\\n"); break;
                case '\t': quoted.Append("\\t"); break;
                case '\r': quoted.Append("\\r"); break;
                default:
                    if (char.IsSurrogatePair(text, i))
                    {
                        quoted.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        quoted.Append('\uFFFD'); // half a surrogate pair is not text; no UTF-8 file can hold it
                    }
                    else if (IsPrintable(c))
                    {
                        quoted.Append(c);
                    }
                    else
                    {
                        quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    break;
            }
        }
        return quoted.Append('"').ToString();
    }

    /// <summary>
    /// Lines for <c>key: value</c> where the value is a description: folded (<c>&gt;-</c>, wrapped at spaces)
    /// for one line of text, literal (<c>|-</c>) for several, double-quoted when a block cannot hold it exactly.
    /// </summary>
    public static IEnumerable<string> BlockValue(string key, string text, int indent, int width = 100)
    {
        var pad = new string(' ', indent);
        var inner = pad + "  ";
        if (!FitsBlock(text))
        {
            yield return $"{pad}{key}: {DoubleQuoted(text)}";
        }
        else if (text.Contains('\n'))
        {
            yield return $"{pad}{key}: |-";
            foreach (var line in text.Split('\n'))
            {
                yield return line.Length == 0 ? "" : inner + line;
            }
        }
        else
        {
            yield return $"{pad}{key}: >-";
            foreach (var line in Wrap(text, width - inner.Length))
            {
                yield return inner + line;
            }
        }
    }

    /// <summary>
    /// Block scalars cannot escape anything, trim nothing we can rely on, and fold lines that start with
    /// white space differently: only printable text without such edges goes into one.
    /// </summary>
    private static bool FitsBlock(string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogatePair(text, i))
            {
                i++;
            }
            else if (c == '\n')
            {
                // No white space at either end of a line: editors strip it, and YAML treats it specially.
                if (IsBlankButNotBreak(text[i - 1]) || IsBlankButNotBreak(text[i + 1]))
                {
                    return false;
                }
            }
            else if (!IsPrintable(c) || c == '\t')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsBlankButNotBreak(char c) => c != '\n' && char.IsWhiteSpace(c);

    /// <summary>Breaks only at a single space between two non-space characters, which folding turns back into that space.</summary>
    private static IEnumerable<string> Wrap(string text, int width)
    {
        var start = 0;
        while (text.Length - start > width)
        {
            var cut = -1;
            for (var i = start + 1; i < text.Length - 1; i++)
            {
                if (text[i] == ' ' && text[i - 1] != ' ' && text[i + 1] != ' ')
                {
                    if (i - start > width && cut >= 0)
                    {
                        break;
                    }
                    cut = i;
                }
            }
            if (cut < 0)
            {
                break;
            }
            yield return text[start..cut];
            start = cut + 1;
        }
        yield return text[start..];
    }

    /// <summary>YAML's printable set, minus the characters YAML reads as line breaks or byte order marks.</summary>
    private static bool IsPrintable(char c) =>
        c is '\t' or '\n'
        || (c >= ' ' && c <= '~')
        || (c >= '\u00A0' && c <= '\uD7FF' && c is not ('\u2028' or '\u2029'))
        || (c >= '\uE000' && c <= '\uFFFD' && c != '\uFEFF');

    // Starts with a letter, then letters, digits, marks, single spaces and a few harmless
    // punctuation marks; never ':', '#', ',', brackets or quotes that YAML would read as syntax.
    [GeneratedRegex(@"^\p{L}[\p{L}\p{M}\p{N}_.&()/+'-]*( [\p{L}\p{M}\p{N}_.&()/+'-]+)*$")]
    private static partial Regex SafePlain();
}
