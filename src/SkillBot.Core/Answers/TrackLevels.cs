using System.Collections.Immutable;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Understanding;

namespace SkillBot.Core.Answers;

/// <summary>
/// Levels and tracks (catalogue format 1.1): "level N" counts within the track of the role asked about, and a
/// question naming levels of two tracks pairs each level with a role of its track (a move across tracks).
/// </summary>
public static class TrackLevels
{
    /// <summary>
    /// The query with its levels read by number ("L2", "level 3") moved to the same position of the role's track.
    /// A number past the top of the role's track names no level of it: it is an unknown word ("L7"), not dropped.
    /// </summary>
    public static Query OnRoleTrack(SkillCatalogue catalogue, Reading reading, Query query)
    {
        if (reading.ByNumber.IsEmpty || query.Role is not { } role || catalogue.Tracks.Length < 2)
        {
            return query;
        }
        var unknown = ImmutableArray.CreateBuilder<string>();
        Level? Move(Level? level)
        {
            if (level is null || level.Track == role.Track || !reading.ByNumber.Contains(level))
            {
                return level;
            }
            if (catalogue.LevelAt(role.Track, level.Position) is { } moved)
            {
                return moved;
            }
            unknown.Add($"L{level.Position}");
            return null;
        }
        var low = Move(query.Level);
        var high = Move(query.CompareTo);
        if (low is not null && high is not null && high.Position < low.Position)
        {
            (low, high) = (high, low);
        }
        return query with
        {
            Level = low ?? high,
            CompareTo = low is null ? null : high,
            UnknownWords = query.UnknownWords.AddRange(unknown),
        };
    }

    /// <summary>
    /// Two levels of different tracks ("from senior engineer 2 to engineering manager 1", "IC5 SWE vs M5 EM"), each
    /// with the role of its track: a named one, or else the one role of that track that has the skill (any skill
    /// without one). Null when the levels share a track, or a track's role is not known for sure.
    /// </summary>
    /// <param name="levels">The levels in the order named: the first is where the person is.</param>
    public static CrossTrack? Pair(SkillCatalogue catalogue, IReadOnlyList<Role> roles, IReadOnlyList<Level> levels, Skill? skill)
    {
        if (levels.Count != 2 || levels[0].Track == levels[1].Track)
        {
            return null;
        }
        Role? RoleOf(Track track)
        {
            var named = roles.Where(r => r.Track == track).ToList();
            if (named.Count > 0)
            {
                return named.Count == 1 ? named[0] : null;
            }
            var onTrack = (skill is null ? catalogue.Roles.Where(r => !catalogue.SkillsOf(r).IsEmpty) : skill.Roles.Select(r => r.Role))
                .Where(r => r.Track == track)
                .Take(2)
                .ToList();
            return onTrack.Count == 1 ? onTrack[0] : null;
        }
        return RoleOf(levels[0].Track) is { } from && RoleOf(levels[1].Track) is { } to
            ? new CrossTrack(from, levels[0], to, levels[1])
            : null;
    }
}

/// <summary>A move across tracks: from a role at a level of its track to a role at a level of another.</summary>
public sealed record CrossTrack(Role FromRole, Level From, Role ToRole, Level To);
