using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace SkillBot.Core.Catalogue;

[JsonConverter(typeof(JsonStringEnumConverter<DiffKind>))]
public enum DiffKind
{
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("removed")] Removed,
    [JsonStringEnumMemberName("changed")] Changed,
    [JsonStringEnumMemberName("renamed")] Renamed,
}

/// <summary>What a difference is about. An alias belongs to the level, role, skill or track named beside it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DiffSubject>))]
public enum DiffSubject
{
    [JsonStringEnumMemberName("track")] Track,
    [JsonStringEnumMemberName("level")] Level,
    [JsonStringEnumMemberName("role")] Role,
    [JsonStringEnumMemberName("skill")] Skill,
    [JsonStringEnumMemberName("alias")] Alias,
    [JsonStringEnumMemberName("expectation")] Expectation,
}

/// <summary>
/// One difference between two catalogues. <see cref="Skill"/>, <see cref="Role"/> and <see cref="Level"/> name
/// where it is, in the new catalogue's names (the old one's for something removed). <see cref="Field"/> says what
/// changed (description, necessity, domain, updated, order, name); <see cref="Before"/> and <see cref="After"/>
/// are its values (an added or removed alias is in After or Before). <see cref="Suggestion"/> is advice, for a
/// rename: keep the old name as an alias. <see cref="Track"/> names the career track (format 1.1) of a track, a level
/// or a role's move to another track, and of their aliases; null in a catalogue of one ladder.
/// </summary>
public sealed record CatalogueChange(
    DiffKind Kind,
    DiffSubject Subject,
    string? Skill,
    string? Role,
    string? Level,
    string? Field,
    string? Before,
    string? After,
    string? Suggestion = null,
    string? Track = null);

/// <summary>What changed from the version served from <paramref name="ServedFrom"/> to the one served now (a version kept by the host).</summary>
public sealed record DatedChanges(DateTimeOffset ServedFrom, CatalogueDiff Diff);

/// <summary>Every difference between two catalogues, in ladder, role and skill order. Pure.</summary>
public sealed partial record CatalogueDiff(string OldVersion, string NewVersion, ImmutableArray<CatalogueChange> Changes)
{
    public bool IsEmpty => Changes.IsEmpty;

    /// <summary>
    /// Compares two catalogues. A skill that is gone and one that is new with exactly the same expectations is a
    /// rename; so is a level that is gone and a new one at the same place of the ladder. Expectations are then
    /// compared under the new names, so a rename does not show every expectation as removed and added again.
    /// </summary>
    public static CatalogueDiff Between(SkillCatalogue old, SkillCatalogue @new)
    {
        var changes = new List<CatalogueChange>();
        CompareTracks(old, @new, changes);
        var levelMap = CompareLevels(old, @new, changes);
        CompareRoles(old, @new, changes);
        CompareSkills(old, @new, levelMap, changes);
        return new CatalogueDiff(old.Version, @new.Version, [.. changes]);
    }

    /// <returns>Each old level's counterpart in the new ladder (by name, or the rename), absent when it is gone.</returns>
    private static Dictionary<Level, Level> CompareLevels(SkillCatalogue old, SkillCatalogue @new, List<CatalogueChange> changes)
    {
        var map = new Dictionary<Level, Level>();
        foreach (var level in old.Levels)
        {
            if (@new.FindLevel(level.Name) is { } same)
            {
                map[level] = same;
            }
        }
        // A level gone and a new one in its place on its track's ladder: a rename ("Middle" became "Mid-level").
        var mapped = map.Values.ToHashSet();
        foreach (var level in old.Levels.Where(l => !map.ContainsKey(l)))
        {
            if (SameTrack(@new, level.Track) is { } track && @new.LevelAt(track, level.Position) is { } there
                && !mapped.Contains(there) && old.FindLevel(there.Name) is null)
            {
                map[level] = there;
                mapped.Add(there);
            }
        }
        foreach (var level in @new.Levels)
        {
            var track = level.Track.Name;
            var before = map.FirstOrDefault(p => p.Value == level).Key;
            if (before is null)
            {
                changes.Add(new(DiffKind.Added, DiffSubject.Level, null, null, level.Name, null, null, level.Name, Track: track));
                continue;
            }
            if (!string.Equals(before.Name, level.Name, StringComparison.OrdinalIgnoreCase))
            {
                changes.Add(new(DiffKind.Renamed, DiffSubject.Level, null, null, level.Name, "name", before.Name, level.Name,
                    KeepAlias(before.Name, level.Aliases, "level", level.Name), track));
            }
            else if (before.Name != level.Name)
            {
                changes.Add(new(DiffKind.Changed, DiffSubject.Level, null, null, level.Name, "name", before.Name, level.Name, Track: track));
            }
            if (!SameName(before.Track.Name, track))
            {
                changes.Add(new(DiffKind.Changed, DiffSubject.Level, null, null, level.Name, "track", before.Track.Name, track, Track: track));
            }
            // The place on its own track: a level added to another track does not move this one.
            if (before.Position != level.Position)
            {
                changes.Add(new(DiffKind.Changed, DiffSubject.Level, null, null, level.Name, "order",
                    Ordinal(before.Position), Ordinal(level.Position), Track: track));
            }
            CompareAliases(before.Aliases, level.Aliases, null, null, level.Name, changes, track);
        }
        foreach (var gone in old.Levels.Where(l => !map.ContainsKey(l)))
        {
            changes.Add(new(DiffKind.Removed, DiffSubject.Level, null, null, gone.Name, null, gone.Name, null, Track: gone.Track.Name));
        }
        return map;
    }

    /// <summary>Tracks (format 1.1) by name: added, removed, and their aliases; a catalogue of one ladder has none to compare.</summary>
    private static void CompareTracks(SkillCatalogue old, SkillCatalogue @new, List<CatalogueChange> changes)
    {
        foreach (var track in @new.Tracks.Where(t => t.Name is not null))
        {
            if (SameTrack(old, track) is not { Name: not null } before)
            {
                changes.Add(new(DiffKind.Added, DiffSubject.Track, null, null, null, null, null, track.Name, Track: track.Name));
                continue;
            }
            if (before.Name != track.Name)
            {
                changes.Add(new(DiffKind.Changed, DiffSubject.Track, null, null, null, "name", before.Name, track.Name, Track: track.Name));
            }
            CompareAliases(before.Aliases, track.Aliases, null, null, null, changes, track.Name);
        }
        foreach (var gone in old.Tracks.Where(t => t.Name is not null && SameTrack(@new, t) is not { Name: not null }))
        {
            changes.Add(new(DiffKind.Removed, DiffSubject.Track, null, null, null, null, gone.Name, null, Track: gone.Name));
        }
    }

    /// <summary>The track of <paramref name="catalogue"/> with the name of <paramref name="track"/> (the unnamed one for the unnamed one).</summary>
    private static Track? SameTrack(SkillCatalogue catalogue, Track track) =>
        catalogue.Tracks.FirstOrDefault(t => SameName(t.Name, track.Name)) ?? (track.Name is null && catalogue.Tracks.IsEmpty ? Track.Unnamed : null);

    private static bool SameName(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Ordinal(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static void CompareRoles(SkillCatalogue old, SkillCatalogue @new, List<CatalogueChange> changes)
    {
        foreach (var role in @new.Roles)
        {
            if (old.FindRole(role.Name) is not { } before)
            {
                changes.Add(new(DiffKind.Added, DiffSubject.Role, null, role.Name, null, null, null, role.Name));
                continue;
            }
            if (before.Name != role.Name)
            {
                changes.Add(new(DiffKind.Changed, DiffSubject.Role, null, role.Name, null, "name", before.Name, role.Name));
            }
            if (!SameName(before.Track.Name, role.Track.Name))
            {
                changes.Add(new(DiffKind.Changed, DiffSubject.Role, null, role.Name, null, "track", before.Track.Name, role.Track.Name, Track: role.Track.Name));
            }
            CompareAliases(before.Aliases, role.Aliases, null, role.Name, null, changes);
        }
        foreach (var gone in old.Roles.Where(r => @new.FindRole(r.Name) is null))
        {
            changes.Add(new(DiffKind.Removed, DiffSubject.Role, null, gone.Name, null, null, gone.Name, null));
        }
    }

    private static void CompareSkills(SkillCatalogue old, SkillCatalogue @new, Dictionary<Level, Level> levelMap, List<CatalogueChange> changes)
    {
        var renamedFrom = Renames(old, @new, levelMap);
        var renamed = renamedFrom.Values.ToHashSet();
        foreach (var skill in @new.Skills)
        {
            var before = old.FindSkill(skill.Name) ?? renamedFrom.GetValueOrDefault(skill);
            if (before is null)
            {
                AddedSkill(skill, changes);
                continue;
            }
            if (renamedFrom.ContainsKey(skill))
            {
                changes.Add(new(DiffKind.Renamed, DiffSubject.Skill, skill.Name, null, null, "name", before.Name, skill.Name,
                    KeepAlias(before.Name, skill.Aliases, "skill", skill.Name)));
            }
            else if (before.Name != skill.Name)
            {
                changes.Add(new(DiffKind.Changed, DiffSubject.Skill, skill.Name, null, null, "name", before.Name, skill.Name));
            }
            if (before.Domain != skill.Domain)
            {
                changes.Add(new(DiffKind.Changed, DiffSubject.Skill, skill.Name, null, null, "domain", before.Domain, skill.Domain));
            }
            if (before.Updated != skill.Updated)
            {
                changes.Add(new(DiffKind.Changed, DiffSubject.Skill, skill.Name, null, null, "updated", Date(before.Updated), Date(skill.Updated)));
            }
            CompareAliases(before.Aliases, skill.Aliases, skill.Name, null, null, changes);
            CompareExpectations(before, skill, levelMap, changes);
        }
        foreach (var gone in old.Skills.Where(s => @new.FindSkill(s.Name) is null && !renamed.Contains(s)))
        {
            changes.Add(new(DiffKind.Removed, DiffSubject.Skill, gone.Name, null, null, null, gone.Name, null));
        }
    }

    /// <summary>A new skill: the skill, then each of its expectations.</summary>
    private static void AddedSkill(Skill skill, List<CatalogueChange> changes)
    {
        changes.Add(new(DiffKind.Added, DiffSubject.Skill, skill.Name, null, null, null, null, skill.Name));
        foreach (var roleExpectations in skill.Roles)
        {
            foreach (var e in roleExpectations.ByLevel.OfType<Expectation>())
            {
                changes.Add(new(DiffKind.Added, DiffSubject.Expectation, skill.Name, roleExpectations.Role.Name, e.Level.Name, null, null, e.Description));
            }
        }
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>New skills that are an old skill, gone by name, under a new name: the same expectations, level for level.</summary>
    private static Dictionary<Skill, Skill> Renames(SkillCatalogue old, SkillCatalogue @new, Dictionary<Level, Level> levelMap)
    {
        var goneByContent = old.Skills
            .Where(s => @new.FindSkill(s.Name) is null)
            .GroupBy(s => Content(s, l => levelMap.GetValueOrDefault(l)?.Name))
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single(), StringComparer.Ordinal);
        var renames = new Dictionary<Skill, Skill>();
        foreach (var group in @new.Skills.Where(s => old.FindSkill(s.Name) is null).GroupBy(s => Content(s, l => l.Name)))
        {
            // Two new skills with the same content as one gone: which one is the rename is a guess, so neither is.
            if (group.Count() == 1 && goneByContent.TryGetValue(group.Key, out var before))
            {
                renames[group.Single()] = before;
            }
        }
        return renames;
    }

    /// <summary>A skill's expectations as one text, with each level named as <paramref name="levelName"/> says (null: gone).</summary>
    private static string Content(Skill skill, Func<Level, string?> levelName) =>
        string.Join('\u001f', skill.Roles
            .OrderBy(r => r.Role.Name, StringComparer.OrdinalIgnoreCase)
            .SelectMany(r => r.ByLevel.OfType<Expectation>().Select(e =>
                $"{r.Role.Name.ToUpperInvariant()}\u001e{levelName(e.Level)}\u001e{e.Necessity}\u001e{e.Description}")));

    private static void CompareExpectations(Skill before, Skill after, Dictionary<Level, Level> levelMap, List<CatalogueChange> changes)
    {
        var oldByPlace = new Dictionary<(string Role, string Level), Expectation>();
        foreach (var roleExpectations in before.Roles)
        {
            foreach (var e in roleExpectations.ByLevel.OfType<Expectation>())
            {
                // An expectation at a level that is gone keeps the old level's name: it can only be removed.
                var level = levelMap.GetValueOrDefault(e.Level)?.Name ?? e.Level.Name;
                oldByPlace[(roleExpectations.Role.Name.ToUpperInvariant(), level.ToUpperInvariant())] = e;
            }
        }
        foreach (var roleExpectations in after.Roles)
        {
            var role = roleExpectations.Role.Name;
            foreach (var e in roleExpectations.ByLevel.OfType<Expectation>())
            {
                var place = (role.ToUpperInvariant(), e.Level.Name.ToUpperInvariant());
                if (!oldByPlace.Remove(place, out var was))
                {
                    changes.Add(new(DiffKind.Added, DiffSubject.Expectation, after.Name, role, e.Level.Name, null, null, e.Description));
                    continue;
                }
                if (!was.HasSameDescriptionAs(e))
                {
                    changes.Add(new(DiffKind.Changed, DiffSubject.Expectation, after.Name, role, e.Level.Name, "description", was.Description, e.Description));
                }
                if (was.Necessity != e.Necessity)
                {
                    changes.Add(new(DiffKind.Changed, DiffSubject.Expectation, after.Name, role, e.Level.Name, "necessity", Name(was.Necessity), Name(e.Necessity)));
                }
            }
        }
        foreach (var roleExpectations in before.Roles)
        {
            foreach (var e in roleExpectations.ByLevel.OfType<Expectation>())
            {
                var level = levelMap.GetValueOrDefault(e.Level)?.Name ?? e.Level.Name;
                if (oldByPlace.ContainsKey((roleExpectations.Role.Name.ToUpperInvariant(), level.ToUpperInvariant())))
                {
                    changes.Add(new(DiffKind.Removed, DiffSubject.Expectation, after.Name, roleExpectations.Role.Name, level, null, e.Description, null));
                }
            }
        }
    }

    public static string Name(Necessity necessity) => necessity == Necessity.Required ? "required" : "optional";

    private static void CompareAliases(ImmutableArray<string> before, ImmutableArray<string> after, string? skill, string? role, string? level, List<CatalogueChange> changes, string? track = null)
    {
        foreach (var alias in after.Where(a => !before.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            changes.Add(new(DiffKind.Added, DiffSubject.Alias, skill, role, level, null, null, alias, Track: track));
        }
        foreach (var alias in before.Where(a => !after.Contains(a, StringComparer.OrdinalIgnoreCase)))
        {
            changes.Add(new(DiffKind.Removed, DiffSubject.Alias, skill, role, level, null, alias, null, Track: track));
        }
    }

    private static string? KeepAlias(string oldName, ImmutableArray<string> aliases, string what, string newName) =>
        aliases.Contains(oldName, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"keep '{oldName}' as an alias of the {what} '{newName}' (aliases: [{oldName}]), so old links and questions still find it";
}
