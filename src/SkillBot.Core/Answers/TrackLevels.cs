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
        Level? Move(Level? level, Track track)
        {
            if (level is null || level.Track == track || !reading.ByNumber.Contains(level))
            {
                return level;
            }
            if (catalogue.LevelAt(track, level.Position) is { } moved)
            {
                return moved;
            }
            unknown.Add($"L{level.Position}");
            return null;
        }
        if (query.CompareRole is { } other)
        {
            // A move across tracks: each level counts in its own role's track.
            return query with
            {
                Level = Move(query.Level, role.Track),
                CompareTo = Move(query.CompareTo, other.Track),
                UnknownWords = query.UnknownWords.AddRange(unknown),
            };
        }
        var low = Move(query.Level, role.Track);
        var high = Move(query.CompareTo, role.Track);
        if (low is not null && high is not null && high.Position < low.Position)
        {
            (low, high) = (high, low);
        }
        return query with
        {
            Level = low ?? high,
            CompareTo = low is null || high == low ? null : high,
            UnknownWords = query.UnknownWords.AddRange(unknown),
        };
    }

    /// <summary>
    /// A question naming levels of two tracks, as a move from the first to the second (compare_roles): each level
    /// with the role of its track. Unchanged when the levels share a track or a track's role is not known for sure.
    /// </summary>
    public static Query AcrossTracks(SkillCatalogue catalogue, Reading reading, Query query)
    {
        var levels = reading.Levels.ToList();
        if (reading.Roles is [var first, var second] && first.Track != second.Track && levels.Count == 2)
        {
            // "from L4 software engineer to L1 engineering manager": each number counts in the track of the role named with it.
            for (var i = 0; i < 2; i++)
            {
                var track = reading.Roles[i].Track;
                if (reading.ByNumber.Contains(levels[i]) && catalogue.LevelAt(track, levels[i].Position) is { } moved)
                {
                    levels[i] = moved;
                }
            }
        }
        return Pair(catalogue, reading.Roles, levels, query.Skill) is { } move
            ? query with { Role = move.FromRole, Level = move.From, CompareRole = move.ToRole, CompareTo = move.To, RoleOptions = [] }
            : query;
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
            // The roles of the track that have the skill; when none has it, the track's roles (the answer says it lacks it).
            var withSkill = skill?.Roles.Select(r => r.Role).Where(r => r.Track == track).Take(2).ToList() ?? [];
            var onTrack = withSkill.Count > 0
                ? withSkill
                : catalogue.Roles.Where(r => r.Track == track && !catalogue.SkillsOf(r).IsEmpty).Take(2).ToList();
            return onTrack.Count == 1 ? onTrack[0] : null;
        }
        return RoleOf(levels[0].Track) is { } from && RoleOf(levels[1].Track) is { } to
            ? new CrossTrack(from, levels[0], to, levels[1])
            : null;
    }
}

/// <summary>A move across tracks: from a role at a level of its track to a role at a level of another.</summary>
public sealed record CrossTrack(Role FromRole, Level From, Role ToRole, Level To);
