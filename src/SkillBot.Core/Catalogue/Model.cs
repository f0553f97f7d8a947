using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace SkillBot.Core.Catalogue;

[JsonConverter(typeof(JsonStringEnumConverter<Necessity>))]
public enum Necessity
{
    [JsonStringEnumMemberName("optional")] Optional,
    [JsonStringEnumMemberName("required")] Required,
}

/// <summary>A rung of the ladder. <see cref="Number"/> is 1-based: "Level 3" and "L3" mean Number 3.</summary>
public sealed record Level(int Number, string Name, ImmutableArray<string> Aliases);

public sealed record Role(string Name, ImmutableArray<string> Aliases);

public sealed record Expectation(Level Level, Necessity Necessity, string Description)
{
    /// <summary>What meeting the expectation looks like in practice (format 1.1), as written; empty when none.</summary>
    public ImmutableArray<string> Examples { get; init; } = [];
}

/// <summary>What one role is expected to do in one skill, indexed by level (null where the role has a gap).</summary>
public sealed record RoleExpectations(Role Role, ImmutableArray<Expectation?> ByLevel)
{
    public Expectation? At(Level level) => ByLevel[level.Number - 1];
}

public sealed record Skill(
    string Name,
    string Domain,
    ImmutableArray<string> Aliases,
    DateOnly? Updated,
    ImmutableArray<RoleExpectations> Roles)
{
    /// <summary>Who answers questions about the skill (format 1.1): Slack user ids, Teams/Entra ids, e-mail addresses.</summary>
    public ImmutableArray<string> Owners { get; init; } = [];

    public RoleExpectations? For(Role role)
    {
        foreach (var r in Roles)
        {
            if (ReferenceEquals(r.Role, role))
            {
                return r;
            }
        }
        return null;
    }
}

/// <summary>
/// One place in a catalogue file, reported as <c>FILE:LINE:COLUMN: message</c>, or <c>FILE: message</c> when the
/// problem is the file itself (it cannot be read, it is too large) rather than a place in it (Line 0).
/// A warning (<c>FILE:LINE:COLUMN: warning: message</c>) does not stop the catalogue being served.
/// </summary>
public sealed record CatalogueProblem(string File, int Line, int Column, string Message, bool IsWarning = false)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return IsWarning ? $"{where}: warning: {Message}" : $"{where}: {Message}";
    }
}

/// <summary>A catalogue file's path relative to the catalogue folder (with '/') and its text.</summary>
public sealed record CatalogueFile(string Path, string Text);
