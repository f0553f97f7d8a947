using System.Text.Json.Nodes;
using SkillBot.Cards.Slack;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Limits;
using SkillBot.Slack.Payloads;

namespace SkillBot.Slack.Handlers;

/// <summary><c>/skill question</c>: answered at once, privately (ephemeral), with the Block Kit rendering of the answer.</summary>
public sealed class SlashCommandHandler(Assistant assistant, ChatRateLimiter limiter, ILogger<SlashCommandHandler> logger)
{
    public JsonObject Handle(SlashCommand command)
    {
        try
        {
            var message = BlockKitRenderer.Render(Answer(command));
            message["response_type"] = "ephemeral";
            return message;
        }
        catch (Exception e)
        {
            // Slack shows a 500 as a cryptic failure; the user gets a plain apology instead (protocol-slack.md §2).
            logger.LogError(e, "Answering {Command} failed", command.Command);
            return new JsonObject { ["response_type"] = "ephemeral", ["text"] = "Sorry, something went wrong answering that. Please try again." };
        }
    }

    private Answer Answer(SlashCommand command)
    {
        var text = SlackText.Decode(command.Text).Trim();
        var user = SlackUser.Key(command.TeamId, command.UserId);
        if (!limiter.TryAcquire(user, "slack:" + command.TeamId))
        {
            return assistant.Composer.Help(new Query(text), ChatRateLimiter.FriendlyMessage) with { Suggestions = [] };
        }
        return text.Length == 0 || text.Equals("help", StringComparison.OrdinalIgnoreCase)
            ? assistant.Composer.Help(new Query(text), $"Ask {command.Command} what a level expects in a skill, for example:")
            : assistant.Ask(text, user);
    }
}
