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
            _ => null,
        };
        Subtitle = string.Join(" · ", new[] { answer.Role, answer.Domain }.OfType<string>());
        var catalogue = labels.Format("catalogue", answer.CatalogueVersion);
        Footer = answer.Updated is { } updated
            ? $"{labels.Format("updated", updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))} · {catalogue}"
            : catalogue;
        NextLevel = Above(answer.Ladder.Levels, answer.Level);
        // Every button answers in the language of the answer it is on.
        Steps = Navigation.InLanguage(answer, Navigation.Steps(answer, labels));
        RoleSwitches = Navigation.InLanguage(answer, Navigation.RoleSwitches(answer));
        Picker = Navigation.Picker(answer, labels) is { } picker ? picker with { Action = Navigation.InLanguage(answer, picker.Action) } : null;
        var (up, down) = Navigation.Feedback(answer);
        Feedback = (up with { Action = Navigation.InLanguage(answer, up.Action) }, down with { Action = Navigation.InLanguage(answer, down.Action) });
        Choices = Navigation.InLanguage(answer, Navigation.Choices(answer));
        PageUrl = links.For(answer);
    }

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

    public LevelPicker? Picker { get; }

    /// <summary>The "was this useful?" pair.</summary>
    public (Move Up, Move Down) Feedback { get; }

    /// <summary>The options of a clarify answer, the suggestions of not_found, the examples of help.</summary>
    public IReadOnlyList<Move> Choices { get; }

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
