using Microsoft.Extensions.Caching.Memory;
using SkillBot.Core.Conversation;

namespace SkillBot.SharedState;

/// <summary>
/// Where user context lives: this process's memory, or a store shared by replicas (the host's Redis store). Async only:
/// the host awaits it once before a turn and once after, never blocks a request thread on it.
/// </summary>
public interface IUserContextStore
{
    ValueTask<UserContext?> RecallAsync(string user, CancellationToken cancellationToken);

    ValueTask RememberAsync(string user, UserContext context, CancellationToken cancellationToken);

    /// <summary>Drops what the user said about themselves ("forget me").</summary>
    ValueTask ForgetAsync(string user, CancellationToken cancellationToken);

    /// <summary>Drops the context of everyone in one workspace (<see cref="ChatUser.WorkspaceKey"/>, e.g. "slack:T1"): SkillBot was uninstalled there.</summary>
    ValueTask ForgetWorkspaceAsync(string workspaceKey, CancellationToken cancellationToken);
}

public sealed record ConversationMemoryOptions
{
    /// <summary>
    /// How many users are remembered at most. When full, a new user is not remembered until the cache's
    /// background compaction has forgotten the least recently used tenth.
    /// </summary>
    public int MaxUsers { get; init; } = 100_000;

    /// <summary>How long a user's context lives after their last question.</summary>
    public TimeSpan SlidingExpiration { get; init; } = TimeSpan.FromHours(12);
}

/// <summary>Per-user context in a size-limited memory cache with sliding expiry. Keys are channel-qualified user ids.</summary>
public sealed class ConversationMemory : IUserContextStore, IDisposable
{
    private readonly MemoryCache _cache;
    private readonly MemoryCacheEntryOptions _entryOptions;

    /// <param name="time">The clock expiry is measured by (tests pass a manual one); the system clock by default.</param>
    public ConversationMemory(ConversationMemoryOptions? options = null, TimeProvider? time = null)
    {
        options ??= new ConversationMemoryOptions();
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = options.MaxUsers,
            CompactionPercentage = 0.1,
            Clock = time is null ? null : new CacheClock(time),
        });
        _entryOptions = new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = options.SlidingExpiration };
    }

    /// <summary>This process's memory answers at once: the shared store falls back on it without waiting.</summary>
    public UserContext? Recall(string user) => _cache.TryGetValue(user, out UserContext? context) ? context : null;

    public void Remember(string user, UserContext context) => _cache.Set(user, context, _entryOptions);

    public ValueTask<UserContext?> RecallAsync(string user, CancellationToken cancellationToken) => ValueTask.FromResult(Recall(user));

    public ValueTask RememberAsync(string user, UserContext context, CancellationToken cancellationToken)
    {
        Remember(user, context);
        return ValueTask.CompletedTask;
    }

    public void Forget(string user) => _cache.Remove(user);

    public ValueTask ForgetAsync(string user, CancellationToken cancellationToken)
    {
        Forget(user);
        return ValueTask.CompletedTask;
    }

    public void ForgetWorkspace(string workspaceKey)
    {
        var prefix = workspaceKey + ":";
        foreach (var key in _cache.Keys)
        {
            if (key is string user && user.StartsWith(prefix, StringComparison.Ordinal))
            {
                _cache.Remove(user);
            }
        }
    }

    public ValueTask ForgetWorkspaceAsync(string workspaceKey, CancellationToken cancellationToken)
    {
        ForgetWorkspace(workspaceKey);
        return ValueTask.CompletedTask;
    }

    public void Dispose() => _cache.Dispose();

    /// <summary>MemoryCache reads time through its own clock interface.</summary>
    private sealed class CacheClock(TimeProvider time) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
