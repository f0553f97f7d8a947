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
public sealed partial class Assistant
{
    /// <summary>Longer than any real question; longer text is refused rather than read.</summary>
    public const int MaxQuestionLength = 1000;

    /// <summary>Longer than any skill, role or level name (or verb) a button carries; longer values are refused, not searched.</summary>
    public const int MaxNameLength = 200;

    /// <summary>One catalogue with the indexes built for it; replaced whole, never changed.</summary>
    private sealed record Snapshot(SkillCatalogue Catalogue, QuestionReader Reader, AnswerComposer Composer)
    {
        /// <summary>The plain composer and the examples help offers, kept so kept versions can be handed in without reading the catalogue again.</summary>
        public required IReadOnlyDictionary<string, IReadOnlyList<string>> Examples { get; init; }
    }

    private volatile Snapshot _current;
    private readonly LanguageSet _languages;

    /// <param name="languages">The languages it reads and answers in; by default every one built in (languages/*.json).</param>
    public Assistant(SkillCatalogue catalogue, LanguageSet? languages = null)
    {
        _languages = languages ?? LanguageSet.BuiltIn;
        _current = Build(catalogue, _languages, null);
    }

    public LanguageSet Languages => _languages;

    public SkillCatalogue Catalogue => _current.Catalogue;

    public AnswerComposer Composer => _current.Composer;

    /// <summary>Serves a new catalogue from now on; answers in flight finish on the one they began with.</summary>
    /// <remarks>
    /// The differences from the catalogue served until now are kept for "what changed?" (a reload of the same
    /// content keeps the last ones).
    /// </remarks>
    /// <returns>The differences this catalogue brought; empty when it is the same content.</returns>
    public CatalogueDiff Use(SkillCatalogue catalogue)
    {
        var before = _current;
        var diff = CatalogueDiff.Between(before.Catalogue, catalogue);
        // The same content keeps its kept versions; new content waits for the host to compare them with it.
        _current = Build(catalogue, _languages, diff.IsEmpty ? before.Composer.Changes : diff, diff.IsEmpty ? before.Composer.History : null);
        return diff;
    }

    /// <summary>
    /// The versions kept of the catalogue (the host's database), each compared with the one served: "what changed since
    /// DATE?" answers from the version served on that day. Ignored when the catalogue served is no longer
    /// <paramref name="version"/> (a reload came in between); true when taken.
    /// </summary>
    public bool UseHistory(string version, IReadOnlyList<DatedChanges> history)
    {
        var current = _current;
        if (current.Catalogue.Version != version)
        {
            return false;
        }
        var composer = new AnswerComposer(current.Catalogue, current.Examples, current.Composer.Nearest, _languages, current.Composer.Changes, history);
        _current = current with { Composer = composer };
        return true;
    }

    /// <summary>What the last reload that changed something changed: the version before it against the one served; null before any.</summary>
    public CatalogueDiff? Changes => _current.Composer.Changes;

    private static Snapshot Build(SkillCatalogue catalogue, LanguageSet languages, CatalogueDiff? changes, IReadOnlyList<DatedChanges>? history = null)
    {
        // The two indexes take about as long as each other on a large catalogue and share nothing: built side by side, the
        // second on a thread of its own rather than one the server's requests need while a reload builds them.
        var nearest = Task.Factory.StartNew(() => new NearestNames(catalogue), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var reader = new QuestionReader(catalogue, languages);
        // Help offers only examples this catalogue really answers as meant, in each language: try them with a plain composer first.
        var plain = new AnswerComposer(catalogue, nearest: nearest.GetAwaiter().GetResult(), languages: languages);
        var examples = languages.All.ToDictionary(l => l.Code, l => (IReadOnlyList<string>)AnswerableExamples(catalogue, reader, plain, l), StringComparer.Ordinal);
        return new(catalogue, reader, new AnswerComposer(catalogue, examples, plain.Nearest, languages, changes, history)) { Examples = examples };
    }

    /// <summary>Answers one turn in the light of what the person said before. Never throws.</summary>
    public TurnResult Respond(Turn turn, UserContext? context)
    {
        var snapshot = _current;
        var (answer, understood) = turn.Action is { } action ? ActWith(snapshot, action, context) : AskWith(snapshot, turn.Text, context);
        var rating = turn.Action is { Verb: CardAction.FeedbackVerb } pressed && !CarriesLongName(pressed)
            ? CardActionQuery.Rating(snapshot.Catalogue, pressed)
            : null;
        // Only an answer about a skill that has owners can be sent to them; the question is cut as any question is.
        var askOwners = turn.Action is { Verb: CardAction.AskOwnerVerb } asked && answer.Owners.Count > 0 && answer.Skill is not null
            ? new OwnerQuestion((asked.Question ?? "").Length > MaxQuestionLength ? asked.Question![..MaxQuestionLength] : asked.Question ?? "", answer)
            : null;
        return new TurnResult(answer, FollowUp.NextContext(answer, understood ?? new Understood(new Query(""), context?.Person, false), context), rating) { AskOwners = askOwners };
    }

    /// <summary>Answers free text without anyone's context (searches, the command line). Never throws.</summary>
    public Answer Ask(string? text) => AskWith(_current, text, null).Answer;

    /// <summary>Answers a card button without anyone's context.</summary>
    public Answer Act(CardAction action) => ActWith(_current, action, null).Answer;

    /// <summary>A search: one expectation, or each entry of the profile, ladder, clarification or help the keywords ask for.</summary>
    public SearchResults Search(string keywords)
    {
        var asked = Ask(keywords);
        return new SearchResults(asked, asked.Intent switch
        {
            Intent.RoleProfile => asked.Items.OfType<ProfileItem>().Select(i => Act(CardAction.Answer(i.Skill, asked.Role, asked.Level))),
            Intent.SkillOverview => asked.Items.OfType<LadderItem>().Select(i => Act(CardAction.Answer(asked.Skill, i.Role, i.Level))),
            Intent.CompareRoles when asked is { Skill: null, Role: { } role, Level: { } level, CompareRole: { } other } =>
                asked.Items.OfType<ProfileItem>().Select(i => Act(CardAction.Move(i.Skill, role, level, other, asked.CompareTo ?? level))),
            Intent.Catalogue => asked.Items.Select(item => item switch
            {
                SkillListItem s => Act(CardAction.Answer(s.Skill, null, null)),
                RoleListItem r => Act(CardAction.Listing("skills", role: r.Role)),
                _ => asked,
            }).Take(asked.Items.FirstOrDefault() is LevelListItem ? 1 : int.MaxValue),
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

    /// <summary>The answer to text, and how it was understood (null: refused unread, which changes nothing remembered).</summary>
    private static (Answer Answer, Understood? Understood) AskWith(Snapshot snapshot, string? text, UserContext? context)
    {
        text ??= "";
        if (text.Length > MaxQuestionLength)
        {
            var language = snapshot.Reader.Read(Prefix(text)).Language;
            return (snapshot.Composer.Help(new Query(text[..80] + "…") { Language = language }, "tooLong",
                ("length", text.Length.ToString(CultureInfo.InvariantCulture)), ("max", MaxQuestionLength.ToString(CultureInfo.InvariantCulture))), null);
        }
        var reading = snapshot.Reader.Read(text);
        var understood = Interpret(snapshot.Catalogue, text, reading, context);
        return (snapshot.Composer.Compose(understood.Query), understood);
    }

    /// <summary>A button's answer; a button moves the topic only, never who the person is (null understanding).</summary>
    private static (Answer Answer, Understood? Understood) ActWith(Snapshot snapshot, CardAction action, UserContext? context)
    {
        var language = snapshot.Composer.Languages.For(action.Language).Code;
        if (CarriesLongName(action))
        {
            return (snapshot.Composer.Help(new Query("") { Language = language }, "longButton", ("max", MaxNameLength.ToString(CultureInfo.InvariantCulture))), null);
        }
        if (action.Verb == CardAction.AskVerb)
        {
            return AskWith(snapshot, action.Question, context);
        }
        if (action.Verb == CardAction.FeedbackVerb && action.Vote is CardAction.Up or CardAction.Down)
        {
            var again = action.Skill is null && action.Role is null && action.List is null
                ? snapshot.Composer.Help(new Query("") { Language = language }, "")
                : ActWith(snapshot, action with { Verb = CardAction.AnswerVerb, Vote = null }, context).Answer;
            var thanks = snapshot.Composer.Languages.For(language);
            return (again with
            {
                Message = again.Message.Length == 0
                    ? thanks.Text("feedback.thanks")
                    : thanks.Text("sentences", ("first", thanks.Text("feedback.thanks")), ("second", again.Message)),
            }, null);
        }
        if (action.Verb == CardAction.AskOwnerVerb)
        {
            // The answer the person asks the owners about, shown again; whether the question reached them is the host's to say.
            return ActWith(snapshot, action with { Verb = CardAction.AnswerVerb, Question = null }, context);
        }
        if (action.Verb != CardAction.AnswerVerb)
        {
            var speaking = snapshot.Composer.Languages.For(language);
            return (snapshot.Composer.Help(new Query(action.Verb) { Language = language }, "unknownAction", ("verb", speaking.Quote(action.Verb))), null);
        }
        return (snapshot.Composer.Compose(CardActionQuery.Resolve(snapshot.Catalogue, action) with { Language = language }), null);
    }

    /// <summary>Button data comes from the client: a forged value as large as the request allows is not echoed or searched.</summary>
    private static bool CarriesLongName(CardAction action) =>
        new[] { action.Verb, action.Skill, action.Role, action.Level, action.CompareTo, action.Vote, action.Language, action.CompareRole, action.Domain, action.List }
            .Any(v => v?.Length > MaxNameLength);

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
            if (composer.Compose(Interpret(catalogue, question, reader.Read(question), null).Query) is { } answer
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

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\d)(?<date>\d{4}-\d{2}-\d{2})(?!\d)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ChangesSince { get; }

    private static readonly HashSet<string> SinceWords = new(StringComparer.OrdinalIgnoreCase) { "since", "from", "after", "自", "以来", "从", "之后", "起" };

    private static Understood Interpret(SkillCatalogue catalogue, string text, Reading reading, UserContext? context)
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
        if (reading.AsksChanges && levels.Length <= 1)
        {
            // "What changed?" asks about the catalogue, not about the person: nothing is filled in from what they said before.
            // "since 2026-11-01" (or "自2026-11-01以来") names the version to compare with; its words are not unknown ones.
            var since = ChangesSince.Match(text);
            var sinceDate = since.Success && DateOnly.TryParseExact(since.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : (DateOnly?)null;
            var unknown = sinceDate is null ? query.UnknownWords : [.. query.UnknownWords.Where(w => !SinceWords.Contains(w) && !w.All(char.IsAsciiDigit))];
            return new Understood(query with { Changes = true, ChangesSince = sinceDate, UnknownWords = unknown }, context?.Person, false);
        }
        if (reading.IntroducesSelf && query is { Skill: null, Role: not null, Level: not null } && query.SkillOptions.IsEmpty)
        {
            // "I'm Anna, a senior data scientist at Acme": a role profile, not an unknown skill "anna acme".
            query = query with { UnknownWords = [] };
        }
        query = TrackLevels.AcrossTracks(catalogue, reading, query);
        var move = reading.Move;
        if (move is [var towards] && catalogue.FindRole(context?.Person?.Role ?? context?.Topic?.Role) is { } mine && mine != towards.Role)
        {
            // "what if I switched to LLM engineer?": from the role (and level) the person talked about.
            var said = catalogue.FindLevel(context?.Person?.Level ?? context?.Topic?.Level);
            move = [new RoleAtLevel(mine, said ?? towards.Level), towards with { Level = towards.Level ?? said }];
        }
        if (move is [var from, var to] && (from.Level is not null || reading.Skills.IsEmpty))
        {
            // A lateral move: each role with its own level. With a skill but no level it stays a choice of role.
            query = query with { Role = from.Role, CompareRole = to.Role, RoleOptions = [], Level = from.Level, CompareTo = to.Level };
        }
        else if (reading.Lists is { } list && reading.Skills.IsEmpty && reading.Levels.IsEmpty && reading.UnknownWords.IsEmpty
                 && reading.UnknownLevels.IsEmpty && reading.UnknownRoles.IsEmpty && !reading.AboutSelf)
        {
            // "what skills are there?", "which skills does an LLM engineer have?": only skills are narrowed, by role or domain.
            return new Understood(query with
            {
                List = list,
                Role = list == CatalogueList.Skills ? query.Role : null,
                RoleOptions = list == CatalogueList.Skills ? query.RoleOptions : [],
                Domain = list == CatalogueList.Skills ? query.Domain : null,
            }, context?.Person, false);
        }
        var understood = FollowUp.Complete(catalogue, reading, query, context);
        if (query.CompareRole is not null)
        {
            // The levels said for the two roles stand; a level from the context stands for both.
            var completed = understood.Query;
            var level = query.Level ?? completed.Level;
            understood = understood with
            {
                Query = completed with { Role = query.Role, CompareRole = query.CompareRole, Level = level, CompareTo = query.CompareTo ?? level, Promotion = false },
            };
        }
        if (!reading.UnknownLevels.IsEmpty && levels.IsEmpty)
        {
            // "staff data scientist" after talking about Senior: the level asked for is not Senior, and is named back.
            understood = understood with { Query = understood.Query with { Level = null, CompareTo = null, Promotion = false } };
        }
        if (levels.Length > 1 && understood.Query.Promotion)
        {
            // "from engineering manager 1 to director": both levels are said, so it is a comparison, not the person's next step.
            understood = understood with { Query = understood.Query with { Promotion = false } };
        }
        return understood with { Query = TrackLevels.OnRoleTrack(catalogue, reading, understood.Query) };
    }
}
