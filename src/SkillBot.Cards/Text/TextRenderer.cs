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
        var track = answer.Track is { } name && answer.Role is not null ? labels.Format("track", name) : null;
        var header = answer.Intent switch
        {
            Intent.CompareRoles => string.Join(" · ", new[] { answer.Skill, view.Subtitle }.OfType<string>()),
            Intent.Catalogue => view.Title ?? "",
            _ => string.Join(" · ", new[] { answer.Skill, answer.Role, track, answer.Domain }.OfType<string>()),
        };
        if (header.Length > 0)
        {
            Wrap(text, header, "");
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
                    Wrap(text, view.TopOfLadder!, "  ");
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
            case Intent.CompareRoles when answer.Skill is not null:
                Level(text, labels, answer.Current, answer.Role, answer.Level);
                Level(text, labels, answer.Next, answer.CompareRole, answer.CompareTo);
                var asks = answer.Next?.Segments?.Where(s => s.Added).Select(s => s.Text.Trim()).Where(s => s.Length > 0).ToList();
                if (asks is { Count: > 0 } && answer.Next!.Segments!.Any(s => !s.Added))
                {
                    Wrap(text, $"{answer.CompareRole}: " + string.Join(" … ", asks), "  ");
                }
                break;
            case Intent.CompareRoles:
                foreach (var item in answer.Items.OfType<ProfileItem>())
                {
                    text.AppendLine().AppendLine($"## {item.Skill} ({item.Domain})");
                    Level(text, labels, item.Current, answer.Role, answer.Level);
                    Level(text, labels, item.Next, answer.CompareRole, answer.CompareTo);
                }
                break;
            case Intent.Catalogue:
                foreach (var group in view.Groups)
                {
                    text.AppendLine();
                    if (group.Heading is not null)
                    {
                        text.AppendLine($"## {group.Heading} ({Listing.Count(labels, group.Entries.Count)})");
                    }
                    foreach (var entry in group.Entries)
                    {
                        Wrap(text, entry.Detail is null ? $"- {entry.Name}" : $"- {entry.Name}: {entry.Detail}", "    ", "  ");
                    }
                }
                break;
            case Intent.SkillOverview:
                string? trackShown = null;
                foreach (var role in answer.Items.OfType<LadderItem>().GroupBy(i => i.Role))
                {
                    if (role.First().Track is { } onTrack && onTrack != trackShown)
                    {
                        text.AppendLine().AppendLine($"# {labels.Format("track", trackShown = onTrack)}");
                    }
                    text.AppendLine().AppendLine($"## {role.Key}");
                    foreach (var item in role)
                    {
                        Level(text, labels, new LevelExpectation(item.Level, item.Necessity, item.Description, null) { Examples = item.Examples }, null, item.Level);
                    }
                }
                break;
            case Intent.Changes:
                foreach (var change in answer.Items.OfType<ChangeItem>())
                {
                    text.AppendLine().AppendLine($"## {view.ChangeHeading(change)}");
                    foreach (var value in new[] { view.ChangeBefore(change), view.ChangeAfter(change) }.OfType<string>())
                    {
                        Wrap(text, value, "  ");
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

        if (view.Owners is { } owners)
        {
            text.AppendLine();
            Wrap(text, owners, "");
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
        if (expectation.Examples.Count > 0)
        {
            text.AppendLine($"  {labels["inPractice"]}:");
            foreach (var example in expectation.Examples)
            {
                Wrap(text, "• " + example, "    ");
            }
        }
    }

    /// <summary>
    /// Word-wraps at <see cref="Width"/> columns with an indent on every line (the first line's own, if given). A run
    /// longer than a line (Chinese is written without spaces) is cut where the line ends.
    /// </summary>
    private static void Wrap(StringBuilder text, string paragraph, string indent, string? first = null)
    {
        var line = new StringBuilder(first ?? indent);
        var start = line.Length;
        var room = Width - Math.Max(indent.Length, start);
        foreach (var word in paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => w.Length <= room ? [w] : w.Chunk(room).Select(c => new string(c))))
        {
            if (line.Length > start && line.Length + 1 + word.Length > Width)
            {
                text.AppendLine(line.ToString());
                line.Clear().Append(indent);
                start = indent.Length;
            }
            if (line.Length > start)
            {
                line.Append(' ');
            }
            line.Append(word);
        }
        if (line.Length > start)
        {
            text.AppendLine(line.ToString());
        }
    }
}
