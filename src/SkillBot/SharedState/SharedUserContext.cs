using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SkillBot.Core.Conversation;
using StackExchange.Redis;

namespace SkillBot.SharedState;

/// <summary>
/// Per-user context shared by replicas through Redis (sliding expiry), so a follow-up answered by another
/// replica still knows what the user said. Always kept in memory too: while Redis is down, memory answers.
/// </summary>
public sealed class SharedUserContext(SharedStore store, ConversationMemory memory, IOptions<ConversationMemoryOptions> options) : IUserContextStore
{
    private readonly TimeSpan _expiry = options.Value.SlidingExpiration;

    private const string Prefix = "skillbot:context:";

    public async ValueTask<UserContext?> RecallAsync(string user, CancellationToken cancellationToken)
    {
        if (store.Database is { } redis)
        {
            try
            {
                return Read(await redis.StringGetSetExpiryAsync(Prefix + user, _expiry)) ?? memory.Recall(user);
            }
            catch (Exception e) when (IsRedisFailure(e))
            {
                store.Failed(e);
            }
        }
        return memory.Recall(user);
    }

    public async ValueTask RememberAsync(string user, UserContext context, CancellationToken cancellationToken)
    {
        memory.Remember(user, context);
        if (store.Database is { } redis)
        {
            try
            {
                await redis.StringSetAsync(Prefix + user, Write(context), _expiry);
            }
            catch (Exception e) when (IsRedisFailure(e))
            {
                store.Failed(e);
            }
        }
    }

    /// <summary>Forgets in memory and in Redis; a Redis that is down keeps the copy until its expiry, which is logged.</summary>
    public async ValueTask ForgetAsync(string user, CancellationToken cancellationToken)
    {
        memory.Forget(user);
        if (store.Database is { } redis)
        {
            try
            {
                await redis.KeyDeleteAsync(Prefix + user);
            }
            catch (Exception e) when (IsRedisFailure(e))
            {
                store.Failed(e);
            }
        }
    }

    internal static bool IsRedisFailure(Exception e) => e is RedisException or TimeoutException or JsonException;

    private static UserContext? Read(RedisValue value) =>
        value.HasValue ? JsonSerializer.Deserialize((string)value!, SharedStateJsonContext.Default.UserContext) : null;

    private static string Write(UserContext context) => JsonSerializer.Serialize(context, SharedStateJsonContext.Default.UserContext);
}

[JsonSerializable(typeof(UserContext))]
internal sealed partial class SharedStateJsonContext : JsonSerializerContext;
