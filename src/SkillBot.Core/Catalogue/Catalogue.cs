using System.Collections.Frozen;
using System.Collections.Immutable;

namespace SkillBot.Core.Catalogue;

/// <summary>An immutable, validated catalogue with its lookup indexes. Safe to share between threads.</summary>
public sealed class SkillCatalogue
{
    private readonly FrozenDictionary<string, Skill> _skillsByName;
    private readonly FrozenDictionary<string, Role> _rolesByName;
    private readonly FrozenDictionary<string, Level> _levelsByName;
    private readonly FrozenDictionary<Role, ImmutableArray<Skill>> _skillsByRole;
    private readonly FrozenDictionary<Role, ImmutableArray<RoleSkill>> _expectationsByRole;
    private readonly FrozenDictionary<string, ImmutableArray<Skill>> _skillsByDomain;

    public SkillCatalogue(
        ImmutableArray<Level> levels,
        ImmutableArray<Role> roles,
        ImmutableArray<Skill> skills,
        string version)
    {
        Levels = levels;
        Roles = roles;
        Skills = skills;
        Version = version;
        _skillsByName = skills.ToFrozenDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        _rolesByName = roles.ToFrozenDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        _levelsByName = levels.ToFrozenDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);
        // One pass over the skills: asking every skill about every role costs roles × skills (6 million at 20,000 skills).
        var byRole = roles.ToDictionary(r => r, _ => ImmutableArray.CreateBuilder<RoleSkill>());
        for (var index = 0; index < skills.Length; index++)
        {
            foreach (var role in skills[index].Roles)
            {
                byRole[role.Role].Add(new RoleSkill(index, skills[index], role));
            }
        }
        _expectationsByRole = byRole.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToImmutable());
        _skillsByRole = byRole.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.Select(r => r.Skill).ToImmutableArray());
        _skillsByDomain = skills
            .GroupBy(s => s.Domain, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.OrdinalIgnoreCase);
        Domains = [.. _skillsByDomain.Keys.Order(StringComparer.OrdinalIgnoreCase)];
        Tracks = [.. levels.Select(l => l.Track).Distinct()];
        _levelsByTrack = Tracks.ToFrozenDictionary(t => t, t => levels.Where(l => l.Track == t).ToImmutableArray());
        _tracksByName = Tracks
            .SelectMany(t => t.Aliases.Prepend(t.Name).OfType<string>().Select(n => (Name: n, Track: t)))
            .DistinctBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(x => x.Name, x => x.Track, StringComparer.OrdinalIgnoreCase);
    }

    private readonly FrozenDictionary<Track, ImmutableArray<Level>> _levelsByTrack;
    private readonly FrozenDictionary<string, Track> _tracksByName;

    /// <summary>The ladders, in levels.yaml order: one <see cref="Track.Unnamed"/> for a catalogue written with <c>levels:</c>.</summary>
    public ImmutableArray<Track> Tracks { get; }

    /// <summary>Whether the catalogue has named tracks (answers then say which track they are on).</summary>
    public bool HasTracks => Tracks.Length > 1 || Tracks is [{ Name: not null }];

    /// <summary>The first track: the default of a role, and the one "level N" counts in when no role is known.</summary>
    public Track FirstTrack => Tracks.IsEmpty ? Track.Unnamed : Tracks[0];

    public ImmutableArray<Level> LevelsOf(Track track) => _levelsByTrack.TryGetValue(track, out var l) ? l : [];

    /// <summary>The level at a 1-based position of a track ("L3" of the role's track), or null past its top.</summary>
    public Level? LevelAt(Track track, int position) =>
        LevelsOf(track) is var levels && position >= 1 && position <= levels.Length ? levels[position - 1] : null;

    public Track? FindTrack(string? name) => name is not null && _tracksByName.TryGetValue(name, out var t) ? t : null;

    public ImmutableArray<Level> Levels { get; }
    public ImmutableArray<Role> Roles { get; }
    public ImmutableArray<Skill> Skills { get; }
    public ImmutableArray<string> Domains { get; }

    /// <summary>A short hash of the files' content: the same files give the same version everywhere.</summary>
    public string Version { get; }

    public Skill? FindSkill(string? name) => name is not null && _skillsByName.TryGetValue(name, out var s) ? s : null;

    public Role? FindRole(string? name) => name is not null && _rolesByName.TryGetValue(name, out var r) ? r : null;

    public Level? FindLevel(string? name) => name is not null && _levelsByName.TryGetValue(name, out var l) ? l : null;

    public ImmutableArray<Skill> SkillsOf(Role role) => _skillsByRole.TryGetValue(role, out var s) ? s : [];

    /// <summary>
    /// Each skill the role has with the role's expectations in it, in catalogue order: what a role profile or a move
    /// walks, without asking every skill about the role (built once, at load).
    /// </summary>
    public ImmutableArray<RoleSkill> ExpectationsOf(Role role) => _expectationsByRole.TryGetValue(role, out var e) ? e : [];

    public ImmutableArray<Skill> SkillsIn(string domain) => _skillsByDomain.TryGetValue(domain, out var s) ? s : [];

    /// <summary>The next level of the same track: the top of a track has none (it does not continue into another track).</summary>
    public Level? Above(Level level) => LevelAt(level.Track, level.Position + 1);

    public Level? Below(Level level) => LevelAt(level.Track, level.Position - 1);
}

/// <summary>One skill of a role: its place in <see cref="SkillCatalogue.Skills"/>, the skill, and the role's expectations in it.</summary>
public readonly record struct RoleSkill(int Index, Skill Skill, RoleExpectations Expectations);
