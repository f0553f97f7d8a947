using System.Text.Json;
using Microsoft.Extensions.Options;
using SkillBot.CataloguePages;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Gate;
using SkillBot.SharedState;
using SkillBot.Progress;
using SkillBot.Rendering;

namespace SkillBot.Teams;

/// <summary>
/// What an activity is answered with, in the Bot Framework's terms: only <see cref="TeamsEndpoint"/> makes it HTTP.
/// </summary>
public abstract record TeamsResponse
{
    /// <summary>Taken (its reply, if any, is queued) or ignored: 200, no body.</summary>
    public static readonly TeamsResponse Accepted = new Taken();

    private TeamsResponse()
    {
    }

    public sealed record Taken : TeamsResponse;

    /// <summary>An Action.Execute's answer: the card that replaces the one clicked.</summary>
    public sealed record CardInvoke(AdaptiveCardInvokeResponse Body) : TeamsResponse;

    /// <summary>A message extension's answer: search results or a message.</summary>
    public sealed record SearchInvoke(MessageExtensionResponse Body) : TeamsResponse;

    /// <summary>Not taken: 400 (nothing to reply to) or 503 (busy, deliver again).</summary>
    public sealed record Refused(int Status, string Detail) : TeamsResponse;
}

/// <summary>
/// What SkillBot does with an authenticated activity: questions get a card reply through the connector,
/// a bot added to a conversation says welcome, card buttons and compose-box searches are answered in the
/// response. Anything else is accepted and ignored, as Teams expects.
/// </summary>
public sealed class TeamsBot(TurnGate gate, Assistant assistant, TeamsOutbound outbound, ReplyQueue replies, IOptions<CataloguePagesOptions> pages, TeamsChannels channels, TeamsProgress progress, ILogger<TeamsBot> logger)
{
    public const string SearchCommand = "searchSkills";
    public const string SearchParameter = "searchKeywords";
    private const int MaxSearchResults = 25;

    /// <summary>
    /// Messages and welcomes are answered once per activity id (they post a message). Invokes are answered
    /// every time: Teams retries an invoke it gave up waiting for, and the answer (a card) is the same.
    /// </summary>
    public async Task<TeamsResponse> HandleAsync(Activity activity, CancellationToken cancellation) => activity.Type switch
    {
        ActivityTypes.Message => await OnMessageAsync(activity, cancellation),
        ActivityTypes.ConversationUpdate => await OnConversationUpdateAsync(activity),
        ActivityTypes.InstallationUpdate => await OnInstallationUpdateAsync(activity),
        ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardAction => await OnCardActionAsync(activity, cancellation),
        ActivityTypes.Invoke when activity.Name == ActivityTypes.MessageExtensionQuery => OnSearch(activity),
        ActivityTypes.Invoke when activity.Name == ActivityTypes.MessageExtensionQueryLink => OnLink(activity),
        _ => TeamsResponse.Accepted,
    };

    private async Task<TeamsResponse> OnMessageAsync(Activity activity, CancellationToken cancellation)
    {
        if (Unanswerable(activity) is { } problem)
        {
            return problem;
        }
        if (TeamsInbound.ChannelReference(activity) is { } heard && channels.IsWanted(heard.ChannelId))
        {
            await channels.RememberAsync(heard.ChannelId, heard.Reference); // a channel SkillBot posts into, heard from
        }
        if (TeamsInbound.MessageTurn(activity) is not { } turn)
        {
            return TeamsResponse.Accepted;
        }
        if (progress.Asks(turn))
        {
            return await ReplyOnceAsync(activity, async () => outbound.Reply(activity, "", await progress.AnswerAsync(activity, turn, cancellation)));
        }
        return await ReplyOnceAsync(activity, async () => (await gate.PassAsync(turn, cancellation)).Answer);
    }

    private async Task<TeamsResponse> OnConversationUpdateAsync(Activity activity)
    {
        var botAdded = activity.Recipient?.Id is { } bot && activity.MembersAdded?.Any(m => m?.Id == bot) == true;
        if (!botAdded)
        {
            if (activity.ChannelData?.EventType == "channelCreated" && Unanswerable(activity) is null && TeamsInbound.ChannelReference(activity) is { } created)
            {
                // A channel made in a team SkillBot is in: it can post there (announcements, owners, unanswered questions).
                await channels.RememberAsync(created.ChannelId, created.Reference);
            }
            return TeamsResponse.Accepted; // someone else joined: no welcome spam in big teams
        }
        if (Unanswerable(activity) is { } problem)
        {
            return problem;
        }
        if (TeamsInbound.ChannelReference(activity) is { } added)
        {
            // Added to a team: how to post into its channel later (the owners' channel, unanswered questions).
            await channels.RememberAsync(added.ChannelId, added.Reference);
        }
        return await ReplyOnceAsync(activity, () => ValueTask.FromResult(assistant.HelpIn("", "help.welcome")));
    }

    /// <summary>Installed in a team: how to post into its channel is recorded; the welcome comes with the conversationUpdate.</summary>
    private async Task<TeamsResponse> OnInstallationUpdateAsync(Activity activity)
    {
        if (activity.Action is "add" or "add-upgrade" && Unanswerable(activity) is null && TeamsInbound.ChannelReference(activity) is { } installed)
        {
            await channels.RememberAsync(installed.ChannelId, installed.Reference);
        }
        return TeamsResponse.Accepted;
    }

    /// <summary>
    /// Answers an activity id once: the reply is queued and the activity accepted at once. An id counts as
    /// answered only once its reply is queued: when the queue is full (the connector is not keeping up) or
    /// the answer fails, the id is forgotten again and the activity refused with 503 at once, never held. 503 rather
    /// than 200-and-drop: the Bot Framework takes a 5xx as a failed delivery it may redeliver, and the
    /// redelivery is answered; a 200 would tell it the message was taken and lose it silently.
    /// </summary>
    private Task<TeamsResponse> ReplyOnceAsync(Activity activity, Func<ValueTask<Answer>> answer) =>
        ReplyOnceAsync(activity, async () => outbound.Reply(activity, await answer()));

    private async Task<TeamsResponse> ReplyOnceAsync(Activity activity, Func<Task<PendingReply>> reply)
    {
        var delivery = TeamsInbound.DeliveryId(activity);
        if (!await gate.FirstDeliveryAsync(TeamsInbound.Channel, delivery))
        {
            return TeamsResponse.Accepted;
        }
        var queued = false;
        try
        {
            queued = replies.TryEnqueue(await reply());
        }
        finally
        {
            if (!queued)
            {
                await gate.ForgetDeliveryAsync(TeamsInbound.Channel, delivery);
            }
        }
        return queued
            ? TeamsResponse.Accepted
            : new TeamsResponse.Refused(StatusCodes.Status503ServiceUnavailable,
                "SkillBot is busy sending replies and did not take this activity; deliver it again shortly.");
    }

    /// <summary>Action.Execute: the new card goes back in the response, so Teams replaces the card in place.</summary>
    private async Task<TeamsResponse> OnCardActionAsync(Activity activity, CancellationToken cancellation)
    {
        if (TeamsProgress.ActionOf(activity) is { } progressAction)
        {
            var progressReply = await progress.ActAsync(activity, progressAction, cancellation);
            if (progressReply.Shared && activity.Conversation?.Id is { Length: > 0 } && activity.ServiceUrl is { Length: > 0 } && activity.Id is { Length: > 0 })
            {
                // Shared: a new message for the conversation; the clicked card stays the person's own.
                var posted = replies.TryEnqueue(outbound.Reply(activity, progressReply.Message, TeamsProgress.Card(progressReply)));
                progressReply = progressReply with { Shared = false, Message = posted ? "Shared in this conversation. " + progressReply.Message : "Could not share right now; please try again." };
            }
            return new TeamsResponse.CardInvoke(new AdaptiveCardInvokeResponse(200, ContentTypes.AdaptiveCard, TeamsProgress.Card(progressReply)));
        }
        if (TeamsInbound.CardActionTurn(activity) is not { } turn)
        {
            return new TeamsResponse.CardInvoke(new AdaptiveCardInvokeResponse(400, ContentTypes.Error,
                RawJson.Of(new InvokeError("BadRequest", "Expected an Action.Execute with a verb."), TeamsJsonContext.Default.InvokeError)));
        }
        var reply = await gate.PassAsync(turn, cancellation);
        return new TeamsResponse.CardInvoke(new AdaptiveCardInvokeResponse(200, ContentTypes.AdaptiveCard, outbound.Card(reply.Answer)));
    }

    /// <summary>The search message extension: matching expectations as preview items; picking one inserts its card.</summary>
    private TeamsResponse OnSearch(Activity activity)
    {
        MessageExtensionQuery? query;
        try
        {
            query = activity.Value?.Deserialize(TeamsJsonContext.Default.MessageExtensionQuery);
        }
        catch (JsonException)
        {
            query = null;
        }
        if (query?.CommandId != SearchCommand)
        {
            return Search(new MessageExtensionResult("message") { Text = $"Unknown command; SkillBot offers '{SearchCommand}'." });
        }
        var keywords = query.Parameters?.FirstOrDefault(p => p?.Name == SearchParameter)?.Value is { ValueKind: JsonValueKind.String } v
            ? v.GetString() ?? ""
            : "";
        var skip = Math.Max(0, query.QueryOptions?.Skip ?? 0);
        var count = Math.Clamp(query.QueryOptions?.Count ?? MaxSearchResults, 1, MaxSearchResults);
        var found = assistant.Search(keywords);
        if (found.Asked.Intent == Intent.NotFound)
        {
            return Search(new MessageExtensionResult("message") { Text = found.Asked.Message });
        }
        var items = found.Matches.Skip(skip).Take(count).Select(outbound.SearchItem).ToList();
        return Search(new MessageExtensionResult("result") { AttachmentLayout = "list", Attachments = items });
    }

    /// <summary>
    /// Link unfurling: a link to one of our catalogue pages pasted in the compose box gets the card of the answer the page
    /// shows. Any other link gets no card (an empty result), so Teams shows the link as it is.
    /// </summary>
    private TeamsResponse OnLink(Activity activity)
    {
        AppBasedLinkQuery? query;
        try
        {
            query = activity.Value?.Deserialize(TeamsJsonContext.Default.AppBasedLinkQuery);
        }
        catch (JsonException)
        {
            query = null;
        }
        var items = PageAddress.ActionFor(query?.Url, pages.Value.PublicUri, assistant.Catalogue) is { } action
            ? [outbound.SearchItem(assistant.Act(action))]
            : Array.Empty<MessageExtensionAttachment>();
        return Search(new MessageExtensionResult("result") { AttachmentLayout = "list", Attachments = items });
    }

    private static TeamsResponse.SearchInvoke Search(MessageExtensionResult result) => new(new MessageExtensionResponse(result));

    /// <summary>A message or welcome needs somewhere to reply to.</summary>
    private TeamsResponse.Refused? Unanswerable(Activity activity)
    {
        if (activity.Conversation?.Id is { Length: > 0 } && activity.Id is { Length: > 0 })
        {
            return null;
        }
        logger.LogInformation("Teams {Type} activity without conversation.id or id refused", LogSafe.Text(activity.Type));
        return new TeamsResponse.Refused(StatusCodes.Status400BadRequest, "The activity needs an id and a conversation.id to be answered.");
    }
}
