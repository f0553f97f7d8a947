using System.Net;
using System.Text;

namespace SkillBot.Core.Understanding;

/// <summary>Removes what chat clients wrap around a question: HTML entities, mentions, channel links, Teams' at-tags.</summary>
/// <remarks>
/// Each piece of markup becomes one space, read left to right, the first that fits at a <c>&lt;</c> winning:
/// <list type="bullet">
/// <item>Teams: <c>&lt;at&gt;SkillBot&lt;/at&gt;</c>, up to the first <c>&lt;/at&gt;</c> after it (both tags in any case);</item>
/// <item>Slack: <c>&lt;@U123ABC&gt;</c>, <c>&lt;@U123|name&gt;</c>, <c>&lt;#C123|general&gt;</c>, <c>&lt;!here&gt;</c>,
/// <c>&lt;!subteam^S1|@team&gt;</c>: <c>&lt;</c> and one of <c>@#!</c> up to the first <c>&gt;</c>;</item>
/// <item>links: <c>&lt;https://x|label&gt;</c>, <c>&lt;http:…&gt;</c>, <c>&lt;mailto:…&gt;</c> (scheme in any case) up to the first <c>&gt;</c>.</item>
/// </list>
/// A <c>&lt;</c> that starts none of these (no closing tag or <c>&gt;</c> after it) stays as it is.
/// A scan, not a regular expression: it takes time linear in the text and cannot time out under load.
/// </remarks>
public static class ChatText
{
    public static string Strip(string text)
    {
        // Slack escapes &, < and > (&amp; &lt; &gt;); Teams sends &nbsp; after a mention. Decoded first,
        // or "DS &amp; DL" would carry an unknown word "amp".
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }
        var open = text.IndexOf('<', StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }
        var stripped = new StringBuilder(text.Length);
        var copied = 0;
        // Where the next '>' and "</at>" are (or -1, none left): each is searched for again only once passed, so the scan stays linear.
        var close = -2;
        var atClose = -2;
        for (var at = open; at >= 0 && at < text.Length; at = text.IndexOf('<', at))
        {
            var end = MarkupEnd(text, at, ref close, ref atClose);
            if (end < 0)
            {
                at++;
                continue;
            }
            stripped.Append(text, copied, at - copied).Append(' ');
            copied = at = end;
        }
        return stripped.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Where the markup starting at <paramref name="at"/> (a '&lt;') ends, just past it; -1 when none starts there.</summary>
    private static int MarkupEnd(string text, int at, ref int close, ref int atClose)
    {
        var rest = text.AsSpan(at);
        if (StartsWithAscii(rest, "<at>"))
        {
            if (atClose != -1 && atClose < at + 4)
            {
                atClose = IndexOfAscii(text, "</at>", at + 4);
            }
            if (atClose >= 0)
            {
                return atClose + "</at>".Length;
            }
        }
        var tagged = rest.Length > 1 && rest[1] is '@' or '#' or '!'
            || StartsWithAscii(rest[1..], "http:") || StartsWithAscii(rest[1..], "https:") || StartsWithAscii(rest[1..], "mailto:");
        if (!tagged)
        {
            return -1;
        }
        if (close != -1 && close <= at)
        {
            close = text.IndexOf('>', at + 1);
        }
        return close < 0 ? -1 : close + 1;
    }

    /// <summary>Where <paramref name="literal"/> (lower case, starting with '&lt;') is next, from <paramref name="start"/>, ASCII letters in any case; -1 when not.</summary>
    private static int IndexOfAscii(string text, string literal, int start)
    {
        for (var at = text.IndexOf('<', start); at >= 0; at = text.IndexOf('<', at + 1))
        {
            if (StartsWithAscii(text.AsSpan(at), literal))
            {
                return at;
            }
        }
        return -1;
    }

    /// <summary>Whether <paramref name="text"/> starts with <paramref name="literal"/> (lower case), its ASCII letters in any case and nothing else folded.</summary>
    private static bool StartsWithAscii(ReadOnlySpan<char> text, string literal)
    {
        if (text.Length < literal.Length)
        {
            return false;
        }
        for (var i = 0; i < literal.Length; i++)
        {
            var c = text[i];
            if ((c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c) != literal[i])
            {
                return false;
            }
        }
        return true;
    }
}
