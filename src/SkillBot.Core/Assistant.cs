using System.Collections.Immutable;
using System.Diagnostics;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Core.Insights;
using SkillBot.Core.Understanding;

namespace SkillBot.Core;

/// <summary>
/// SkillBot's brain: reads a question, completes it from what the user said before, and composes the
/// answer from the loaded catalogue. A new catalogue replaces the old one atomically
/// (<see cref="Use"/>): each answer is composed on the one snapshot it started with.
/// </summary>
public sealed class Assistant
{
    /// <summary>Longer than any real question; longer text is refused rather than read.</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>Longer than any skill, role or level name (or verb) a button carries; longer values are refused, not searched.</summary>
    public const int MaxNameLength = 200;

    /// <summary>One catalogue with the indexes built for it; replaced whole, never changed.</summary>
    private sealed record Snapshot(SkillCatalogue Catalogue, QuestionReader Reader, AnswerComposer Composer);

    private readonly IUserContextStore? _memory;
    private readonly QuestionInsights? _insights;
    private volatile Snapshot _current;

    public Assistant(SkillCatalogue catalogue, IUserContextStore? memory = null, QuestionInsights? insights = null)
    {
        _current = Build(catalogue);
        _memory = memory;
        _insights = insights;
    }

    public SkillCatalogue Catalogue => _current.Catalogue;

    public AnswerComposer Composer => _current.Composer;

    /// <summary>Serves a new catalogue from now on; answers in flight finish on the one they began with.</summary>
    public void Use(SkillCatalogue catalogue) => _current = Build(catalogue);

    private static Snapshot Build(SkillCatalogue catalogue)
    {
        var reader = new QuestionReader(catalogue);
        // Help offers only examples this catalogue really answers as meant: try them with a plain composer first.
        var plain = new AnswerComposer(catalogue);
        return new(catalogue, reader, new AnswerComposer(catalogue, AnswerableExamples(catalogue, reader, plain), plain.Nearest));
    }

    /// <summary>Answers free text. Never throws. <paramref name="user"/> (channel-qualified) enables follow-up questions.</summary>
    public Answer Ask(string? text, string? user = null) => Respond(user, context => AskWith(_current, text, context));

    /// <summary>Answers a card button. Names that no longer exist (a reloaded catalogue) are reported, not guessed.</summary>
    public Answer Act(CardAction action, string? user = null) => Respond(user, context => ActWith(_current, action, context));

    /// <summary><see cref="Ask"/> for channels whose user context lives in a shared store: the store is awaited, not blocked on.</summary>
    public Task<Answer> AskAsync(string? text, string? user = null, CancellationToken cancellationToken = default) =>
        RespondAsync(user, context => AskWith(_current, text, context), cancellationToken);

    /// <summary><see cref="Act"/> for channels whose user context lives in a shared store.</summary>
    public Task<Answer> ActAsync(CardAction action, string? user = null, CancellationToken cancellationToken = default) =>
        RespondAsync(user, context => ActWith(_current, action, context), cancellationToken);

    /// <summary>Answers a request already in canonical terms.</summary>
    public Answer Answer(Query query, string? user = null) => Respond(user, _ => _current.Composer.Compose(query));

    private Answer Respond(string? user, Func<UserContext?, Answer> compose)
    {
        var start = Stopwatch.GetTimestamp();
        var context = user is null ? null : _memory?.Recall(user);
        var answer = compose(context);
        if (user is not null && NextContext(answer, context) is { } next)
        {
            _memory?.Remember(user, next);
        }
        return Observed(answer, user, start);
    }

    private async Task<Answer> RespondAsync(string? user, Func<UserContext?, Answer> compose, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        var context = user is null || _memory is null ? null : await _memory.RecallAsync(user, cancellationToken);
        var answer = compose(context);
        if (user is not null && _memory is not null && NextContext(answer, context) is { } next)
        {
            await _memory.RememberAsync(user, next, cancellationToken);
        }
        return Observed(answer, user, start);
    }

    /// <summary>Every answer is counted by channel and intent and timed; unanswered and clarify questions feed the insights.</summary>
    private Answer Observed(Answer answer, string? user, long start)
    {
        SkillBotMetrics.RecordAnswer(SkillBotMetrics.ChannelOf(user), answer.Intent, Stopwatch.GetElapsedTime(start));
        _insights?.Record(answer);
        return answer;
    }

    private static Answer AskWith(Snapshot snapshot, string? text, UserContext? context)
    {
        text ??= "";
        if (text.Length > MaxQuestionLength)
        {
            return snapshot.Composer.Help(new Query(text[..80] + "…"),
                $"That question is too long ({text.Length} characters). Please keep it under {MaxQuestionLength} characters, for example:");
        }
        var reading = snapshot.Reader.Read(text);
        return snapshot.Composer.Compose(Interpret(snapshot.Catalogue, text, reading, context));
    }

    private Answer ActWith(Snapshot snapshot, CardAction action, UserContext? context)
    {
        // Button data comes from the client: a forged value as large as the request allows is not echoed or searched.
        if (new[] { action.Verb, action.Skill, action.Role, action.Level, action.CompareTo, action.Vote }.Any(v => v?.Length > MaxNameLength))
        {
            return snapshot.Composer.Help(new Query(""),
                $"That button carries a name longer than {MaxNameLength} characters, which no skill, role or level has. Ask me a question instead, for example:");
        }
        if (action.Verb == CardAction.AskVerb)
        {
            return AskWith(snapshot, action.Question, context);
        }
        if (action.Verb == CardAction.FeedbackVerb && action.Vote is CardAction.Up or CardAction.Down)
        {
            _insights?.Vote(snapshot.Catalogue, action.Skill, action.Role, action.Level, action.Vote == CardAction.Up);
            var again = action.Skill is null && action.Role is null
                ? snapshot.Composer.Help(new Query(""), "")
                : ActWith(snapshot, action with { Verb = CardAction.AnswerVerb, Vote = null }, context);
            return again with { Message = "Thanks for your feedback! " + again.Message };
        }
        if (action.Verb != CardAction.AnswerVerb)
        {
            return snapshot.Composer.Help(new Query(action.Verb), $"I don't know the action '{action.Verb}'. Ask me a question instead, for example:");
        }
        var catalogue = snapshot.Catalogue;
        var skill = catalogue.FindSkill(action.Skill);
        var role = catalogue.FindRole(action.Role);
        var level = catalogue.FindLevel(action.Level);
        var compareTo = catalogue.FindLevel(action.CompareTo);
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
        return unknown.IsEmpty ? snapshot.Composer.Compose(query) : snapshot.Composer.Compose(query with { Skill = null, Role = null, Level = null, CompareTo = null, Overview = false });
    }

    /// <summary>The first example question of each kind that this catalogue answers as meant.</summary>
    private static List<string> AnswerableExamples(SkillCatalogue catalogue, QuestionReader reader, AnswerComposer composer)
    {
        var found = new Dictionary<Intent, string>();
        foreach (var (intent, question) in AnswerComposer.ExampleCandidates(catalogue))
        {
            if (found.ContainsKey(intent))
            {
                continue;
            }
            if (composer.Compose(Interpret(catalogue, question, reader.Read(question), null)).Intent == intent)
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

    private static Query Interpret(SkillCatalogue catalogue, string text, Reading reading, UserContext? context)
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
    private static UserContext? NextContext(Answer answer, UserContext? before)
    {
        var remembered = answer.Intent == Intent.RoleProfile
            ? new UserContext(null, answer.Role, answer.Level)
            : new UserContext(answer.Skill ?? before?.Skill, answer.Role ?? before?.Role, answer.Level ?? before?.Level);
        return remembered != before && (remembered.Skill ?? remembered.Role ?? remembered.Level) is not null ? remembered : null;
    }
}
