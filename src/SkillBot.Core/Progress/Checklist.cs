using System.Collections.Immutable;
using SkillBot.Core.Catalogue;
using SkillBot.Core.Languages;

namespace SkillBot.Core.Progress;

/// <summary>How far a person says they are with one expectation.</summary>
public enum ProgressStatus
{
    WorkingOn,
    Met,
}

/// <summary>
/// One expectation a person marked, as stored: canonical skill, role and level names, the status, their evidence
/// (as they gave it), and the expectation's text when they marked it, so a later catalogue change is noticed.
/// </summary>
public sealed record ProgressMark(string Skill, string Role, string Level, ProgressStatus Status, string Evidence, string MarkedText, DateTimeOffset MarkedAt)
{
    /// <summary>Longer evidence is refused with a message, never cut: a note is the person's own words.</summary>
    public const int MaxEvidenceLength = 1000;
}

/// <summary>One line of a checklist: the target expectation for a skill, and the person's mark on it (null: not marked).</summary>
public sealed record ChecklistItem(string Skill, string Expectation, Necessity Necessity, ProgressMark? Mark)
{
    /// <summary>The catalogue's text is no longer the one they marked: their status and evidence are kept and shown with a flag.</summary>
    public bool ChangedSinceMarked => Mark is { } mark && !string.Equals(mark.MarkedText, Expectation, StringComparison.Ordinal);
}

/// <summary>A person's checklist toward one level of one role, optionally filtered to one skill.</summary>
public sealed record Checklist(string Role, string Level, string? CurrentLevel, string? OnlySkill, ImmutableArray<ChecklistItem> Items, ImmutableArray<string> OtherLevels)
{
    public int Met => Items.Count(i => i.Mark?.Status == ProgressStatus.Met);

    public int InProgress => Items.Count(i => i.Mark?.Status == ProgressStatus.WorkingOn);

    /// <summary>"5 of 8 met, 2 in progress", "8 项中已达成 5 项，2 项进行中".</summary>
    public string Summary(Language language) => Items.IsEmpty
        ? OnlySkill is null
            ? language.Text("progress.summary.none", ("role", Role), ("level", Level))
            : language.Text("progress.summary.noneInSkill", ("role", Role), ("level", Level), ("skill", OnlySkill))
        : language.Text("progress.summary", ("met", language.Number(Met)), ("total", language.Number(Items.Length)), ("inProgress", language.Number(InProgress)));

    /// <summary>
    /// The checklist of <paramref name="role"/> at <paramref name="target"/>: every skill the role has an expectation
    /// for at that level, in catalogue order, with the person's marks (found by canonical names, case-insensitively).
    /// </summary>
    public static Checklist Build(SkillCatalogue catalogue, Role role, Level target, Level? current, Skill? onlySkill, IReadOnlyCollection<ProgressMark> marks)
    {
        var byKey = new Dictionary<(string, string, string), ProgressMark>(marks.Count, KeyComparer.Instance);
        foreach (var mark in marks)
        {
            byKey[(Canonical(catalogue, mark.Skill), mark.Role, mark.Level)] = mark;
        }
        var items = ImmutableArray.CreateBuilder<ChecklistItem>();
        foreach (var skill in catalogue.SkillsOf(role))
        {
            if (onlySkill is not null && !ReferenceEquals(skill, onlySkill))
            {
                continue;
            }
            if (skill.For(role)?.At(target) is { } expectation)
            {
                byKey.TryGetValue((skill.Name, role.Name, target.Name), out var mark);
                items.Add(new ChecklistItem(skill.Name, expectation.Description, expectation.Necessity, mark));
            }
        }
        var others = catalogue.Levels.Where(l => l != target).Select(l => l.Name).ToImmutableArray();
        return new Checklist(role.Name, target.Name, current?.Name, onlySkill?.Name, items.ToImmutable(), others);
    }

    /// <summary>A skill renamed with its old name kept as an alias still finds the marks made under the old name.</summary>
    private static string Canonical(SkillCatalogue catalogue, string skill) =>
        catalogue.FindSkill(skill)?.Name
        ?? catalogue.Skills.FirstOrDefault(s => s.Aliases.Contains(skill, StringComparer.OrdinalIgnoreCase))?.Name
        ?? skill;

    private sealed class KeyComparer : IEqualityComparer<(string, string, string)>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals((string, string, string) x, (string, string, string) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Item1, y.Item1)
            && StringComparer.OrdinalIgnoreCase.Equals(x.Item2, y.Item2)
            && StringComparer.OrdinalIgnoreCase.Equals(x.Item3, y.Item3);

        public int GetHashCode((string, string, string) key) => HashCode.Combine(
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Item1),
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Item2),
            StringComparer.OrdinalIgnoreCase.GetHashCode(key.Item3));
    }
}
