using System.Text;
using SkillBot.Core.Answers;

namespace SkillBot.Cards.Text;

/// <summary>The answer as plain text for a terminal or a notification: wrapped to 80 columns, levels clearly marked.</summary>
public static class TextRenderer
{
    public const int Width = 80;

    public static string Render(Answer answer)
    {
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
                Level(text, answer.Current, answer.Intent == Intent.Compare ? "from" : "current", answer.Level);
                if (answer.Next is { } next)
                {
                    Level(text, next, answer.Intent == Intent.Compare ? "goal" : "next", next.Level);
                    var added = next.Segments?.Where(s => s.Added).Select(s => s.Text.Trim()).Where(s => s.Length > 0).ToList();
                    if (added is { Count: > 0 })
                    {
                        Wrap(text, "New at " + next.Level + ": " + string.Join(" … ", added), "  ");
                    }
                }
                else if (answer.Intent == Intent.Expectation && answer.Current is not null)
                {
                    text.AppendLine().AppendLine("  (top of the ladder)");
                }
                break;
            case Intent.RoleProfile:
                foreach (var item in answer.Items.OfType<ProfileItem>())
                {
                    text.AppendLine().AppendLine($"## {item.Skill} ({item.Domain})");
                    Level(text, item.Current, "current", answer.Level);
                    if (item.Next is not null)
                    {
                        Level(text, item.Next, "next", item.Next.Level);
                    }
                }
                break;
            case Intent.SkillOverview:
                foreach (var role in answer.Items.OfType<LadderItem>().GroupBy(i => i.Role))
                {
                    text.AppendLine().AppendLine($"## {role.Key}");
                    foreach (var item in role)
                    {
                        Level(text, new LevelExpectation(item.Level, item.Necessity, item.Description, null), null, item.Level);
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
        if (answer.Updated is { } updated)
        {
            text.AppendLine().AppendLine($"Updated {updated:yyyy-MM-dd} · catalogue {answer.CatalogueVersion}");
        }
        return text.ToString();
    }

    private static void Level(StringBuilder text, LevelExpectation? expectation, string? mark, string? levelName)
    {
        text.AppendLine();
        var label = mark is null ? $"[{levelName}]" : $"[{levelName}] ({mark})";
        if (expectation is null)
        {
            text.AppendLine($"{label} no expectation at this level");
            return;
        }
        text.AppendLine($"{label} {expectation.Necessity.ToString().ToLowerInvariant()}");
        Wrap(text, expectation.Description, "  ");
    }

    /// <summary>Word-wraps at <see cref="Width"/> columns with an indent on every line.</summary>
    private static void Wrap(StringBuilder text, string paragraph, string indent)
    {
        var line = new StringBuilder(indent);
        foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
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
