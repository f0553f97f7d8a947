using System.Text.Json.Serialization;

namespace SkillBot.Core.Progress;

/// <summary>
/// What a progress button carries, in every channel (the Slack action value, the Action.Execute verb and data, the
/// web chat's action). Inputs (<c>status</c>, <c>evidence</c>) arrive merged into it by Teams and the web chat, and
/// from the modal's state in Slack. Verbs:
/// <list type="bullet">
/// <item><c>skillbot.progress</c>: the checklist toward <see cref="Level"/> of <see cref="Role"/>, only <see cref="Skill"/> when set.</item>
/// <item><c>skillbot.progress.open</c>: the form to mark one expectation (Slack: a modal).</item>
/// <item><c>skillbot.progress.mark</c>: mark it <see cref="Status"/> ("met" or "working") with <see cref="Evidence"/>.</item>
/// <item><c>skillbot.progress.unmark</c>: take the mark back.</item>
/// <item><c>skillbot.progress.share</c>: post the checklist to the conversation, for everyone in it.</item>
/// <item><c>skillbot.forget.confirm</c>: delete everything stored about the person.</item>
/// </list>
/// <see cref="Language"/>: the language the person asked in (unset: English), so what the button answers is in it too.
/// </summary>
public sealed record ProgressAction(
    string Verb,
    string? Skill = null,
    string? Role = null,
    string? Level = null,
    string? Status = null,
    string? Evidence = null,
    string? Language = null)
{
    public const string Prefix = "skillbot.progress";
    public const string ShowVerb = "skillbot.progress";
    public const string OpenVerb = "skillbot.progress.open";
    public const string MarkVerb = "skillbot.progress.mark";
    public const string UnmarkVerb = "skillbot.progress.unmark";
    public const string ShareVerb = "skillbot.progress.share";
    public const string ForgetVerb = "skillbot.forget.confirm";
    public const string Met = "met";
    public const string Working = "working";

    /// <summary>True for a verb this record is read for (every other verb is a framework button).</summary>
    public static bool IsProgressVerb(string? verb) =>
        verb is ShowVerb or OpenVerb or MarkVerb or UnmarkVerb or ShareVerb or ForgetVerb;

    public static ProgressStatus? StatusOf(string? status) => status switch
    {
        Met => ProgressStatus.Met,
        Working => ProgressStatus.WorkingOn,
        _ => null,
    };
}

/// <summary>The form to mark one expectation: what it asks, and the mark already on it (null: none).</summary>
public sealed record MarkForm(string Skill, string Role, string Level, string Expectation, ProgressMark? Mark);

/// <summary>
/// A progress answer, channel-neutral: a message, and the checklist or the mark form it shows (or neither), or the
/// question whether to forget the person. <see cref="Shared"/>: posted for everyone in the conversation (the person
/// pressed share); otherwise only the person sees it. <see cref="Language"/>: the code of the language it is in
/// (its labels too, and the buttons carry it on).
/// </summary>
public sealed record ProgressReply(string Message, Checklist? Checklist = null, MarkForm? Form = null, bool AsksToForget = false, bool Shared = false, string Language = "en")
{
    /// <summary>The language's code as a button carries it: none for English, the default.</summary>
    public string? ActionLanguage => Language == Languages.LanguageSet.DefaultCode ? null : Language;
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ProgressAction))]
public sealed partial class ProgressActionJsonContext : JsonSerializerContext;
