using SkillBot.Cards.Pages;
using SkillBot.Cards.Slack;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Gate;
using SkillBot.Progress;
using SkillBot.Rendering;
using SkillBot.Slack.Payloads;

namespace SkillBot.Slack.Handlers;

/// <summary><c>/skill question</c>: answered at once, privately (ephemeral), with the Block Kit rendering of the answer (<c>/skill progress</c>: the person's checklist).</summary>
public sealed class SlashCommandHandler(TurnGate gate, Assistant assistant, RenderedAnswers rendered, PageLinks links, SlackProgress progress, ILogger<SlashCommandHandler> logger)
{
    private static readonly byte[] Apology =
        """{"response_type":"ephemeral","text":"Sorry, something went wrong answering that. Please try again."}"""u8.ToArray();

    /// <summary>The reply as UTF-8 JSON: the answer's Block Kit message, shown only to the person who asked.</summary>
    public async ValueTask<byte[]> HandleAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        try
        {
            var text = (command.Text ?? "").Trim();
            var user = SlackUser.Of(command.TeamId, command.UserId);
            if (text.Length <= Assistant.MaxQuestionLength && progress.Asks(text))
            {
                return gate.Admits(Turn.Question(SlackUser.Channel, user, text))
                    ? await progress.CommandAsync(user, text, cancellationToken)
                    : BlockKitRenderer.ToUtf8(gate.RateLimited(Turn.Question(SlackUser.Channel, user, text)).Answer, SlackPlacement.Ephemeral, links);
            }
            return rendered.Get("slack-command", await AnswerAsync(command, cancellationToken), answer => BlockKitRenderer.ToUtf8(answer, SlackPlacement.Ephemeral, links));
        }
        catch (Exception e)
        {
            // Slack shows a 500 as a cryptic failure; the user gets a plain apology instead (protocol-slack.md §2).
            logger.LogError(e, "Answering {Command} failed", command.Command);
            return Apology;
        }
    }

    private async ValueTask<Answer> AnswerAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var text = (command.Text ?? "").Trim();
        var turn = Turn.Question(SlackUser.Channel, SlackUser.Of(command.TeamId, command.UserId), text);
        // Help is this command's own answer, and counted against the limit like any question.
        if (!gate.Admits(turn))
        {
            return gate.RateLimited(turn).Answer;
        }
        return text.Length == 0 || text.Equals("help", StringComparison.OrdinalIgnoreCase)
            ? assistant.HelpIn(text, "help.slashCommand", ("command", command.Command))
            : await gate.AnswerAsync(turn, cancellationToken);
    }
}
