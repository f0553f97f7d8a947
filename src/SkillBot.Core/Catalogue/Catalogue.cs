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
        var byRole = roles.ToDictionary(r => r, _ => ImmutableArray.CreateBuilder<Skill>());
        foreach (var skill in skills)
        {
            foreach (var role in skill.Roles)
            {
                byRole[role.Role].Add(skill);
            }
        }
        _skillsByRole = byRole.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToImmutable());
        _skillsByDomain = skills
            .GroupBy(s => s.Domain, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.OrdinalIgnoreCase);
        Domains = [.. _skillsByDomain.Keys.Order(StringComparer.OrdinalIgnoreCase)];
    }

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

    public ImmutableArray<Skill> SkillsIn(string domain) => _skillsByDomain.TryGetValue(domain, out var s) ? s : [];

    public Level? Above(Level level) => level.Number < Levels.Length ? Levels[level.Number] : null;

    public Level? Below(Level level) => level.Number > 1 ? Levels[level.Number - 2] : null;
}
