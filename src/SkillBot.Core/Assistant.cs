using System.Collections.Immutable;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Core.Understanding;

namespace SkillBot.Core;

/// <summary>
/// SkillBot's brain for one loaded catalogue: reads a question, completes it from what the user said
/// before, and composes the answer. Immutable apart from the shared conversation memory; a reloaded
/// catalogue gets a new Assistant while answers in flight finish on the old one.
/// </summary>
public sealed class Assistant
{
    /// <summary>Longer than any real question; longer text is refused rather than read.</summary>
    public const int MaxQuestionLength = 1000;

    private readonly QuestionReader _reader;
    private readonly ConversationMemory? _memory;

    public Assistant(SkillCatalogue catalogue, ConversationMemory? memory = null)
    {
        Catalogue = catalogue;
        _reader = new QuestionReader(catalogue);
        Composer = new AnswerComposer(catalogue);
        Composer = new AnswerComposer(catalogue, AnswerableExamples(), Composer.Nearest);
        _memory = memory;
    }

    public SkillCatalogue Catalogue { get; }

    public AnswerComposer Composer { get; }

    /// <summary>Answers free text. Never throws. <paramref name="user"/> (channel-qualified) enables follow-up questions.</summary>
    public Answer Ask(string? text, string? user = null)
    {
        text ??= "";
        if (text.Length > MaxQuestionLength)
        {
            return Composer.Help(new Query(text[..80] + "…"),
                $"That question is too long ({text.Length} characters). Please keep it under {MaxQuestionLength} characters, for example:");
        }
        var reading = _reader.Read(text);
        var context = user is null ? null : _memory?.Recall(user);
        var answer = Composer.Compose(Interpret(text, reading, context));
        if (user is not null)
        {
            Remember(user, answer, context);
        }
        return answer;
    }

    /// <summary>Answers a request already in canonical terms (a card button), remembering it as context.</summary>
    public Answer Answer(Query query, string? user = null)
    {
        var answer = Composer.Compose(query);
        if (user is not null)
        {
            Remember(user, answer, _memory?.Recall(user));
        }
        return answer;
    }

    /// <summary>Answers a card button. Names that no longer exist (a reloaded catalogue) are reported, not guessed.</summary>
    public Answer Act(CardAction action, string? user = null)
    {
        if (action.Verb == CardAction.AskVerb)
        {
            return Ask(action.Question, user);
        }
        if (action.Verb != CardAction.AnswerVerb)
        {
            return Composer.Help(new Query(action.Verb), $"I don't know the action '{action.Verb}'. Ask me a question instead, for example:");
        }
        var skill = Catalogue.FindSkill(action.Skill);
        var role = Catalogue.FindRole(action.Role);
        var level = Catalogue.FindLevel(action.Level);
        var compareTo = Catalogue.FindLevel(action.CompareTo);
        var unknown = new[] { (action.Skill, skill is null), (action.Role, role is null), (action.Level, level is null), (action.CompareTo, compareTo is null) }
            .Where(x => x.Item1 is not null && x.Item2)
            .Select(x => x.Item1!)
            .ToImmutableArray();
        var question = string.Join(", ", new[] { action.Skill, action.Role, action.Level, action.CompareTo }.OfType<string>());
        var query = new Query(question)
        {
            Skill = skill,
            Role = role,
            Level = level is not null && compareTo is not null && compareTo.Number < level.Number ? compareTo : level,
            CompareTo = level is not null && compareTo is not null && compareTo != level
                ? (compareTo.Number < level.Number ? level : compareTo)
                : null,
            UnknownWords = unknown,
            Overview = skill is not null && level is null,
        };
        return unknown.IsEmpty ? Answer(query, user) : Composer.Compose(query with { Skill = null, Role = null, Level = null, CompareTo = null, Overview = false });
    }

    /// <summary>The first example question of each kind that this assistant answers as meant.</summary>
    private List<string> AnswerableExamples()
    {
        var found = new Dictionary<Intent, string>();
        foreach (var (intent, question) in AnswerComposer.ExampleCandidates(Catalogue))
        {
            if (found.ContainsKey(intent))
            {
                continue;
            }
            if (Composer.Compose(Interpret(question, _reader.Read(question), null)).Intent == intent)
            {
                found[intent] = question;
                if (found.Count == AnswerComposer.ExampleKinds.Length)
                {
                    break;
                }
            }
        }
        return [.. AnswerComposer.ExampleKinds.Where(found.ContainsKey).Select(k => found[k])];
    }

    private Query Interpret(string text, Reading reading, UserContext? context)
    {
        var levels = reading.Levels;
        var query = new Query(text)
        {
            Skill = reading.Skills.Length == 1 ? reading.Skills[0] : null,
            SkillOptions = reading.Skills.Length > 1 ? reading.Skills : [],
            Role = reading.Roles.Length == 1 ? reading.Roles[0] : null,
            RoleOptions = reading.Roles.Length > 1 ? reading.Roles : [],
            Level = levels.IsEmpty ? null : levels[0].Number <= (levels.Length > 1 ? levels[1].Number : int.MaxValue) ? levels[0] : levels[1],
            CompareTo = levels.Length > 1 ? (levels[0].Number > levels[1].Number ? levels[0] : levels[1]) : null,
            Domain = reading.Domains.IsEmpty ? null : reading.Domains[0],
            UnknownWords = reading.UnknownWords,
            Overview = reading.AsksOverview && levels.IsEmpty,
            Language = reading.IsChinese ? "zh" : "en",
        };
        if (reading.IntroducesSelf && query is { Skill: null, Role: not null, Level: not null } && query.SkillOptions.IsEmpty)
        {
            // "I'm Anna, a senior data scientist at Acme": a role profile, not an unknown skill "anna acme".
            query = query with { UnknownWords = [] };
        }
        var rememberedLevel = Catalogue.FindLevel(context?.Level);
        if (levels.Length == 1 && reading.Target is { } target
            && (rememberedLevel is not null && rememberedLevel.Number < target.Number ? rememberedLevel : Catalogue.Below(target)) is { } from)
        {
            // "how do I become a lead?": what the step up adds, from where the user said they are or the level below.
            query = query with { Level = from, CompareTo = target };
        }
        if (levels.IsEmpty && reading.LevelStep != 0 && rememberedLevel is not null
            && (reading.LevelStep > 0 ? Catalogue.Above(rememberedLevel) : Catalogue.Below(rememberedLevel)) is { } stepped)
        {
            // "what's next?", "and the level below?": one step from the level the user last asked about.
            query = query with { Level = stepped };
        }
        if (context is null || (!reading.NamesAnything && query.Level is null))
        {
            return query;
        }

        var skill = Catalogue.FindSkill(context.Skill);
        var role = Catalogue.FindRole(context.Role);
        var level = Catalogue.FindLevel(context.Level);
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

    private void Remember(string user, Answer answer, UserContext? before)
    {
        if (_memory is null)
        {
            return;
        }
        var remembered = answer.Intent == Intent.RoleProfile
            ? new UserContext(null, answer.Role, answer.Level)
            : new UserContext(answer.Skill ?? before?.Skill, answer.Role ?? before?.Role, answer.Level ?? before?.Level);
        if (remembered != before && (remembered.Skill ?? remembered.Role ?? remembered.Level) is not null)
        {
            _memory.Remember(user, remembered);
        }
    }
}
