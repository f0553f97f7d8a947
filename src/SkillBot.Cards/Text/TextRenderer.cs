using System.Text;
using SkillBot.Cards.Pages;
using SkillBot.Core.Answers;

namespace SkillBot.Cards.Text;

/// <summary>The answer as plain text for a terminal or a notification: wrapped to 80 columns, levels clearly marked.</summary>
public static class TextRenderer
{
    public const int Width = 80;

    public static string Render(Answer answer, PageLinks? links = null) => Render(AnswerView.Of(answer, links));

    internal static string Render(AnswerView view)
    {
        var (answer, labels) = (view.Answer, view.Labels);
        var text = new StringBuilder();
        var header = string.Join(" · ", new[] { answer.Skill, answer.Role, answer.Domain }.OfType<string>());
        if (header.Length > 0)
        {
            text.AppendLine(header);
        }
        Wrap(text, answer.Message, "");

        switch (answer.Intent)
        {
            case Intent.Expectation or Intent.Compare:
                var compare = answer.Intent == Intent.Compare;
                Level(text, labels, answer.Current, compare ? labels["from"] : labels["current"], answer.Level);
                if (answer.Next is { } next)
                {
                    Level(text, labels, next, compare ? labels["goal"] : labels["next"], next.Level);
                    var added = next.Segments?.Where(s => s.Added).Select(s => s.Text.Trim()).Where(s => s.Length > 0).ToList();
                    if (added is { Count: > 0 } && next.Segments!.Any(s => !s.Added))
                    {
                        Wrap(text, labels.Format("newAtNext", labels.Level(next.Level)) + ": " + string.Join(" … ", added), "  ");
                    }
                }
                else if (!compare && answer.Current is not null && answer.Level is not null)
                {
                    text.AppendLine();
                    Wrap(text, labels.Format("topOfLadder", labels.Level(answer.Level)), "  ");
                }
                break;
            case Intent.RoleProfile:
                foreach (var item in answer.Items.OfType<ProfileItem>())
                {
                    text.AppendLine().AppendLine($"## {item.Skill} ({item.Domain})");
                    Level(text, labels, item.Current, labels["current"], answer.Level);
                    if (item.Next is not null)
                    {
                        Level(text, labels, item.Next, labels["next"], item.Next.Level);
                    }
                }
                break;
            case Intent.SkillOverview:
                foreach (var role in answer.Items.OfType<LadderItem>().GroupBy(i => i.Role))
                {
                    text.AppendLine().AppendLine($"## {role.Key}");
                    foreach (var item in role)
                    {
                        Level(text, labels, new LevelExpectation(item.Level, item.Necessity, item.Description, null), null, item.Level);
                    }
                }
                break;
            case Intent.Clarify when answer.Clarify is { } clarify:
                text.AppendLine();
                foreach (var option in clarify.Options)
                {
                    text.AppendLine($"  - {option}");
                }
                break;
        }

        if (answer.Suggestions.Count > 0)
        {
            text.AppendLine();
            foreach (var suggestion in answer.Suggestions)
            {
                Wrap(text, "- " + suggestion, "  ");
            }
        }
        if (view.PageUrl is { } url)
        {
            text.AppendLine().AppendLine($"{labels["openInBrowser"]}: {url}");
        }
        text.AppendLine().AppendLine(view.Footer);
        return text.ToString();
    }

    /// <summary>A level's heading line ("▶ Next level: Lead · Optional") and its text, indented.</summary>
    private static void Level(StringBuilder text, Labels labels, LevelExpectation? expectation, string? mark, string? levelName)
    {
        text.AppendLine();
        var level = labels.Level(levelName ?? "");
        var heading = mark is null ? $"▶ {level}" : $"▶ {mark}: {level}";
        if (expectation is null)
        {
            text.AppendLine(heading);
            Wrap(text, labels["noExpectation"], "  ");
            return;
        }
        text.AppendLine($"{heading} · {labels.Necessity(expectation.Necessity)}");
        Wrap(text, expectation.Description, "  ");
    }

    /// <summary>
    /// Word-wraps at <see cref="Width"/> columns with an indent on every line. A run longer than a line (Chinese is
    /// written without spaces) is cut where the line ends.
    /// </summary>
    private static void Wrap(StringBuilder text, string paragraph, string indent)
    {
        var line = new StringBuilder(indent);
        var room = Width - indent.Length;
        foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => w.Length <= room ? [w] : w.Chunk(room).Select(c => new string(c))))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > Width)
            {
                text.AppendLine(line.ToString());
                line.Clear().Append(indent);
            }
            if (line.Length > indent.Length)
            {
                line.Append(' ');
            }
            line.Append(word);
        }
        if (line.Length > indent.Length)
        {
            text.AppendLine(line.ToString());
        }
    }
}
