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

    /// <summary>
    /// A statement about oneself ("I'm Anna, a senior data scientist at Acme", "I work as an LLM engineer"): it says who
    /// the person is, and the words it does not know are their own names. "What if I'm a lead?" is not one.
    /// </summary>
    public bool IntroducesSelf { get; init; }

    /// <summary>"What changed?", "what's new for senior data scientists?", "有什么变化？": the changes since the last version.</summary>
    public bool AsksChanges { get; init; }
    /// <summary>
    /// The levels named by number ("level 3", "L3"), read on the first track that has that many; they count within
    /// the track of the role asked about, so they move to that track once the role is known.
    /// </summary>
    public ImmutableArray<Level> ByNumber { get; init; } = [];

    /// <summary>"How do I get promoted?", "what's next for me?", "what should I learn next?": the person's next step.</summary>
    public bool AsksPromotion { get; init; }

    /// <summary>"No, I meant ML engineer": the last answer again, with what this names in place of what it had.</summary>
    public bool Corrects { get; init; }

    /// <summary>Nothing but names and a word or two around them ("senior DS", "ok, lead"): a reply to a question asked back.</summary>
    public bool IsBareReply { get; init; }

    /// <summary>Levels the question names that the catalogue lacks, as the user wrote them: "level 6", "staff", "senior staff".</summary>
    public ImmutableArray<string> UnknownLevels { get; init; } = [];

    /// <summary>Roles the question names that the catalogue lacks: "backend engineer", "后端工程师".</summary>
    public ImmutableArray<string> UnknownRoles { get; init; } = [];

    /// <summary>
    /// A lateral move ("data scientist vs LLM engineer at senior", "from middle DS to senior LLM engineer"):
    /// the two roles, where the person is first, each with its own level (the one level said stands for both). One role
    /// alone ("what if I switched to LLM engineer?") is where the person would go, from the role they said they are. Empty otherwise.
    /// </summary>
    public ImmutableArray<RoleAtLevel> Move { get; init; } = [];

    /// <summary>"what skills are there?", "list the roles", "which levels exist?": what the catalogue has, not what a level expects.</summary>
    public Answers.CatalogueList? Lists { get; init; }

    /// <summary>The question is about the person asking ("I", "me", "my"), which a catalogue listing never is.</summary>
    public bool AboutSelf { get; init; }

    public bool NamesAnything => Skills.Length + Roles.Length + Levels.Length + Domains.Length > 0;
}
/// <summary>One side of a lateral move: a role and the level said for it (null when no level was said at all).</summary>
public sealed record RoleAtLevel(Role Role, Level? Level);
