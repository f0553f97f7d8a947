using SkillBot.Cards.Adaptive;
using SkillBot.Core.Answers;
using SkillBot.Rendering;
using SkillBot.SharedState;

namespace SkillBot.Teams;

/// <summary>Teams' outbound side: an answer as Teams shows it (a card, a reply activity, a search result).</summary>
public sealed class TeamsOutbound(AdaptiveCardRenderer cards, RenderedAnswers rendered)
{
    /// <summary>A search result: the answer's card, and the preview Teams lists it with.</summary>
    public MessageExtensionAttachment SearchItem(Answer answer)
    {
        var preview = SearchPreview.Of(answer);
        return new MessageExtensionAttachment(ContentTypes.AdaptiveCard, Card(answer), new Attachment(ContentTypes.ThumbnailCard,
            RawJson.Of(new ThumbnailCard(preview.Title, preview.Subtitle, preview.Text), TeamsJsonContext.Default.ThumbnailCard)));
    }

    /// <summary>The reply to a message, threaded under it, for the reply queue to send.</summary>
    public PendingReply Reply(Activity activity, Answer answer) => new(
        activity.ServiceUrl!,
        activity.Conversation!.Id!,
        activity.Id!,
        new ReplyActivity(ActivityTypes.Message, activity.Recipient, activity.From, new ConversationAccount(activity.Conversation.Id),
            activity.Id, answer.Message, [new Attachment(ContentTypes.AdaptiveCard, Card(answer))]));

    /// <summary>A new post in a channel SkillBot was added to (proactive): <paramref name="text"/> (markdown) above the answer's card.</summary>
    public PendingReply Post(ChannelReference channel, string text, Answer answer) => new(
        channel.ServiceUrl,
        channel.ConversationId,
        "",
        new ReplyActivity(ActivityTypes.Message, channel.BotId is null ? null : new ChannelAccount(channel.BotId, channel.BotName), null,
            new ConversationAccount(channel.ConversationId) { TenantId = channel.TenantId }, null, answer.Message,
            [new Attachment(ContentTypes.AdaptiveCard, Card(answer))]) { Text = text });
    /// <summary>A reply carrying a card rendered elsewhere (the progress checklist), threaded under the activity.</summary>
    public PendingReply Reply(Activity activity, string summary, RawJson card) => new(
        activity.ServiceUrl!,
        activity.Conversation!.Id!,
        activity.Id!,
        new ReplyActivity(ActivityTypes.Message, activity.Recipient, activity.From, new ConversationAccount(activity.Conversation.Id),
            activity.Id, summary, [new Attachment(ContentTypes.AdaptiveCard, card)]));

    /// <summary>The answer as an Adaptive Card (with its text fallback), rendered once per answer.</summary>
    public RawJson Card(Answer answer) => new(rendered.Get("teams", answer, a => cards.Render(a)));
}
