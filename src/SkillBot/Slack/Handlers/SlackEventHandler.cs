using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SkillBot.Cards;
using SkillBot.Cards.Pages;
using SkillBot.Cards.Slack;
using SkillBot.CataloguePages;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Gate;
using SkillBot.Progress;
using SkillBot.Slack.Payloads;
using SkillBot.Slack.WebApi;

namespace SkillBot.Slack.Handlers;

/// <summary>
/// Events API callbacks (HTTP and Socket Mode): @-mentions and DMs answered in thread, App Home published, links to the
/// catalogue pages unfurled.
/// Which events are for SkillBot, and whether a retry is new, is decided here at acknowledgement time; the turn's way
/// through the gate (limits, context, the answer) and the Slack calls are queued so the ack never waits.
/// </summary>
public sealed class SlackEventHandler(
    TurnGate gate,
    Assistant assistant,
    SlackApiClient slack,
    SlackWorkQueue queue,
    PageLinks links,
    IOptions<CataloguePagesOptions> pages,
    SlackProgress progress,
    ILogger<SlackEventHandler> logger)
{
    /// <summary>
    /// Handles one event_callback. Throws <see cref="JsonException"/> when a known event has the wrong shape, before its
    /// id is marked seen: only an event whose work is accepted counts as handled, so a corrected retry is still answered.
    /// </summary>
    public async Task HandleAsync(EventEnvelope envelope, int? retryNumber)
    {
        if (envelope.Event is not { ValueKind: JsonValueKind.Object } raw
            || !raw.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            return;
        }
        var kind = type.GetString();
        if (kind is "app_uninstalled" or "tokens_revoked")
        {
            // Everything kept for the workspace goes; a retry of the same event deletes nothing more.
            if (envelope.TeamId is { Length: > 0 } team)
            {
                progress.ForgetWorkspace(team, kind);
            }
            return;
        }
        if (kind is not ("app_mention" or "message" or "app_home_opened" or "link_shared"))
        {
            logger.LogDebug("Slack event {Type} ignored", kind);
            return;
        }
        if (kind == "link_shared")
        {
            await UnfurlAsync(envelope, raw);
            return;
        }
        var e = Read(raw);
        var isHome = kind == "app_home_opened";
        if (isHome ? e.Tab != "home" || e.User is null : !IsQuestionFromPerson(envelope, e))
        {
            return;
        }
        if (envelope.EventId is { } id && !await gate.FirstDeliveryAsync(SlackUser.Channel, id))
        {
            logger.LogInformation("Slack event {EventId} already handled (retry {Retry}): acknowledged only", id, retryNumber);
            return;
        }
        if (isHome)
        {
            PublishHome(envelope, e.User!);
        }
        else
        {
            Answer(envelope, e);
        }
    }

    private void Answer(EventEnvelope envelope, SlackEvent e)
    {
        if (progress.TryAnswer(SlackUser.Of(envelope.TeamId, e.User!), e))
        {
            return;
        }
        var turn = Turn.Question(SlackUser.Channel, SlackUser.Of(envelope.TeamId, e.User!), e.Text ?? "");
        var (channel, thread) = (e.Channel!, e.ThreadTs ?? e.Ts);
        queue.Enqueue(new SlackWork($"answer {e.Type} in {channel}", async cancel =>
        {
            var reply = await gate.PassAsync(turn, cancel);
            await slack.PostMessage(BlockKitRenderer.ToUtf8(reply.Answer, SlackPlacement.Post(channel, thread), links), cancel);
        }));
    }

    /// <summary>
    /// A person's mention, or a person's new DM. Not: the bot's own or any bot's messages (no loops), edits and
    /// other subtypes (joins, deletions…), channel messages that do not mention the bot.
    /// </summary>
    private static bool IsQuestionFromPerson(EventEnvelope envelope, SlackEvent e)
    {
        if (e.BotId is not null || e.Subtype is not null || e.User is null || e.Channel is null || e.Ts is null)
        {
            return false;
        }
        if (envelope.Authorizations?.Any(a => a.IsBot && a.UserId == e.User) == true)
        {
            return false;
        }
        return e.Type == "app_mention" || e.ChannelType == "im";
    }

    /// <summary>Most links Slack sends in one link_shared; more are not unfurled.</summary>
    public const int MaxUnfurls = 5;

    /// <summary>
    /// link_shared: each link to one of our pages gets the answer that page shows, as Block Kit without its buttons (an
    /// unfurl previews the page; the link itself is the way to it). Links that are not our pages are left to Slack.
    /// </summary>
    private async Task UnfurlAsync(EventEnvelope envelope, JsonElement raw)
    {
        var e = raw.Deserialize(SlackJsonContext.Default.LinkSharedEvent) ?? throw new JsonException("event is null");
        var target = e switch
        {
            { UnfurlId: { Length: > 0 } id, Source: { Length: > 0 } source } => new JsonObject { ["unfurl_id"] = id, ["source"] = source },
            { Channel: { Length: > 0 } channel, MessageTs: { Length: > 0 } ts } => new JsonObject { ["channel"] = channel, ["ts"] = ts },
            _ => null,
        };
        var publicUrl = pages.Value.PublicUri;
        var unfurls = new JsonObject();
        foreach (var url in (e.Links ?? []).Select(l => l?.Url).OfType<string>().Distinct().Take(MaxUnfurls))
        {
            if (PageAddress.ActionFor(url, publicUrl, assistant.Catalogue) is { } action)
            {
                var answer = assistant.Act(action);
                unfurls[url] = new JsonObject { ["blocks"] = Preview(answer, BlockKitRenderer.ToUtf8(answer, SlackPlacement.None, links)) };
            }
        }
        if (target is null || unfurls.Count == 0)
        {
            return;
        }
        if (envelope.EventId is { } eventId && !await gate.FirstDeliveryAsync(SlackUser.Channel, eventId))
        {
            return;
        }
        queue.Enqueue(new SlackWork($"unfurl {unfurls.Count} links", cancel => slack.Unfurl(target, unfurls, cancel)));
    }

    /// <summary>A message's blocks without its actions blocks and the "Was this useful?" line their buttons answer.</summary>
    private static JsonArray Preview(Answer answer, byte[] message)
    {
        var useful = Labels.For(answer.Language)["useful"];
        return new([.. JsonNode.Parse(message)!["blocks"]!.AsArray()
            .Where(b => b?["type"]?.GetValue<string>() != "actions" && b?["elements"]?[0]?["text"]?.GetValue<string>() != useful)
            .Select(b => b!.DeepClone())]);
    }

    private void PublishHome(EventEnvelope envelope, string user)
    {
        var person = SlackUser.Of(envelope.TeamId, user);
        queue.Enqueue(new SlackWork($"App Home for {user}", async cancel =>
            await slack.PublishView(user, AppHomeView.Build(assistant.Catalogue, assistant.Examples, await gate.ContextOfAsync(person, cancel)), cancel)));
    }

    private static SlackEvent Read(JsonElement raw) =>
        raw.Deserialize(SlackJsonContext.Default.SlackEvent) ?? throw new JsonException("event is null");
}
