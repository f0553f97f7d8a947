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
/// only the few it shows. A loaded catalogue keeps them side by side in a few large arrays (<see cref="DescriptionStore"/>).
/// </summary>
public sealed record Expectation
{
    private readonly byte[] _utf8;
    private readonly int _start;
    private readonly int _length;

    public Expectation(Level level, Necessity necessity, string description)
    {
        Level = level;
        Necessity = necessity;
        _utf8 = Encoding.UTF8.GetBytes(description);
        _length = _utf8.Length;
    }

    /// <summary>From the text as it stands in a catalogue file, into the load's store: the loader keeps no string of it.</summary>
    internal Expectation(Level level, Necessity necessity, ReadOnlySpan<char> description, DescriptionStore store)
    {
        Level = level;
        Necessity = necessity;
        (_utf8, _start, _length) = store.Add(description);
    }

    public Level Level { get; }

    public Necessity Necessity { get; }

    public string Description => Encoding.UTF8.GetString(Utf8);

    private ReadOnlySpan<byte> Utf8 => _utf8.AsSpan(_start, _length);

    /// <summary>Whether the two descriptions are the same text, without decoding either: the same text is the same UTF-8.</summary>
    internal bool HasSameDescriptionAs(Expectation other) => Utf8.SequenceEqual(other.Utf8);

    public bool Equals(Expectation? other) =>
        other is not null && Level == other.Level && Necessity == other.Necessity && Utf8.SequenceEqual(other.Utf8);

    public override int GetHashCode() => HashCode.Combine(Level, Necessity, _length);

    /// <summary>What meeting the expectation looks like in practice (format 1.1), as written; empty when none.</summary>
    public ImmutableArray<string> Examples { get; init; } = [];
}

/// <summary>
/// The UTF-8 of a load's descriptions, one after another in arrays that double up to 1 MiB: half a million descriptions
/// are then a hundred objects, not half a million, for every collection to mark, and the large arrays are never copied
/// from generation to generation while the load goes on. Written by one thread (the loader's).
/// </summary>
internal sealed class DescriptionStore
{
    private const int FirstChunk = 16 * 1024, LargestChunk = 1024 * 1024;
    private byte[] _chunk = [];
    private int _used;
    private int _nextChunk = FirstChunk;

    public (byte[] Chunk, int Start, int Length) Add(ReadOnlySpan<char> text)
    {
        var length = Encoding.UTF8.GetByteCount(text);
        if (_chunk.Length - _used < length)
        {
            _chunk = new byte[Math.Max(length, _nextChunk)];
            _nextChunk = Math.Min(_nextChunk * 2, LargestChunk);
            _used = 0;
        }
        var start = _used;
        _used += Encoding.UTF8.GetBytes(text, _chunk.AsSpan(start));
        return (_chunk, start, length);
    }
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

/// <summary>
/// A catalogue file as a folder reader took it: its path (as <see cref="CatalogueFile"/>) and its text as UTF-8, without
/// a byte order mark. Half the memory of the text as a string; <see cref="CatalogueLoader"/> decodes it when it parses it.
/// </summary>
public sealed record CatalogueFileBytes(string Path, ReadOnlyMemory<byte> Utf8);
