namespace SkillBot.Core.Conversation;

/// <summary>
/// A person as a channel knows them: the channel ("slack", "teams", "api", "webchat"), the workspace their id is
/// unique in (a Slack team, a Teams tenant; null where ids are global), and the id. Typed, so nothing parses a key back.
/// </summary>
public sealed record ChatUser(string Channel, string? Workspace, string Id)
{
    /// <summary>The key their context and their rate limit are kept under ("slack:T1:U7", "api:ann"); built once.</summary>
    public string Key { get; } = Workspace is null ? $"{Channel}:{Id}" : $"{Channel}:{Workspace}:{Id}";

    /// <summary>The key all users of their workspace share a rate limit under ("slack:T1"); null where there is none.</summary>
    public string? WorkspaceKey => Workspace is null ? null : $"{Channel}:{Workspace}";
}
