using System.Text.Json;
using SkillBot.Cards.Slack;
using SkillBot.Core;
using SkillBot.Core.Conversation;
using SkillBot.Limits;
using SkillBot.SharedState;
using SkillBot.Slack.Payloads;
using SkillBot.Slack.WebApi;

namespace SkillBot.Slack.Handlers;

/// <summary>
/// Events API callbacks (HTTP and Socket Mode): @-mentions and DMs answered in thread, App Home published.
/// Everything is decided here, at acknowledgement time; the Slack calls are queued so the ack never waits.
/// </summary>
public sealed class SlackEventHandler(
    Assistant assistant,
    IUserContextStore memory,
    SlackApiClient slack,
    SlackWorkQueue queue,
    SeenIds seen,
    ChatRateLimiter limiter,
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
        if (kind is not ("app_mention" or "message" or "app_home_opened"))
        {
            logger.LogDebug("Slack event {Type} ignored", kind);
            return;
        }
        var e = Read(raw);
        var isHome = kind == "app_home_opened";
        if (isHome ? e.Tab != "home" || e.User is null : !IsQuestionFromPerson(envelope, e))
        {
            return;
        }
        if (envelope.EventId is { } id && !await seen.FirstTimeAsync("slack:" + id))
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
        var user = SlackUser.Key(envelope.TeamId, e.User!);
        var (channel, thread) = (e.Channel!, e.ThreadTs ?? e.Ts);
        var allowed = limiter.TryAcquire(user, "slack:" + envelope.TeamId);
        queue.Enqueue(new SlackWork($"answer {e.Type} in {channel}", async cancel =>
        {
            var message = allowed
                ? BlockKitRenderer.ToUtf8(await assistant.AskAsync(e.Text ?? "", user, cancel), SlackPlacement.Post(channel, thread))
                : BlockKitRenderer.Notice(ChatRateLimiter.FriendlyMessage, SlackPlacement.Post(channel, thread));
            await slack.PostMessage(message, cancel);
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

    private void PublishHome(EventEnvelope envelope, string user)
    {
        var context = memory.Recall(SlackUser.Key(envelope.TeamId, user));
        queue.Enqueue(new SlackWork($"App Home for {user}", cancel =>
            slack.PublishView(user, AppHomeView.Build(assistant.Catalogue, context), cancel)));
    }

    private static SlackEvent Read(JsonElement raw) =>
        raw.Deserialize(SlackJsonContext.Default.SlackEvent) ?? throw new JsonException("event is null");
}
