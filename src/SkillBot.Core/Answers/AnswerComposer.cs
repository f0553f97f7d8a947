using System.Collections.Concurrent;
using System.Collections.Immutable;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Languages;
using SkillBot.Core.Text;
using SkillBot.Core.Understanding;

namespace SkillBot.Core.Answers;

/// <summary>Turns a <see cref="Query"/> into the <see cref="Answer"/> for one catalogue. Pure: no I/O, no state.</summary>
/// <param name="examples">The example questions help offers, by language; by default the first candidate of each kind.</param>
/// <param name="nearest">The catalogue's index for not_found suggestions, when one is already built.</param>
/// <param name="languages">The languages answers are written in; every sentence comes from the question's language's file.</param>
public sealed class AnswerComposer(
    SkillCatalogue catalogue,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? examples = null,
    NearestNames? nearest = null,
    LanguageSet? languages = null)
{
    private readonly LanguageSet _languages = languages ?? LanguageSet.BuiltIn;
    private readonly string[] _levelNames = [.. catalogue.Levels.Select(l => l.Name)];
    private readonly string[] _rolesWithSkills = [.. catalogue.Roles.Where(r => !catalogue.SkillsOf(r).IsEmpty).Select(r => r.Name)];
    private readonly NearestNames _nearest = nearest ?? new NearestNames(catalogue);
    private readonly ConcurrentDictionary<(Expectation Higher, Expectation Lower), IReadOnlyList<Segment>> _diffs = new();
    private const int MaxRememberedDiffs = 20_000;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>>? _examples = examples;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _firstExamples = new(StringComparer.Ordinal);

    public SkillCatalogue Catalogue => catalogue;

    public NearestNames Nearest => _nearest;

    public LanguageSet Languages => _languages;

    /// <summary>
    /// The answer to a query. A level or role the question named but the catalogue lacks is said in the message,
    /// never dropped: a missing role is not_found with the nearest roles, a missing level asks which level.
    /// </summary>
    public Answer Compose(Query query)
    {
        var language = _languages.For(query.Language);
        if (!query.UnknownRoles.IsEmpty && query.Role is null && query.RoleOptions.IsEmpty)
        {
            return UnknownRole(query, language);
        }
        if (!query.UnknownLevels.IsEmpty && query.Level is null && query.SkillOptions.IsEmpty && query.RoleOptions.IsEmpty
            && (query.UnknownWords.IsEmpty || query.Skill is not null || query.Domain is not null))
        {
            var options = catalogue.Levels.Select(l => l.Name).ToList();
            var which = query.Role is { } ofRole
                ? language.Text("clarify.levelOfRole", ("role", ofRole.Name), ("options", language.Or(options)))
                : language.Text("clarify.level", ("options", language.Or(options)));
            return Clarify(query, Missing.Level, options, Sentences(language, UnknownLevelNote(query, language), which));
        }
        var answer = ComposeKnown(query, language);
        var notes = Sentences(language, UnknownLevelNote(query, language), UnknownRoleNote(query, language));
        return notes.Length == 0 ? answer : answer with { Message = Sentences(language, notes, answer.Message) };
    }

    private Answer ComposeKnown(Query query, Language language)
    {
        if (query.SkillOptions.Length > 1)
        {
            return Clarify(query, Missing.Skill, query.SkillOptions.Select(s => s.Name),
                language.Text("clarify.skill", ("options", language.Or(query.SkillOptions.Select(s => s.Name)))));
        }
        if (query.RoleOptions.Length > 1)
        {
            return Clarify(query, Missing.Role, query.RoleOptions.Select(r => r.Name),
                language.Text("clarify.role", ("options", language.Or(query.RoleOptions.Select(r => r.Name)))));
        }
        if (query.Skill is { } skill)
        {
            return ForSkill(query, skill, language);
        }
        if (query.Domain is { } domain)
        {
            return ForDomain(query, domain, language);
        }
        if (query.UnknownWords.Length > 0)
        {
            // No skill, but words the catalogue does not know: "what does a senior DS need in kubernetes?"
            // asks about a skill it lacks, and a role profile would hide that.
            return NotFound(query, language);
        }
        if (query.Role is { } role)
        {
            return query.Level is { } level
                ? RoleProfile(query, role, level, language)
                : Clarify(query, Missing.Level, catalogue.Levels.Select(l => l.Name),
                    language.Text("clarify.levelOfRole", ("role", role.Name), ("options", language.Or(catalogue.Levels.Select(l => l.Name)))));
        }
        if (query.Level is { } onlyLevel)
        {
            return catalogue.Roles.Length == 1
                ? RoleProfile(query, catalogue.Roles[0], onlyLevel, language)
                : Clarify(query, Missing.Role, catalogue.Roles.Select(r => r.Name),
                    language.Text("clarify.roleAtLevel", ("level", onlyLevel.Name), ("options", language.Or(catalogue.Roles.Select(r => r.Name)))));
        }
        return Help(query, language.Text("help.ask"));
    }

    public Answer Help(Query query, string message) =>
        Base(query, Intent.Help, message) with { Suggestions = ExampleQuestions(query.Language) };

    /// <summary>Help whose message is one of the language's own (<paramref name="key"/>), in the question's language.</summary>
    public Answer Help(Query query, string key, params ReadOnlySpan<(string Name, string Value)> values) =>
        Help(query, _languages.For(query.Language).Text(key, values));

    /// <summary>Sentences one after the other, the language's way (a space in English, none in Chinese); empty ones left out.</summary>
    private static string Sentences(Language language, params ReadOnlySpan<string> sentences)
    {
        var text = "";
        foreach (var sentence in sentences)
        {
            text = sentence.Length == 0 ? text : text.Length == 0 ? sentence : language.Text("sentences", ("first", text), ("second", sentence));
        }
        return text;
    }

    private string UnknownLevelNote(Query query, Language language)
    {
        var levels = language.And(catalogue.Levels.Select(l => l.Name));
        return query.UnknownLevels.Length switch
        {
            0 => "",
            1 => language.Text("unknown.level", ("name", language.Quote(query.UnknownLevels[0])), ("levels", levels)),
            _ => language.Text("unknown.levels", ("names", language.And(query.UnknownLevels.Select(language.Quote))), ("levels", levels)),
        };
    }

    /// <summary>Said beside an answer that found a role anyway ("data scientist vs backend engineer").</summary>
    private static string UnknownRoleNote(Query query, Language language) =>
        query.UnknownRoles.IsEmpty || query.Role is null
            ? ""
            : language.Text("unknown.role", ("name", language.And(query.UnknownRoles.Select(language.Quote))), ("roles", query.Role.Name));

    /// <summary>A role the catalogue lacks: not_found, with the roles whose names come nearest (or every role).</summary>
    private Answer UnknownRole(Query query, Language language)
    {
        var name = language.And(query.UnknownRoles.Select(language.Quote));
        var nearest = _nearest.Find([.. query.UnknownRoles.SelectMany(Tokenizer.Tokenize)], 20)
            .Where(n => catalogue.FindRole(n) is not null)
            .Take(5)
            .ToList();
        var level = UnknownLevelNote(query, language);
        if (nearest.Count > 0)
        {
            return Base(query, Intent.NotFound, Sentences(language, level,
                    language.Text("unknown.role.nearest", ("name", name), ("options", language.Or(nearest)))))
                with { Suggestions = nearest };
        }
        var roles = catalogue.Roles.Take(5).Select(r => r.Name).ToList();
        return Base(query, Intent.NotFound, Sentences(language, level,
                language.Text("unknown.role", ("name", name), ("roles", language.And(roles)))))
            with { Suggestions = roles };
    }

    /// <summary>A domain named instead of a skill: its only skill (of the role, when one is named), or a choice.</summary>
    private Answer ForDomain(Query query, string domain, Language language)
    {
        var skills = catalogue.SkillsIn(domain);
        if (query.Role is { } role && skills.Where(s => s.For(role) is not null).ToImmutableArray() is { Length: > 0 } ofRole)
        {
            skills = ofRole;
        }
        return skills.Length == 1
            ? ComposeKnown(query with { Skill = skills[0] }, language)
            : Clarify(query, Missing.Skill, skills.Select(s => s.Name),
                language.Text("clarify.skillInDomain", ("domain", domain), ("options", language.Or(skills.Select(s => s.Name)))));
    }

    private Answer ForSkill(Query query, Skill skill, Language language)
    {
        if (query.Role is not { } role)
        {
            if (query.Level is not { } asked || query.Overview)
            {
                return Overview(query, skill, null, language);
            }
            // Only the roles the skill defines at the asked level(s) are worth asking about; one is the answer.
            var candidates = skill.Roles.Where(r => r.At(asked) is not null || (query.CompareTo is { } higher && r.At(higher) is not null)).ToList();
            if (candidates.Count == 0)
            {
                candidates = [.. skill.Roles];
            }
            if (candidates.Count == 1)
            {
                return ForSkill(query with { Role = candidates[0].Role }, skill, language);
            }
            var names = candidates.Select(r => r.Role.Name).ToList();
            return Clarify(query, Missing.Role, names, language.Text("clarify.roleOfSkill", ("skill", skill.Name), ("roles", language.And(names))));
        }
        if (skill.For(role) is not { } expectations)
        {
            var names = skill.Roles.Select(r => r.Role.Name).ToList();
            return Base(query, Intent.NotFound,
                    language.Text("notFound.skillForRole", ("skill", skill.Name), ("role", role.Name), ("roles", language.And(names))))
                with { Suggestions = names };
        }
        if (query.Level is not { } level || query.Overview)
        {
            return Overview(query, skill, role, language);
        }
        if (query.CompareTo is { } higher)
        {
            return Compare(query, skill, expectations, level, higher, language);
        }
        return Expectation(query, skill, expectations, level, language);
    }

    private Answer Expectation(Query query, Skill skill, RoleExpectations expectations, Level level, Language language)
    {
        var current = expectations.At(level);
        var nextLevel = catalogue.Above(level);
        var next = nextLevel is null ? null : expectations.At(nextLevel);
        (string, string)[] names =
        [
            ("skill", skill.Name), ("aLevel", Article(level.Name)), ("level", level.Name), ("role", expectations.Role.Name),
            ("next", nextLevel?.Name ?? ""),
        ];
        var message = (current, nextLevel, next) switch
        {
            (null, _, _) => language.Text("expectation.none", names),
            (_, null, _) => language.Text("expectation.top", names),
            (_, _, null) => language.Text("expectation.nextHasNone", names),
            _ => language.Text("expectation.next", names),
        };
        return Base(query, Intent.Expectation, message) with
        {
            Current = Of(current),
            Next = Higher(next, current),
        };
    }

    private Answer Compare(Query query, Skill skill, RoleExpectations expectations, Level lower, Level higher, Language language)
    {
        var from = expectations.At(lower);
        var to = expectations.At(higher);
        return Base(query, Intent.Compare, language.Text("compare", ("skill", skill.Name), ("aRole", Article(expectations.Role.Name)),
                ("role", expectations.Role.Name), ("level", lower.Name), ("higher", higher.Name)))
            with
            {
                Current = Of(from),
                Next = Higher(to, from),
            };
    }

    private Answer RoleProfile(Query query, Role role, Level level, Language language)
    {
        // Two levels ("senior vs principal data scientist") show the higher one beside each skill.
        var next = query.CompareTo ?? catalogue.Above(level);
        var items = catalogue.SkillsOf(role)
            .Select(s => (Skill: s, Expectations: s.For(role)!))
            .Select(x => (AnswerItem)new ProfileItem(
                x.Skill.Name,
                x.Skill.Domain,
                Of(x.Expectations.At(level)),
                next is null ? null : Of(x.Expectations.At(next))))
            .ToList();
        var count = items.Count == 1 ? language.Text("count.skill") : language.Text("count.skills", ("count", language.Number(items.Count)));
        (string, string)[] names =
        [
            ("aLevel", Article(level.Name)), ("level", level.Name), ("role", role.Name), ("higher", query.CompareTo?.Name ?? ""), ("count", count),
        ];
        var message = items.Count == 0
            ? language.Text("profile.none", names)
            : language.Text(query.CompareTo is null ? "profile" : "profile.compare", names);
        return Base(query with { Skill = null, Domain = null }, Intent.RoleProfile, message) with { Items = items };
    }

    private Answer Overview(Query query, Skill skill, Role? role, Language language)
    {
        var items = skill.Roles
            .Where(r => role is null || ReferenceEquals(r.Role, role))
            .SelectMany(r => r.ByLevel.OfType<Expectation>()
                .Select(e => (AnswerItem)new LadderItem(r.Role.Name, e.Level.Name, e.Necessity, e.Description)))
            .ToList();
        return Base(query with { Level = null, CompareTo = null }, Intent.SkillOverview, role is null
                ? language.Text("overview.everyRole", ("skill", skill.Name))
                : language.Text("overview.role", ("skill", skill.Name), ("role", role.Name)))
            with { Items = items };
    }

    private Answer Clarify(Query query, Missing missing, IEnumerable<string> options, string message) =>
        Base(query, Intent.Clarify, message) with { Clarify = new Clarification(missing, [.. options]) };

    private Answer NotFound(Query query, Language language)
    {
        var words = language.Quote(string.Join(' ', query.UnknownWords));
        var nearest = _nearest.Find(query.UnknownWords);
        if (nearest.Count > 0)
        {
            return Base(query, Intent.NotFound, language.Text("notFound.nearest", ("words", words), ("options", language.Or(nearest))))
                with { Suggestions = nearest };
        }
        // Nothing close: offer the skills the named role has, or the first few of the catalogue.
        var ofRole = query.Role is null ? [] : catalogue.SkillsOf(query.Role);
        var known = (ofRole.IsEmpty ? catalogue.Skills : ofRole).Take(5).Select(s => s.Name).ToList();
        var message = ofRole.IsEmpty
            ? language.Text("notFound.skills", ("words", words), ("skills", language.And(known)))
            : language.Text("notFound.skillsOfRole", ("words", words), ("role", query.Role!.Name), ("skills", language.And(known)));
        return Base(query, Intent.NotFound, message) with { Suggestions = known };
    }

    /// <summary>Example questions for help in English, built from the loaded catalogue.</summary>
    public IReadOnlyList<string> ExampleQuestions() => ExampleQuestions(LanguageSet.DefaultCode);

    /// <summary>Example questions for help in a language (English when it has none that read as meant).</summary>
    public IReadOnlyList<string> ExampleQuestions(string language)
    {
        if (_examples is not null)
        {
            return _examples.TryGetValue(language, out var given) && given.Count > 0 ? given
                : _examples.TryGetValue(LanguageSet.DefaultCode, out var english) ? english : [];
        }
        return _firstExamples.GetOrAdd(_languages.For(language).Code, code => FirstOfEachKind(ExampleCandidates(catalogue, _languages.For(code))));
    }

    /// <summary>The kinds of example help offers, in the order it offers them.</summary>
    public static readonly ImmutableArray<Intent> ExampleKinds = [Intent.Expectation, Intent.Compare, Intent.SkillOverview, Intent.RoleProfile];

    /// <summary>
    /// Candidate example questions, best first, each with the intent it is meant to get. Names can
    /// overlap in ways only reading tells apart, so <see cref="Assistant"/> keeps the first of each kind
    /// that it reads as meant.
    /// </summary>
    public static IEnumerable<(Intent Intent, string Question)> ExampleCandidates(SkillCatalogue catalogue) =>
        ExampleCandidates(catalogue, LanguageSet.BuiltIn.Default);

    /// <summary>Candidate example questions in one language, from its example.* messages.</summary>
    public static IEnumerable<(Intent Intent, string Question)> ExampleCandidates(SkillCatalogue catalogue, Language language)
    {
        // Around the third level, and two different roles where the skill has them, for variety.
        var levels = catalogue.Levels;
        var third = Math.Min(3, levels.Length);
        IEnumerable<Level> Near(int number, RoleExpectations expectations) =>
            levels.Where(l => expectations.At(l) is not null).OrderBy(l => Math.Abs(l.Number - number));
        foreach (var skill in catalogue.Skills.Take(20))
        {
            foreach (var expectations in skill.Roles.Reverse().Take(3))
            {
                foreach (var level in Near(third, expectations))
                {
                    yield return (Intent.Expectation, language.Text("example.expectation",
                        ("aLevel", Article(level.Name)), ("level", level.Name), ("role", expectations.Role.Name), ("skill", skill.Name)));
                }
            }
            foreach (var expectations in skill.Roles.Take(3))
            {
                foreach (var level in Near(third, expectations))
                {
                    if (catalogue.Below(level) is { } lower && expectations.At(lower) is not null)
                    {
                        yield return (Intent.Compare, language.Text("example.compare",
                            ("skill", skill.Name), ("lower", lower.Name), ("level", level.Name), ("role", expectations.Role.Name)));
                    }
                }
            }
            yield return (Intent.SkillOverview, language.Text("example.overview", ("skill", skill.Name)));
            foreach (var expectations in skill.Roles.Take(3))
            {
                foreach (var level in Near(third - 1, expectations))
                {
                    yield return (Intent.RoleProfile, language.Text("example.profile",
                        ("aLevel", Article(level.Name)), ("level", level.Name), ("role", expectations.Role.Name)));
                }
            }
        }
    }

    private static IReadOnlyList<string> FirstOfEachKind(IEnumerable<(Intent Intent, string Question)> candidates)
    {
        var first = new Dictionary<Intent, string>();
        foreach (var (intent, question) in candidates)
        {
            if (first.TryAdd(intent, question) && first.Count == ExampleKinds.Length)
            {
                break;
            }
        }
        return [.. ExampleKinds.Where(first.ContainsKey).Select(k => first[k])];
    }

    private Answer Base(Query query, Intent intent, string message)
    {
        var skill = query.Skill;
        return new Answer(
            Question: query.Question,
            Intent: intent,
            Domain: skill?.Domain ?? query.Domain,
            Skill: skill?.Name,
            Role: query.Role?.Name,
            Level: query.Level?.Name,
            CompareTo: query.CompareTo?.Name,
            Current: null,
            Next: null,
            Items: [],
            Clarify: null,
            Suggestions: [],
            Message: message,
            Updated: skill?.Updated,
            CatalogueVersion: catalogue.Version)
        {
            Language = query.Language,
            Ladder = new Ladder(_levelNames, skill is null ? _rolesWithSkills : [.. skill.Roles.Select(r => r.Role.Name)]),
        };
    }

    private static LevelExpectation? Of(Expectation? expectation) =>
        expectation is null
            ? null
            : new LevelExpectation(expectation.Level.Name, expectation.Necessity, expectation.Description, null);

    /// <summary>The higher level of an expectation or comparison, with what it adds; all of it is new when the lower level has a gap.</summary>
    private LevelExpectation? Higher(Expectation? higher, Expectation? lower) =>
        higher is null
            ? null
            : new LevelExpectation(higher.Level.Name, higher.Necessity, higher.Description,
                lower is null ? [new Segment(higher.Description, true)] : Added(higher, lower));

    /// <summary>
    /// The word diff is the costliest step of an answer and the same pairs of levels are asked all day, so
    /// each pair's diff is kept (this composer lives as long as its catalogue). Bounded: past
    /// <see cref="MaxRememberedDiffs"/> pairs, a diff is computed every time.
    /// </summary>
    private IReadOnlyList<Segment> Added(Expectation higher, Expectation lower)
    {
        if (_diffs.TryGetValue((higher, lower), out var known))
        {
            return known;
        }
        var added = WordDiff.Added(lower.Description, higher.Description);
        if (_diffs.Count < MaxRememberedDiffs)
        {
            _diffs.TryAdd((higher, lower), added);
        }
        return added;
    }

    /// <summary>"a" or "an" by how the word is said: an LLM Engineer, an Intern, a Senior.</summary>
    internal static string Article(string word)
    {
        if (word.Length == 0)
        {
            return "a";
        }
        var first = word.Split(' ')[0];
        var acronym = first.Length > 1 && first.All(c => !char.IsLetter(c) || char.IsUpper(c));
        return acronym
            ? ("AEFHILMNORSX".Contains(first[0]) ? "an" : "a")
            : ("AEIOUaeiou".Contains(first[0]) ? "an" : "a");
    }
}
