using SkillBot.Core.Answers;
using SkillBot.Core.Languages;

namespace SkillBot.Cards;

/// <summary>A button: what it says and what it asks for.</summary>
public sealed record Move(string Title, CardAction Action);

/// <summary>A level picker: the ladder as choices, answering for the skill and role once a level is picked.</summary>
public sealed record LevelPicker(string Label, string Value, IReadOnlyList<(string Title, string Level)> Choices, string Button, CardAction Action);

/// <summary>
/// The moves every channel offers on an answer — up and down the ladder, compare, switch role, pick a
/// level, pick an option — computed once per answer for its <see cref="AnswerView"/>, so every channel offers the same.
/// </summary>
internal static class Navigation
{
    /// <summary>The progress verb that opens the mark form (<c>ProgressAction.OpenVerb</c> in the core).</summary>
    private const string ProgressOpenVerb = SkillBot.Core.Progress.ProgressAction.OpenVerb;

    public static IReadOnlyList<Move> Steps(Answer answer, Labels labels)
    {
        var levels = answer.Ladder.Levels;
        var at = answer.Level is null ? -1 : IndexOf(levels, answer.Level);
        var moves = new List<Move>();
        switch (answer.Intent)
        {
            case Intent.Expectation when at >= 0:
                if (at > 0)
                {
                    moves.Add(new(labels.Format("previousLevel", labels.Level(levels[at - 1])), CardAction.Answer(answer.Skill, answer.Role, levels[at - 1])));
                }
                if (at + 1 < levels.Count)
                {
                    moves.Add(new(labels.Format("nextLevel", labels.Level(levels[at + 1])), CardAction.Answer(answer.Skill, answer.Role, levels[at + 1])));
                    moves.Add(new(labels.Format("compareWith", labels.Level(levels[at + 1])), CardAction.Answer(answer.Skill, answer.Role, answer.Level, levels[at + 1])));
                }
                moves.Add(new(labels["wholeLadder"], CardAction.Answer(answer.Skill, answer.Role, null)));
                // The person's own mark on this expectation (met / working on it, with evidence): read by every channel's progress handling.
                moves.Add(new(labels["markProgress"], new CardAction(ProgressOpenVerb, answer.Skill, answer.Role, answer.Level)));
                break;
            case Intent.Compare when answer.CompareTo is { } higher:
                moves.Add(new($"{labels["show"]} {labels.Level(answer.Level!)}", CardAction.Answer(answer.Skill, answer.Role, answer.Level)));
                moves.Add(new($"{labels["show"]} {labels.Level(higher)}", CardAction.Answer(answer.Skill, answer.Role, higher)));
                var top = IndexOf(levels, higher);
                if (top >= 0 && top + 1 < levels.Count)
                {
                    moves.Add(new(labels.Format("compareWith", labels.Level(levels[top + 1])), CardAction.Answer(answer.Skill, answer.Role, higher, levels[top + 1])));
                }
                break;
            case Intent.CompareRoles when at >= 0 && answer.CompareRole is { } other && answer.CompareTo is { } target:
                // Each side steps along its own role; swap turns the move around.
                var there = IndexOf(levels, target);
                var (role, skill) = (answer.Role!, answer.Skill);
                if (at > 0)
                {
                    moves.Add(new(labels.Format("previousLevel", $"{labels.Level(levels[at - 1])} {role}"), CardAction.Move(skill, role, levels[at - 1], other, target)));
                }
                if (at + 1 < levels.Count)
                {
                    moves.Add(new(labels.Format("nextLevel", $"{labels.Level(levels[at + 1])} {role}"), CardAction.Move(skill, role, levels[at + 1], other, target)));
                }
                if (there > 0)
                {
                    moves.Add(new(labels.Format("previousLevel", $"{labels.Level(levels[there - 1])} {other}"), CardAction.Move(skill, role, answer.Level!, other, levels[there - 1])));
                }
                if (there >= 0 && there + 1 < levels.Count)
                {
                    moves.Add(new(labels.Format("nextLevel", $"{labels.Level(levels[there + 1])} {other}"), CardAction.Move(skill, role, answer.Level!, other, levels[there + 1])));
                }
                moves.Add(new(labels["swapRoles"], CardAction.Move(skill, other, target, role, answer.Level!)));
                break;
            case Intent.Catalogue:
                // The other listings; from a narrowed list of skills, all of them.
                var listed = ListOf(answer);
                foreach (var (list, label) in new[] { ("skills", "allSkills"), ("roles", "allRoles"), ("levels", "allLevels") })
                {
                    if (list != listed || (list == "skills" && (answer.Role ?? answer.Domain) is not null))
                    {
                        moves.Add(new(labels[label], CardAction.Listing(list)));
                    }
                }
                break;
            case Intent.RoleProfile when at >= 0:
                if (at > 0)
                {
                    moves.Add(new(labels.Format("previousLevel", labels.Level(levels[at - 1])), CardAction.Answer(null, answer.Role, levels[at - 1])));
                }
                if (at + 1 < levels.Count)
                {
                    moves.Add(new(labels.Format("nextLevel", labels.Level(levels[at + 1])), CardAction.Answer(null, answer.Role, levels[at + 1])));
                }
                break;
        }
        return moves;
    }

    /// <summary>The same question for each other role.</summary>
    public static IReadOnlyList<Move> RoleSwitches(Answer answer)
    {
        if (answer.Role is null || answer.Intent is not (Intent.Expectation or Intent.Compare or Intent.RoleProfile or Intent.SkillOverview))
        {
            return [];
        }
        return answer.Ladder.Roles
            .Where(r => r != answer.Role)
            .Select(r => new Move(r, CardAction.Answer(answer.Skill, r, answer.Level, answer.CompareTo)))
            .ToList();
    }

    /// <summary>"Switch track": the skill (or, for a role profile, the role's level) on each other track the answer can go to.</summary>
    public static IReadOnlyList<Move> TrackSwitches(Answer answer, Labels labels)
    {
        if (answer.Role is null || answer.Intent is not (Intent.Expectation or Intent.Compare or Intent.RoleProfile or Intent.SkillOverview))
        {
            return [];
        }
        return answer.Ladder.TrackSwitches
            .Select(s => new Move(
                labels.Format("switchTrackTo", s.Track, s.Level is null ? s.Role : $"{labels.Level(s.Level)} {s.Role}"),
                CardAction.Answer(answer.Skill, s.Role, answer.Intent == Intent.SkillOverview ? null : s.Level)))
            .ToList();
    }

    public static LevelPicker? Picker(Answer answer, Labels labels)
    {
        if (answer.Intent is not (Intent.Expectation or Intent.Compare or Intent.RoleProfile) || answer.Level is null)
        {
            return null;
        }
        return new LevelPicker(
            labels["pickLevel"],
            answer.Level,
            [.. answer.Ladder.Levels.Select(l => (labels.Level(l), l))],
            labels["show"],
            CardAction.Answer(answer.Skill, answer.Role, null));
    }

    /// <summary>The "was this useful?" pair: a vote on what this answer is about, then the answer again.</summary>
    public static (Move Up, Move Down) Feedback(Answer answer) => (
        new("👍", Again(answer, CardAction.Feedback(answer.Skill, answer.Role, answer.Level, answer.CompareTo, useful: true))),
        new("👎", Again(answer, CardAction.Feedback(answer.Skill, answer.Role, answer.Level, answer.CompareTo, useful: false))));

    /// <summary>The longest question an "Ask an owner" button carries: every channel's button value has room for it.</summary>
    public const int MaxAskedQuestion = 500;

    /// <summary>"Ask an owner" on an answer about a skill that has owners: the question as asked, and what the answer was about.</summary>
    public static Move? AskOwner(Answer answer, Labels labels) =>
        answer is { Owners.Count: > 0, Skill: not null, Intent: Intent.Expectation or Intent.Compare or Intent.SkillOverview }
            ? new(labels["askOwner"], CardAction.AskOwner(answer.Skill, answer.Role, answer.Level, answer.CompareTo,
                TextFit.CutAtWord(answer.Question, MaxAskedQuestion)))
            : null;

    /// <summary>A feedback vote answers the same again: a lateral move keeps its second role, a listing what it lists.</summary>
    private static CardAction Again(Answer answer, CardAction vote) => answer.Intent switch
    {
        Intent.CompareRoles => vote with { CompareRole = answer.CompareRole },
        Intent.Catalogue => vote with { List = ListOf(answer), Domain = answer.Domain },
        _ => vote,
    };

    /// <summary>One move per item: a profile's skill or a ladder's rung (its own expectation), a lateral move's skill
    /// (that skill compared), a listed skill (its ladder), role (its skills) or level (which role at it).</summary>
    public static CardAction ForItem(Answer answer, AnswerItem item) => item switch
    {
        ProfileItem p when answer is { Intent: Intent.CompareRoles, CompareRole: { } other } =>
            CardAction.Move(p.Skill, answer.Role!, answer.Level!, other, answer.CompareTo ?? answer.Level!),
        ProfileItem p => CardAction.Answer(p.Skill, answer.Role, answer.Level),
        LadderItem l => CardAction.Answer(answer.Skill, l.Role, l.Level),
        SkillListItem s => CardAction.Answer(s.Skill, null, null),
        RoleListItem r => CardAction.Listing("skills", role: r.Role),
        LevelListItem l => CardAction.Answer(null, null, l.Level),
        _ => throw new ArgumentOutOfRangeException(nameof(item)),
    };

    /// <summary>What a catalogue answer lists ("skills", "roles", "levels"), by its items; a narrowed list with none is of skills.</summary>
    public static string? ListOf(Answer answer) => answer.Items.FirstOrDefault() switch
    {
        SkillListItem => "skills",
        RoleListItem => "roles",
        LevelListItem => "levels",
        _ => answer.Intent == Intent.Catalogue && (answer.Role ?? answer.Domain) is not null ? "skills" : null,
    };

    /// <summary>The options of a clarify answer, the suggestions of not_found, the examples of help.</summary>
    public static IReadOnlyList<Move> Choices(Answer answer)
    {
        switch (answer.Intent)
        {
            case Intent.Clarify when answer.Clarify is { } clarify:
                return clarify.Options.Select(option => new Move(option, clarify.Missing switch
                {
                    Missing.Role => CardAction.Answer(answer.Skill, option, answer.Level, answer.CompareTo),
                    Missing.Level when answer.CompareRole is { } other => CardAction.Move(answer.Skill, answer.Role!, option, other, option),
                    Missing.Level => CardAction.Answer(answer.Skill, answer.Role, option),
                    _ => CardAction.Answer(option, answer.Role, answer.Level, answer.CompareTo),
                })).ToList();
            case Intent.NotFound when answer.Skill is not null:
                // The skill exists but not for that role: the suggestions are the skill's roles.
                return answer.Suggestions.Select(role => new Move(role, CardAction.Answer(answer.Skill, role, answer.Level))).ToList();
            case Intent.NotFound:
                return answer.Suggestions.Select(name => new Move(name,
                    CardAction.Ask(string.Join(", ", new[] { name, answer.Role, answer.Level }.OfType<string>())))).ToList();
            case Intent.Help:
                return answer.Suggestions.Select(example => new Move(example, CardAction.Ask(example))).ToList();
            default:
                return [];
        }
    }

    /// <summary>A button on an answer that is not in English carries its language, so what it asks for is answered in it too.</summary>
    public static CardAction InLanguage(Answer answer, CardAction action) =>
        answer.Language == LanguageSet.DefaultCode || action.Verb == CardAction.AskVerb ? action : action with { Language = answer.Language };

    public static IReadOnlyList<Move> InLanguage(Answer answer, IReadOnlyList<Move> moves) =>
        answer.Language == LanguageSet.DefaultCode ? moves : [.. moves.Select(m => m with { Action = InLanguage(answer, m.Action) })];

    private static int IndexOf(IReadOnlyList<string> levels, string level)
    {
        for (var i = 0; i < levels.Count; i++)
        {
            if (string.Equals(levels[i], level, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
