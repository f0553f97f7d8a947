using System.Net;
using System.Text.RegularExpressions;

namespace SkillBot.Core.Understanding;

/// <summary>Removes what chat clients wrap around a question: HTML entities, mentions, channel links, Teams' at-tags.</summary>
public static partial class ChatText
{
    public static string Strip(string text)
    {
        // Slack escapes &, < and > (&amp; &lt; &gt;); Teams sends &nbsp; after a mention. Decoded first,
        // or "DS &amp; DL" would carry an unknown word "amp".
        if (text.Contains('&', StringComparison.Ordinal))
        {
            text = WebUtility.HtmlDecode(text);
        }
        return text.Contains('<', StringComparison.Ordinal) ? Markup().Replace(text, " ") : text;
    }

    // Teams: <at>SkillBot</at>. Slack: <@U123ABC>, <@U123|name>, <#C123|general>, <!here>, <!subteam^S1|@team>, <https://x|label>.
    [GeneratedRegex(@"<at>.*?</at>|<[@#!][^>]*>|<(?:https?|mailto):[^>]*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex Markup();
}
