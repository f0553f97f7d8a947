using System.Buffers;
using System.Text.Json;
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
    /// <summary>The reply as UTF-8 JSON: the answer's Block Kit message, shown only to the person who asked.</summary>
    public byte[] Handle(SlashCommand command)
    {
        try
        {
            return rendered.Get("slack-command", Answer(command), answer => Ephemeral(json => BlockKitRenderer.WriteMessage(json, answer)));
        }
        catch (Exception e)
        {
            // Slack shows a 500 as a cryptic failure; the user gets a plain apology instead (protocol-slack.md §2).
            logger.LogError(e, "Answering {Command} failed", command.Command);
            return Ephemeral(json => json.WriteString("text", "Sorry, something went wrong answering that. Please try again."));
        }
    }

    private static byte[] Ephemeral(Action<Utf8JsonWriter> message)
    {
        var reply = new ArrayBufferWriter<byte>(8 * 1024);
        using (var json = new Utf8JsonWriter(reply, BlockKitRenderer.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("response_type", "ephemeral");
            message(json);
            json.WriteEndObject();
        }
        return reply.WrittenSpan.ToArray();
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
