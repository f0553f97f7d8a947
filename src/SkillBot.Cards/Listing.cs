using System.Globalization;
using SkillBot.Core.Answers;

namespace SkillBot.Cards;

/// <summary>A group of a catalogue answer: a domain's skills (or all roles, all levels), and the move that lists only it.</summary>
public sealed record ListGroup(string? Heading, IReadOnlyList<ListEntry> Entries, CardAction? Narrow);

/// <summary>One listed skill, role or level: its name, what it has (a skill's roles, a role's skills), and where it leads.</summary>
public sealed record ListEntry(string Name, string? Detail, CardAction Action);

/// <summary>
/// A catalogue answer's entries, grouped as every channel shows them: skills by domain (each domain can be listed on
/// its own), roles with their skills, levels lowest first. Each renderer decides how much of it fits its channel.
/// </summary>
internal static class Listing
{
    /// <summary>A role's skills are a list of names, not prose: past this many characters they are cut.</summary>
    public const int MaxDetail = 300;

    public static IReadOnlyList<ListGroup> Groups(Answer answer, Labels labels)
    {
        if (answer.Intent != Intent.Catalogue || answer.Items.Count == 0)
        {
            return [];
        }
        switch (answer.Items[0])
        {
            case SkillListItem:
                return answer.Items.OfType<SkillListItem>()
                    .GroupBy(s => s.Domain, StringComparer.OrdinalIgnoreCase)
                    .Select(domain => new ListGroup(
                        domain.Key,
                        [.. domain.Select(s => new ListEntry(s.Skill, s.Roles.Count == 0 ? null : string.Join(", ", s.Roles), Navigation.ForItem(answer, s)))],
                        answer.Domain is null ? CardAction.Listing("skills", answer.Role, domain.Key) : null))
                    .ToList();
            case RoleListItem:
                return [new ListGroup(null, [.. answer.Items.OfType<RoleListItem>().Select(r => new ListEntry(
                    r.Role,
                    TextFit.Fit(Count(labels, r.Skills.Count) + (r.Skills.Count == 0 ? "" : ": " + string.Join(", ", r.Skills)), MaxDetail),
                    Navigation.ForItem(answer, r)))], null)];
            default:
                return [new ListGroup(null, [.. answer.Items.OfType<LevelListItem>().Select(l => new ListEntry(labels.Level(l.Level), null, Navigation.ForItem(answer, l)))], null)];
        }
    }

    /// <summary>"12 skills", in the answer's language.</summary>
    public static string Count(Labels labels, int skills) =>
        skills == 1 ? labels["skillCount.one"] : labels.Format("skillCount", skills.ToString(CultureInfo.InvariantCulture));
}
