using System.Collections.Concurrent;
using System.Collections.Immutable;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Understanding;

namespace SkillBot.Core.Answers;

/// <summary>Turns a <see cref="Query"/> into the <see cref="Answer"/> for one catalogue. Pure: no I/O, no state.</summary>
/// <param name="examples">The example questions help offers; by default the first candidate of each kind.</param>
/// <param name="nearest">The catalogue's index for not_found suggestions, when one is already built.</param>
public sealed class AnswerComposer(SkillCatalogue catalogue, IReadOnlyList<string>? examples = null, NearestNames? nearest = null)
{
    private readonly string[] _levelNames = [.. catalogue.Levels.Select(l => l.Name)];
    private readonly string[] _rolesWithSkills = [.. catalogue.Roles.Where(r => !catalogue.SkillsOf(r).IsEmpty).Select(r => r.Name)];
    private readonly NearestNames _nearest = nearest ?? new NearestNames(catalogue);
    private readonly ConcurrentDictionary<(Expectation Higher, Expectation Lower), IReadOnlyList<Segment>> _diffs = new();
    private const int MaxRememberedDiffs = 20_000;
    private readonly IReadOnlyList<string> _examples = examples is { Count: > 0 } ? examples : FirstOfEachKind(ExampleCandidates(catalogue));

    public SkillCatalogue Catalogue => catalogue;

    public NearestNames Nearest => _nearest;

    public Answer Compose(Query query)
    {
        if (query.SkillOptions.Length > 1)
        {
            return Clarify(query, Missing.Skill, query.SkillOptions.Select(s => s.Name),
                $"Which skill do you mean: {Or(query.SkillOptions.Select(s => s.Name))}?");
        }
        if (query.RoleOptions.Length > 1)
        {
            return Clarify(query, Missing.Role, query.RoleOptions.Select(r => r.Name),
                $"Which role do you mean: {Or(query.RoleOptions.Select(r => r.Name))}?");
        }
        if (query.Skill is { } skill)
        {
            return ForSkill(query, skill);
        }
        if (query.Domain is { } domain)
        {
            return ForDomain(query, domain);
        }
        if (query.UnknownWords.Length > 0)
        {
            // No skill, but words the catalogue does not know: "what does a senior DS need in kubernetes?"
            // asks about a skill it lacks, and a role profile would hide that.
            return NotFound(query);
        }
        if (query.Role is { } role)
        {
            return query.Level is { } level
                ? RoleProfile(query, role, level)
                : Clarify(query, Missing.Level, catalogue.Levels.Select(l => l.Name),
                    $"Which level of {role.Name}: {Or(catalogue.Levels.Select(l => l.Name))}?");
        }
        if (query.Level is { } onlyLevel)
        {
            return catalogue.Roles.Length == 1
                ? RoleProfile(query, catalogue.Roles[0], onlyLevel)
                : Clarify(query, Missing.Role, catalogue.Roles.Select(r => r.Name),
                    $"Which role at {onlyLevel.Name}: {Or(catalogue.Roles.Select(r => r.Name))}?");
        }
        return Help(query, "Ask me what a level expects in a skill, for example:");
    }

    public Answer Help(Query query, string message) =>
        Base(query, Intent.Help, message) with { Suggestions = ExampleQuestions() };

    /// <summary>A domain named instead of a skill: its only skill (of the role, when one is named), or a choice.</summary>
    private Answer ForDomain(Query query, string domain)
    {
        var skills = catalogue.SkillsIn(domain);
        if (query.Role is { } role && skills.Where(s => s.For(role) is not null).ToImmutableArray() is { Length: > 0 } ofRole)
        {
            skills = ofRole;
        }
        return skills.Length == 1
            ? Compose(query with { Skill = skills[0] })
            : Clarify(query, Missing.Skill, skills.Select(s => s.Name), $"Which skill in {domain}: {Or(skills.Select(s => s.Name))}?");
    }

    private Answer ForSkill(Query query, Skill skill)
    {
        if (query.Role is not { } role)
        {
            if (query.Level is not { } asked || query.Overview)
            {
                return Overview(query, skill, null);
            }
            // Only the roles the skill defines at the asked level(s) are worth asking about; one is the answer.
            var candidates = skill.Roles.Where(r => r.At(asked) is not null || (query.CompareTo is { } higher && r.At(higher) is not null)).ToList();
            if (candidates.Count == 0)
            {
                candidates = [.. skill.Roles];
            }
            if (candidates.Count == 1)
            {
                return ForSkill(query with { Role = candidates[0].Role }, skill);
            }
            var names = candidates.Select(r => r.Role.Name).ToList();
            return Clarify(query, Missing.Role, names, $"{skill.Name} is defined for {And(names)}. Which role?");
        }
        if (skill.For(role) is not { } expectations)
        {
            var names = skill.Roles.Select(r => r.Role.Name).ToList();
            return Base(query, Intent.NotFound,
                    $"{skill.Name} has no expectations for {role.Name}. It is defined for {And(names)}.")
                with { Suggestions = names };
        }
        if (query.Level is not { } level || query.Overview)
        {
            return Overview(query, skill, role);
        }
        if (query.CompareTo is { } higher)
        {
            return Compare(query, skill, expectations, level, higher);
        }
        return Expectation(query, skill, expectations, level);
    }

    private Answer Expectation(Query query, Skill skill, RoleExpectations expectations, Level level)
    {
        var current = expectations.At(level);
        var nextLevel = catalogue.Above(level);
        var next = nextLevel is null ? null : expectations.At(nextLevel);
        var who = $"{Article(level.Name)} {level.Name} {expectations.Role.Name}";
        var message = (current, nextLevel, next) switch
        {
            (null, _, _) => $"{skill.Name} has no expectation at {level.Name} for {expectations.Role.Name}.",
            (_, null, _) => $"{skill.Name} for {who}: the top of the ladder.",
            (_, _, null) => $"{skill.Name} for {who}. {nextLevel.Name} has no expectation in it.",
            _ => $"{skill.Name} for {who}, and what {nextLevel.Name} asks next.",
        };
        return Base(query, Intent.Expectation, message) with
        {
            Current = Of(current),
            Next = Higher(next, current),
        };
    }

    private Answer Compare(Query query, Skill skill, RoleExpectations expectations, Level lower, Level higher)
    {
        var from = expectations.At(lower);
        var to = expectations.At(higher);
        return Base(query, Intent.Compare,
                $"{skill.Name} for {Article(expectations.Role.Name)} {expectations.Role.Name}: {lower.Name} compared with {higher.Name}.")
            with
            {
                Current = Of(from),
                Next = Higher(to, from),
            };
    }

    private Answer RoleProfile(Query query, Role role, Level level)
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
        var count = items.Count == 1 ? "1 skill" : $"{items.Count} skills";
        var message = items.Count == 0
            ? $"No skill lists expectations for {role.Name} yet."
            : query.CompareTo is null
                ? $"What {Article(level.Name)} {level.Name} {role.Name} is expected to know, skill by skill ({count})."
                : $"{role.Name}: {level.Name} compared with {query.CompareTo.Name}, skill by skill ({count}).";
        return Base(query with { Skill = null, Domain = null }, Intent.RoleProfile, message) with { Items = items };
    }

    private Answer Overview(Query query, Skill skill, Role? role)
    {
        var items = skill.Roles
            .Where(r => role is null || ReferenceEquals(r.Role, role))
            .SelectMany(r => r.ByLevel.OfType<Expectation>()
                .Select(e => (AnswerItem)new LadderItem(r.Role.Name, e.Level.Name, e.Necessity, e.Description) { Examples = e.Examples }))
            .ToList();
        var whom = role is null ? "every role" : role.Name;
        return Base(query with { Level = null, CompareTo = null }, Intent.SkillOverview,
                $"{skill.Name} across the ladder, for {whom}.")
            with { Items = items };
    }

    private Answer Clarify(Query query, Missing missing, IEnumerable<string> options, string message) =>
        Base(query, Intent.Clarify, message) with { Clarify = new Clarification(missing, [.. options]) };

    private Answer NotFound(Query query)
    {
        var words = string.Join(' ', query.UnknownWords);
        var nearest = _nearest.Find(query.UnknownWords);
        if (nearest.Count > 0)
        {
            return Base(query, Intent.NotFound, $"I don't know \"{words}\". Did you mean {Or(nearest)}?") with { Suggestions = nearest };
        }
        // Nothing close: offer the skills the named role has, or the first few of the catalogue.
        var ofRole = query.Role is null ? [] : catalogue.SkillsOf(query.Role);
        var known = (ofRole.IsEmpty ? catalogue.Skills : ofRole).Take(5).Select(s => s.Name).ToList();
        var whose = ofRole.IsEmpty ? "I know these skills" : $"{query.Role!.Name} has these skills";
        return Base(query, Intent.NotFound, $"I don't know \"{words}\". {whose}: {And(known)}.") with { Suggestions = known };
    }

    /// <summary>Example questions for help, built from the loaded catalogue.</summary>
    public IReadOnlyList<string> ExampleQuestions() => _examples;

    /// <summary>The kinds of example help offers, in the order it offers them.</summary>
    public static readonly ImmutableArray<Intent> ExampleKinds = [Intent.Expectation, Intent.Compare, Intent.SkillOverview, Intent.RoleProfile];

    /// <summary>
    /// Candidate example questions, best first, each with the intent it is meant to get. Names can
    /// overlap in ways only reading tells apart, so <see cref="Assistant"/> keeps the first of each kind
    /// that it reads as meant.
    /// </summary>
    public static IEnumerable<(Intent Intent, string Question)> ExampleCandidates(SkillCatalogue catalogue)
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
                    yield return (Intent.Expectation, $"What does {Article(level.Name)} {level.Name} {expectations.Role.Name} need in {skill.Name}?");
                }
            }
            foreach (var expectations in skill.Roles.Take(3))
            {
                foreach (var level in Near(third, expectations))
                {
                    if (catalogue.Below(level) is { } lower && expectations.At(lower) is not null)
                    {
                        yield return (Intent.Compare, $"{skill.Name}: {lower.Name} vs {level.Name} {expectations.Role.Name}");
                    }
                }
            }
            yield return (Intent.SkillOverview, $"{skill.Name} overview");
            foreach (var expectations in skill.Roles.Take(3))
            {
                foreach (var level in Near(third - 1, expectations))
                {
                    yield return (Intent.RoleProfile, $"I'm {Article(level.Name)} {level.Name} {expectations.Role.Name}");
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
            Owners = skill is null ? [] : skill.Owners,
            Ladder = new Ladder(_levelNames, skill is null ? _rolesWithSkills : [.. skill.Roles.Select(r => r.Role.Name)]),
        };
    }

    private static LevelExpectation? Of(Expectation? expectation) =>
        expectation is null
            ? null
            : new LevelExpectation(expectation.Level.Name, expectation.Necessity, expectation.Description, null) { Examples = expectation.Examples };

    /// <summary>The higher level of an expectation or comparison, with what it adds; all of it is new when the lower level has a gap.</summary>
    private LevelExpectation? Higher(Expectation? higher, Expectation? lower) =>
        higher is null
            ? null
            : new LevelExpectation(higher.Level.Name, higher.Necessity, higher.Description,
                lower is null ? [new Segment(higher.Description, true)] : Added(higher, lower)) { Examples = higher.Examples };

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

    private static string And(IEnumerable<string> items) => Join(items, "and");

    private static string Or(IEnumerable<string> items) => Join(items, "or");

    private static string Join(IEnumerable<string> items, string last)
    {
        var list = items.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => $"{string.Join(", ", list.Take(list.Count - 1))} {last} {list[^1]}",
        };
    }
}
