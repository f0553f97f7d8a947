using SkillBot.Cards.Slack;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Limits;
using SkillBot.Rendering;
using SkillBot.Slack.Payloads;

namespace SkillBot.Slack.Handlers;

/// <summary><c>/skill question</c>: answered at once, privately (ephemeral), with the Block Kit rendering of the answer.</summary>
public sealed class SlashCommandHandler(Assistant assistant, RenderedAnswers rendered, ChatRateLimiter limiter, ILogger<SlashCommandHandler> logger)
{
    private static readonly byte[] Apology =
        """{"response_type":"ephemeral","text":"Sorry, something went wrong answering that. Please try again."}"""u8.ToArray();

    /// <summary>The reply as UTF-8 JSON: the answer's Block Kit message, shown only to the person who asked.</summary>
    public byte[] Handle(SlashCommand command)
    {
        try
        {
            return rendered.Get("slack-command", Answer(command), answer => BlockKitRenderer.ToUtf8(answer, SlackPlacement.Ephemeral));
        }
        catch (Exception e)
        {
            // Slack shows a 500 as a cryptic failure; the user gets a plain apology instead (protocol-slack.md §2).
            logger.LogError(e, "Answering {Command} failed", command.Command);
            return Apology;
        }
    }

    private Answer Answer(SlashCommand command)
    {
        var text = (command.Text ?? "").Trim();
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
