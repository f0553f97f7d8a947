using SkillBot.Cards.Adaptive;
using SkillBot.Core.Answers;
using SkillBot.Rendering;

namespace SkillBot.Teams;

/// <summary>Teams' outbound side: an answer as Teams shows it (a card, a reply activity, a search result).</summary>
public sealed class TeamsOutbound(AdaptiveCardRenderer cards, RenderedAnswers rendered)
{
    /// <summary>A search result: the answer's card, and the preview Teams lists it with.</summary>
    public MessageExtensionAttachment SearchItem(Answer answer)
    {
        var title = string.Join(" · ", new[] { answer.Skill, answer.Role, answer.Level }.OfType<string>());
        var text = answer.Current?.Description ?? answer.Message;
        var preview = new ThumbnailCard(
            title.Length > 0 ? title : answer.Message,
            answer.Next is { } next ? $"{answer.Current?.Level} → {next.Level}" : answer.Domain,
            text.Length > 200 ? text[..199] + "…" : text);
        return new MessageExtensionAttachment(ContentTypes.AdaptiveCard, Card(answer),
            new Attachment(ContentTypes.ThumbnailCard, RawJson.Of(preview, TeamsJsonContext.Default.ThumbnailCard)));
    }

    /// <summary>The reply to a message, threaded under it, for the reply queue to send.</summary>
    public PendingReply Reply(Activity activity, Answer answer) => new(
        activity.ServiceUrl!,
        activity.Conversation!.Id!,
        activity.Id!,
        new ReplyActivity(ActivityTypes.Message, activity.Recipient, activity.From, new ConversationAccount(activity.Conversation.Id),
            activity.Id, answer.Message, [new Attachment(ContentTypes.AdaptiveCard, Card(answer))]));

    /// <summary>The answer as an Adaptive Card (with its text fallback), rendered once per answer.</summary>
    public RawJson Card(Answer answer) => new(rendered.Get("teams", answer, cards.Render));
}
