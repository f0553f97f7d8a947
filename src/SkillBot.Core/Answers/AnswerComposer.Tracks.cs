using SkillBot.Core.Languages;

namespace SkillBot.Core.Answers;

/// <summary>A move across tracks (catalogue format 1.1): where the person is beside where they would go.</summary>
public sealed partial class AnswerComposer
{
    /// <summary>
    /// compare_roles across two tracks ("from senior engineer 2 to engineering manager 1", "IC5 SWE vs M5 EM"): with
    /// a skill, the two expectations side by side (the target's with what it adds); without, skill by skill, every
    /// skill either role has. Levels stay as named: each is a level of its own role's track, not a step of one ladder.
    /// </summary>
    private Answer AcrossTracks(Query query, CrossTrack move, Language language)
    {
        var moved = query with { Role = move.FromRole, Level = move.From, CompareRole = move.ToRole, CompareTo = move.To };
        (string, string)[] names =
        [
            ("role", move.FromRole.Name), ("level", move.From.Name), ("toRole", move.ToRole.Name), ("higher", move.To.Name),
            ("track", move.From.Track.Name ?? ""), ("toTrack", move.To.Track.Name ?? ""),
        ];
        if (query.Skill is { } skill)
        {
            var current = skill.For(move.FromRole)?.At(move.From);
            var next = skill.For(move.ToRole)?.At(move.To);
            var gap = (current, next) switch
            {
                (null, null) => language.Text("tracks.compare.neither", ("skill", skill.Name)),
                (null, _) => language.Text("tracks.compare.lacks", ("skill", skill.Name), ("role", move.FromRole.Name), ("level", move.From.Name)),
                (_, null) => language.Text("tracks.compare.lacks", ("skill", skill.Name), ("role", move.ToRole.Name), ("level", move.To.Name)),
                _ => "",
            };
            return Base(moved, Intent.CompareRoles, Sentences(language, language.Text("tracks.compare", [.. names, ("skill", skill.Name)]), gap)) with
            {
                Current = Of(current),
                Next = Higher(next, current),
            };
        }
        var items = catalogue.Skills
            .Where(s => s.For(move.FromRole) is not null || s.For(move.ToRole) is not null)
            .Select(s => (AnswerItem)new ProfileItem(s.Name, s.Domain, Of(s.For(move.FromRole)?.At(move.From)), Of(s.For(move.ToRole)?.At(move.To))))
            .ToList();
        var count = items.Count == 1 ? language.Text("count.skill") : language.Text("count.skills", ("count", language.Number(items.Count)));
        return Base(moved with { Domain = null }, Intent.CompareRoles, language.Text("tracks.compare.profile", [.. names, ("count", count)])) with { Items = items };
    }
}
