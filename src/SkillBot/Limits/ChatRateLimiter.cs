using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SkillBot.Limits;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Questions one user may ask per minute.</summary>
    public int PerUserPerMinute { get; set; } = 30;

    /// <summary>Questions one workspace (Slack team, Teams tenant) may ask per minute, all users together.</summary>
    public int PerWorkspacePerMinute { get; set; } = 600;
}

/// <summary>
/// Limits how fast one user, and one workspace, can make SkillBot work: a sliding window per user and
/// per workspace. A limited user is told so in chat by the channel, never met with silence.
/// </summary>
public sealed class ChatRateLimiter : IDisposable
{
    public const string FriendlyMessage = "You're asking faster than I can keep up. Give me a minute and ask again.";

    private readonly PartitionedRateLimiter<string> _users;
    private readonly PartitionedRateLimiter<string> _workspaces;

    public ChatRateLimiter(IOptions<RateLimitOptions> options)
    {
        _users = Create(options.Value.PerUserPerMinute);
        _workspaces = Create(options.Value.PerWorkspacePerMinute);
    }

    /// <summary>True when the user (and their workspace, when known) may ask now; counts the question.</summary>
    public bool TryAcquire(string user, string? workspace = null)
    {
        using var lease = _users.AttemptAcquire(user);
        if (!lease.IsAcquired)
        {
            return false;
        }
        if (workspace is null)
        {
            return true;
        }
        using var workspaceLease = _workspaces.AttemptAcquire(workspace);
        return workspaceLease.IsAcquired;
    }

    public void Dispose()
    {
        _users.Dispose();
        _workspaces.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int perMinute) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
