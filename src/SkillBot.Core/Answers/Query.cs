using System.Collections.Immutable;
using SkillBot.Core.Catalogue;

namespace SkillBot.Core.Answers;

/// <summary>
/// A request in canonical catalogue terms: what the question (and the user's context) resolved to, or
/// what a card button carries. Composing an answer from it needs no text understanding.
/// </summary>
public sealed record Query(string Question)
{
    public Skill? Skill { get; init; }
    public Role? Role { get; init; }
    public Level? Level { get; init; }


    /// <summary>The higher level of a comparison.</summary>
    public Level? CompareTo { get; init; }

    public string? Domain { get; init; }

    /// <summary>Several skills (or roles) were named: the user must pick one.</summary>
    public ImmutableArray<Skill> SkillOptions { get; init; } = [];

    public ImmutableArray<Role> RoleOptions { get; init; } = [];

    /// <summary>Words that named nothing the catalogue has.</summary>
    public ImmutableArray<string> UnknownWords { get; init; } = [];

    /// <summary>Levels and roles the question named that the catalogue lacks ("level 6", "staff", "backend engineer"): said in the answer.</summary>
    public ImmutableArray<string> UnknownLevels { get; init; } = [];

    public ImmutableArray<string> UnknownRoles { get; init; } = [];

    /// <summary>The whole ladder was asked for, so no level is filled in from context.</summary>
    public bool Overview { get; init; }

    /// <summary>The question's language: the answer's sentences are in it.</summary>
    public string Language { get; init; } = "en";

    /// <summary>The question asks what changed in the catalogue (the <c>changes</c> intent), narrowed by what it names.</summary>
    public bool Changes { get; init; }

    /// <summary>"What changed since 2026-11-01?": the changes from the version served on that day, when versions are kept.</summary>
    public DateOnly? ChangesSince { get; init; }

    /// <summary>A lateral move: the role the person would go to (<see cref="Role"/> is where they are, at
    /// <see cref="Level"/>; <see cref="CompareTo"/> is the level in this role, not a higher level of the same one).</summary>
    public Role? CompareRole { get; init; }

    /// <summary>What the catalogue has was asked for: its skills (of <see cref="Role"/> or in <see cref="Domain"/> when named), roles or levels.</summary>
    public CatalogueList? List { get; init; }

    /// <summary>A promotion question: <see cref="Level"/> is where the person is, <see cref="CompareTo"/> the level they would reach (null at the top).</summary>
    public bool Promotion { get; init; }
}

/// <summary>What a catalogue answer lists.</summary>
public enum CatalogueList
{
    Skills,
    Roles,
    Levels,
}
