using System.Text;
using System.Text.Json.Nodes;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;

namespace SkillBot.Cards.Slack;

/// <summary>
/// The App Home tab: the user's remembered role and level on top, then the catalogue by domain and skill.
/// A Home tab holds at most 100 blocks and a section 3,000 characters, so any catalogue is summarised to fit:
/// one section per domain, and the domains that do not fit counted in a last line. A rendering like any other:
/// published by the Slack channel when someone opens the tab.
/// </summary>
public static class AppHomeView
{
    public const int MaxBlocks = 100;
    public const int MaxSectionText = 3000;

    /// <param name="examples">Example questions the served catalogue answers (the assistant's own), the first one suggested.</param>
    public static JsonObject Build(SkillCatalogue catalogue, IReadOnlyList<string> examples, UserContext? context)
    {
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = PlainText("SkillBot: what does your next level ask of you?") },
            Section(Greeting(examples, context)),
            new JsonObject { ["type"] = "divider" },
            Context($"{catalogue.Domains.Length} domains · {catalogue.Skills.Length} skills · {catalogue.Roles.Length} roles · " +
                    $"levels {string.Join(" → ", catalogue.Levels.Select(l => SlackText.Escape(l.Name)))} · catalogue {catalogue.Version}"),
        };
        var room = MaxBlocks - blocks.Count;
        var shown = catalogue.Domains.Length <= room ? catalogue.Domains.Length : room - 1;
        foreach (var domain in catalogue.Domains.Take(shown))
        {
            blocks.Add(Section(DomainText(domain, catalogue.SkillsIn(domain))));
        }
        if (shown < catalogue.Domains.Length)
        {
            blocks.Add(Context($"…and {catalogue.Domains.Length - shown} more domains. Ask `/skill <domain>` to see their skills."));
        }
        return new JsonObject { ["type"] = "home", ["blocks"] = blocks };
    }

    private static string Greeting(IReadOnlyList<string> examples, UserContext? context)
    {
        var ask = $"Ask `/skill {(examples.Count > 0 ? SlackText.Escape(examples[0]) : "help")}`, mention me in a channel, or send me a message.";
        var lines = new List<string>();
        if (Names(context?.Person?.Level, context?.Person?.Role) is { Length: > 0 } you)
        {
            lines.Add($"You told me you are *{you}*.");
        }
        if (context?.Topic is { } topic && (Names(topic.Level, topic.Role), topic.Skill) is var (who, skill) && (who.Length > 0 || skill is not null))
        {
            lines.Add($"Last time we talked about *{(who.Length > 0 ? who : SlackText.Escape(skill!))}*{(who.Length > 0 && skill is not null ? $" in *{SlackText.Escape(skill)}*" : "")}.");
        }
        lines.Add(ask);
        return string.Join("\n", lines);
    }

    private static string Names(params string?[] names) => string.Join(" ", names.OfType<string>().Select(SlackText.Escape));

    private static string DomainText(string domain, IReadOnlyList<Skill> skills)
    {
        var text = new StringBuilder($"*{SlackText.Escape(domain)}* ({skills.Count} skill{(skills.Count == 1 ? "" : "s")})\n");
        for (var i = 0; i < skills.Count; i++)
        {
            var name = (i > 0 ? " · " : "") + SlackText.Escape(skills[i].Name);
            var rest = $" …and {skills.Count - i} more";
            if (text.Length + name.Length + rest.Length > MaxSectionText)
            {
                return text.Append(rest).ToString();
            }
            text.Append(name);
        }
        return text.ToString();
    }

    private static JsonObject Section(string mrkdwn) =>
        new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn } };

    private static JsonObject Context(string mrkdwn) =>
        new() { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn }) };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text };
}
