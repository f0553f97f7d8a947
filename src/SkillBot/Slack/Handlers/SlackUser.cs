using SkillBot.Core.Conversation;

namespace SkillBot.Slack.Handlers;

/// <summary>Who asks in Slack: user ids are unique per team, so the team is the workspace.</summary>
public static class SlackUser
{
    public const string Channel = "slack";

    /// <summary>A missing team stays an empty workspace, so the person keeps the context key they had ("slack::U1").</summary>
    public static ChatUser Of(string? team, string user) => new(Channel, team ?? "", user);
}
