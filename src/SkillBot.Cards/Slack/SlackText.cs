using System.Text;

namespace SkillBot.Cards.Slack;

/// <summary>Slack's text rules: escape &amp; &lt; &gt; in anything we did not write, and cut long text at a word, never inside an escape.</summary>
public static class SlackText
{
    public const string Ellipsis = "…";

    /// <summary>Escapes the three characters Slack's mrkdwn gives meaning to, so user or catalogue text can never mention or link.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }

    /// <summary>Escaped text of at most <paramref name="limit"/> characters, shortened at a word boundary with "…".</summary>
    public static string Mrkdwn(string raw, int limit) => Fit(raw, limit, Escape);

    /// <summary>Plain text (no escaping) of at most <paramref name="limit"/> characters.</summary>
    public static string Plain(string raw, int limit) => Fit(raw, limit, s => s);

    private static string Fit(string raw, int limit, Func<string, string> encode)
    {
        var encoded = encode(raw);
        if (encoded.Length <= limit)
        {
            return encoded;
        }
        // Step back a word at a time: escapes only lengthen text, so the first prefix that fits is the longest.
        var cut = Math.Min(raw.Length, limit - Ellipsis.Length);
        while (cut > 0)
        {
            var prefix = Shorten(raw, cut);
            var candidate = encode(prefix) + Ellipsis;
            if (candidate.Length <= limit)
            {
                return candidate;
            }
            cut = Math.Min(cut - 1, prefix.Length - 1);
        }
        return Ellipsis;
    }

    /// <summary>The text cut to at most <paramref name="length"/> characters at the last word boundary (or hard, for one long word).</summary>
    public static string Shorten(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }
        var space = text.LastIndexOf(' ', Math.Max(0, length - 1), length);
        var cut = space > length / 2 ? space : length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return text[..cut].TrimEnd();
    }
}
