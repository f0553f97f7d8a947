using Microsoft.Extensions.Options;
using SkillBot.Cards.Slack;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Core.Text;
using SkillBot.Core.Understanding;
using SkillBot.SharedState;
using SkillBot.Slack;
using SkillBot.Slack.Handlers;
using SkillBot.Slack.WebApi;
using SkillBot.Teams;

namespace SkillBot.Owners;

/// <summary>
/// "Ask an owner": sends a person's question, with the answer they were shown, to the skill's owners — a Slack direct
/// message to each owner given as a Slack user id (when Slack is set up), and a post in the owners' Teams channel
/// (Owners:TeamsChannel, once SkillBot has been added there) — and tells the person what was sent, or why nothing was.
/// The same question from the same person about the same skill is sent once (for <see cref="SeenIds.Remember"/>).
/// Only counts are logged: the question and who asked are personal.
/// </summary>
public sealed class OwnerMessenger(
    IServiceProvider services,
    TeamsChannels channels,
    SeenIds seen,
    IOptions<OwnersOptions> options,
    ILogger<OwnerMessenger> logger)
{
    /// <summary>Sends <paramref name="question"/> on; the answer to show the asker, its message saying what happened.</summary>
    public async ValueTask<Answer> SendAsync(ChatUser? asker, OwnerQuestion question, CancellationToken cancellation)
    {
        var answer = question.Answer;
        var skill = answer.Skill!;
        var key = $"askowner:{asker?.Key ?? "-"}:{Tokenizer.Key(skill)}:{Tokenizer.Key(ChatText.Strip(question.Question))}";
        if (!await seen.FirstTimeAsync(key))
        {
            return Tell(answer, $"Your question is already with the owners of {skill}. {answer.Message}");
        }
        var slackOwners = answer.Owners.Where(o => Core.Catalogue.Owners.KindOf(o) == OwnerKind.Slack).ToList();
        var reasons = new List<string>();
        var sentBySlack = await SendToSlackAsync(asker, question, slackOwners, reasons, cancellation);
        var sentToTeams = await SendToTeamsAsync(asker, question, reasons, cancellation);
        logger.LogInformation("Ask an owner: {Slack} Slack direct messages, Teams channel {Teams}", sentBySlack, sentToTeams ? "posted" : "not posted");
        if (sentBySlack == 0 && !sentToTeams)
        {
            await seen.ForgetAsync(key); // nothing went: trying again later may work
            return Tell(answer, $"I couldn't send your question to the owners of {skill} ({string.Join(", ", answer.Owners)}): {string.Join("; ", reasons)}. You can contact them directly.");
        }
        var where = new List<string>();
        if (sentBySlack > 0)
        {
            where.Add(sentBySlack == 1 ? "1 owner by Slack direct message" : $"{sentBySlack} owners by Slack direct message");
        }
        if (sentToTeams)
        {
            where.Add("the owners' Teams channel");
        }
        return Tell(answer, $"I've sent your question and this answer to the owners of {skill}: {string.Join(" and ", where)}. {answer.Message}");
    }

    private static Answer Tell(Answer answer, string message) => answer with { Message = message };

    private async Task<int> SendToSlackAsync(ChatUser? asker, OwnerQuestion question, List<string> owners, List<string> reasons, CancellationToken cancellation)
    {
        if (owners.Count == 0)
        {
            reasons.Add("no owner is a Slack user id");
            return 0;
        }
        if (services.GetService<SlackApiClient>() is not { } slack || services.GetService<IOptions<SlackOptions>>()?.Value.BotToken is not { Length: > 0 })
        {
            reasons.Add("Slack is not set up here");
            return 0;
        }
        var lead = SlackLead(asker, question);
        var sent = 0;
        foreach (var owner in owners)
        {
            try
            {
                var channel = await slack.OpenDirectMessage(owner, cancellation);
                await slack.PostMessage(BlockKitRenderer.ToUtf8(question.Answer, SlackPlacement.Post(channel, null), lead: lead), cancellation);
                sent++;
            }
            catch (SlackApiException e)
            {
                reasons.Add($"Slack refused a direct message ({e.Error})");
            }
        }
        return sent;
    }

    private async Task<bool> SendToTeamsAsync(ChatUser? asker, OwnerQuestion question, List<string> reasons, CancellationToken cancellation)
    {
        if (options.Value.TeamsChannel is not { } channelId)
        {
            reasons.Add("no owners' Teams channel is set up (Owners:TeamsChannel)");
            return false;
        }
        if (await channels.FindAsync(channelId) is not { } channel)
        {
            reasons.Add("SkillBot has not been added to the owners' Teams channel yet");
            return false;
        }
        var outbound = services.GetRequiredService<TeamsOutbound>();
        var post = outbound.Post(channel, TeamsLead(asker, question), question.Answer);
        if (await services.GetRequiredService<ConnectorClient>().SendAsync(post, cancellation))
        {
            return true;
        }
        reasons.Add("Teams did not take the post in the owners' channel");
        return false;
    }

    /// <summary>What the owner reads first in Slack: who asks (a mention when they are on Slack too), and the question.</summary>
    private static string SlackLead(ChatUser? asker, OwnerQuestion question)
    {
        // Slack's own id of the asker (letters and digits), so the owner can reply to them.
        var who = asker is { Channel: SlackUser.Channel, Id.Length: > 0 and <= 40 } && asker.Id.All(char.IsAsciiLetterOrDigit)
            ? $"<@{asker.Id}>"
            : SlackText.Escape(Who(asker));
        var asked = question.Question.Length > 0 ? $"\n>{SlackText.Mrkdwn(question.Question, 1000)}" : "";
        return $"*A question for the owners of {SlackText.Escape(question.Answer.Skill!)}*, from {who}:{asked}\nThey were shown this answer:";
    }

    private static string TeamsLead(ChatUser? asker, OwnerQuestion question)
    {
        var asked = question.Question.Length > 0 ? $"\n\n> {question.Question.ReplaceLineEndings(" ")}" : "";
        return $"**A question for the owners of {question.Answer.Skill}**, from {Who(asker)}:{asked}\n\nThey were shown this answer:";
    }

    private static string Who(ChatUser? asker) => asker is null
        ? "someone who did not say who they are"
        : $"{asker.Channel} user {asker.Id}";
}
