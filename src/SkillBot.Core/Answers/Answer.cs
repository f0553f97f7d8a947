using System.Text.Json.Serialization;
using SkillBot.Core.Catalogue;

namespace SkillBot.Core.Answers;

/// <summary>The channel-neutral answer (docs: answer-api.md). Every channel renders this; the JSON API serves it.</summary>
public sealed record Answer(
    string Question,
    Intent Intent,
    string? Domain,
    string? Skill,
    string? Role,
    string? Level,
    string? CompareTo,
    LevelExpectation? Current,
    LevelExpectation? Next,
    IReadOnlyList<AnswerItem> Items,
    Clarification? Clarify,
    IReadOnlyList<string> Suggestions,
    string Message,
    [property: JsonPropertyOrder(1)] DateOnly? Updated,
    [property: JsonPropertyOrder(1)] string CatalogueVersion)
{
    /// <summary>The language of the question ("en" or "zh"): <see cref="Message"/> and every label a channel shows are in it.</summary>
    public string Language { get; init; } = "en";

    /// <summary>compare_roles: the role the person would move to (<see cref="Role"/> is where they are).</summary>
    public string? CompareRole { get; init; }

    /// <summary>The track of the answer's role; null in a catalogue with one unnamed track.</summary>
    public string? Track { get; init; }

    /// <summary>The skill's owners: who answers questions about it.</summary>
    public IReadOnlyList<string> Owners { get; init; } = [];

    /// <summary>The catalogue around the answer, for navigation buttons. Not part of the JSON contract.</summary>
    [JsonIgnore]
    public Ladder Ladder { get; init; } = Ladder.Empty;
}

/// <summary>
/// What a card needs to offer moves: every level of the ladder, lowest first, and the roles one can
/// switch to (the skill's roles, or for a role profile every role).
/// </summary>
public sealed record Ladder(IReadOnlyList<string> Levels, IReadOnlyList<string> Roles)
{
    public static readonly Ladder Empty = new([], []);

    /// <summary>With tracks: the levels and roles above are those of the answer's track; these move to each other track.</summary>
    public IReadOnlyList<TrackSwitch> TrackSwitches { get; init; } = [];
}

/// <summary>A move to another track: the same skill for <see cref="Role"/> (a role of that track) at <see cref="Level"/>.</summary>
public sealed record TrackSwitch(string Track, string Role, string? Level);

[JsonConverter(typeof(JsonStringEnumConverter<Intent>))]
public enum Intent
{
    [JsonStringEnumMemberName("expectation")] Expectation,
    [JsonStringEnumMemberName("compare")] Compare,
    [JsonStringEnumMemberName("role_profile")] RoleProfile,
    [JsonStringEnumMemberName("skill_overview")] SkillOverview,
    [JsonStringEnumMemberName("clarify")] Clarify,
    [JsonStringEnumMemberName("not_found")] NotFound,
    [JsonStringEnumMemberName("help")] Help,
    [JsonStringEnumMemberName("compare_roles")] CompareRoles,
    [JsonStringEnumMemberName("changes")] Changes,
    [JsonStringEnumMemberName("catalogue")] Catalogue,
}

/// <summary>One level's expectation. <see cref="Segments"/> is set only on the higher level of an expectation or comparison.</summary>
public sealed record LevelExpectation(
    string Level,
    Necessity Necessity,
    string Description,
    [property: JsonPropertyOrder(1)] IReadOnlyList<Segment>? Segments)
{
    /// <summary>What meeting the expectation looks like in practice, from the catalogue.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];
}

/// <summary>A run of the higher level's text; <see cref="Added"/> marks words the lower level's text lacks.</summary>
public sealed record Segment(string Text, bool Added);

public sealed record Clarification(
    Missing Missing,
    IReadOnlyList<string> Options);

[JsonConverter(typeof(JsonStringEnumConverter<Missing>))]
public enum Missing
{
    [JsonStringEnumMemberName("role")] Role,
    [JsonStringEnumMemberName("level")] Level,
    [JsonStringEnumMemberName("skill")] Skill,
}

/// <summary>An entry of <see cref="Answer.Items"/>: a skill of a role profile, or a rung of a skill's ladder.</summary>
[JsonDerivedType(typeof(ProfileItem))]
[JsonDerivedType(typeof(LadderItem))]
[JsonDerivedType(typeof(SkillListItem))]
[JsonDerivedType(typeof(RoleListItem))]
[JsonDerivedType(typeof(LevelListItem))]
[JsonDerivedType(typeof(ChangeItem))]
public abstract record AnswerItem;

/// <summary>Comparing answers' item lists without building them.</summary>
public static class AnswerItemLists
{
    /// <summary>
    /// True when both lists are built on demand from the same source (a role's profile, a move between two roles, on
    /// one catalogue), so they hold the same items; false says nothing, and the items are to be compared.
    /// </summary>
    public static bool SameSource(IReadOnlyList<AnswerItem> a, IReadOnlyList<AnswerItem> b) => LazyItems.SameSource(a, b);
}

/// <summary>role_profile: one skill the role has, at the asked level and the next.</summary>
public sealed record ProfileItem(string Skill, string Domain, LevelExpectation? Current, LevelExpectation? Next) : AnswerItem;

/// <summary>skill_overview: one rung of the ladder for one role.</summary>
public sealed record LadderItem(
    string Role,
    string Level,
    Necessity Necessity,
    string Description) : AnswerItem
{
    /// <summary>The role's track (null without named tracks): items come grouped by it. Not part of the JSON contract.</summary>
    [JsonIgnore]
    public string? Track { get; init; }

    /// <summary>What meeting the expectation looks like in practice, from the catalogue.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];
}

/// <summary>catalogue (skills): one skill, its domain and the roles that have it, in catalogue order.</summary>
public sealed record SkillListItem(string Skill, string Domain, IReadOnlyList<string> Roles) : AnswerItem;

/// <summary>catalogue (roles): one role and the skills it has.</summary>
public sealed record RoleListItem(string Role, IReadOnlyList<string> Skills) : AnswerItem;

/// <summary>catalogue (levels): one level of the ladder, lowest first.</summary>
public sealed record LevelListItem(string Level) : AnswerItem;

/// <summary>changes: one difference between the served catalogue and the one before it.</summary>
public sealed record ChangeItem(Change Change, string? Skill, string? Role, string? Level, string? Before, string? After) : AnswerItem;

[JsonConverter(typeof(JsonStringEnumConverter<Change>))]
public enum Change
{
    [JsonStringEnumMemberName("added")] Added,
    [JsonStringEnumMemberName("removed")] Removed,
    [JsonStringEnumMemberName("changed")] Changed,
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(Answer))]
public sealed partial class AnswerJsonContext : JsonSerializerContext;
