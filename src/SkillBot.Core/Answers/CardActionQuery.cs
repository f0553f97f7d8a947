using System.Collections.Immutable;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;

namespace SkillBot.Core.Answers;

/// <summary>Card-action resolution: the names a button carries, found again in the served catalogue.</summary>
public static class CardActionQuery
{
    /// <summary>
    /// The query a <c>skillbot.answer</c> button asks. Names that no longer exist (a reloaded catalogue) are reported
    /// as unknown, not guessed; levels given the wrong way round are compared the right way.
    /// </summary>
    public static Query Resolve(SkillCatalogue catalogue, CardAction action)
    {
        var skill = catalogue.FindSkill(action.Skill);
        var role = catalogue.FindRole(action.Role);
        var level = catalogue.FindLevel(action.Level);
        var compareTo = catalogue.FindLevel(action.CompareTo);
        var unknown = new[] { (action.Skill, skill is null), (action.Role, role is null), (action.Level, level is null), (action.CompareTo, compareTo is null) }
            .Where(x => x.Item1 is not null && x.Item2)
            .Select(x => x.Item1!)
            .ToImmutableArray();
        var question = string.Join(", ", new[] { action.Skill, action.Role, action.Level, action.CompareTo }.OfType<string>());
        var language = action.Language ?? "en";
        if (!unknown.IsEmpty)
        {
            return new Query(question) { UnknownWords = unknown, Language = language };
        }
        return new Query(question)
        {
            Language = language,
            Skill = skill,
            Role = role,
            Level = level is not null && compareTo is not null && compareTo.Number < level.Number ? compareTo : level,
            CompareTo = level is not null && compareTo is not null && compareTo != level
                ? (compareTo.Number < level.Number ? level : compareTo)
                : null,
            Overview = skill is not null && level is null,
        };
    }

    /// <summary>
    /// A feedback button's rating in the served catalogue's canonical names, or null when it names a skill, role or
    /// level the catalogue does not have: buttons carry canonical names, and anything else is made up (any text can
    /// be sent as a vote), so what is counted stays as few and as short as the catalogue's names.
    /// </summary>
    public static Feedback? Rating(SkillCatalogue catalogue, CardAction action)
    {
        if (action.Vote is not (CardAction.Up or CardAction.Down))
        {
            return null;
        }
        var skill = catalogue.FindSkill(action.Skill)?.Name;
        var role = catalogue.FindRole(action.Role)?.Name;
        var level = catalogue.FindLevel(action.Level)?.Name;
        return (action.Skill is null || skill is not null) && (action.Role is null || role is not null) && (action.Level is null || level is not null)
            ? new Feedback(skill, role, level, action.Vote == CardAction.Up)
            : null;
    }
}
