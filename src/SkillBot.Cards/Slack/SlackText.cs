using System.Text;

namespace SkillBot.Cards.Slack;

/// <summary>
/// Slack's text rules for what SkillBot sends: escape &amp; &lt; &gt; in anything we did not write, and cut long
/// text at a word, never inside an escape. What Slack sends is passed on as it came: the core's ChatText decodes
/// its escapes (once, with every chat client's markup) when it reads the question.
/// </summary>
public static class SlackText
{
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
    public static string Mrkdwn(string raw, int limit) => TextFit.Fit(raw, limit, Escape);

    /// <summary>Plain text (no escaping) of at most <paramref name="limit"/> characters.</summary>
    public static string Plain(string raw, int limit) => TextFit.Fit(raw, limit);
}
