using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SkillBot.Core.Languages;
using SkillBot.Hosting;

namespace SkillBot.Limits;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Questions one user may ask per minute.</summary>
    public int PerUserPerMinute { get; set; } = 30;

    /// <summary>Questions one workspace (Slack team, Teams tenant) may ask per minute, all users together.</summary>
    public int PerWorkspacePerMinute { get; set; } = 600;

    /// <summary>Questions one client address may ask per minute on the answer API and the web chat, whatever users it names.</summary>
    public int PerClientAddressPerMinute { get; set; } = 120;
}

public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var problems = new List<string>();
        foreach (var (key, value) in new[]
                 {
                     (nameof(options.PerUserPerMinute), options.PerUserPerMinute),
                     (nameof(options.PerWorkspacePerMinute), options.PerWorkspacePerMinute),
                     (nameof(options.PerClientAddressPerMinute), options.PerClientAddressPerMinute),
                 })
        {
            if (value <= 0)
            {
                problems.Add($"{RateLimitOptions.Section}:{key} must be a positive number");
            }
        }
        return Settings.Result(problems);
    }
}

/// <summary>
/// Limits how fast one user, one workspace and one client address can make SkillBot work: a sliding window
/// per user, per workspace and per address. A limited user is told so in chat by the channel, never met with silence.
/// </summary>
public sealed class ChatRateLimiter : IDisposable
{
    /// <summary>The message a limited user gets, from the languages' files, in the language they wrote in.</summary>
    public const string FriendlyMessageKey = "rateLimited";

    /// <summary>That message in English.</summary>
    public static string FriendlyMessage => LanguageSet.BuiltIn.Default.Text(FriendlyMessageKey);

    /// <summary>Seconds until every question counted now has left the window (permits come back every 10 s before that).</summary>
    public const int RetryAfterSeconds = 60;

    private readonly PartitionedRateLimiter<string> _users;
    private readonly PartitionedRateLimiter<string> _workspaces;
    private readonly PartitionedRateLimiter<string> _addresses;

    public ChatRateLimiter(IOptions<RateLimitOptions> options)
    {
        _users = Create(options.Value.PerUserPerMinute);
        _workspaces = Create(options.Value.PerWorkspacePerMinute);
        _addresses = Create(options.Value.PerClientAddressPerMinute);
    }

    /// <summary>
    /// For channels where the caller names its own user (the answer API, the web chat): the client's address is
    /// limited too, so a new user value on each request gains nothing. Counts the question when it may ask.
    /// </summary>
    public bool TryAcquireFromClient(IPAddress? address, string user)
    {
        using var lease = _addresses.AttemptAcquire(AddressKey(address));
        return lease.IsAcquired && TryAcquire(user);
    }

    /// <summary>An IPv6 host can take any address of its /64 network, so the network is the client; IPv4 is the address.</summary>
    private static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var network = address.GetAddressBytes();
        Array.Clear(network, 8, 8);
        return new IPAddress(network) + "/64";
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
        _addresses.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int perMinute)
    {
        // One limiter factory for every partition: the partitioner runs on every question, and a lambda made inside it
        // (GetSlidingWindowLimiter wraps its options factory in one) would be a new delegate and closure each time.
        var options = new SlidingWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
            // The partitioned limiter replenishes every partition from its one timer (as GetSlidingWindowLimiter arranges), not one timer each.
            AutoReplenishment = false,
        };
        Func<string, RateLimiter> newLimiter = _ => new SlidingWindowRateLimiter(options);
        return PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.Get(key, newLimiter));
    }
}
