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
    string Language)
{
    /// <summary>A level the user wants to reach ("how do I become a lead?"), rather than one they are at.</summary>
    public Level? Target { get; init; }

    /// <summary>+1 for "next" / "higher", -1 for "previous" / "lower": a step from the level talked about before.</summary>
    public int LevelStep { get; init; }

    /// <summary>"I'm Anna, a senior data scientist at Acme": the words it does not know are the user's own names.</summary>
    public bool IntroducesSelf { get; init; }

    /// <summary>Levels the question names that the catalogue lacks, as the user wrote them: "level 6", "staff", "senior staff".</summary>
    public ImmutableArray<string> UnknownLevels { get; init; } = [];

    /// <summary>Roles the question names that the catalogue lacks: "backend engineer", "后端工程师".</summary>
    public ImmutableArray<string> UnknownRoles { get; init; } = [];

    public bool NamesAnything => Skills.Length + Roles.Length + Levels.Length + Domains.Length > 0;
}
