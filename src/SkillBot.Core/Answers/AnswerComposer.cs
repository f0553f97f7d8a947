using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Languages;
using SkillBot.Core.Text;
using SkillBot.Core.Understanding;

namespace SkillBot.Core.Answers;

/// <summary>Turns a <see cref="Query"/> into the <see cref="Answer"/> for one catalogue. Pure: no I/O, no state.</summary>
/// <param name="examples">The example questions help offers, by language; by default the first candidate of each kind.</param>
/// <param name="nearest">The catalogue's index for not_found suggestions, when one is already built.</param>
/// <param name="languages">The languages answers are written in; every sentence comes from the question's language's file.</param>
/// <param name="changes">What the catalogue changed from the one served before it; null when there was none.</param>
/// <param name="history">Versions kept (by the host's database), each compared with this catalogue; null when none are kept.</param>
public sealed partial class AnswerComposer(
    SkillCatalogue catalogue,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? examples = null,
    NearestNames? nearest = null,
    LanguageSet? languages = null,
    CatalogueDiff? changes = null,
    IReadOnlyList<DatedChanges>? history = null)
{
    private readonly LanguageSet _languages = languages ?? LanguageSet.BuiltIn;
    private readonly FrozenDictionary<Track, string[]> _levelNames =
        catalogue.Tracks.ToFrozenDictionary(t => t, t => catalogue.LevelsOf(t).Select(l => l.Name).ToArray());
    private readonly string[] _rolesWithSkills = [.. catalogue.Roles.Where(r => !catalogue.SkillsOf(r).IsEmpty).Select(r => r.Name)];
    private readonly string[] _roleNames = [.. catalogue.Roles.Select(r => r.Name)];
    private readonly FrozenDictionary<Track, Role[]> _rolesByTrack = catalogue.Roles.GroupBy(r => r.Track).ToFrozenDictionary(g => g.Key, g => g.ToArray());
    private readonly ConcurrentDictionary<(string Language, string Key), string> _everyRoleMessages = new();
    private readonly NearestNames _nearest = nearest ?? new NearestNames(catalogue);
    private readonly ConcurrentDictionary<(Expectation Higher, Expectation Lower), IReadOnlyList<Segment>> _diffs = new();
    private const int MaxRememberedDiffs = 20_000;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>>? _examples = examples;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _firstExamples = new(StringComparer.Ordinal);

    public SkillCatalogue Catalogue => catalogue;

    public NearestNames Nearest => _nearest;

    public LanguageSet Languages => _languages;

    public CatalogueDiff? Changes => changes;

    public IReadOnlyList<DatedChanges>? History => history;

    /// <summary>
    /// The answer to a query. A level or role the question named but the catalogue lacks is said in the message,
    /// never dropped: a missing role is not_found with the nearest roles, a missing level asks which level.
    /// </summary>
    public Answer Compose(Query query)
    {
        var language = _languages.For(query.Language);
        if (query.Changes)
        {
            return Changed(query, language);
        }
        if (!query.UnknownRoles.IsEmpty && query.Role is null && query.RoleOptions.IsEmpty)
        {
            return UnknownRole(query, language);
        }
        if (!query.UnknownLevels.IsEmpty && query.Level is null && query.SkillOptions.IsEmpty && query.RoleOptions.IsEmpty
            && (query.UnknownWords.IsEmpty || query.Skill is not null || query.Domain is not null))
        {
            var options = _levelNames.GetValueOrDefault(query.Role?.Track ?? catalogue.FirstTrack, []).ToList();
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
        if (query.List is { } list)
        {
            return Listing(query, list, language);
        }
        if (query.Promotion && (query.Role is null || query.Level is null))
        {
            return PromotionClarify(query, language);
        }
        if (query is { CompareRole: { } target, Role: { } current })
        {
            query = LevelsOnTheirRolesTracks(query, current, target);
            if (LevelOffItsRolesTrack(query, current, target, language) is { } askLevel)
            {
                return askLevel;
            }
        }
        if (query is { CompareRole: { } toRole, Role: { } fromRole, Level: { } from, CompareTo: { } to } && from.Track != to.Track)
        {
            return AcrossTracks(query, new CrossTrack(fromRole, from, toRole, to), language);
        }
        if (query.CompareRole is { } compareRole && query.Role is { } mine && (query.Skill is not null || query.UnknownWords.IsEmpty))
        {
            return Lateral(query, mine, compareRole, language);
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
            if (OffTrack(query, role) is { } offTrack)
            {
                return offTrack;
            }
            var ladder = catalogue.LevelsOf(role.Track).Select(l => l.Name).ToList();
            return query.Level is { } level
                ? RoleProfile(query, role, level, language)
                : Clarify(query, Missing.Level, ladder, language.Text("clarify.levelOfRole", ("role", role.Name), ("options", language.Or(ladder))));
        }
        if (query.Level is { } onlyLevel)
        {
            // Only the roles of the level's track have it.
            var roles = _rolesByTrack.GetValueOrDefault(onlyLevel.Track, []);
            return roles.Length == 1
                ? RoleProfile(query with { Role = roles[0] }, roles[0], onlyLevel, language)
                : ClarifyRoleAt(query, roles, onlyLevel, language);
        }
        return Help(query, language.Text("help.ask"));
    }

    /// <summary>
    /// changes: the differences from the catalogue served before (or, for "since DATE" when versions are kept, from the
    /// version served on that day), narrowed to the skill, role and level the question names.
    /// </summary>
    private Answer Changed(Query query, Language language)
    {
        var unknown = query.UnknownWords.IsEmpty ? "" : language.Text("changes.unknown", ("words", language.Quote(string.Join(" ", query.UnknownWords))));
        var scoped = query with { Overview = false, CompareTo = null, Domain = query.Skill is null ? query.Domain : null };
        var (diff, since) = query.ChangesSince is { } date && history is { Count: > 0 } ? Since(date) : (changes, (DateOnly?)null);
        if (diff is null)
        {
            return Base(scoped, Intent.Changes, Sentences(language, unknown, language.Text("changes.noEarlier")));
        }
        var items = diff.Changes.Where(c => Concerns(c, query)).Select(ToItem).ToList();
        var scope = string.Join(" ", new[] { query.Level?.Name, query.Role?.Name, query.Skill?.Name ?? query.Domain }.OfType<string>());
        (string Name, string Value)[] values =
        [
            ("old", diff.OldVersion), ("new", diff.NewVersion), ("scope", scope),
            ("count", language.Number(items.Count == 0 ? diff.Changes.Length : items.Count)),
            ("date", since?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
        ];
        var prefix = since is null ? "changes." : "changes.since.";
        var message = (items.Count, scope.Length) switch
        {
            (0, 0) => language.Text(prefix + "nothing", values),
            (0, _) => language.Text(prefix + "nothingFor", values),
            (_, 0) => language.Text(prefix + "count", values),
            _ => language.Text(prefix + "countFor", values),
        };
        return Base(scoped, Intent.Changes, Sentences(language, unknown, message)) with { Items = items };
    }

    /// <summary>The kept version served at the start of <paramref name="date"/> (UTC), or the earliest kept when that is later; and the day it stands for.</summary>
    private (CatalogueDiff? Diff, DateOnly? Since) Since(DateOnly date)
    {
        var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var served = history!.Where(h => h.ServedFrom <= start).MaxBy(h => h.ServedFrom);
        if (served is not null)
        {
            return (served.Diff, date);
        }
        var earliest = history!.MinBy(h => h.ServedFrom)!;
        return (earliest.Diff, DateOnly.FromDateTime(earliest.ServedFrom.UtcDateTime));
    }

    /// <summary>A change concerns the question when it is at every place the question names: that skill (or domain), role and level.</summary>
    private bool Concerns(CatalogueChange change, Query query) =>
        (query.Skill is not { } skill || string.Equals(change.Skill, skill.Name, StringComparison.OrdinalIgnoreCase))
        && (query.Skill is not null || query.Domain is not { } domain
            || (change.Skill is not null && string.Equals(catalogue.FindSkill(change.Skill)?.Domain, domain, StringComparison.OrdinalIgnoreCase)))
        && (query.Role is not { } role || string.Equals(change.Role, role.Name, StringComparison.OrdinalIgnoreCase))
        && (query.Level is not { } level || string.Equals(change.Level, level.Name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The contract's item: where, and the values before and after. A value other than a description names its field
    /// ("necessity: required", "alias: DL"), and a rename is a change from the old name to the new one.
    /// </summary>
    private static ChangeItem ToItem(CatalogueChange c)
    {
        string? Labelled(string? value) => value is null ? null : c.Subject switch
        {
            DiffSubject.Expectation when c.Field is null or "description" => value,
            DiffSubject.Alias => $"alias: {value}",
            _ when c.Kind == DiffKind.Renamed || c.Field is null => value,
            _ => $"{c.Field}: {value}",
        };
        var kind = c.Kind switch
        {
            DiffKind.Added => Change.Added,
            DiffKind.Removed => Change.Removed,
            _ => Change.Changed,
        };
        return new ChangeItem(kind, c.Skill, c.Role, c.Level, Labelled(c.Before), Labelled(c.After));
    }

    /// <summary>A move with the two levels said the other way round ("EM senior engineer 2 from M4 SWE"): each level goes with the role of its track.</summary>
    private static Query LevelsOnTheirRolesTracks(Query query, Role current, Role target) =>
        query is { Level: { } said, CompareTo: { } saidToo }
        && said.Track == target.Track && saidToo.Track == current.Track && said.Track != saidToo.Track
            ? query with { Level = saidToo, CompareTo = said }
            : query;

    /// <summary>
    /// A move with a level on the other role's track ("engineering manager from staff engineer"): which level of that
    /// role? The level that fits its role is kept.
    /// </summary>
    private Answer? LevelOffItsRolesTrack(Query query, Role current, Role target, Language language)
    {
        var currentOff = query.Level is { } level && level.Track != current.Track;
        // An unsaid target level is the same level (Lateral), which on another track is no level of the target role.
        var targetOff = (query.CompareTo ?? query.Level) is { } compareTo && compareTo.Track != target.Track;
        if (!currentOff && !targetOff)
        {
            return null;
        }
        var asked = currentOff ? current : target;
        var options = catalogue.LevelsOf(asked.Track).Select(l => l.Name).ToList();
        var kept = currentOff
            ? query with { Level = null, CompareTo = targetOff ? null : query.CompareTo }
            : query with { CompareTo = null };
        return Clarify(kept, Missing.Level, options, language.Text("clarify.levelOfRole", ("role", asked.Name), ("options", language.Or(options))));
    }

    /// <summary>"How do I get promoted?" from someone who has not said who they are: ask their role, then their level.</summary>
    private Answer PromotionClarify(Query query, Language language)
    {
        if (query.Role is null)
        {
            // Every role is offered (hundreds in a large catalogue): the sentence listing them is written once per language.
            var key = query.Level is null ? "promotion.whoAreYou" : "promotion.whichRole";
            var message = _everyRoleMessages.GetOrAdd((language.Code, key), k => language.Text(k.Key, ("options", language.Or(_roleNames))));
            return Clarify(query, Missing.Role, _roleNames, message);
        }
        var ladder = catalogue.LevelsOf(query.Role.Track).Select(l => l.Name).ToList();
        return Clarify(query, Missing.Level, ladder,
            language.Text("promotion.whichLevel", ("aRole", Article(query.Role.Name)), ("role", query.Role.Name), ("options", language.Or(ladder))));
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
        if (query.UnknownLevels.IsEmpty)
        {
            return ""; // most answers: nothing to say, nothing to build
        }
        // The levels of the role's track (the first without a role): a catalogue's only ladder without tracks.
        var levels = language.And(_levelNames.GetValueOrDefault(query.Role?.Track ?? catalogue.FirstTrack, []));
        return query.UnknownLevels.Length == 1
            ? language.Text("unknown.level", ("name", language.Quote(query.UnknownLevels[0])), ("levels", levels))
            : language.Text("unknown.levels", ("names", language.And(query.UnknownLevels.Select(language.Quote))), ("levels", levels));
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
        if (OffTrack(query, role) is { } offTrack)
        {
            return offTrack;
        }
        if (query.CompareTo is { } higher)
        {
            return Compare(query, skill, expectations, level, higher, language);
        }
        return Expectation(query, skill, expectations, level, language);
    }

    /// <summary>
    /// A level of another track than the role's ("M5" for a software engineer): the role has none of that track's
    /// levels, so the answer asks which of its own track it means rather than answering "no expectation".
    /// </summary>
    private Answer? OffTrack(Query query, Role role)
    {
        var off = new[] { query.Level, query.CompareTo }.FirstOrDefault(l => l is not null && l.Track != role.Track);
        if (off is null)
        {
            return null;
        }
        var language = _languages.For(query.Language);
        var ladder = catalogue.LevelsOf(role.Track).Select(l => l.Name).ToList();
        return Clarify(query with { Level = null, CompareTo = null }, Missing.Level, ladder,
            language.Text("clarify.offTrack", ("level", off.Name), ("levelTrack", off.Track.Name ?? ""), ("role", role.Name),
                ("roleTrack", role.Track.Name ?? ""), ("options", language.Or(ladder))));
    }

    /// <summary>An answer keeps what is known, but not a level of another track than the role's: the role has no such level.</summary>
    private static Query WithoutOffTrackLevels(Query query) =>
        query.Role is { } role && query.CompareRole is null && (query.Level?.Track ?? role.Track) != role.Track | (query.CompareTo?.Track ?? role.Track) != role.Track
            ? query with { Level = null, CompareTo = null }
            : query;

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
            (_, null, _) when level.Track.Name is { } track => Sentences(language,
                language.Text("expectation.topOfTrack", [.. names, ("track", track)]), OtherTracks(skill, level.Track, language)),
            (_, null, _) => language.Text(query.Promotion ? "promotion.expectation.top" : "expectation.top", names),
            (_, _, null) => language.Text("expectation.nextHasNone", names),
            _ => language.Text("expectation.next", names),
        };
        return Base(query, Intent.Expectation, message) with
        {
            Current = Of(current),
            Next = Higher(next, current),
        };
    }

    /// <summary>What is beyond the top of a track: the skill's roles on each other track ("The Management track has it for Engineering Manager.").</summary>
    private static string OtherTracks(Skill skill, Track track, Language language)
    {
        var others = skill.Roles
            .Where(r => r.Role.Track != track)
            .GroupBy(r => r.Role.Track)
            .OrderBy(g => g.Key.Index)
            .Select(g => language.Text("tracks.other", ("track", g.Key.Name ?? ""), ("roles", language.And(g.Select(r => r.Role.Name)))))
            .ToArray();
        return others.Length == 0 ? language.Text("tracks.noOther", ("skill", skill.Name)) : Sentences(language, others);
    }

    private Answer Compare(Query query, Skill skill, RoleExpectations expectations, Level lower, Level higher, Language language)
    {
        var from = expectations.At(lower);
        var to = expectations.At(higher);
        var key = (query.Promotion, to) switch
        {
            (true, null) => "promotion.compare.gap",
            (true, _) => "promotion.compare",
            _ => "compare",
        };
        return Base(query, Intent.Compare, language.Text(key, ("skill", skill.Name), ("aRole", Article(expectations.Role.Name)),
                ("role", expectations.Role.Name), ("aLevel", Article(lower.Name)), ("level", lower.Name), ("higher", higher.Name)))
            with
            {
                Current = Of(from),
                Next = Higher(to, from),
            };
    }

    private Answer RoleProfile(Query query, Role role, Level level, Language language)
    {
        if (OffTrack(query, role) is { } offTrack)
        {
            return offTrack;
        }
        // Two levels ("senior vs principal data scientist") show the higher one beside each skill.
        var next = query.CompareTo ?? catalogue.Above(level);
        var ofRole = catalogue.ExpectationsOf(role);
        var items = new LazyItems(ofRole.Length, i => new ProfileItem(
            ofRole[i].Skill.Name,
            ofRole[i].Skill.Domain,
            Of(ofRole[i].Expectations.At(level)),
            next is null ? null : Of(ofRole[i].Expectations.At(next))), new(catalogue, "profile", role, level, next, null));
        var count = items.Count == 1 ? language.Text("count.skill") : language.Text("count.skills", ("count", language.Number(items.Count)));
        (string, string)[] names =
        [
            ("aLevel", Article(level.Name)), ("level", level.Name), ("role", role.Name), ("aRole", Article(role.Name)),
            ("higher", query.CompareTo?.Name ?? ""), ("count", count),
        ];
        var message = (items.Count, query.Promotion, query.CompareTo) switch
        {
            (0, _, _) => language.Text("profile.none", names),
            (_, true, null) => language.Text("promotion.profile.top", names),
            (_, true, _) => language.Text("promotion.profile", names),
            (_, false, null) => language.Text("profile", names),
            _ => language.Text("profile.compare", names),
        };
        return Base(query with { Skill = null, Domain = null }, Intent.RoleProfile, message) with { Items = items };
    }

    /// <summary>
    /// A lateral move: <paramref name="from"/> at the query's level beside <paramref name="to"/> at its CompareTo, in one
    /// skill (what the other role asks that yours does not, as segments) or skill by skill.
    /// </summary>
    private Answer Lateral(Query query, Role from, Role to, Language language)
    {
        if (query.Level is not { } level)
        {
            var options = catalogue.Levels.Select(l => l.Name).ToList();
            return Clarify(query, Missing.Level, options,
                language.Text("lateral.clarifyLevel", ("role", from.Name), ("other", to.Name), ("options", language.Or(options))));
        }
        var target = query.CompareTo ?? level;
        (string, string)[] names =
        [
            ("role", from.Name), ("level", level.Name), ("aLevel", Article(level.Name)),
            ("other", to.Name), ("target", target.Name), ("aTarget", Article(target.Name)),
        ];
        if (query.Skill is { } skill)
        {
            var (mine, theirs) = (skill.For(from), skill.For(to));
            if (mine is null && theirs is null)
            {
                var roles = skill.Roles.Select(r => r.Role.Name).ToList();
                return Base(query, Intent.NotFound, language.Text("lateral.notFound", [.. names, ("skill", skill.Name), ("roles", language.And(roles))]))
                    with { Suggestions = roles };
            }
            var current = mine?.At(level);
            var next = theirs?.At(target);
            var gap = (current, next) switch
            {
                (null, null) => language.Text("lateral.gap.both", names),
                (null, _) => language.Text("lateral.gap.mine", names),
                (_, null) => language.Text("lateral.gap.theirs", names),
                _ => "",
            };
            return Base(query with { CompareTo = target }, Intent.CompareRoles,
                    Sentences(language, language.Text("lateral.skill", [.. names, ("skill", skill.Name)]), gap))
                with
                {
                    Current = Of(current),
                    Next = Higher(next, current),
                };
        }
        var (fromSkills, toSkills) = (catalogue.ExpectationsOf(from), catalogue.ExpectationsOf(to));
        var (pairs, shared) = Union(fromSkills, toSkills);
        var items = new LazyItems(pairs.Count, i =>
        {
            var (m, t) = pairs[i];
            var skill = m >= 0 ? fromSkills[m].Skill : toSkills[t].Skill;
            return new ProfileItem(skill.Name, skill.Domain,
                m < 0 ? null : Of(fromSkills[m].Expectations.At(level)), t < 0 ? null : Of(toSkills[t].Expectations.At(target)));
        }, new(catalogue, "lateral", from, to, level, target));
        var message = items.Count == 0
            ? language.Text("lateral.none", names)
            : language.Text("lateral.profile", [.. names, ("count", Count(language, items.Count, "skill")), ("shared", language.Number(shared))]);
        return Base(query with { Skill = null, Domain = null, CompareTo = target }, Intent.CompareRoles, message) with { Items = items };
    }

    /// <summary>
    /// The skills either role has, in catalogue order, as positions in either role's index (-1 where it lacks the skill),
    /// and how many both have: one merge of the two roles' indexes, never a walk over every skill.
    /// </summary>
    private static (List<(int Mine, int Theirs)> Pairs, int Shared) Union(ImmutableArray<RoleSkill> mine, ImmutableArray<RoleSkill> theirs)
    {
        var pairs = new List<(int, int)>(mine.Length + theirs.Length);
        var (m, t, shared) = (0, 0, 0);
        while (m < mine.Length || t < theirs.Length)
        {
            if (t == theirs.Length || (m < mine.Length && mine[m].Index < theirs[t].Index))
            {
                pairs.Add((m++, -1));
            }
            else if (m == mine.Length || theirs[t].Index < mine[m].Index)
            {
                pairs.Add((-1, t++));
            }
            else
            {
                pairs.Add((m++, t++));
                shared++;
            }
        }
        return (pairs, shared);
    }

    /// <summary>What the catalogue has: its skills (narrowed by role or domain) by domain, its roles with their skills, its levels.</summary>
    private Answer Listing(Query query, CatalogueList list, Language language)
    {
        var plain = query with { Skill = null, Level = null, CompareTo = null, CompareRole = null };
        switch (list)
        {
            case CatalogueList.Skills:
                var skills = query.Role is null && query.Domain is null
                    ? _listedSkills.Value
                    : [.. _listedSkills.Value.Where(i => i is SkillListItem s
                        && (query.Role is null || s.Roles.Contains(query.Role.Name))
                        && (query.Domain is null || string.Equals(s.Domain, query.Domain, StringComparison.OrdinalIgnoreCase)))];
                var domains = query.Role is null && query.Domain is null
                    ? catalogue.Domains.Length
                    : skills.Select(i => ((SkillListItem)i).Domain).Distinct(StringComparer.OrdinalIgnoreCase).Count();
                (string, string)[] names =
                [
                    ("count", Count(language, skills.Count, "skill")), ("domains", Count(language, domains, "domain")),
                    ("role", query.Role?.Name ?? ""), ("domain", query.Domain ?? ""),
                ];
                var one = domains == 1 ? ".oneDomain" : "";
                var message = (query.Role, query.Domain) switch
                {
                    (null, null) => language.Text("catalogue.skills" + one, names),
                    (not null, null) => skills.Count == 0 ? language.Text("catalogue.skillsOfRole.none", names) : language.Text("catalogue.skillsOfRole" + one, names),
                    (null, not null) => language.Text("catalogue.skillsInDomain", names),
                    _ => language.Text("catalogue.skillsOfRoleInDomain", names),
                };
                return Base(plain, Intent.Catalogue, message) with { Items = skills };
            case CatalogueList.Roles:
                return Base(plain with { Role = null, Domain = null }, Intent.Catalogue,
                        language.Text("catalogue.roles", ("count", Count(language, catalogue.Roles.Length, "role"))))
                    with { Items = _listedRoles.Value };
            default:
                return Base(plain with { Role = null, Domain = null }, Intent.Catalogue,
                        language.Text("catalogue.levels", ("count", Count(language, catalogue.Levels.Length, "level")), ("levels", language.And(catalogue.Levels.Select(l => l.Name)))))
                    with { Items = [.. catalogue.Levels.Select(l => (AnswerItem)new LevelListItem(l.Name))] };
        }
    }

    /// <summary>"1 skill", "12 roles": count.NOUN and count.NOUNs of the language.</summary>
    private static string Count(Language language, int count, string noun) =>
        count == 1 ? language.Text($"count.{noun}") : language.Text($"count.{noun}s", ("count", language.Number(count)));

    /// <summary>Every skill in catalogue order grouped by domain, and every role with its skills: the same for every listing, so built once.</summary>
    private readonly Lazy<IReadOnlyList<AnswerItem>> _listedSkills = new(() => catalogue.Skills
        .GroupBy(s => s.Domain, StringComparer.OrdinalIgnoreCase)
        .SelectMany(g => g)
        .Select(s => (AnswerItem)new SkillListItem(s.Name, s.Domain, [.. s.Roles.Select(r => r.Role.Name)]))
        .ToList());

    private readonly Lazy<IReadOnlyList<AnswerItem>> _listedRoles = new(() =>
        [.. catalogue.Roles.Select(r => (AnswerItem)new RoleListItem(r.Name, [.. catalogue.SkillsOf(r).Select(s => s.Name)]))]);

    private Answer Overview(Query query, Skill skill, Role? role, Language language)
    {
        // Grouped by track (in levels.yaml order), each role's rungs lowest first.
        var roles = skill.Roles.Where(r => role is null || ReferenceEquals(r.Role, role)).OrderBy(r => r.Role.Track.Index).ToList();
        var items = roles
            .SelectMany(r => r.ByLevel.OfType<Expectation>()
                .Select(e => (AnswerItem)new LadderItem(r.Role.Name, e.Level.Name, e.Necessity, e.Description) { Track = r.Role.Track.Name, Examples = e.Examples }))
            .ToList();
        var tracks = roles.Select(r => r.Role.Track).Distinct().ToList();
        var across = tracks.Count > 1 ? ("tracks", language.And(tracks.Select(t => t.Name ?? ""))) : ((string, string)?)null;
        var message = (role, across) switch
        {
            (null, { } t) => language.Text("overview.tracks.everyRole", ("skill", skill.Name), t),
            (null, null) => language.Text("overview.everyRole", ("skill", skill.Name)),
            (_, { } t) => language.Text("overview.tracks.role", ("skill", skill.Name), ("role", role.Name), t),
            _ => language.Text("overview.role", ("skill", skill.Name), ("role", role.Name)),
        };
        return Base(query with { Level = null, CompareTo = null }, Intent.SkillOverview, message)
            with { Items = items };
    }

    /// <summary>
    /// A level alone: which role? A large catalogue has hundreds of roles, more than anyone reads through or a card
    /// holds, so the first few are offered and the message says how many there are.
    /// </summary>
    private Answer ClarifyRoleAt(Query query, IReadOnlyList<Role> roles, Level level, Language language)
    {
        var offered = roles.Take(MaxRoleOptions).Select(r => r.Name).ToList();
        var message = roles.Count <= MaxRoleOptions
            ? language.Text("clarify.roleAtLevel", ("level", level.Name), ("options", language.Or(offered)))
            : language.Text("clarify.roleAtLevelOfMany", ("level", level.Name), ("count", roles.Count.ToString(CultureInfo.InvariantCulture)), ("options", language.Or(offered)));
        return Clarify(query, Missing.Role, offered, message);
    }

    /// <summary>The most roles a clarify answer for a bare level offers.</summary>
    public const int MaxRoleOptions = 12;

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
            levels.Where(l => expectations.At(l) is not null).OrderBy(l => Math.Abs(l.Position - number));
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
        query = WithoutOffTrackLevels(query);
        var skill = query.Skill;
        var track = query.Role?.Track ?? query.Level?.Track ?? catalogue.FirstTrack;
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
            CompareRole = query.CompareRole?.Name,
            Owners = skill is null ? [] : skill.Owners,
            Track = catalogue.HasTracks && (query.Role ?? (object?)query.Level) is not null ? track.Name : null,
            Ladder = LadderOf(skill, query.Role, track),
        };
    }

    /// <summary>
    /// What a card offers around the answer: the levels of the track it is on (a picker offers only the role's
    /// track), the roles of that track to switch to, and one move to each other track the skill (or catalogue) has.
    /// </summary>
    private Ladder LadderOf(Skill? skill, Role? role, Track track)
    {
        var levels = _levelNames.GetValueOrDefault(track, []);
        if (!catalogue.HasTracks)
        {
            return new Ladder(levels, skill is null ? _rolesWithSkills : [.. skill.Roles.Select(r => r.Role.Name)]);
        }
        var roles = skill is null
            ? catalogue.Roles.Where(r => !catalogue.SkillsOf(r).IsEmpty).ToList()
            : skill.Roles.Select(r => r.Role).ToList();
        if (role is null)
        {
            return new Ladder(levels, [.. roles.Select(r => r.Name)]);
        }
        var switches = new List<TrackSwitch>();
        foreach (var other in catalogue.Tracks.Where(t => t != track))
        {
            if (roles.FirstOrDefault(r => r.Track == other) is not { } to)
            {
                continue;
            }
            // The lowest level the role has the skill at (for a role profile, the track's first level).
            var at = skill?.For(to)?.ByLevel.FirstOrDefault(e => e is not null)?.Level ?? catalogue.LevelAt(other, 1);
            switches.Add(new TrackSwitch(other.Name!, to.Name, at?.Name));
        }
        return new Ladder(levels, [.. roles.Where(r => r.Track == track).Select(r => r.Name)]) { TrackSwitches = switches };
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
}
