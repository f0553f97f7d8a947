using System.Collections.Immutable;
using SkillBot.Core.Catalogue;

namespace SkillBot.Core.Understanding;

/// <summary>What a question names, in the catalogue's canonical terms, and what it asks for.</summary>
public sealed record Reading(
    ImmutableArray<Skill> Skills,
    ImmutableArray<Role> Roles,
    ImmutableArray<Level> Levels,
    ImmutableArray<string> Domains,
    ImmutableArray<string> UnknownWords,
    bool AsksHelp,
    bool AsksOverview,
    bool AsksCompare,
    bool IsChinese)
{
    public bool NamesAnything => Skills.Length + Roles.Length + Levels.Length + Domains.Length > 0;
}
