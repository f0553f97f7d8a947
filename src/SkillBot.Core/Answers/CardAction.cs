using System.Text.Json.Serialization;

namespace SkillBot.Core.Answers;

/// <summary>
/// What a button on a card carries, in every channel: the Adaptive Card <c>Action.Execute</c> verb and
/// data (Teams, web chat) and the Slack action value. Names are canonical, so a click re-answers
/// without re-reading free text. Verbs:
/// <list type="bullet">
/// <item><c>skillbot.answer</c>: answer for <see cref="Skill"/>, <see cref="Role"/>, <see cref="Level"/>
/// (and <see cref="CompareTo"/> for a comparison; no level means the skill's ladder).</item>
/// <item><c>skillbot.ask</c>: answer <see cref="Question"/> as if typed (example questions, suggestions).</item>
/// <item><c>skillbot.feedback</c>: <see cref="Vote"/> "up" or "down" on the answer for skill, role, level
/// (counted for the catalogue's owners), then that answer again.</item>
/// <item><c>skillbot.askowner</c>: send <see cref="Question"/> (what the person asked) with the answer for skill, role,
/// level to the skill's owners, then that answer again, saying whether it was sent.</item>
/// </list>
/// A lateral move names <see cref="CompareRole"/> (the role one would go to, at <see cref="CompareTo"/>); a
/// catalogue listing names <see cref="List"/> ("skills", "roles", "levels"), skills narrowed by role or <see cref="Domain"/>.
/// </summary>
public sealed record CardAction(
    string Verb,
    string? Skill = null,
    string? Role = null,
    string? Level = null,
    string? CompareTo = null,
    string? Question = null,
    string? Vote = null,
    string? CompareRole = null,
    string? Domain = null,
    string? List = null)
{
    /// <summary>The language of the answer the button is on, when not English: the answer it asks for is in it too.</summary>
    public string? Language { get; init; }

    public const string AnswerVerb = "skillbot.answer";
    public const string AskVerb = "skillbot.ask";
    public const string FeedbackVerb = "skillbot.feedback";
    public const string AskOwnerVerb = "skillbot.askowner";
    public const string Up = "up";
    public const string Down = "down";

    public static CardAction Answer(string? skill, string? role, string? level, string? compareTo = null) =>
        new(AnswerVerb, skill, role, level, compareTo);

    /// <summary>A lateral move: <paramref name="role"/> at <paramref name="level"/> beside <paramref name="compareRole"/> at <paramref name="compareTo"/>.</summary>
    public static CardAction Move(string? skill, string role, string level, string compareRole, string compareTo) =>
        new(AnswerVerb, skill, role, level, compareTo, CompareRole: compareRole);

    /// <summary>A catalogue listing: <paramref name="list"/> is "skills", "roles" or "levels".</summary>
    public static CardAction Listing(string list, string? role = null, string? domain = null) =>
        new(AnswerVerb, Role: role, Domain: domain, List: list);

    public static CardAction Ask(string question) => new(AskVerb, Question: question);

    /// <summary>Ask the skill's owners <paramref name="question"/>, about the answer for skill, role and level.</summary>
    public static CardAction AskOwner(string? skill, string? role, string? level, string? compareTo, string question) =>
        new(AskOwnerVerb, skill, role, level, compareTo, question);

    public static CardAction Feedback(string? skill, string? role, string? level, string? compareTo, bool useful) =>
        new(FeedbackVerb, skill, role, level, compareTo, Vote: useful ? Up : Down);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(CardAction))]
public sealed partial class CardActionJsonContext : JsonSerializerContext;
