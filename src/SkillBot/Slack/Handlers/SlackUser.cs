namespace SkillBot.Slack.Handlers;

/// <summary>The core's per-user context key: Slack user ids are unique per team, so the key has both.</summary>
public static class SlackUser
{
    public static string Key(string? team, string user) => $"slack:{team}:{user}";
}
