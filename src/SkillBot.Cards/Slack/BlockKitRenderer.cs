using System.Text.Json.Nodes;
using SkillBot.Cards.Text;
using SkillBot.Core.Answers;

namespace SkillBot.Cards.Slack;

/// <summary>The answer as a Slack Block Kit message: <c>{ "text": fallback, "blocks": [...] }</c>.</summary>
public static class BlockKitRenderer
{
    // Interim rendering until the Block Kit layout lands (issue: cards).
    public static JsonObject Render(Answer answer) => new()
    {
        ["text"] = answer.Message,
        ["blocks"] = new JsonArray(new JsonObject
        {
            ["type"] = "section",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = TextRenderer.Render(answer)[..Math.Min(2900, TextRenderer.Render(answer).Length)] },
        }),
    };
}
