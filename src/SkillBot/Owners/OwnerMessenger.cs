using Microsoft.Extensions.Options;
using SkillBot.Cards.Slack;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Core.Languages;
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
/// Every sentence is in the answer's language (the language files' <c>owners.*</c>), for the asker and the owners alike.
/// Only counts are logged: the question and who asked are personal.
/// </summary>
public sealed class OwnerMessenger(
    Assistant assistant,
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
        var language = assistant.Languages.For(answer.Language);
        var key = $"askowner:{asker?.Key ?? "-"}:{Tokenizer.Key(skill)}:{Tokenizer.Key(ChatText.Strip(question.Question))}";
        if (!await seen.FirstTimeAsync(key))
        {
            return Tell(answer, language, language.Text("owners.alreadySent", ("skill", skill)));
        }
        var slackOwners = answer.Owners.Where(o => Core.Catalogue.Owners.KindOf(o) == OwnerKind.Slack).ToList();
        var reasons = new List<string>();
        var sentBySlack = await SendToSlackAsync(asker, question, language, slackOwners, reasons, cancellation);
        var sentToTeams = await SendToTeamsAsync(asker, question, language, reasons, cancellation);
        logger.LogInformation("Ask an owner: {Slack} Slack direct messages, Teams channel {Teams}", sentBySlack, sentToTeams ? "posted" : "not posted");
        if (sentBySlack == 0 && !sentToTeams)
        {
            await seen.ForgetAsync(key); // nothing went: trying again later may work
            return answer with
            {
                Message = language.Text("owners.notSent",
                    ("skill", skill), ("owners", string.Join(language.Template("list.separator"), answer.Owners)), ("reasons", string.Join(language.Text("owners.reasonSeparator"), reasons))),
            };
        }
        var bySlack = sentBySlack switch
        {
            0 => null,
            1 => language.Text("owners.bySlackOne", Channels),
            _ => language.Text("owners.bySlack", [.. Channels, ("count", language.Number(sentBySlack))]),
        };
        var toTeams = sentToTeams ? language.Text("owners.teamsChannel", Channels) : null;
        var where = bySlack is not null && toTeams is not null ? language.Text("owners.both", ("first", bySlack), ("second", toTeams)) : bySlack ?? toTeams!;
        return Tell(answer, language, language.Text("owners.sent", ("skill", skill), ("where", where)));
    }

    /// <summary>The channels' names, the same in every language (the sentences name them through placeholders).</summary>
    private static readonly (string Name, string Value)[] Channels = [("slack", "Slack"), ("teams", "Teams")];

    /// <summary>What happened, then the answer's own message.</summary>
    private static Answer Tell(Answer answer, Language language, string message) =>
        answer with { Message = answer.Message.Length == 0 ? message : language.Text("sentences", ("first", message), ("second", answer.Message)) };

    private async Task<int> SendToSlackAsync(ChatUser? asker, OwnerQuestion question, Language language, List<string> owners, List<string> reasons, CancellationToken cancellation)
    {
        if (owners.Count == 0)
        {
            reasons.Add(language.Text("owners.noSlackOwner", Channels));
            return 0;
        }
        if (services.GetService<SlackApiClient>() is not { } slack || services.GetService<IOptions<SlackOptions>>()?.Value.BotToken is not { Length: > 0 })
        {
            reasons.Add(language.Text("owners.noSlack", Channels));
            return 0;
        }
        var lead = SlackLead(asker, question, language);
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
                reasons.Add(language.Text("owners.slackRefused", [.. Channels, ("error", e.Error)]));
            }
        }
        return sent;
    }

    private async Task<bool> SendToTeamsAsync(ChatUser? asker, OwnerQuestion question, Language language, List<string> reasons, CancellationToken cancellation)
    {
        if (options.Value.TeamsChannel is not { } channelId)
        {
            reasons.Add(language.Text("owners.noTeamsChannel", [.. Channels, ("setting", "Owners:TeamsChannel")]));
            return false;
        }
        if (await channels.FindAsync(channelId) is not { } channel)
        {
            reasons.Add(language.Text("owners.notAdded", Channels));
            return false;
        }
        var outbound = services.GetRequiredService<TeamsOutbound>();
        var post = outbound.Post(channel, TeamsLead(asker, question, language), question.Answer);
        if (await services.GetRequiredService<ConnectorClient>().SendAsync(post, cancellation))
        {
            return true;
        }
        reasons.Add(language.Text("owners.teamsRefused", Channels));
        return false;
    }

    /// <summary>What the owner reads first in Slack: who asks (a mention when they are on Slack too), and the question.</summary>
    private static string SlackLead(ChatUser? asker, OwnerQuestion question, Language language)
    {
        // Slack's own id of the asker (letters and digits), so the owner can reply to them.
        var who = asker is { Channel: SlackUser.Channel, Id.Length: > 0 and <= 40 } && asker.Id.All(char.IsAsciiLetterOrDigit)
            ? $"<@{asker.Id}>"
            : SlackText.Escape(Who(asker, language));
        var asked = question.Question.Length > 0 ? $"\n>{SlackText.Mrkdwn(question.Question, 1000)}" : "";
        return $"*{SlackText.Escape(language.Text("owners.lead", ("skill", question.Answer.Skill!)))}*{language.Text("owners.from", ("who", who))}{asked}\n{language.Text("owners.shown")}";
    }

    private static string TeamsLead(ChatUser? asker, OwnerQuestion question, Language language)
    {
        var asked = question.Question.Length > 0 ? $"\n\n> {question.Question.ReplaceLineEndings(" ")}" : "";
        return $"**{language.Text("owners.lead", ("skill", question.Answer.Skill!))}**{language.Text("owners.from", ("who", Who(asker, language)))}{asked}\n\n{language.Text("owners.shown")}";
    }

    private static string Who(ChatUser? asker, Language language) => asker is null
        ? language.Text("owners.someone")
        : language.Text("owners.user", ("channel", asker.Channel), ("id", asker.Id));
}
