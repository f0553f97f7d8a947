using System.Globalization;
using SkillBot.Core.Answers;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Conversation;
using SkillBot.Core.Languages;
using SkillBot.Core.Progress;
using SkillBot.Core.Understanding;

namespace SkillBot.Core;

/// <summary>
/// SkillBot's core, pure: a turn and the person's context in, the answer and the context to remember out
/// (<see cref="Respond"/>). No storage, no clock, no metrics: the host reads the context before and writes it after.
/// A new catalogue replaces the old one atomically (<see cref="Use"/>): each answer is composed on the one snapshot
/// it started with.
/// </summary>
public sealed class Assistant
{
    /// <summary>Longer than any real question; longer text is refused rather than read.</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>Longer than any skill, role or level name (or verb) a button carries; longer values are refused, not searched.</summary>
    public const int MaxNameLength = 200;

    /// <summary>One catalogue with the indexes built for it; replaced whole, never changed.</summary>
    private sealed record Snapshot(SkillCatalogue Catalogue, QuestionReader Reader, AnswerComposer Composer);

    private volatile Snapshot _current;
    private readonly LanguageSet _languages;

    /// <param name="languages">The languages it reads and answers in; by default every one built in (languages/*.json).</param>
    public Assistant(SkillCatalogue catalogue, LanguageSet? languages = null)
    {
        _languages = languages ?? LanguageSet.BuiltIn;
        _current = Build(catalogue, _languages);
    }

    public LanguageSet Languages => _languages;

    public SkillCatalogue Catalogue => _current.Catalogue;

    public AnswerComposer Composer => _current.Composer;

    /// <summary>Serves a new catalogue from now on; answers in flight finish on the one they began with.</summary>
    public void Use(SkillCatalogue catalogue) => _current = Build(catalogue, _languages);

    private static Snapshot Build(SkillCatalogue catalogue, LanguageSet languages)
    {
        var reader = new QuestionReader(catalogue, languages);
        // Help offers only examples this catalogue really answers as meant, in each language: try them with a plain composer first.
        var plain = new AnswerComposer(catalogue, languages: languages);
        var examples = languages.All.ToDictionary(l => l.Code, l => (IReadOnlyList<string>)AnswerableExamples(catalogue, reader, plain, l), StringComparer.Ordinal);
        return new(catalogue, reader, new AnswerComposer(catalogue, examples, plain.Nearest, languages));
    }

    /// <summary>Answers one turn in the light of what the person said before. Never throws.</summary>
    public TurnResult Respond(Turn turn, UserContext? context)
    {
        var snapshot = _current;
        var answer = turn.Action is { } action ? ActWith(snapshot, action, context) : AskWith(snapshot, turn.Text, context);
        var rating = turn.Action is { Verb: CardAction.FeedbackVerb } pressed && !CarriesLongName(pressed)
            ? CardActionQuery.Rating(snapshot.Catalogue, pressed)
            : null;
        return new TurnResult(answer, FollowUp.NextContext(answer, context), rating);
    }

    /// <summary>Answers free text without anyone's context (searches, the command line). Never throws.</summary>
    public Answer Ask(string? text) => AskWith(_current, text, null);

    /// <summary>Answers a card button without anyone's context.</summary>
    public Answer Act(CardAction action) => ActWith(_current, action, null);

    /// <summary>A search: one expectation, or each entry of the profile, ladder, clarification or help the keywords ask for.</summary>
    public SearchResults Search(string keywords)
    {
        var asked = Ask(keywords);
        return new SearchResults(asked, asked.Intent switch
        {
            Intent.RoleProfile => asked.Items.OfType<ProfileItem>().Select(i => Act(CardAction.Answer(i.Skill, asked.Role, asked.Level))),
            Intent.SkillOverview => asked.Items.OfType<LadderItem>().Select(i => Act(CardAction.Answer(asked.Skill, i.Role, i.Level))),
            Intent.Clarify => (asked.Clarify?.Options ?? []).Select(option => Ask(keywords + " " + option)),
            Intent.Help => asked.Suggestions.Select(Ask),
            _ => [asked],
        });
    }

    /// <summary>A question about the person's own progress ("my progress", "forget me"), read on the served catalogue; null when it is not one.</summary>
    public ProgressQuestion? ReadProgress(string? text)
    {
        var snapshot = _current;
        return ProgressPhrases.Read(snapshot.Catalogue, snapshot.Reader, text);
    }

    /// <summary>Example questions this catalogue answers as meant, one of each kind (help shows them).</summary>
    public IReadOnlyList<string> Examples => _current.Composer.ExampleQuestions();

    /// <summary>Help with a message of the channel's own, offering this catalogue's examples.</summary>
    public Answer Help(string question, string message) => _current.Composer.Help(new Query(question), message);

    /// <summary>
    /// Help with one of the languages' own messages (<paramref name="key"/>: "help.slashCommand", "help.welcome",
    /// "rateLimited" …), in the language <paramref name="question"/> is written in.
    /// </summary>
    public Answer HelpIn(string question, string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var snapshot = _current;
        var language = question.Length == 0 ? LanguageSet.DefaultCode : snapshot.Reader.Read(Prefix(question)).Language;
        return snapshot.Composer.Help(new Query(question) { Language = language }, key, values);
    }

    /// <summary>What is read of an over-long text to tell its language: no more than any question.</summary>
    private static string Prefix(string text) => text.Length > MaxQuestionLength ? text[..MaxQuestionLength] : text;

    private static Answer AskWith(Snapshot snapshot, string? text, UserContext? context)
    {
        text ??= "";
        if (text.Length > MaxQuestionLength)
        {
            var language = snapshot.Reader.Read(Prefix(text)).Language;
            return snapshot.Composer.Help(new Query(text[..80] + "…") { Language = language }, "tooLong",
                ("length", text.Length.ToString(CultureInfo.InvariantCulture)), ("max", MaxQuestionLength.ToString(CultureInfo.InvariantCulture)));
        }
        var reading = snapshot.Reader.Read(text);
        return snapshot.Composer.Compose(Interpret(snapshot.Catalogue, text, reading, context));
    }

    private static Answer ActWith(Snapshot snapshot, CardAction action, UserContext? context)
    {
        var language = snapshot.Composer.Languages.For(action.Language).Code;
        if (CarriesLongName(action))
        {
            return snapshot.Composer.Help(new Query("") { Language = language }, "longButton", ("max", MaxNameLength.ToString(CultureInfo.InvariantCulture)));
        }
        if (action.Verb == CardAction.AskVerb)
        {
            return AskWith(snapshot, action.Question, context);
        }
        if (action.Verb == CardAction.FeedbackVerb && action.Vote is CardAction.Up or CardAction.Down)
        {
            var again = action.Skill is null && action.Role is null
                ? snapshot.Composer.Help(new Query("") { Language = language }, "")
                : ActWith(snapshot, action with { Verb = CardAction.AnswerVerb, Vote = null }, context);
            var thanks = snapshot.Composer.Languages.For(language);
            return again with
            {
                Message = again.Message.Length == 0
                    ? thanks.Text("feedback.thanks")
                    : thanks.Text("sentences", ("first", thanks.Text("feedback.thanks")), ("second", again.Message)),
            };
        }
        if (action.Verb != CardAction.AnswerVerb)
        {
            var speaking = snapshot.Composer.Languages.For(language);
            return snapshot.Composer.Help(new Query(action.Verb) { Language = language }, "unknownAction", ("verb", speaking.Quote(action.Verb)));
        }
        return snapshot.Composer.Compose(CardActionQuery.Resolve(snapshot.Catalogue, action) with { Language = language });
    }

    /// <summary>Button data comes from the client: a forged value as large as the request allows is not echoed or searched.</summary>
    private static bool CarriesLongName(CardAction action) =>
        new[] { action.Verb, action.Skill, action.Role, action.Level, action.CompareTo, action.Vote, action.Language }.Any(v => v?.Length > MaxNameLength);

    /// <summary>The first example question of each kind that this catalogue answers as meant.</summary>
    private static List<string> AnswerableExamples(SkillCatalogue catalogue, QuestionReader reader, AnswerComposer composer, Language language)
    {
        var found = new Dictionary<Intent, string>();
        foreach (var (intent, question) in AnswerComposer.ExampleCandidates(catalogue, language))
        {
            if (found.ContainsKey(intent))
            {
                continue;
            }
            if (composer.Compose(Interpret(catalogue, question, reader.Read(question), null)) is { } answer
                && answer.Intent == intent && answer.Language == language.Code)
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
            UnknownLevels = reading.UnknownLevels,
            UnknownRoles = reading.UnknownRoles,
            Overview = reading.AsksOverview && levels.IsEmpty,
            Language = reading.Language,
        };
        if (reading.IntroducesSelf && query is { Skill: null, Role: not null, Level: not null } && query.SkillOptions.IsEmpty)
        {
            // "I'm Anna, a senior data scientist at Acme": a role profile, not an unknown skill "anna acme".
            query = query with { UnknownWords = [] };
        }
        query = FollowUp.Complete(catalogue, reading, query, context);
        if (!reading.UnknownLevels.IsEmpty && levels.IsEmpty)
        {
            // "staff data scientist" after talking about Senior: the level asked for is not Senior, and is named back.
            query = query with { Level = null, CompareTo = null };
        }
        return query;
    }
}
