using SkillBot.Core.Conversation;
using SkillBot.Owners;
using SkillBot.SharedState;
using StackExchange.Redis;

namespace SkillBot.Progress;

/// <summary>
/// "Forget me", and Slack's <c>app_uninstalled</c> / <c>tokens_revoked</c> for a workspace: everything kept about the
/// person (or everyone in the workspace) goes. Their remembered context (this replica's memory and Redis), a clarify
/// of theirs still waiting for the unanswered-question router, and their progress rows. Other replicas keep a copy of
/// the context in memory and clarifies of their own: a Redis pub/sub message tells every replica to drop those too.
/// A replica that misses the message (Redis down at that moment) drops its copy at the context's sliding expiry.
/// </summary>
public sealed class Forgetting(
    ProgressStore store,
    IUserContextStore contexts,
    ConversationMemory memory,
    UnansweredRouter unanswered,
    SharedStore shared,
    ILogger<Forgetting> logger) : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("skillbot:forget");
    private const string PersonNotice = "person:";
    private const string WorkspaceNotice = "workspace:";

    /// <summary>Forgets one person; the number of progress rows deleted. The database down: <see cref="ProgressUnavailableException"/>, after the rest is forgotten.</summary>
    public async Task<int> PersonAsync(ChatUser user, CancellationToken cancellationToken)
    {
        await contexts.ForgetAsync(user.Key, cancellationToken);
        unanswered.Forget(user.Key);
        await PublishAsync(PersonNotice + user.Key);
        return await store.ForgetAsync(user, cancellationToken);
    }

    /// <summary>Forgets everyone of one workspace; the number of progress rows deleted.</summary>
    public async Task<int> WorkspaceAsync(string channel, string workspace, CancellationToken cancellationToken)
    {
        var workspaceKey = new ChatUser(channel, workspace, "").WorkspaceKey!;
        await contexts.ForgetWorkspaceAsync(workspaceKey, cancellationToken);
        unanswered.ForgetWorkspace(workspaceKey);
        await PublishAsync(WorkspaceNotice + workspaceKey);
        return await store.ForgetWorkspaceAsync(channel, workspace, cancellationToken);
    }

    private async Task PublishAsync(string notice)
    {
        if (shared.Subscriber is not { } subscriber)
        {
            return;
        }
        try
        {
            await subscriber.PublishAsync(Channel, notice);
        }
        catch (Exception e) when (SharedUserContext.IsRedisFailure(e))
        {
            // No ids in the log: who asked to be forgotten is personal too.
            logger.LogWarning("Other replicas not told to forget ({Failure}): their in-memory copies expire with the context", e.GetType().Name);
            shared.Failed(e);
        }
    }

    /// <summary>What another replica (or this one: its own notice, harmlessly) asks every replica to forget.</summary>
    private void Received(RedisValue message)
    {
        var notice = (string?)message ?? "";
        if (notice.StartsWith(PersonNotice, StringComparison.Ordinal))
        {
            var user = notice[PersonNotice.Length..];
            memory.Forget(user);
            unanswered.Forget(user);
        }
        else if (notice.StartsWith(WorkspaceNotice, StringComparison.Ordinal))
        {
            var workspace = notice[WorkspaceNotice.Length..];
            memory.ForgetWorkspace(workspace);
            unanswered.ForgetWorkspace(workspace);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Registered even while Redis is away: the connection subscribes again whenever it (re)connects.
        try
        {
            shared.Subscriber?.Subscribe(Channel, (_, message) => Received(message), CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            logger.LogWarning("Not subscribed to forget notices yet ({Failure}): subscribed when Redis connects", e.GetType().Name);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            shared.Subscriber?.Unsubscribe(Channel, null, CommandFlags.FireAndForget);
        }
        catch (RedisException)
        {
            // Stopping anyway.
        }
        return Task.CompletedTask;
    }
}
