using Microsoft.Extensions.Options;
using SkillBot.Hosting;

namespace SkillBot.Slack.SocketMode;

/// <summary>
/// The <c>Slack:SocketMode</c> settings: how long each step of a link may take, and how reconnects are paced.
/// Times are time spans (<c>00:00:10</c>).
/// </summary>
public sealed class SocketModeOptions
{
    public const string Section = "Slack:SocketMode";

    /// <summary>The WebSocket upgrade must be answered within this, or the link is given up and reopened.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Slack's <c>hello</c> must arrive within this after the upgrade.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often SkillBot pings Slack, so that a half-open link is noticed.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A ping not answered within this means the link is dead: it is reopened.</summary>
    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The pause after a first failure; it doubles (jittered) with each failure in a row.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest pause after links that failed (dropped, timed out, Slack unreachable).</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest pause when Slack refused the link (too many connections, rate limited, Socket Mode turned off, a
    /// refused app token): retrying sooner cannot help, and apps.connections.open is rate-limited.
    /// </summary>
    public TimeSpan MaxRefusedReconnectDelay { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Refuses a timing that cannot work at startup, naming the setting.</summary>
public sealed class SocketModeOptionsValidator : IValidateOptions<SocketModeOptions>
{
    public ValidateOptionsResult Validate(string? name, SocketModeOptions options)
    {
        var problems = new List<string>();
        foreach (var (key, value) in new[]
                 {
                     (nameof(options.ConnectTimeout), options.ConnectTimeout), (nameof(options.HelloTimeout), options.HelloTimeout),
                     (nameof(options.PingInterval), options.PingInterval), (nameof(options.PongTimeout), options.PongTimeout),
                     (nameof(options.ReconnectDelay), options.ReconnectDelay), (nameof(options.MaxReconnectDelay), options.MaxReconnectDelay),
                     (nameof(options.MaxRefusedReconnectDelay), options.MaxRefusedReconnectDelay),
                 })
        {
            if (value <= TimeSpan.Zero)
            {
                problems.Add($"{SocketModeOptions.Section}:{key} must be a time above zero, e.g. 00:00:10.");
            }
        }
        if (problems.Count == 0 && options.MaxReconnectDelay < options.ReconnectDelay)
        {
            problems.Add($"{SocketModeOptions.Section}:MaxReconnectDelay must be at least {SocketModeOptions.Section}:ReconnectDelay.");
        }
        if (problems.Count == 0 && options.MaxRefusedReconnectDelay < options.MaxReconnectDelay)
        {
            problems.Add($"{SocketModeOptions.Section}:MaxRefusedReconnectDelay must be at least {SocketModeOptions.Section}:MaxReconnectDelay.");
        }
        return Settings.Result(problems);
    }
}
