using System.Text.Json.Nodes;
using SkillBot.Cards.Text;
using SkillBot.Core.Answers;

namespace SkillBot.Cards.Adaptive;

/// <summary>The answer as an Adaptive Card (schema 1.5) for Teams and the web chat.</summary>
public sealed class AdaptiveCardRenderer
{
    // Interim rendering until the templates in cards/ land (issue: cards).
    public JsonObject Render(Answer answer) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = TextRenderer.Render(answer),
            ["wrap"] = true,
        }),
    };
}
