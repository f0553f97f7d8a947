namespace SkillBot.Slack.Handlers;

/// <summary>Message text as Slack sends it: &amp;, &lt; and &gt; arrive escaped (protocol-slack.md §6).</summary>
public static class SlackText
{
    /// <summary>The text as the user typed it ("R&amp;amp;D" becomes "R&amp;D"); mentions are left for the core to strip.</summary>
    public static string Decode(string? text) =>
        (text ?? "").Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
}
