using System.Text.Json;
using SkillBot.Cards.Pages;
using SkillBot.Cards.Slack;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Gate;
using SkillBot.Progress;
using SkillBot.Slack.Dispatch;
using SkillBot.Slack.Payloads;
using SkillBot.Slack.WebApi;

namespace SkillBot.Slack.Handlers;

/// <summary>
/// Buttons and the level select on an answer (HTTP and Socket Mode). Each carries the <see cref="CardAction"/> JSON of
/// what to show next; the new answer replaces the message in place through its response_url. <c>skillbot.share</c>
/// carries the action of the answer shown and re-posts it <c>in_channel</c> for everyone.
/// </summary>
public sealed class InteractionHandler(TurnGate gate, SlackApiClient slack, SlackWorkQueue queue, PageLinks links, SlackProgress progress, ILogger<InteractionHandler> logger)
{
    public const string ActionPrefix = "skillbot.";
    public const string ShareActionId = "skillbot.share";

    /// <summary>
    /// Handles one interaction payload: block_actions are queued; a progress modal's view_submission is saved and
    /// answered in the acknowledgement. Throws <see cref="JsonException"/> when a payload has the wrong shape.
    /// </summary>
    public async ValueTask<SlackAck> HandleAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        var type = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;
        if (type == ViewSubmissionPayload.TypeName)
        {
            return await progress.SubmitAsync(payload, cancellationToken);
        }
        if (type != BlockActionsPayload.TypeName)
        {
            logger.LogDebug("Slack interaction ignored: not block_actions");
            return SlackAck.Taken;
        }
        var actions = payload.Deserialize(SlackJsonContext.Default.BlockActionsPayload) ?? throw new JsonException("payload is null");
        foreach (var action in actions.Actions ?? [])
        {
            Handle(actions, action);
        }
        return SlackAck.Taken;
    }

    private void Handle(BlockActionsPayload payload, BlockAction action)
    {
        if (action.ActionId?.StartsWith(ActionPrefix, StringComparison.Ordinal) != true)
        {
            logger.LogDebug("Slack action {ActionId} ignored: not SkillBot's", action.ActionId);
            return;
        }
        if (payload.User?.Id is { } clicker && progress.TryAct(payload, action, SlackUser.Of(payload.Team?.Id ?? payload.User.TeamId, clicker)))
        {
            return;
        }
        if (ReadCardAction(action.Value ?? action.SelectedOption?.Value) is not { } card || payload.User?.Id is not { } userId)
        {
            logger.LogInformation("Slack action {ActionId} ignored: no card action or user", action.ActionId);
            return;
        }
        if (!slack.IsAllowedResponseUrl(payload.ResponseUrl))
        {
            // The only place the answer can go; a host off the allow-list is never called.
            logger.LogWarning("Slack action {ActionId} ignored: response_url missing or not on Slack:ResponseUrlHosts", action.ActionId);
            return;
        }
        var turn = Turn.Button(SlackUser.Channel, SlackUser.Of(payload.Team?.Id ?? payload.User.TeamId, userId), card);
        var share = action.ActionId == ShareActionId;
        var responseUrl = payload.ResponseUrl!;
        queue.Enqueue(new SlackWork($"action {action.ActionId}", async cancel =>
        {
            var reply = await gate.PassAsync(turn, cancel);
            // Share posts a new public message; every other action, and a limited share, replaces the clicked message.
            var placement = share && reply.Outcome == GateOutcome.Answered ? SlackPlacement.ShareInChannel : SlackPlacement.ReplaceClicked;
            var message = BlockKitRenderer.ToUtf8(reply.Answer, placement, links);
            await slack.PostToResponseUrl(responseUrl, message, cancel);
        }));
    }

    private CardAction? ReadCardAction(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(value, CardActionJsonContext.Default.CardAction) is { Verb.Length: > 0 } card ? card : null;
        }
        catch (JsonException)
        {
            logger.LogInformation("Slack action value is not a card action");
            return null;
        }
    }
}
