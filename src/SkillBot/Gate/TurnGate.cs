using System.Diagnostics;
using System.Net;
using SkillBot.Core;
using SkillBot.Core.Answers;
using SkillBot.Core.Conversation;
using SkillBot.Core.Insights;
using SkillBot.Limits;
using SkillBot.Owners;
using SkillBot.SharedState;

namespace SkillBot.Gate;

/// <summary>How a turn left the gate: answered by the core, or refused for asking too fast.</summary>
public enum GateOutcome
{
    Answered,

    /// <summary>Chat channels show the answer (a friendly message); the answer API maps it to 429.</summary>
    RateLimited,

    /// <summary>The text is longer than any question (<see cref="Assistant.MaxQuestionLength"/>): chat channels show the core's refusal; the answer API and the web chat map it to 400.</summary>
    TooLong,
}

/// <summary>The reply to a turn: the answer every channel renders its own way, and the outcome it stands for. A struct, like the turn's result.</summary>
public readonly record struct GateReply(Answer Answer, GateOutcome Outcome);

/// <summary>
/// The one place every channel's turn passes between its inbound side and the core: the size cap, rate limits,
/// duplicate deliveries, and the person's context, which is read before the pure core answers and written after. Every
/// answer is counted (metrics) and what owners should see goes to the insights, here and nowhere else.
/// </summary>
public sealed class TurnGate(Assistant assistant, AnsweredTurns answered, IUserContextStore contexts, ChatRateLimiter limiter, SeenIds seen, QuestionInsights insights, OwnerMessenger owners, UnansweredRouter unanswered)
{
    /// <summary>A turn from a channel that verified who asks (Slack, Teams): limited per user and per workspace.</summary>
    public async ValueTask<GateReply> PassAsync(Turn turn, CancellationToken cancellationToken) =>
        TooLong(turn) ?? (Admits(turn) ? new GateReply(await AnswerAsync(turn, cancellationToken), GateOutcome.Answered) : RateLimited(turn));

    /// <summary>
    /// A turn from a channel whose caller names its own user (the answer API, the web chat): the client's address is
    /// limited too, and a caller naming no user is their address.
    /// </summary>
    public async ValueTask<GateReply> PassFromClientAsync(Turn turn, IPAddress? client, CancellationToken cancellationToken) =>
        TooLong(turn) ?? (limiter.TryAcquireFromClient(client, turn.User?.Key ?? $"{turn.Channel}-ip:{client}")
            ? new GateReply(await AnswerAsync(turn, cancellationToken), GateOutcome.Answered)
            : RateLimited(turn));

    /// <summary>
    /// The rate limit alone, for a channel that answers some turns itself (Slack's <c>/skill help</c>) but counts them
    /// all; it then calls <see cref="AnswerAsync"/> or <see cref="RateLimited"/>. Counts the turn when it may pass.
    /// </summary>
    public bool Admits(Turn turn) => turn.User is not { } user || limiter.TryAcquire(user.Key, user.WorkspaceKey);

    /// <summary>The client-address and user limits alone (the web chat's progress turns); counts the turn when it may pass.</summary>
    public bool AdmitsFromClient(Turn turn, IPAddress? client) =>
        limiter.TryAcquireFromClient(client, turn.User?.Key ?? $"{turn.Channel}-ip:{client}");

    /// <summary>
    /// Text longer than any question is refused before it is counted or read; the reply is the core's own refusal
    /// (which the core gives any caller, so the command line and searches are capped the same way).
    /// </summary>
    private GateReply? TooLong(Turn turn) =>
        turn.Text is { Length: > Assistant.MaxQuestionLength } text ? new GateReply(assistant.Ask(text), GateOutcome.TooLong) : null;

    /// <summary>The one reply to a turn refused for going too fast.</summary>
    public GateReply RateLimited(Turn turn) =>
        new(assistant.HelpIn(turn.Text ?? "", ChatRateLimiter.FriendlyMessageKey) with { Suggestions = [] }, GateOutcome.RateLimited);

    /// <summary>The core's answer to an admitted turn: the person's context awaited once before and, when it changed, once after.</summary>
    public async ValueTask<Answer> AnswerAsync(Turn turn, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var key = turn.User?.Key;
        var context = key is null ? null : await contexts.RecallAsync(key, cancellationToken);
        var result = answered.Respond(turn, context);
        if (key is not null && result.Remember is { } next)
        {
            await contexts.RememberAsync(key, next, cancellationToken);
        }
        var answer = result.AskOwners is { } question ? await owners.SendAsync(turn.User, question, cancellationToken) : result.Answer;
        SkillBotMetrics.RecordAnswer(turn.Channel, answer.Intent, Stopwatch.GetElapsedTime(start));
        insights.Observe(result);
        unanswered.Observe(turn.User, answer);
        return answer;
    }

    /// <summary>What the person last talked about (Slack's App Home shows it); null for someone not known.</summary>
    public ValueTask<UserContext?> ContextOfAsync(ChatUser user, CancellationToken cancellationToken) =>
        contexts.RecallAsync(user.Key, cancellationToken);

    /// <summary>
    /// True the first time a delivery is seen (by any replica, when Redis is shared): a platform's retry is
    /// acknowledged but not answered twice. <paramref name="id"/> is unique within <paramref name="channel"/>.
    /// </summary>
    public ValueTask<bool> FirstDeliveryAsync(string channel, string id) => seen.FirstTimeAsync(channel + ":" + id);

    /// <summary>Takes a delivery back when it was not taken after all (its reply could not be queued), so a redelivery is answered.</summary>
    public ValueTask ForgetDeliveryAsync(string channel, string id) => seen.ForgetAsync(channel + ":" + id);
}
