using StackExchange.Redis;

namespace SkillBot.SharedState;

/// <summary>
/// Ids of deliveries already taken (Slack event ids, Teams activity ids), so a retry is acknowledged but
/// not answered twice — across replicas through Redis (SET NX with a time to live), or in this process's
/// memory (the last <see cref="Capacity"/> ids) without it or while it is down.
/// </summary>
public sealed class SeenIds(SharedStore store)
{
    public const int Capacity = 10_000;

    /// <summary>Longer than any platform keeps retrying (Slack: about 5 minutes).</summary>
    public static readonly TimeSpan Remember = TimeSpan.FromMinutes(30);

    private const string Prefix = "skillbot:seen:";
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    /// <summary>
    /// True the first time an id is seen (by any replica, when Redis is shared). Seen here or in Redis means seen:
    /// a Redis that restarted empty (no persistence, or evicted under allkeys-lru) must not make a retry new again.
    /// </summary>
    public async ValueTask<bool> FirstTimeAsync(string id)
    {
        var local = FirstTimeHere(id);
        if (store.Database is { } redis)
        {
            try
            {
                // Set even when known here, so the other replicas learn it again after Redis lost it.
                var shared = await redis.StringSetAsync(Prefix + id, "1", Remember, When.NotExists);
                return local && shared;
            }
            catch (Exception e) when (SharedUserContext.IsRedisFailure(e))
            {
                store.Failed(e);
            }
        }
        return local;
    }

    /// <summary>
    /// Takes an id back when its delivery was not taken after all (its reply could not be queued), so a
    /// redelivery is answered. The id stays in the eviction order: if seen again it is forgotten a little early.
    /// </summary>
    public async ValueTask ForgetAsync(string id)
    {
        lock (_lock)
        {
            _ids.Remove(id);
        }
        if (store.Database is { } redis)
        {
            try
            {
                await redis.KeyDeleteAsync(Prefix + id);
            }
            catch (Exception e) when (SharedUserContext.IsRedisFailure(e))
            {
                store.Failed(e);
            }
        }
    }

    private bool FirstTimeHere(string id)
    {
        lock (_lock)
        {
            if (!_ids.Add(id))
            {
                return false;
            }
            _order.Enqueue(id);
            if (_order.Count > Capacity)
            {
                _ids.Remove(_order.Dequeue());
            }
            return true;
        }
    }
}
