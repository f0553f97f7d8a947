using SkillBot.Core.Answers;

namespace SkillBot.Rendering;

/// <summary>
/// Answers compared by value, deeply: what the rendering cache keys on instead of serialising each answer
/// to JSON once more. The records' own equality compares their lists by reference, so the lists are
/// compared here element by element. Every field counts, the ones the JSON contract leaves out included.
/// </summary>
internal static class AnswerKey
{
    public static bool Same(Answer a, Answer b) =>
        ReferenceEquals(a, b) || (
            a.Question == b.Question && a.Intent == b.Intent && a.Domain == b.Domain && a.Skill == b.Skill
            && a.Role == b.Role && a.Level == b.Level && a.CompareTo == b.CompareTo && a.Message == b.Message
            && a.Updated == b.Updated && a.CatalogueVersion == b.CatalogueVersion && a.Language == b.Language
            && a.CompareRole == b.CompareRole && a.Track == b.Track && a.Owners.SequenceEqual(b.Owners)
            && Same(a.Current, b.Current) && Same(a.Next, b.Next)
            && SameItems(a.Items, b.Items)
            && Same(a.Clarify, b.Clarify) && a.Suggestions.SequenceEqual(b.Suggestions)
            && a.Ladder.Levels.SequenceEqual(b.Ladder.Levels) && a.Ladder.Roles.SequenceEqual(b.Ladder.Roles)
            && a.Ladder.TrackSwitches.SequenceEqual(b.Ladder.TrackSwitches));

    /// <summary>A hash of the fields that tell most answers apart; <see cref="Same(Answer, Answer)"/> decides.</summary>
    public static int Hash(Answer answer)
    {
        var hash = new HashCode();
        hash.Add(answer.Question);
        hash.Add(answer.Intent);
        hash.Add(answer.Skill);
        hash.Add(answer.Role);
        hash.Add(answer.Level);
        hash.Add(answer.CompareTo);
        hash.Add(answer.CompareRole);
        hash.Add(answer.Language);
        hash.Add(answer.CatalogueVersion);
        hash.Add(answer.Message);
        return hash.ToHashCode();
    }

    /// <summary>Roughly what a cached answer keeps alive: its text at two bytes a character, and each object's header.</summary>
    public static long Bytes(Answer answer) =>
        2L * (answer.Question.Length + answer.Message.Length + Chars(answer.Current) + Chars(answer.Next)
              + answer.Items.Sum(item => item switch
              {
                  ProfileItem p => p.Skill.Length + p.Domain.Length + Chars(p.Current) + Chars(p.Next),
                  LadderItem l => l.Role.Length + l.Level.Length + l.Description.Length + l.Examples.Sum(e => e.Length),
                  SkillListItem s => s.Skill.Length + s.Domain.Length + s.Roles.Sum(r => r.Length),
                  RoleListItem r => r.Role.Length + r.Skills.Sum(s => s.Length),
                  LevelListItem l => l.Level.Length,
                  ChangeItem c => (c.Before?.Length ?? 0) + (c.After?.Length ?? 0) + 32,
                  _ => 0,
              })
              + answer.Suggestions.Sum(s => s.Length) + (answer.Clarify?.Options.Sum(o => o.Length) ?? 0))
        + (64L * (answer.Items.Count + answer.Suggestions.Count + 8));

    /// <summary>Item by item, by index: no iterator or delegate per comparison.</summary>
    private static bool SameItems(IReadOnlyList<AnswerItem> a, IReadOnlyList<AnswerItem> b)
    {
        // A role's profile on a large catalogue is hundreds of items built on demand: comparing them would build them all.
        if (AnswerItemLists.SameSource(a, b))
        {
            return true;
        }
        if (a.Count != b.Count)
        {
            return false;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (!Same(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Same(LevelExpectation? a, LevelExpectation? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null
            && a.Level == b.Level && a.Necessity == b.Necessity && a.Description == b.Description
            && a.Examples.SequenceEqual(b.Examples)
            && (ReferenceEquals(a.Segments, b.Segments) || (a.Segments is not null && b.Segments is not null && a.Segments.SequenceEqual(b.Segments))));

    private static bool Same(AnswerItem a, AnswerItem b) => (a, b) switch
    {
        (ProfileItem p, ProfileItem q) => p.Skill == q.Skill && p.Domain == q.Domain && Same(p.Current, q.Current) && Same(p.Next, q.Next),
        (LadderItem l, LadderItem m) => l.Role == m.Role && l.Level == m.Level && l.Track == m.Track && l.Necessity == m.Necessity
            && l.Description == m.Description && l.Examples.SequenceEqual(m.Examples),
        (SkillListItem s, SkillListItem t) => s.Skill == t.Skill && s.Domain == t.Domain && s.Roles.SequenceEqual(t.Roles),
        (RoleListItem r, RoleListItem q) => r.Role == q.Role && r.Skills.SequenceEqual(q.Skills),
        (LevelListItem l, LevelListItem m) => l == m, // a record of one string
        (ChangeItem c, ChangeItem d) => c == d, // a record of plain values
        _ => false,
    };

    private static bool Same(Clarification? a, Clarification? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.Missing == b.Missing && a.Options.SequenceEqual(b.Options));

    private static int Chars(LevelExpectation? expectation) =>
        expectation is null ? 0 : expectation.Level.Length + expectation.Description.Length + expectation.Examples.Sum(e => e.Length) + (expectation.Segments?.Sum(s => s.Text.Length + 16) ?? 0);
}
