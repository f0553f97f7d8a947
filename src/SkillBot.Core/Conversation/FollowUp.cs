using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Understanding;

namespace SkillBot.Core.Conversation;

/// <summary>What a turn was understood as: the query to answer, who the person is after it, and whether it was about them.</summary>
public readonly record struct Understood(Query Query, Person? Person, bool AboutSelf);

/// <summary>
/// The follow-up rules: how what a person said before completes what they ask now, and what is remembered after.
/// Who the person is changes only by a statement about oneself (or its correction); everything else moves the topic.
/// </summary>
public static class FollowUp
{
    /// <summary>The last answer's names, resolved against the served catalogue (a name it no longer has is null).</summary>
    private readonly record struct About(Skill? Skill, Role? Role, Level? Level, Level? CompareTo);

    /// <summary>Completes the query read from <paramref name="reading"/> with the person's <paramref name="context"/>.</summary>
    public static Understood Complete(SkillCatalogue catalogue, Reading reading, Query query, UserContext? context)
    {
        var person = context?.Person;
        var topic = context?.Topic;
        var (myRole, myLevel) = (catalogue.FindRole(person?.Role), catalogue.FindLevel(person?.Level));
        var about = topic is null
            ? default
            : new About(catalogue.FindSkill(topic.Skill), catalogue.FindRole(topic.Role), catalogue.FindLevel(topic.Level), catalogue.FindLevel(topic.CompareTo));
        if (about.CompareTo is { } to && (about.Level is not { } from || from.Number >= to.Number))
        {
            about = about with { CompareTo = null }; // stored by another catalogue's ladder
        }

        if (CompletesMove(catalogue, reading, query, topic, about) is { } move)
        {
            return new(move, person, false);
        }

        var namesWhoOnly = query is { Skill: null, Domain: null, SkillOptions.IsEmpty: true, RoleOptions.IsEmpty: true, UnknownWords.IsEmpty: true }
            && (query.Role ?? (object?)query.Level) is not null;
        var answersAboutSelf = topic is { AboutSelf: true, AskedBack: true } && namesWhoOnly && reading.IsBareReply;
        var correctsSelf = reading.Corrects && topic is { AboutSelf: true } && namesWhoOnly;
        if (reading.IntroducesSelf || answersAboutSelf || correctsSelf)
        {
            // "I'm a middle data scientist", or the reply to "which role are you?": this is who the person is now.
            var stated = reading.Target is { } aim ? reading.Levels.FirstOrDefault(l => l != aim) : query.Level;
            // A reply to "which level are you?" keeps what the question it answers said ("… as a data scientist?").
            var role = query.Role ?? myRole ?? (answersAboutSelf ? about.Role : null);
            var level = stated ?? myLevel ?? (answersAboutSelf ? about.Level : null);
            var me = new Person(role?.Name, level?.Name);
            if (reading.AsksPromotion || reading.Target is not null || reading.LevelStep > 0
                || topic is { Promotion: true } && (topic.AskedBack || !reading.IntroducesSelf))
            {
                return new(Promote(catalogue, reading, query, about, topic, role, level), me, true);
            }
            // A corrected statement keeps the skill it asked about ("I'm a junior DS, what do I need in DL?", "no, LLM engineer").
            var skill = query.Skill ?? (correctsSelf && about.Skill is { } s && (role is null || s.For(role) is not null) ? s : null);
            return new(query with { Skill = skill, Role = role, Level = query.CompareTo is null ? level : query.Level }, me, true);
        }

        if (reading.Corrects && topic is not null && reading.NamesAnything)
        {
            // "no, I meant ML engineer": the last answer again, with that one thing replaced.
            var corrected = Replace(query, about, null, null, reading.Levels.Length == 1);
            return new(corrected with { Promotion = topic.Promotion && corrected.Level == about.Level }, person, false);
        }

        if (reading.AsksPromotion || reading.Target is not null
            || (reading.LevelStep > 0 && reading.Levels.IsEmpty && (topic is null or { AboutSelf: true } || about.Level is null)))
        {
            // Not knowing who asks, the answer asks them: their reply is about themselves.
            var promoted = Promote(catalogue, reading, query, about, topic, myRole, myLevel);
            return new(promoted, person, promoted.Role is null || promoted.Level is null);
        }
        var elliptical = Elliptical(catalogue, reading, query, about, myRole, myLevel);
        // Another skill or role for the same step ("what about deep learning?" after "am I ready for lead?") is still that step.
        var sameStep = topic is { Promotion: true } && elliptical is { Role: not null, CompareTo: not null } && elliptical.Level == about.Level
            && elliptical.CompareTo == about.CompareTo;
        return new(elliptical with { Promotion = sameStep }, person, false);
    }

    /// <summary>
    /// A level typed in reply to a move's "which level?" ("director" after "Which level of Engineering Manager: …?"):
    /// the move again with that level where it was missing, the current role's when it had none, else the other role's.
    /// </summary>
    private static Query? CompletesMove(SkillCatalogue catalogue, Reading reading, Query query, Topic? topic, About about)
    {
        if (topic is not { AskedBack: true } || catalogue.FindRole(topic.CompareRole) is not { } other || about.Role is not { } mine
            || !reading.IsBareReply || reading.Levels.Length != 1 || query is not { Skill: null, Role: null, Domain: null, RoleOptions.IsEmpty: true, Level: { } said })
        {
            return null;
        }
        // Moves go down as well as up and across tracks: the topic's level to reach is kept as stored, not as a step up.
        var compareTo = catalogue.FindLevel(topic.CompareTo);
        return about.Level is null
            ? query with { Skill = about.Skill, Role = mine, CompareRole = other, Level = said, CompareTo = compareTo }
            : query with { Skill = about.Skill, Role = mine, CompareRole = other, Level = about.Level, CompareTo = said };
    }

    /// <summary>
    /// A promotion question: from the person's level (or the one the question names) to the next, or to the level they
    /// ask to reach; for the person's role, with the topic's skill when it has one. Null role or level: ask back.
    /// </summary>
    private static Query Promote(SkillCatalogue catalogue, Reading reading, Query query, About about, Topic? topic, Role? myRole, Level? myLevel)
    {
        var targeted = reading.Target is not null || query.CompareTo is not null;
        var role = query.Role ?? myRole ?? (targeted ? about.Role : null);
        if (role is null && catalogue.Roles.Length == 1)
        {
            role = catalogue.Roles[0];
        }
        Level? from, to;
        if (query.CompareTo is not null)
        {
            (from, to) = (query.Level, query.CompareTo); // "from senior to lead"
        }
        else if (reading.Target is { } target)
        {
            // "how do I become a lead?": from where the person is, or the level talked about, or the level below.
            var known = myLevel ?? about.Level;
            (from, to) = known is not null && known.Number < target.Number ? (known, target)
                : known == target ? (target, null)
                : (catalogue.Below(target), target);
            if (from is null)
            {
                (from, to) = (target, null);
            }
        }
        else
        {
            from = query.Level ?? myLevel;
            // The reply to "which level are you?" keeps the level they asked to reach.
            to = topic is { Promotion: true, AskedBack: true } && about.CompareTo is { } asked && (from is null || from.Number < asked.Number)
                ? asked
                : from is null ? null : catalogue.Above(from);
            from ??= to is null ? null : catalogue.Below(to);
        }
        var skill = query.Skill;
        if (skill is null && query.UnknownWords.IsEmpty && query.Domain is null && about.Skill is { } talkedAbout
            && (role is null || talkedAbout.For(role) is not null))
        {
            skill = talkedAbout; // "how do I get promoted?" after deep learning: what the next level adds in it
        }
        return query with { Skill = skill, Role = role, Level = from, CompareTo = to, Promotion = true, Overview = false };
    }

    /// <summary>A question that leaves things out, read against the topic of the last answer first, then the person.</summary>
    private static Query Elliptical(SkillCatalogue catalogue, Reading reading, Query query, About about, Role? myRole, Level? myLevel)
    {
        if (reading.Levels.IsEmpty && reading.LevelStep != 0 && (about.CompareTo ?? about.Level) is { } last
            && (reading.LevelStep > 0 ? catalogue.Above(last) : catalogue.Below(about.Level ?? last)) is { } stepped)
        {
            // "what's next?", "and the level below?": one step from the level talked about.
            query = query with { Level = stepped };
        }
        if ((about.Skill ?? about.Role ?? about.Level ?? myRole ?? (object?)myLevel) is null || (!reading.NamesAnything && query.Level is null))
        {
            return query;
        }

        if (query.Skill is { } asked)
        {
            // "what about deep learning?": the role and level said before still hold, and so does a level to reach.
            if (!query.Overview)
            {
                var role = query.Role
                    ?? (query.RoleOptions.IsEmpty ? new[] { about.Role, myRole }.FirstOrDefault(r => r is not null && asked.For(r) is not null) : null);
                var keepsLevels = query.Level is null && about.Level is not null;
                query = query with
                {
                    Role = role,
                    Level = query.Level ?? about.Level ?? myLevel,
                    CompareTo = keepsLevels ? about.CompareTo : query.CompareTo,
                };
            }
        }
        else if (query.SkillOptions.IsEmpty && query.Domain is null && (query.Role is null) != (query.Level is null))
        {
            // "and lead?", "what about LLM engineer?": one thing changes, the rest of the last answer stays.
            query = Replace(query, about, myRole, myLevel, reading.Levels.Length == 1);
        }
        if (reading.AsksCompare && query.Level is { } one && query.CompareTo is null && about.Level is { } level && level != one)
        {
            // "compare with lead" after talking about Senior.
            query = query with { Level = one.Number < level.Number ? one : level, CompareTo = one.Number < level.Number ? level : one };
        }
        return query;
    }

    /// <summary>
    /// The last answer with what the query names in place of what it had. A level above a comparison's lower level is
    /// the new level to reach ("am I ready for lead?" then "what about principal?"); any other level is the level asked.
    /// Unknown words stand where the skill would be: the last skill does not.
    /// </summary>
    private static Query Replace(Query query, About about, Role? person, Level? personLevel, bool namesOneLevel)
    {
        var (level, compareTo) = (query.Level, query.CompareTo);
        if (level is null)
        {
            (level, compareTo) = about.Level is null ? (personLevel, null) : (about.Level, about.CompareTo);
        }
        else if (namesOneLevel && compareTo is null && about is { CompareTo: not null, Level: { } from } && level.Number > from.Number)
        {
            (level, compareTo) = (from, level);
        }
        var skill = query.Skill ?? (query.UnknownWords.IsEmpty && query.Domain is null && query.SkillOptions.IsEmpty ? about.Skill : null);
        return query with
        {
            Skill = skill,
            Role = query.Role ?? (query.RoleOptions.IsEmpty ? about.Role ?? person : null),
            Level = level,
            CompareTo = compareTo,
            Overview = query.Overview && level is null,
        };
    }

    /// <summary>What to remember after an answer, or null when nothing changed. Help, thanks and greetings keep both.</summary>
    public static UserContext? NextContext(Answer answer, Understood understood, UserContext? before)
    {
        if (answer.Intent == Intent.Catalogue)
        {
            return null; // a listing, even of one role's skills, says nothing about who asks
        }
        var topic = before?.Topic;
        if (answer.Intent != Intent.Help)
        {
            var flags = (Promotion: understood.Query.Promotion, understood.AboutSelf, AskedBack: answer.Intent == Intent.Clarify);
            topic = answer.Intent == Intent.RoleProfile
                ? new Topic(null, answer.Role, answer.Level, answer.CompareTo)
                : new Topic(answer.Skill ?? topic?.Skill, answer.Role ?? topic?.Role, answer.Level ?? topic?.Level,
                    answer.Level is null ? null : answer.CompareTo);
            topic = topic with { Promotion = flags.Promotion, AboutSelf = flags.AboutSelf, AskedBack = flags.AskedBack, CompareRole = answer.CompareRole };
            if ((topic.Skill ?? topic.Role ?? topic.Level) is null && !topic.AskedBack)
            {
                topic = before?.Topic;
            }
        }
        var person = understood.Person is { Role: null, Level: null } ? null : understood.Person;
        var next = new UserContext(person, topic);
        return next != before && (person ?? (object?)topic) is not null ? next : null;
    }
}
