using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SkillBot.SharedState;

public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string (e.g. "localhost:6379"). Unset: state stays in this process's memory.</summary>
    public string? Connection { get; set; }
}

/// <summary>
/// The Redis that replicas share state through, when one is configured. The connection heals itself in
/// the background; while it is down, callers fall back to memory (<see cref="Database"/> is null), which
/// is logged once as a warning and counted, and logged again when Redis is back.
/// </summary>
public sealed partial class SharedStore : IDisposable
{
    private readonly ConnectionMultiplexer? _redis;
    private readonly ILogger<SharedStore> _logger;
    private int _degraded;

    public SharedStore(IOptions<RedisOptions> options, ILogger<SharedStore> logger)
    {
        _logger = logger;
        if (string.IsNullOrWhiteSpace(options.Value.Connection))
        {
            return;
        }
        var configuration = ConfigurationOptions.Parse(options.Value.Connection);
        configuration.AbortOnConnectFail = false; // start without Redis and connect when it comes
        configuration.ConnectTimeout = 2000;
        configuration.SyncTimeout = 500;          // a slow Redis must not hold up an answer for long
        configuration.AsyncTimeout = 500;
        configuration.ConnectRetry = 1;
        _redis = ConnectionMultiplexer.Connect(configuration);
    }

    public bool IsConfigured => _redis is not null;

    /// <summary>The shared database, or null when Redis is not configured or not reachable right now.</summary>
    public IDatabase? Database
    {
        get
        {
            if (_redis is null)
            {
                return null;
            }
            if (!_redis.IsConnected)
            {
                Degraded("not connected");
                return null;
            }
            if (Interlocked.Exchange(ref _degraded, 0) == 1)
            {
                LogRecovered();
            }
            return _redis.GetDatabase();
        }
    }

    public bool IsHealthy => _redis is { IsConnected: true };

    /// <summary>The connected primaries, to SCAN keys by prefix; none when Redis is not configured or not reachable.</summary>
    public IEnumerable<IServer> Primaries() =>
        _redis is { IsConnected: true } redis ? redis.GetServers().Where(s => s.IsConnected && !s.IsReplica) : [];

    /// <summary>Redis pub/sub, for messages to every replica; null when Redis is not configured.</summary>
    public ISubscriber? Subscriber => _redis?.GetSubscriber();

    /// <summary>A Redis call failed: the caller uses memory this time.</summary>
    public void Failed(Exception error) => Degraded(error.GetType().Name);

    public void Dispose() => _redis?.Dispose();

    private void Degraded(string why)
    {
        SkillBotMetrics.RecordDegraded("redis");
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            LogDegraded(why);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unavailable ({Why}): shared state falls back to this replica's memory until it returns")]
    private partial void LogDegraded(string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis is back: shared state is shared again")]
    private partial void LogRecovered();
}

/// <summary>Ready without Redis too (answers go on from memory), but Degraded and saying so while it is configured and unreachable.</summary>
public sealed class RedisHealthCheck(SharedStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!store.IsConfigured
            ? HealthCheckResult.Healthy("not configured: state in memory")
            : store.IsHealthy
                ? HealthCheckResult.Healthy("connected")
                : HealthCheckResult.Degraded("unreachable: state falls back to memory"));
}
