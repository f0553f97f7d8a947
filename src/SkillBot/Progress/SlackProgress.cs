using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SkillBot.Cards.Progress;
using SkillBot.Core.Conversation;
using SkillBot.Core.Progress;
using SkillBot.Gate;
using SkillBot.Slack.Dispatch;
using SkillBot.Slack.Handlers;
using SkillBot.Slack.Payloads;
using SkillBot.Slack.WebApi;

namespace SkillBot.Progress;

/// <summary>What the mark modal carries through Slack and back: the expectation, and where the checklist it came from can be updated.</summary>
public sealed record SlackModalMetadata(ProgressAction Action, string? ResponseUrl);

/// <summary>
/// Progress in Slack. Answers are only ever seen by the person (an ephemeral slash-command reply, chat.postEphemeral in a
/// channel, their DM, the modal) until they press share. "Mark progress" opens the modal with the interaction's
/// trigger_id first thing (the trigger lasts 3 s); its submission is saved before it is acknowledged, and the checklist
/// it came from is then updated in place. A workspace that uninstalls SkillBot or revokes its tokens is forgotten.
/// </summary>
public sealed class SlackProgress(ProgressDesk desk, Forgetting forgetting, TurnGate gate, SlackApiClient slack, SlackWorkQueue queue, ILogger<SlackProgress> logger)
{
    private static readonly JsonObject Ephemeral = new() { ["response_type"] = "ephemeral" };

    /// <summary>True when the text asks about the person's own progress rather than the framework.</summary>
    public bool Asks(string text) => desk.Read(text) is not null;

    /// <summary>A slash command about progress (<see cref="Asks"/>), answered in its acknowledgement, ephemeral.</summary>
    public async ValueTask<byte[]> CommandAsync(ChatUser user, string text, CancellationToken cancellationToken)
    {
        var reply = desk.Read(text) is { } question ? await desk.AnswerAsync(user, question, cancellationToken) : new ProgressReply("");
        return ProgressBlockKit.Message(reply, Ephemeral);
    }

    /// <summary>A mention or DM about progress: queued, answered privately (ephemeral in a channel). False when it asks the framework.</summary>
    public bool TryAnswer(ChatUser user, SlackEvent e)
    {
        if (desk.Read(e.Text) is not { } question)
        {
            return false;
        }
        var turn = Turn.Question(SlackUser.Channel, user, e.Text);
        var isDm = e.ChannelType == "im";
        var placement = new JsonObject { ["channel"] = e.Channel };
        if (!isDm)
        {
            placement["user"] = user.Id;
        }
        if ((e.ThreadTs ?? (isDm ? null : e.Ts)) is { } thread)
        {
            placement["thread_ts"] = thread;
        }
        queue.Enqueue(new SlackWork("progress answer", async cancel =>
        {
            var reply = gate.Admits(turn) ? await desk.AnswerAsync(user, question, cancel) : desk.RateLimited(question.Language);
            var message = ProgressBlockKit.Message(reply, placement);
            await (isDm ? slack.PostMessage(message, cancel) : slack.PostEphemeral(message, cancel));
        }));
        return true;
    }

    /// <summary>A progress button (value: a <see cref="ProgressAction"/>); false when the button is not one.</summary>
    public bool TryAct(BlockActionsPayload payload, BlockAction action, ChatUser user)
    {
        if (Read(action.Value ?? action.SelectedOption?.Value) is not { } pressed)
        {
            return false;
        }
        var turn = Turn.Question(SlackUser.Channel, user, null);
        if (pressed.Verb == ProgressAction.OpenVerb)
        {
            if (payload.TriggerId is not { Length: > 0 } trigger)
            {
                logger.LogInformation("Slack progress action without trigger_id ignored");
                return true;
            }
            var responseUrl = slack.IsAllowedResponseUrl(payload.ResponseUrl) ? payload.ResponseUrl : null;
            queue.Enqueue(new SlackWork("progress modal", async cancel =>
            {
                // The modal first: the trigger expires 3 s after the click, so the existing mark gets a short budget
                // (the form opens empty when the database is slower), and anything else waits until it is open.
                if (!gate.Admits(turn))
                {
                    await PostBack(responseUrl, desk.RateLimited(pressed.Language), false, cancel);
                    return;
                }
                var form = await desk.FormForModalAsync(user, pressed, cancel);
                if (form is null)
                {
                    await PostBack(responseUrl, await desk.ActAsync(user, pressed, cancel), false, cancel);
                    return;
                }
                var metadata = JsonSerializer.Serialize(new SlackModalMetadata(pressed with { Verb = ProgressAction.MarkVerb }, responseUrl), SlackProgressJsonContext.Default.SlackModalMetadata);
                await slack.OpenView(trigger, ProgressBlockKit.Modal(form, metadata, pressed.Language), cancel);
            }));
            return true;
        }
        if (!slack.IsAllowedResponseUrl(payload.ResponseUrl))
        {
            logger.LogWarning("Slack progress action ignored: response_url missing or not on Slack:ResponseUrlHosts");
            return true;
        }
        queue.Enqueue(new SlackWork("progress action", async cancel =>
        {
            var reply = gate.Admits(turn) ? await desk.ActAsync(user, pressed, cancel) : desk.RateLimited(pressed.Language);
            await PostBack(payload.ResponseUrl, reply, reply.Shared, cancel);
        }));
        return true;
    }

    /// <summary>The mark modal submitted: saved (committed) before the acknowledgement, which shows what was saved.</summary>
    public async ValueTask<SlackAck> SubmitAsync(JsonElement raw, CancellationToken cancellationToken)
    {
        var payload = raw.Deserialize(SlackJsonContext.Default.ViewSubmissionPayload) ?? throw new JsonException("payload is null");
        if (payload.View?.CallbackId != ProgressBlockKit.ModalCallbackId || payload.User?.Id is not { } userId)
        {
            return SlackAck.Taken;
        }
        SlackModalMetadata? metadata;
        try
        {
            metadata = JsonSerializer.Deserialize(payload.View.PrivateMetadata ?? "", SlackProgressJsonContext.Default.SlackModalMetadata);
        }
        catch (JsonException)
        {
            metadata = null;
        }
        if (metadata?.Action is not { } action)
        {
            return new SlackAck(Problem: "The modal's private_metadata is not SkillBot's.");
        }
        var values = payload.View.State?.Values;
        var status = values?.GetValueOrDefault(ProgressBlockKit.StatusBlock)?.GetValueOrDefault(ProgressBlockKit.StatusBlock)?.SelectedOption?.Value;
        var evidence = values?.GetValueOrDefault(ProgressBlockKit.EvidenceBlock)?.GetValueOrDefault(ProgressBlockKit.EvidenceBlock)?.Value ?? "";
        if (evidence.Length > ProgressMark.MaxEvidenceLength)
        {
            return new SlackAck(Answer: ProgressBlockKit.SubmissionAck(desk.EvidenceTooLong(action.Language), evidenceProblem: true));
        }
        var user = SlackUser.Of(payload.Team?.Id ?? payload.User.TeamId, userId);
        var verb = status == ProgressBlockKit.RemoveStatus ? ProgressAction.UnmarkVerb : ProgressAction.MarkVerb;
        var reply = gate.Admits(Turn.Question(SlackUser.Channel, user, null))
            ? await desk.ActAsync(user, action with { Verb = verb, Status = status, Evidence = evidence }, cancellationToken)
            : desk.RateLimited(action.Language);
        if (reply.Checklist is not null && metadata.ResponseUrl is { } responseUrl && slack.IsAllowedResponseUrl(responseUrl))
        {
            queue.Enqueue(new SlackWork("progress checklist update", cancel => PostBack(responseUrl, reply, false, cancel)));
        }
        return new SlackAck(Answer: ProgressBlockKit.SubmissionAck(reply, evidenceProblem: false));
    }

    /// <summary>app_uninstalled, tokens_revoked: everything kept for the workspace is deleted.</summary>
    public void ForgetWorkspace(string team, string why) =>
        queue.Enqueue(new SlackWork($"forget workspace ({why})", async cancel =>
        {
            var rows = await forgetting.WorkspaceAsync(SlackUser.Channel, team, cancel);
            logger.LogInformation("Slack workspace data deleted after {Event}: {Rows} progress rows, remembered context and pending questions", why, rows);
        }));

    private async Task PostBack(string? responseUrl, ProgressReply reply, bool share, CancellationToken cancel)
    {
        if (responseUrl is null)
        {
            return;
        }
        var placement = share
            ? new JsonObject { ["response_type"] = "in_channel", ["replace_original"] = false }
            : new JsonObject { ["replace_original"] = true };
        await slack.PostToResponseUrl(responseUrl, ProgressBlockKit.Message(reply, placement), cancel);
    }

    private ProgressAction? Read(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.Contains(ProgressAction.Prefix, StringComparison.Ordinal) && !value.Contains("skillbot.forget", StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(value, ProgressActionJsonContext.Default.ProgressAction) is { } action && ProgressAction.IsProgressVerb(action.Verb) ? action : null;
        }
        catch (JsonException)
        {
            logger.LogInformation("Slack action value is not a progress action");
            return null;
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackModalMetadata))]
public sealed partial class SlackProgressJsonContext : JsonSerializerContext;
