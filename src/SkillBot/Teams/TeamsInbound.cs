using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Cards.Adaptive;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.SharedState;

namespace SkillBot.Teams;

/// <summary>Teams' inbound side: what an authenticated activity says, read as a channel-neutral <see cref="Turn"/>.</summary>
public static class TeamsInbound
{
    public const string Channel = "teams";

    /// <summary>
    /// The turn a message carries, or null when it is not for the bot: in channels and group chats only messages
    /// that @mention the bot are. An old client falls back from Action.Execute to Action.Submit: the button's data
    /// arrives as the message's value.
    /// </summary>
    public static Turn? MessageTurn(Activity activity)
    {
        var mentioned = MentionsOfBot(activity).ToList();
        if (IsGroup(activity) && mentioned.Count == 0)
        {
            return null;
        }
        return ButtonPressed(activity.Value) is { } action
            ? Turn.Button(Channel, UserOf(activity), action)
            : Turn.Question(Channel, UserOf(activity), StripMentions(activity.Text ?? "", mentioned));
    }

    /// <summary>The turn an <c>adaptiveCard/action</c> invoke carries: null unless it is an Action.Execute with a verb.</summary>
    public static Turn? CardActionTurn(Activity activity)
    {
        var action = activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.Object
            ? a
            : (JsonElement?)null;
        if (action is not { } execute || Text(execute, "type") != "Action.Execute" || Text(execute, "verb") is not { Length: > 0 } verb)
        {
            return null;
        }
        var data = execute.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        return Turn.Button(Channel, UserOf(activity), ActionOf(verb, data));
    }

    /// <summary>Teams redelivers an activity it is unsure about: it is the same delivery per conversation and activity id.</summary>
    public static string DeliveryId(Activity activity) => $"{activity.Conversation?.Id}:{activity.Id}";

    /// <summary>Who asks: the Entra object id (or the Teams user id) in their tenant; null (no context) for an unknown sender.</summary>
    public static ChatUser? UserOf(Activity activity)
    {
        var user = activity.From?.AadObjectId ?? activity.From?.Id;
        if (string.IsNullOrEmpty(user))
        {
            return null;
        }
        var tenant = activity.ChannelData?.TenantId ?? activity.Conversation?.TenantId ?? "-";
        return new ChatUser(Channel, tenant, user);
    }

    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool IsGroup(Activity activity) =>
        activity.Conversation?.ConversationType is "channel" or "groupChat" || activity.Conversation?.IsGroup == true;

    /// <summary>Mention entities naming the bot (the recipient).</summary>
    private static IEnumerable<(string? Text, string? Name)> MentionsOfBot(Activity activity) =>
        (activity.Mentions ?? [])
            .Where(m => m.Mentioned?.Id is { } id && id == activity.Recipient?.Id)
            .Select(m => (m.Text, m.Mentioned!.Name));

    /// <summary>
    /// Removes the bot's <c>&lt;at&gt;Name&lt;/at&gt;</c> as its mention entity writes it (the Bot Framework's way),
    /// so the question the core reads and echoes is the user's own. Other at-tags are left to the core's ChatText.
    /// </summary>
    private static string StripMentions(string text, IEnumerable<(string? Text, string? Name)> mentions)
    {
        foreach (var (mention, name) in mentions)
        {
            var written = mention ?? (name is null ? null : $"<at>{name}</at>");
            if (!string.IsNullOrEmpty(written))
            {
                text = text.Replace(written, " ", StringComparison.OrdinalIgnoreCase);
            }
        }
        return text.Trim();
    }

    private static CardAction? ButtonPressed(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } data && Text(data, "verb") is { } verb && verb.StartsWith("skillbot.", StringComparison.Ordinal)
            ? ActionOf(verb, data)
            : null;

    /// <summary>The button's action, read the one way every channel reads an Action.Execute.</summary>
    private static CardAction ActionOf(string verb, JsonElement data) =>
        ExecuteAction.Parse(verb, data.ValueKind == JsonValueKind.Object ? JsonObject.Create(data) : null) ?? new CardAction(verb);

    /// <summary>
    /// The channel an activity came from and how to post into it, for a conversation in a team's channel (null for a
    /// personal or group chat): the channel id from channelData.channel.id, or the conversation id without its thread.
    /// </summary>
    public static (string ChannelId, ChannelReference Reference)? ChannelReference(Activity activity)
    {
        var channel = activity.ChannelData?.ChannelId;
        var conversation = activity.Conversation;
        if (channel is null && conversation?.ConversationType == "channel" && conversation.Id is { Length: > 0 } id)
        {
            channel = id.Split(';')[0];
        }
        if (channel is not { Length: > 0 and <= 300 } || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return null;
        }
        var tenant = conversation?.TenantId ?? activity.ChannelData?.TenantId;
        return (channel, new ChannelReference(serviceUrl, channel, tenant, activity.Recipient?.Id, activity.Recipient?.Name));
    }
}
