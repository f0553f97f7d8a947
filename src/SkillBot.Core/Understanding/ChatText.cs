using System.Text.RegularExpressions;

namespace SkillBot.Core.Understanding;

/// <summary>Removes what chat clients wrap around a question: mentions, channel links, Teams' at-tags.</summary>
public static partial class ChatText
{
    public static string Strip(string text) =>
        text.Contains('<', StringComparison.Ordinal) ? Markup().Replace(text, " ") : text;

    // Teams: <at>SkillBot</at>. Slack: <@U123ABC>, <@U123|name>, <#C123|general>, <!here>, <!subteam^S1|@team>, <https://x|label>.
    [GeneratedRegex(@"<at>.*?</at>|<[@#!][^>]*>|<(?:https?|mailto):[^>]*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex Markup();
}
