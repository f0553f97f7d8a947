using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Cards.Progress;
using SkillBot.Core.Conversation;
using SkillBot.Core.Progress;
using SkillBot.Gate;
using SkillBot.Rendering;
using SkillBot.Teams;

namespace SkillBot.Progress;

/// <summary>
/// Progress in Teams: in the person's 1:1 chat with SkillBot the checklist is a card whose Action.Execute buttons
/// (with the evidence <c>Input.Text</c> merged into their data) answer with the card that replaces it; share posts
/// the checklist as a new message. In channels and group chats nothing personal is shown: the person is asked to use the 1:1 chat.
/// </summary>
public sealed class TeamsProgress(ProgressDesk desk, TurnGate gate)
{
    public bool Asks(Turn turn) => turn.Text is { } text && desk.Read(text) is not null;

    /// <summary>The card answering a typed progress question (<see cref="Asks"/>).</summary>
    public async Task<RawJson> AnswerAsync(Activity activity, Turn turn, CancellationToken cancellationToken)
    {
        var question = desk.Read(turn.Text)!;
        if (IsGroup(activity))
        {
            return Card(desk.PrivateOnly(question.Language));
        }
        if (!gate.Admits(turn))
        {
            return Card(desk.RateLimited(question.Language));
        }
        return Card(await desk.AnswerAsync(turn.User, question, cancellationToken));
    }

    /// <summary>The progress action an <c>adaptiveCard/action</c> invoke carries, inputs merged in; null when it is not one.</summary>
    public static ProgressAction? ActionOf(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || TeamsInbound.Text(action, "type") != "Action.Execute" || TeamsInbound.Text(action, "verb") is not { } verb
            || !ProgressAction.IsProgressVerb(verb))
        {
            return null;
        }
        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        return ReadAction(verb, data.ValueKind == JsonValueKind.Object ? JsonObject.Create(data) : null);
    }

    /// <summary>Reads a progress action as an Action.Execute gave it (Teams, the web chat): the verb beside the data, inputs merged in.</summary>
    public static ProgressAction? ReadAction(string verb, JsonObject? data)
    {
        if (!ProgressAction.IsProgressVerb(verb))
        {
            return null;
        }
        try
        {
            var action = data is null ? new ProgressAction(verb) : data.Deserialize(ProgressActionJsonContext.Default.ProgressAction);
            return action is null ? null : action with { Verb = verb };
        }
        catch (JsonException)
        {
            return new ProgressAction(verb);
        }
    }

    /// <summary>
    /// A progress button: the reply (the card replacing the clicked one, or the checklist to post when shared) and
    /// whether it is to be posted to the conversation.
    /// </summary>
    public async Task<ProgressReply> ActAsync(Activity activity, ProgressAction action, CancellationToken cancellationToken)
    {
        if (IsGroup(activity) && action.Verb != ProgressAction.ForgetVerb)
        {
            return desk.PrivateOnly(action.Language);
        }
        var user = TeamsInbound.UserOf(activity);
        if (!gate.Admits(Turn.Question(TeamsInbound.Channel, user, null)))
        {
            return desk.RateLimited(action.Language);
        }
        return await desk.ActAsync(user, action, cancellationToken);
    }

    public static RawJson Card(ProgressReply reply) => new(Encoding.UTF8.GetBytes(ProgressCard.Render(reply)));

    private static bool IsGroup(Activity activity) =>
        activity.Conversation?.ConversationType is "channel" or "groupChat" || activity.Conversation?.IsGroup == true;
}
