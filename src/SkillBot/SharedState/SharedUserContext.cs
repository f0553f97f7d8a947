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

    /// <summary>Forgets a workspace in memory and in Redis: its keys found with SCAN (by prefix) on every primary, deleted in batches.</summary>
    public async ValueTask ForgetWorkspaceAsync(string workspaceKey, CancellationToken cancellationToken)
    {
        memory.ForgetWorkspace(workspaceKey);
        if (store.Database is not { } redis)
        {
            return;
        }
        try
        {
            var pattern = Prefix + GlobEscaped(workspaceKey) + ":*";
            foreach (var server in store.Primaries())
            {
                var batch = new List<RedisKey>(ScanPage);
                await foreach (var key in server.KeysAsync(redis.Database, pattern, ScanPage).WithCancellation(cancellationToken))
                {
                    batch.Add(key);
                    if (batch.Count == ScanPage)
                    {
                        await DeleteAsync(redis, batch);
                    }
                }
                await DeleteAsync(redis, batch);
            }
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            store.Failed(e);
        }
    }

    private const int ScanPage = 250;

    /// <summary>One DEL per key, pipelined: keys of one workspace may sit in different cluster slots.</summary>
    private static async Task DeleteAsync(IDatabase redis, List<RedisKey> keys)
    {
        await Task.WhenAll(keys.Select(key => redis.KeyDeleteAsync(key)));
        keys.Clear();
    }

    /// <summary>A workspace id taken literally in a SCAN MATCH pattern.</summary>
    private static string GlobEscaped(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"[\\*?\[\]]", @"\$0");

    internal static bool IsRedisFailure(Exception e) => e is RedisException or TimeoutException;

    /// <summary>Stored state that cannot be read (another version's, or damaged) is a fresh start, never a failed answer.</summary>
    internal static UserContext? Read(RedisValue value)
    {
        if (!value.HasValue)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize((string)value!, SharedStateJsonContext.Default.StoredContext)?.ToContext();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static string Write(UserContext context) =>
        JsonSerializer.Serialize(StoredContext.Of(context), SharedStateJsonContext.Default.StoredContext);
}

/// <summary>
/// A context as Redis holds it. Version 2 keeps version 1's top-level Skill, Role and Level, now the topic, so a replica
/// still on version 1 reads the topic and ignores the rest; version 1's state reads here as a topic with no person.
/// Version 3 adds the topic's CompareRole (a move's other role), which version 2 ignores and lacks (read as none).
/// </summary>
internal sealed record StoredContext(string? Skill, string? Role, string? Level)
{
    public const int CurrentVersion = 3;

    public int Version { get; init; } = 1;

    public string? CompareTo { get; init; }

    public bool Promotion { get; init; }

    public bool AboutSelf { get; init; }

    public bool AskedBack { get; init; }

    public Person? Person { get; init; }

    public string? CompareRole { get; init; }

    public static StoredContext Of(UserContext context) =>
        new(context.Topic?.Skill, context.Topic?.Role, context.Topic?.Level)
        {
            Version = CurrentVersion,
            CompareTo = context.Topic?.CompareTo,
            Promotion = context.Topic?.Promotion ?? false,
            AboutSelf = context.Topic?.AboutSelf ?? false,
            AskedBack = context.Topic?.AskedBack ?? false,
            Person = context.Person,
            CompareRole = context.Topic?.CompareRole,
        };

    public UserContext? ToContext()
    {
        var topic = (Skill ?? Role ?? Level) is null && !AskedBack
            ? null
            : new Topic(Skill, Role, Level, CompareTo) { Promotion = Promotion, AboutSelf = AboutSelf, AskedBack = AskedBack, CompareRole = CompareRole };
        var person = Person is { Role: null, Level: null } ? null : Person;
        return topic is null && person is null ? null : new UserContext(person, topic);
    }
}

[JsonSerializable(typeof(StoredContext))]
internal sealed partial class SharedStateJsonContext : JsonSerializerContext;
