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
        var compareRole = catalogue.FindRole(action.CompareRole);
        var domain = action.Domain is null ? null : catalogue.Domains.FirstOrDefault(d => string.Equals(d, action.Domain, StringComparison.OrdinalIgnoreCase));
        CatalogueList? list = action.List switch
        {
            "skills" => CatalogueList.Skills,
            "roles" => CatalogueList.Roles,
            "levels" => CatalogueList.Levels,
            _ => null,
        };
        var unknown = new[]
            {
                (action.Skill, skill is null), (action.Role, role is null), (action.Level, level is null), (action.CompareTo, compareTo is null),
                (action.CompareRole, compareRole is null), (action.Domain, domain is null), (action.List, list is null),
            }
            .Where(x => x.Item1 is not null && x.Item2)
            .Select(x => x.Item1!)
            .ToImmutableArray();
        var question = string.Join(", ", new[] { action.Skill, action.Role, action.Level, action.CompareRole, action.CompareTo, action.Domain, action.List }.OfType<string>());
        var language = action.Language ?? "en";
        if (!unknown.IsEmpty)
        {
            return new Query(question) { UnknownWords = unknown, Language = language };
        }
        if (list is not null)
        {
            return new Query(question) { List = list, Role = role, Domain = domain, Language = language };
        }
        if (compareRole is not null)
        {
            // A lateral move keeps each role's own level: neither is "the higher".
            return new Query(question) { Skill = skill, Role = role, Level = level, CompareRole = compareRole, CompareTo = compareTo ?? level, Language = language };
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
