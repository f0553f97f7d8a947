using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Serialization;

namespace SkillBot.Core.Catalogue;

[JsonConverter(typeof(JsonStringEnumConverter<Necessity>))]
public enum Necessity
{
    [JsonStringEnumMemberName("optional")] Optional,
    [JsonStringEnumMemberName("required")] Required,
}

/// <summary>
/// One ladder of the catalogue (catalogue format 1.1), such as individual contributor or management. A catalogue
/// written with <c>levels:</c> has one track, <see cref="Unnamed"/>. <see cref="Index"/> is its 0-based place in
/// levels.yaml; the first track is the default track of a role.
/// </summary>
public sealed record Track(int Index, string? Name, ImmutableArray<string> Aliases)
{
    public static readonly Track Unnamed = new(0, null, []);
}

/// <summary>
/// A rung of a ladder. <see cref="Number"/> is 1-based across every level of the catalogue, in track order (it indexes
/// <see cref="RoleExpectations.ByLevel"/>); <see cref="Position"/> is 1-based within the level's <see cref="Track"/>:
/// "Level 3" and "L3" mean Position 3 of the track asked about. With one track the two are the same.
/// </summary>
public sealed record Level(int Number, string Name, ImmutableArray<string> Aliases)
{
    private readonly int _position;

    public Track Track { get; init; } = Track.Unnamed;

    public int Position { get => _position == 0 ? Number : _position; init => _position = value; }
}

/// <summary>A role; it belongs to one <see cref="Track"/> (the first when roles.yaml does not say) and may describe itself.</summary>
public sealed record Role(string Name, ImmutableArray<string> Aliases)
{
    public Track Track { get; init; } = Track.Unnamed;

    public string? Description { get; init; }
}

/// <summary>
/// One role's expectation at one level. The description is kept as UTF-8: descriptions are most of a catalogue's
/// memory (at 20,000 skills about 90 of 250 MiB as UTF-8), mostly ASCII, so this halves them; an answer decodes
/// only the few it shows.
/// </summary>
public sealed record Expectation
{
    private readonly byte[] _description;

    public Expectation(Level level, Necessity necessity, string description)
    {
        Level = level;
        Necessity = necessity;
        _description = Encoding.UTF8.GetBytes(description);
    }

    public Level Level { get; }

    public Necessity Necessity { get; }

    public string Description => Encoding.UTF8.GetString(_description);

    public bool Equals(Expectation? other) =>
        other is not null && Level == other.Level && Necessity == other.Necessity && _description.AsSpan().SequenceEqual(other._description);

    public override int GetHashCode() => HashCode.Combine(Level, Necessity, _description.Length);

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
