namespace SkillBot.Core.Catalogue;

public sealed partial record CatalogueDiff
{
    /// <summary>
    /// This diff (from a version A to B) followed by <paramref name="later"/> (from B to <paramref name="current"/>), as
    /// one diff from A to the current catalogue: how a host answers "what changed since DATE?" from the diff of each
    /// reload instead of loading the old version again. Each place's changes fold into one (changed twice: from the
    /// first value to the last; changed back, or added then removed: nothing); what is new since A is listed from the
    /// current catalogue as <see cref="Between"/> lists it, and everything in its order. What the diffs do not say is not
    /// guessed: a skill or expectation removed and then added again under its name is listed as removed and added.
    /// </summary>
    public CatalogueDiff Then(CatalogueDiff later, SkillCatalogue current)
    {
        if (IsEmpty)
        {
            return later with { OldVersion = OldVersion };
        }
        if (later.IsEmpty)
        {
            return this with { NewVersion = later.NewVersion };
        }
        var renames = NewNames(later);
        var places = new Dictionary<string, (List<CatalogueChange> Earlier, List<CatalogueChange> Later)>(StringComparer.Ordinal);
        var order = new List<string>();
        void Put(CatalogueChange change, bool earlier)
        {
            var key = PlaceKey(change);
            if (!places.TryGetValue(key, out var place))
            {
                places[key] = place = ([], []);
                order.Add(key);
            }
            (earlier ? place.Earlier : place.Later).Add(change);
        }
        foreach (var change in Changes)
        {
            Put(Renamed(change, renames), earlier: true);
        }
        foreach (var change in later.Changes)
        {
            Put(change, earlier: false);
        }

        // Whether each thing added, removed or replaced since A: its own changes then say nothing more.
        var states = new Dictionary<string, Existence>(StringComparer.Ordinal);
        foreach (var key in order.Where(k => k.StartsWith("E|", StringComparison.Ordinal)))
        {
            var (earlier, after) = places[key];
            states[key[2..]] = Compose(Of(earlier), Of(after));
        }
        bool Untouched(string entity) => !states.TryGetValue(entity, out var state) || state == Existence.Same;

        var changes = new List<CatalogueChange>();
        foreach (var key in order)
        {
            var (earlier, after) = places[key];
            var sample = after.Count > 0 ? after[^1] : earlier[^1];
            var entity = Entity(sample);
            if (sample.Subject == DiffSubject.Expectation && !Untouched(SkillEntity(sample.Skill)))
            {
                continue; // a skill added, removed or replaced since A says everything of its expectations itself
            }
            if (key.StartsWith("E|", StringComparison.Ordinal))
            {
                var state = states[entity];
                if (state is Existence.Removed or Existence.Replaced)
                {
                    changes.Add(AsRemovedSinceStart(earlier.Concat(after).First(c => c.Kind == DiffKind.Removed), entity, places));
                }
                if (state is Existence.Added or Existence.Replaced)
                {
                    AddedNow(sample, current, changes);
                }
                continue;
            }
            var owner = sample.Subject == DiffSubject.Alias ? AliasOwner(sample) : entity;
            if (!Untouched(owner))
            {
                continue;
            }
            if (Folded(earlier.LastOrDefault(), after.LastOrDefault()) is { } folded)
            {
                changes.Add(folded.Kind == DiffKind.Renamed ? WithSuggestion(folded, current) : folded);
            }
        }
        var index = new CatalogueOrder(current);
        return new CatalogueDiff(OldVersion, later.NewVersion, [.. changes.OrderBy(index.Of)]);
    }

    private enum Existence { Same, Added, Removed, Replaced, Gone }

    /// <summary>What one diff says of a thing's existence: added, removed, or (a diff composed already) both.</summary>
    private static Existence Of(List<CatalogueChange> changes) =>
        (changes.Any(c => c.Kind == DiffKind.Removed), changes.Any(c => c.Kind == DiffKind.Added)) switch
        {
            (true, true) => Existence.Replaced,
            (true, false) => Existence.Removed,
            (false, true) => Existence.Added,
            _ => Existence.Same,
        };

    /// <summary>A thing's existence from A to the current catalogue, from what each diff says of it.</summary>
    private static Existence Compose(Existence earlier, Existence later)
    {
        // Was it there at B? Each diff knows; when neither says, it was there all along.
        var atMiddle = earlier != Existence.Same ? earlier != Existence.Removed : later is Existence.Removed or Existence.Replaced or Existence.Same;
        var atStart = earlier != Existence.Same ? earlier != Existence.Added : atMiddle;
        var atEnd = later != Existence.Same ? later != Existence.Removed : atMiddle;
        var replaced = earlier == Existence.Replaced || later == Existence.Replaced || (earlier, later) == (Existence.Removed, Existence.Added);
        return (atStart, atEnd) switch
        {
            (false, false) => Existence.Gone,
            (false, true) => Existence.Added,
            (true, false) => Existence.Removed,
            _ => replaced ? Existence.Replaced : Existence.Same,
        };
    }

    /// <summary>A removal, in the names and with the value the thing had at A (a rename or change before the removal is undone).</summary>
    private static CatalogueChange AsRemovedSinceStart(CatalogueChange removed, string entity,
        Dictionary<string, (List<CatalogueChange> Earlier, List<CatalogueChange> Later)> places)
    {
        string? StartValue(string field) =>
            places.TryGetValue($"P|{entity}|{field}", out var place) && place.Earlier.Concat(place.Later).FirstOrDefault() is { } first ? first.Before : null;
        if (removed.Subject == DiffSubject.Expectation)
        {
            return StartValue("description") is { } description ? removed with { Before = description } : removed;
        }
        if (StartValue("name") is not { } name)
        {
            return removed;
        }
        return removed.Subject switch
        {
            DiffSubject.Skill => removed with { Skill = name, Before = name },
            DiffSubject.Role => removed with { Role = name, Before = name },
            DiffSubject.Level => removed with { Level = name, Before = name },
            _ => removed with { Track = name, Before = name },
        };
    }

    /// <summary>Something new since A, as <see cref="Between"/> lists it from the current catalogue.</summary>
    private static void AddedNow(CatalogueChange added, SkillCatalogue current, List<CatalogueChange> changes)
    {
        switch (added.Subject)
        {
            case DiffSubject.Skill when current.FindSkill(added.Skill) is { } skill:
                AddedSkill(skill, changes);
                break;
            case DiffSubject.Level when current.FindLevel(added.Level) is { } level:
                changes.Add(new(DiffKind.Added, DiffSubject.Level, null, null, level.Name, null, null, level.Name, Track: level.Track.Name));
                break;
            case DiffSubject.Role when current.FindRole(added.Role) is { } role:
                changes.Add(new(DiffKind.Added, DiffSubject.Role, null, role.Name, null, null, null, role.Name));
                break;
            case DiffSubject.Track when current.Tracks.FirstOrDefault(t => SameName(t.Name, added.Track)) is { Name: { } track }:
                changes.Add(new(DiffKind.Added, DiffSubject.Track, null, null, null, null, null, track, Track: track));
                break;
            case DiffSubject.Expectation when Find(current, added) is ({ } skill, { } role, { } expectation):
                changes.Add(new(DiffKind.Added, DiffSubject.Expectation, skill.Name, role.Role.Name, expectation.Level.Name, null, null, expectation.Description));
                break;
            case DiffSubject.Expectation:
                changes.Add(added); // not in the current catalogue (the diffs disagree with it): as the last diff said
                break;
        }
    }

    private static (Skill?, RoleExpectations?, Expectation?) Find(SkillCatalogue catalogue, CatalogueChange change)
    {
        var skill = catalogue.FindSkill(change.Skill);
        var role = skill?.Roles.FirstOrDefault(r => SameName(r.Role.Name, change.Role));
        return (skill, role, role?.ByLevel.OfType<Expectation>().FirstOrDefault(e => SameName(e.Level.Name, change.Level)));
    }

    /// <summary>One value's or alias's changes as one: from the first value to the last, or nothing when they are the same.</summary>
    private static CatalogueChange? Folded(CatalogueChange? earlier, CatalogueChange? later)
    {
        if (earlier is null || later is null)
        {
            return earlier ?? later;
        }
        if (earlier.Subject == DiffSubject.Alias)
        {
            // Added then removed, or removed then added: as it was.
            return earlier.Kind == later.Kind ? later : null;
        }
        var (before, after) = (earlier.Before, later.After);
        if (later.Field == "name")
        {
            // As Between tells them: a new name is a rename, the same name in other capitals a change.
            return string.Equals(before, after, StringComparison.Ordinal) ? null
                : SameName(before, after) ? later with { Kind = DiffKind.Changed, Before = before, Suggestion = null }
                : later with { Kind = DiffKind.Renamed, Before = before };
        }
        var same = later.Field == "track" ? SameName(before, after) : string.Equals(before, after, StringComparison.Ordinal);
        return same ? null : later with { Before = before };
    }

    /// <summary>A rename's advice, as Between gives it for the current catalogue (whose aliases may keep the old name already).</summary>
    private static CatalogueChange WithSuggestion(CatalogueChange rename, SkillCatalogue current) => rename.Subject switch
    {
        DiffSubject.Skill when current.FindSkill(rename.After) is { } skill => rename with { Suggestion = KeepAlias(rename.Before!, skill.Aliases, "skill", skill.Name) },
        DiffSubject.Level when current.FindLevel(rename.After) is { } level => rename with { Suggestion = KeepAlias(rename.Before!, level.Aliases, "level", level.Name) },
        _ => rename,
    };

    /// <summary>The names <paramref name="diff"/> gives things (renames, and changes of a name's case): old name, upper case, to new.</summary>
    private static Dictionary<(DiffSubject, string), string> NewNames(CatalogueDiff diff)
    {
        var names = new Dictionary<(DiffSubject, string), string>();
        foreach (var change in diff.Changes.Where(c => c is { Field: "name", Before: not null, After: not null } && c.Subject != DiffSubject.Expectation))
        {
            names[(change.Subject, change.Before!.ToUpperInvariant())] = change.After!;
        }
        return names;
    }

    /// <summary>An earlier change in the names a later diff gave its skill, role, level and track.</summary>
    private static CatalogueChange Renamed(CatalogueChange change, Dictionary<(DiffSubject, string), string> names)
    {
        string? Name(DiffSubject subject, string? name) => name is not null && names.TryGetValue((subject, name.ToUpperInvariant()), out var renamed) ? renamed : name;
        return change with
        {
            Skill = Name(DiffSubject.Skill, change.Skill),
            Role = Name(DiffSubject.Role, change.Role),
            Level = Name(DiffSubject.Level, change.Level),
            Track = Name(DiffSubject.Track, change.Track),
        };
    }

    private static string Upper(string? name) => name?.ToUpperInvariant() ?? "";

    private static string SkillEntity(string? skill) => $"S|{Upper(skill)}";

    /// <summary>What a change is about: a track, level, role, skill or expectation (an alias: see <see cref="AliasOwner"/>).</summary>
    private static string Entity(CatalogueChange c) => c.Subject switch
    {
        DiffSubject.Track => $"T|{Upper(c.Track)}",
        DiffSubject.Level => $"L|{Upper(c.Level)}",
        DiffSubject.Role => $"R|{Upper(c.Role)}",
        DiffSubject.Skill => SkillEntity(c.Skill),
        DiffSubject.Expectation => $"X|{Upper(c.Skill)}|{Upper(c.Role)}|{Upper(c.Level)}",
        _ => $"A|{AliasOwner(c)}|{Upper(c.After ?? c.Before)}",
    };

    /// <summary>The thing an alias belongs to: the skill, role, level or track named beside it.</summary>
    private static string AliasOwner(CatalogueChange c) =>
        c.Skill is not null ? SkillEntity(c.Skill) : c.Role is not null ? $"R|{Upper(c.Role)}" : c.Level is not null ? $"L|{Upper(c.Level)}" : $"T|{Upper(c.Track)}";

    /// <summary>Where the changes of one thing fold: its existence (E), one of its values (P), or one alias (A).</summary>
    private static string PlaceKey(CatalogueChange c) => c switch
    {
        { Subject: DiffSubject.Alias } => Entity(c),
        { Kind: DiffKind.Added or DiffKind.Removed } => "E|" + Entity(c),
        _ => $"P|{Entity(c)}|{c.Field}",
    };

    /// <summary><see cref="Between"/>'s order: tracks, levels, roles, skills, each in the catalogue's order and the removed last.</summary>
    private sealed class CatalogueOrder(SkillCatalogue current)
    {
        private Dictionary<Skill, int>? _skills;
        private readonly Dictionary<Skill, Dictionary<(string, string), int>> _expectations = new(ReferenceEqualityComparer.Instance);

        public (int Section, int Place, int Part, int Within) Of(CatalogueChange c)
        {
            var subject = c.Subject == DiffSubject.Alias
                ? c.Skill is not null ? DiffSubject.Skill : c.Role is not null ? DiffSubject.Role : c.Level is not null ? DiffSubject.Level : DiffSubject.Track
                : c.Subject;
            var alias = c.Subject == DiffSubject.Alias ? (c.Kind == DiffKind.Added ? 3 : 4) : -1;
            var part = alias >= 0 ? alias : c.Field switch
            {
                "track" or "domain" => 1,
                "order" or "updated" => 2,
                _ when c.Subject == DiffSubject.Expectation => c.Kind == DiffKind.Removed ? 6 : 5,
                _ when c.Kind == DiffKind.Removed => -1, // before the same name added again
                _ => 0,
            };
            switch (subject)
            {
                case DiffSubject.Track:
                    var track = Enumerable.Range(0, current.Tracks.Length).FirstOrDefault(i => current.Tracks[i].Name is { } name && SameName(name, c.Track), -1);
                    return (0, track < 0 ? int.MaxValue : track, part, 0);
                case DiffSubject.Level:
                    return (1, current.FindLevel(c.Level) is { } level ? current.Levels.IndexOf(level) : int.MaxValue, part, 0);
                case DiffSubject.Role:
                    return (2, current.FindRole(c.Role) is { } role ? current.Roles.IndexOf(role) : int.MaxValue, part, 0);
                default:
                    if (current.FindSkill(c.Skill) is not { } skill)
                    {
                        return (3, int.MaxValue, part, 0);
                    }
                    if (_skills is null)
                    {
                        _skills = new Dictionary<Skill, int>(current.Skills.Length, ReferenceEqualityComparer.Instance);
                        for (var i = 0; i < current.Skills.Length; i++)
                        {
                            _skills[current.Skills[i]] = i;
                        }
                    }
                    var within = part == 5 ? Expectations(skill).GetValueOrDefault((Upper(c.Role), Upper(c.Level))) * 2 + (c.Field == "necessity" ? 1 : 0) : 0;
                    return (3, _skills[skill], part, within);
            }
        }

        /// <summary>Each expectation's place in the skill: its role's, then its level's, as <see cref="Between"/> walks them.</summary>
        private Dictionary<(string, string), int> Expectations(Skill skill)
        {
            if (!_expectations.TryGetValue(skill, out var places))
            {
                places = [];
                foreach (var role in skill.Roles)
                {
                    foreach (var e in role.ByLevel.OfType<Expectation>())
                    {
                        places.TryAdd((Upper(role.Role.Name), Upper(e.Level.Name)), places.Count);
                    }
                }
                _expectations[skill] = places;
            }
            return places;
        }
    }
}
