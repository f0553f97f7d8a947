using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Core.Answers;

namespace SkillBot.Cards.Adaptive;

/// <summary>
/// Reads an <c>Action.Execute</c> (Teams' adaptiveCard/action invoke, the web chat) back into the
/// <see cref="CardAction"/> it was made from: the verb travels beside the data, and inputs such as the
/// level picker (<c>id: "level"</c>) arrive merged into the data.
/// </summary>
public static class ExecuteAction
{
    public static CardAction? Parse(string? verb, JsonNode? data)
    {
        if (string.IsNullOrWhiteSpace(verb) || verb.Length > 100)
        {
            return null;
        }
        if (data is null)
        {
            return new CardAction(verb);
        }
        if (data is not JsonObject)
        {
            return null;
        }
        try
        {
            var action = data.Deserialize(CardActionJsonContext.Default.CardAction);
            return action is null ? null : action with { Verb = verb };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
