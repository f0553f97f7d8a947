using System.Text.Json;
using SkillBot.Core.Progress;

namespace SkillBot.Cards.Progress;

/// <summary>The words every progress rendering shares, so Slack, Teams, the web chat and text say the same.</summary>
public static class ProgressLabels
{
    public const string Changed = "⚠ This expectation changed since you marked it.";
    public const string Share = "Share in this conversation";
    public const string Mark = "Mark progress";
    public const string Save = "Save";
    public const string MetLabel = "Met";
    public const string WorkingLabel = "Working on it";
    public const string RemoveLabel = "Not marked (remove my mark)";
    public const string EvidenceLabel = "Evidence (a sentence, optionally a link)";
    public const string ForgetYes = "Yes, delete my data";
    public const string OtherLevel = "Another target level";

    public static string Status(ProgressMark? mark) => mark?.Status switch
    {
        ProgressStatus.Met => "✅ Met",
        ProgressStatus.WorkingOn => "🔶 Working on it",
        _ => "⬜ Not marked",
    };

    public static string Title(Checklist checklist) =>
        $"Toward {checklist.Level} {checklist.Role}" + (checklist.OnlySkill is null ? "" : $": {checklist.OnlySkill}");

    /// <summary>A progress action as the JSON a button carries.</summary>
    public static string Value(ProgressAction action) => JsonSerializer.Serialize(action, ProgressActionJsonContext.Default.ProgressAction);
}
