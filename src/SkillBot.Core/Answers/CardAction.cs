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
/// </list>
/// </summary>
public sealed record CardAction(
    string Verb,
    string? Skill = null,
    string? Role = null,
    string? Level = null,
    string? CompareTo = null,
    string? Question = null,
    string? Vote = null)
{
    /// <summary>The language of the answer the button is on, when not English: the answer it asks for is in it too.</summary>
    public string? Language { get; init; }

    public const string AnswerVerb = "skillbot.answer";
    public const string AskVerb = "skillbot.ask";
    public const string FeedbackVerb = "skillbot.feedback";
    public const string Up = "up";
    public const string Down = "down";

    public static CardAction Answer(string? skill, string? role, string? level, string? compareTo = null) =>
        new(AnswerVerb, skill, role, level, compareTo);

    public static CardAction Ask(string question) => new(AskVerb, Question: question);

    public static CardAction Feedback(string? skill, string? role, string? level, string? compareTo, bool useful) =>
        new(FeedbackVerb, skill, role, level, compareTo, Vote: useful ? Up : Down);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(CardAction))]
public sealed partial class CardActionJsonContext : JsonSerializerContext;
