using SkillBot.Core.Answers;

namespace SkillBot.Cards.Adaptive;

/// <summary>
/// How an answer is listed in Teams' compose-box search: a title, a subtitle and a short text, above the card that
/// is inserted when the item is picked. A rendering like the card itself, cut the way every renderer cuts text.
/// </summary>
public sealed record SearchPreview(string Title, string? Subtitle, string Text)
{
    public const int MaxText = 200;

    public static SearchPreview Of(Answer answer)
    {
        if (answer.CompareRole is { } other && answer.Intent == Intent.CompareRoles)
        {
            // A lateral move: the two roles, each at its own level.
            return new SearchPreview(
                string.Join(" · ", new[] { answer.Skill, $"{answer.Role} → {other}" }.OfType<string>()),
                $"{answer.Level} → {answer.CompareTo}",
                TextFit.Fit(answer.Next?.Description ?? answer.Message, MaxText));
        }
        var title = string.Join(" · ", new[] { answer.Skill, answer.Role, answer.Level }.OfType<string>());
        return new SearchPreview(
            title.Length > 0 ? title : answer.Message,
            answer.Next is { } next ? $"{answer.Current?.Level} → {next.Level}" : answer.Domain,
            TextFit.Fit(answer.Current?.Description ?? answer.Message, MaxText));
    }
}
