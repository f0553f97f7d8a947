namespace SkillBot.Core.Answers;

/// <summary>A move across tracks (catalogue format 1.1): where the person is beside where they would go.</summary>
public sealed partial class AnswerComposer
{
    /// <summary>
    /// compare_roles across two tracks ("from senior engineer 2 to engineering manager 1", "IC5 SWE vs M5 EM"): with
    /// a skill, the two expectations side by side (the target's with what it adds); without, skill by skill, every
    /// skill either role has. Levels stay as named: each is a level of its own role's track, not a step of one ladder.
    /// </summary>
    private Answer AcrossTracks(Query query, CrossTrack move)
    {
        var query2 = query with { Role = move.FromRole, Level = move.From, CompareRole = move.ToRole, CompareTo = move.To };
        var from = $"{move.From.Name} {move.FromRole.Name}";
        var to = $"{move.To.Name} {move.ToRole.Name}";
        var tracks = move.From.Track == move.To.Track ? "" : $", from the {move.From.Track.Name} track to the {move.To.Track.Name} track";
        if (query.Skill is { } skill)
        {
            var current = skill.For(move.FromRole)?.At(move.From);
            var next = skill.For(move.ToRole)?.At(move.To);
            var gap = (current, next) switch
            {
                (null, null) => $" Neither has an expectation in {skill.Name}.",
                (null, _) => $" {move.FromRole.Name} has no expectation at {move.From.Name} in {skill.Name}.",
                (_, null) => $" {move.ToRole.Name} has no expectation at {move.To.Name} in {skill.Name}.",
                _ => "",
            };
            return Base(query2, Intent.CompareRoles, $"{skill.Name}: {from} compared with {to}{tracks}.{gap}") with
            {
                Current = Of(current),
                Next = Higher(next, current),
            };
        }
        var items = catalogue.Skills
            .Where(s => s.For(move.FromRole) is not null || s.For(move.ToRole) is not null)
            .Select(s => (AnswerItem)new ProfileItem(s.Name, s.Domain, Of(s.For(move.FromRole)?.At(move.From)), Of(s.For(move.ToRole)?.At(move.To))))
            .ToList();
        var count = items.Count == 1 ? "1 skill" : $"{items.Count} skills";
        return Base(query2 with { Domain = null }, Intent.CompareRoles, $"{from} compared with {to}{tracks}, skill by skill ({count}).") with { Items = items };
    }
}
