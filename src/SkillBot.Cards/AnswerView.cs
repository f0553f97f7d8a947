using System.Globalization;
using SkillBot.Cards.Pages;
using SkillBot.Core.Answers;

namespace SkillBot.Cards;

/// <summary>
/// The answer as every rendering sees it, computed once from the answer and the labels of its language:
/// the title, subtitle and footer each channel shows, the level above the asked one, and the moves it
/// offers (see <see cref="Navigation"/>). The Adaptive Card, Block Kit and text renderers read these
/// rather than each working them out, so every channel says and offers the same.
/// </summary>
public sealed class AnswerView
{
    private AnswerView(Answer answer, Labels labels, PageLinks links)
    {
        Answer = answer;
        Labels = labels;
        Title = answer.Intent switch
        {
            Intent.RoleProfile => $"{labels.Level(answer.Level ?? "")} {answer.Role}",
            Intent.Expectation or Intent.Compare or Intent.SkillOverview => answer.Skill ?? "",
            Intent.Changes => labels["changesTitle"],
            Intent.CompareRoles => answer.Skill ?? $"{answer.Role} → {answer.CompareRole}",
            Intent.Catalogue => string.Join(" · ", new[]
            {
                Navigation.ListOf(answer) switch { "skills" => labels["skills"], "roles" => labels["roles"], "levels" => labels["levels"], _ => "SkillBot" },
                answer.Role,
                answer.Domain,
            }.OfType<string>()),
            _ => null,
        };
        // The track where the catalogue has tracks: "Engineering Manager · Management track · Engineering".
        var track = answer.Track is { } name && answer.Role is not null ? labels.Format("track", name) : null;
        Subtitle = answer.Intent == Intent.CompareRoles
            ? string.Join(" · ", new[] { $"{Side(answer.Role, answer.Level)} → {Side(answer.CompareRole, answer.CompareTo)}", answer.Domain }.OfType<string>())
            : string.Join(" · ", new[] { answer.Role, track, answer.Domain }.OfType<string>());
        var catalogue = labels.Format("catalogue", answer.CatalogueVersion);
        Footer = answer.Updated is { } updated
            ? $"{labels.Format("updated", updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))} · {catalogue}"
            : catalogue;
        NextLevel = Above(answer.Ladder.Levels, answer.Level);
        // Every button answers in the language of the answer it is on.
        Steps = Navigation.InLanguage(answer, Navigation.Steps(answer, labels));
        RoleSwitches = Navigation.InLanguage(answer, Navigation.RoleSwitches(answer));
        TrackSwitches = Navigation.InLanguage(answer, Navigation.TrackSwitches(answer, labels));
        TopOfLadder = answer.Level is null
            ? null
            : answer.Track is { } top
                ? labels.Format("topOfTrack", labels.Level(answer.Level), top)
                : labels.Format("topOfLadder", labels.Level(answer.Level));
        Picker = Navigation.Picker(answer, labels) is { } picker ? picker with { Action = Navigation.InLanguage(answer, picker.Action) } : null;
        var (up, down) = Navigation.Feedback(answer);
        Feedback = (up with { Action = Navigation.InLanguage(answer, up.Action) }, down with { Action = Navigation.InLanguage(answer, down.Action) });
        Choices = Navigation.InLanguage(answer, Navigation.Choices(answer));
        AskOwner = Navigation.AskOwner(answer, labels) is { } ask ? ask with { Action = Navigation.InLanguage(answer, ask.Action) } : null;
        Owners = AskOwner is null ? null : labels.Format("owners", string.Join(", ", answer.Owners));
        PageUrl = links.For(answer);
        Groups = Listing.Groups(answer, labels);
    }

    /// <summary>One side of a lateral move as a heading: "Senior Data Scientist".</summary>
    public string Side(string? role, string? level) => $"{Labels.Level(level ?? "")} {role}".Trim();

    /// <summary>A catalogue answer's entries, in groups (a skill listing's domains), each entry with its move.</summary>
    public IReadOnlyList<ListGroup> Groups { get; }

    /// <param name="links">Where the catalogue pages are published; none: no "Open in browser".</param>
    public static AnswerView Of(Answer answer, PageLinks? links = null) => new(answer, Labels.For(answer.Language), links ?? PageLinks.None);

    public Answer Answer { get; }

    /// <summary>The words around the catalogue's text, in the question's language.</summary>
    public Labels Labels { get; }

    /// <summary>What the answer is about (the skill, or level and role of a profile); null for clarify, not_found and help.</summary>
    public string? Title { get; }

    /// <summary>Role and domain, as far as the answer has them.</summary>
    public string Subtitle { get; }

    /// <summary>When the skill was last updated, and the catalogue's version.</summary>
    public string Footer { get; }

    /// <summary>The ladder's level above the asked one, if there is one.</summary>
    public string? NextLevel { get; }

    /// <summary>Up and down the ladder, and compare.</summary>
    public IReadOnlyList<Move> Steps { get; }

    /// <summary>The same question for each other role.</summary>
    public IReadOnlyList<Move> RoleSwitches { get; }

    /// <summary>The same skill on each other track (a role of that track), where the skill or catalogue has one.</summary>
    public IReadOnlyList<Move> TrackSwitches { get; }

    /// <summary>What an expectation at the top says instead of a next level: of the ladder, or of the answer's track.</summary>
    public string? TopOfLadder { get; }

    public LevelPicker? Picker { get; }

    /// <summary>The "was this useful?" pair.</summary>
    public (Move Up, Move Down) Feedback { get; }

    /// <summary>The options of a clarify answer, the suggestions of not_found, the examples of help.</summary>
    public IReadOnlyList<Move> Choices { get; }

    /// <summary>A change's kind and place, as its heading: "Changed · Deep Learning · Data Scientist · Senior".</summary>
    public string ChangeHeading(ChangeItem change) =>
        string.Join(" · ", new[]
        {
            Labels[change.Change switch { Change.Added => "change.added", Change.Removed => "change.removed", _ => "change.changed" }],
            change.Skill, change.Role, change.Level is null ? null : Labels.Level(change.Level),
        }.OfType<string>());

    /// <summary>A change's old value; labelled "Before:" only beside a new one (what was added or removed needs no label).</summary>
    public string? ChangeBefore(ChangeItem change) =>
        change.Before is null ? null : change.After is null ? change.Before : Labels.Format("change.value", Labels["before"], change.Before);

    public string? ChangeAfter(ChangeItem change) =>
        change.After is null ? null : change.Before is null ? change.After : Labels.Format("change.value", Labels["after"], change.After);

    /// <summary>"Ask an owner": the question and this answer sent to the skill's owners; null when the answer is not about a skill with owners.</summary>
    public Move? AskOwner { get; }

    /// <summary>Who the skill's owners are ("Ask an owner: …"), shown beside <see cref="AskOwner"/>; null without it.</summary>
    public string? Owners { get; }
    /// <summary>"Open in browser": the catalogue page showing this answer, when the pages have a public URL.</summary>
    public string? PageUrl { get; }

    /// <summary>One move per role-profile item or ladder rung: its own expectation.</summary>
    public CardAction ForItem(AnswerItem item) => Navigation.InLanguage(Answer, Navigation.ForItem(Answer, item));

    private static string? Above(IReadOnlyList<string> levels, string? level)
    {
        for (var i = 0; i + 1 < levels.Count; i++)
        {
            if (levels[i] == level)
            {
                return levels[i + 1];
            }
        }
        return null;
    }
}
