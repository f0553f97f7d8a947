using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Understanding;

namespace SkillBot.Core.Conversation;

/// <summary>The follow-up rules: how what a person talked about before completes what they ask now, and what is remembered after.</summary>
public static class FollowUp
{
    /// <summary>Completes the query read from <paramref name="reading"/> with the person's <paramref name="context"/>.</summary>
    public static Query Complete(SkillCatalogue catalogue, Reading reading, Query query, UserContext? context)
    {
        var levels = reading.Levels;
        var rememberedLevel = catalogue.FindLevel(context?.Level);
        if (levels.Length == 1 && reading.Target is { } target
            && (rememberedLevel is not null && rememberedLevel.Number < target.Number ? rememberedLevel : catalogue.Below(target)) is { } from)
        {
            // "how do I become a lead?": what the step up adds, from where the user said they are or the level below.
            query = query with { Level = from, CompareTo = target };
        }
        if (levels.IsEmpty && reading.LevelStep != 0 && rememberedLevel is not null
            && (reading.LevelStep > 0 ? catalogue.Above(rememberedLevel) : catalogue.Below(rememberedLevel)) is { } stepped)
        {
            // "what's next?", "and the level below?": one step from the level the user last asked about.
            query = query with { Level = stepped };
        }
        if (context is null || (!reading.NamesAnything && query.Level is null))
        {
            return query;
        }

        var skill = catalogue.FindSkill(context.Skill);
        var role = catalogue.FindRole(context.Role);
        var level = catalogue.FindLevel(context.Level);
        if (query.Skill is { } asked)
        {
            // "what about deep learning?": the role and level the user gave before still hold.
            if (!query.Overview)
            {
                query = query with
                {
                    Role = query.Role ?? (query.RoleOptions.IsEmpty && role is not null && asked.For(role) is not null ? role : null),
                    Level = query.Level ?? level,
                };
            }
        }
        else if (query.SkillOptions.IsEmpty && query.Domain is null && (query.Role is null) != (query.Level is null))
        {
            // "and lead?", "what about LLM engineer?": one thing changes, the rest of the last question stays.
            // Unknown words ("kubernetes for lead?") stand where the skill would be: the last skill does not.
            query = query with { Skill = query.UnknownWords.IsEmpty ? skill : null, Role = query.Role ?? role, Level = query.Level ?? level };
        }
        if (reading.AsksCompare && query.Level is { } one && query.CompareTo is null && level is not null && level != one)
        {
            // "compare with lead" after talking about Senior.
            query = query with { Level = one.Number < level.Number ? one : level, CompareTo = one.Number < level.Number ? level : one };
        }
        return query;
    }

    /// <summary>What to remember after an answer, or null when nothing changed.</summary>
    public static UserContext? NextContext(Answer answer, UserContext? before)
    {
        if (answer.Intent == Intent.Catalogue)
        {
            return null; // a listing, even of one role's skills, says nothing about who asks
        }
        var remembered = answer.Intent == Intent.RoleProfile
            ? new UserContext(null, answer.Role, answer.Level)
            : new UserContext(answer.Skill ?? before?.Skill, answer.Role ?? before?.Role, answer.Level ?? before?.Level);
        return remembered != before && (remembered.Skill ?? remembered.Role ?? remembered.Level) is not null ? remembered : null;
    }
}
