using System.Buffers;
using System.Text.RegularExpressions;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Languages;
using SkillBot.Core.Text;
using SkillBot.Core.Understanding;

namespace SkillBot.Core.Progress;

/// <summary>What a progress question asks for.</summary>
public enum ProgressAsk
{
    /// <summary>"my progress", "how far am I from lead?", "/skill progress", "我的进度": the checklist.</summary>
    Checklist,

    /// <summary>"forget me", "删除我的数据": delete everything stored about the person (after they confirm).</summary>
    Forget,
}

/// <summary>A progress question read against the served catalogue: the target level, role and skill it names (each null when not named), and the code of the language it is asked in.</summary>
public sealed record ProgressQuestion(ProgressAsk Ask, Level? Target, Role? Role, Skill? Skill, string Language);

/// <summary>
/// Recognises the phrases that ask about the person's own progress, before the question reader answers the framework:
/// the checklist, and forgetting. Only whole requests about "my" progress or data are taken, so "what does progress
/// mean in data modeling" stays a framework question.
/// </summary>
public static partial class ProgressPhrases
{
    public static ProgressQuestion? Read(SkillCatalogue catalogue, QuestionReader reader, string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > Assistant.MaxQuestionLength)
        {
            return null;
        }
        var plain = ChatText.Strip(text).Trim().ToLowerInvariant();
        if (!plain.AsSpan().ContainsAny(Keywords))
        {
            return null;
        }
        var language = plain.Any(Tokenizer.IsCjk) ? "zh" : LanguageSet.DefaultCode;
        if (Forget().IsMatch(plain))
        {
            return new ProgressQuestion(ProgressAsk.Forget, null, null, null, language);
        }
        if (!Checklist().IsMatch(plain))
        {
            return null;
        }
        var reading = reader.Read(plain);
        return new ProgressQuestion(
            ProgressAsk.Checklist,
            reading.Target ?? (reading.Levels.Length == 1 ? reading.Levels[0] : null),
            reading.Roles.Length == 1 ? reading.Roles[0] : null,
            reading.Skills.Length == 1 ? reading.Skills[0] : null,
            language);
    }

    /// <summary>A word that each phrase of <see cref="Forget"/> and <see cref="Checklist"/> has: every other message (most of them) skips both patterns.</summary>
    private static readonly SearchValues<string> Keywords = SearchValues.Create(
        ["progress", "checklist", "far", "close", "forget", "delete", "erase", "remove", "进度", "清单", "删除", "忘记"], StringComparison.Ordinal);

    // Linear-time matching with no time limit: a timeout under load was an exception on the question path.
    [GeneratedRegex(@"^(please\s+)?(forget\s+(about\s+)?me|(delete|erase|remove|forget)\s+(all\s+)?(of\s+)?my\s+(data|progress|information|info))[\s.!]*$|^(请)?(删除我的数据|删除我的所有数据|忘记我)[。！!]*$",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Forget();

    [GeneratedRegex(@"^(show\s+)?(me\s+)?(my\s+)?(progress|checklist)\b|\bmy\s+(progress|checklist)\b|\bhow\s+(far|close)\s+am\s+i\b|我的进度|我的清单|进度",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Checklist();
}
