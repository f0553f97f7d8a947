using SkillBot.Core.Answers;

namespace SkillBot.Core.Conversation;

/// <summary>
/// One message to SkillBot, channel-neutral: the channel it came through, who sent it (null: someone unnamed, who
/// has no context), and what: typed <see cref="Text"/> or a pressed card button (<see cref="Action"/>).
/// </summary>
public sealed record Turn(string Channel, ChatUser? User, string? Text, CardAction? Action)
{
    public static Turn Question(string channel, ChatUser? user, string? text) => new(channel, user, text, null);

    public static Turn Button(string channel, ChatUser? user, CardAction action) => new(channel, user, null, action);
}

/// <summary>
/// What the core made of a turn: the answer, the context to remember (null: nothing changed), and a rating the
/// person gave, for the host to count. A struct: one per turn, on the hot path (the host keeps one per distinct question).
/// </summary>
public readonly record struct TurnResult(Answer Answer, UserContext? Remember, Feedback? Feedback)
{
    /// <summary>The person pressed "Ask an owner" on an answer about a skill with owners: what to send them (the host sends it).</summary>
    public OwnerQuestion? AskOwners { get; init; }
}

/// <summary>A question for a skill's owners: what the person asked (as they asked it) and the answer they were given.</summary>
public sealed record OwnerQuestion(string Question, Answer Answer);

/// <summary>A person's rating of one expectation, in the served catalogue's canonical names (null: not named).</summary>
public sealed record Feedback(string? Skill, string? Role, string? Level, bool Useful);
