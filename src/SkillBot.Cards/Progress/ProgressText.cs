using System.Text;
using SkillBot.Core.Progress;

namespace SkillBot.Cards.Progress;

/// <summary>Progress as plain text: the card's fallback, the web chat's text, the command line's.</summary>
public static class ProgressText
{
    public static string Render(ProgressReply reply)
    {
        var labels = Labels.For(reply.Language);
        var text = new StringBuilder();
        if (reply.Checklist is { } checklist)
        {
            text.AppendLine(ProgressLabels.Title(labels, checklist));
        }
        text.AppendLine(reply.Message);
        foreach (var item in reply.Checklist?.Items ?? [])
        {
            text.Append("- ").Append(ProgressLabels.Status(labels, item.Mark)).Append(" · ").Append(item.Skill).Append(": ").AppendLine(item.Expectation);
            if (item.Mark is { Evidence.Length: > 0 } mark)
            {
                text.Append("  ").Append(labels["progress.evidenceOf"]).AppendLine(mark.Evidence.ReplaceLineEndings(" "));
            }
            if (item.ChangedSinceMarked)
            {
                text.Append("  ").AppendLine(labels["progress.changed"]);
            }
        }
        if (reply.Form is { } form)
        {
            text.Append(form.Skill).Append(" · ").Append(form.Role).Append(" · ").Append(form.Level).Append(": ").AppendLine(form.Expectation);
        }
        return text.ToString().TrimEnd();
    }
}
