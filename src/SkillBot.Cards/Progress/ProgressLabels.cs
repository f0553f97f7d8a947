using System.Text.Json;
using SkillBot.Core.Progress;

namespace SkillBot.Cards.Progress;

/// <summary>The words every progress rendering shares (the <c>progress.*</c> labels), so Slack, Teams, the web chat and text say the same.</summary>
public static class ProgressLabels
{
    public static string Status(Labels labels, ProgressMark? mark) => labels[mark?.Status switch
    {
        ProgressStatus.Met => "progress.status.met",
        ProgressStatus.WorkingOn => "progress.status.working",
        _ => "progress.status.none",
    }];

    public static string Title(Labels labels, Checklist checklist)
    {
        var title = labels.Format("progress.title", checklist.Level, checklist.Role);
        return checklist.OnlySkill is null ? title : labels.Format("progress.titleOfSkill", title, checklist.OnlySkill);
    }

    /// <summary>A progress action as the JSON a button carries.</summary>
    public static string Value(ProgressAction action) => JsonSerializer.Serialize(action, ProgressActionJsonContext.Default.ProgressAction);
}
