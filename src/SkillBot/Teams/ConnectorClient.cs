using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;
using SkillBot.Hosting;

namespace SkillBot.Teams;

/// <summary>A reply waiting to be posted: where to, and what. An empty <see cref="ActivityId"/> posts a new message to the conversation (proactive).</summary>
public sealed record PendingReply(string ServiceUrl, string ConversationId, string ActivityId, ReplyActivity Activity);

/// <summary>
/// Posts replies to the Bot Connector: <c>POST {serviceUrl}/v3/conversations/{id}/activities/{activityId}</c>.
/// Retries (429 with Retry-After, 5xx with backoff, bounded) come from the HTTP client's resilience handler.
/// One for the app: each send takes a client from the factory, so the HTTP handler is rotated as IHttpClientFactory
/// intends, without building a typed client per reply.
/// </summary>
public sealed class ConnectorClient(
    IHttpClientFactory clients, BotTokenClient tokens, ServiceUrlAllowList allowList, IOptions<TeamsOptions> options, ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = nameof(ConnectorClient);

    // A reply's JSON (a card, ~5 KB) is written into a buffer kept for the next reply rather than into a new array each
    // time: that array was a fifth of a Teams message's allocations under load. As many kept as the reply queue has senders.
    private static readonly ObjectPool<ArrayBufferWriter<byte>> Bodies =
        new DefaultObjectPool<ArrayBufferWriter<byte>>(new ReplyBodyPolicy(), ReplyQueue.Senders);

    /// <summary>A reply to an activity, or with no activity id a new post in the conversation (a channel).</summary>
    public Task<bool> SendAsync(PendingReply reply, CancellationToken cancellation) =>
        PostAsync(reply.ServiceUrl, reply.ConversationId, reply.ActivityId.Length == 0 ? "" : "/" + Uri.EscapeDataString(reply.ActivityId), reply.Activity, cancellation);

    /// <summary>A new message in a conversation, not a reply to one (an announcement into a channel).</summary>
    public Task<bool> SendToConversationAsync(string serviceUrl, string conversationId, ReplyActivity activity, CancellationToken cancellation) =>
        PostAsync(serviceUrl, conversationId, "", activity, cancellation);

    private async Task<bool> PostAsync(string serviceUrl, string conversationId, string activityPath, ReplyActivity activity, CancellationToken cancellation)
    {
        var reply = (ServiceUrl: serviceUrl, ConversationId: conversationId, Activity: activity);
        // Checked again here, right before a token is attached: only allow-listed hosts ever see it.
        if (!allowList.Allows(reply.ServiceUrl))
        {
            logger.LogWarning("Not replying to {ServiceUrl}: it is not on Teams:AllowedServiceUrls", LogSafe.Text(reply.ServiceUrl));
            return false;
        }
        var url = reply.ServiceUrl.TrimEnd('/') + "/v3/conversations/" + Uri.EscapeDataString(reply.ConversationId) + "/activities" + activityPath;
        var body = Bodies.Get();
        try
        {
            using (var json = new Utf8JsonWriter(body))
            {
                JsonSerializer.Serialize(json, reply.Activity, TeamsJsonContext.Default.ReplyActivity);
            }
            // The buffer is read by every attempt (retries resend it) and goes back to the pool only once the send is over.
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new ReadOnlyMemoryContent(body.WrittenMemory)
                {
                    Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
                },
            };
            if (options.Value.AuthenticationEnabled)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellation));
            }
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellation);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                tokens.Forget();
            }
            var answer = await response.Content.ReadAsStringAsync(cancellation);
            logger.LogError("The connector at {ServiceUrl} answered {Status} to a reply in {Conversation}: {Body}",
                LogSafe.Text(reply.ServiceUrl), (int)response.StatusCode, LogSafe.Text(reply.ConversationId), LogSafe.Text(answer));
            return false;
        }
        finally
        {
            Bodies.Return(body);
        }
    }
}

/// <summary>Keeps reply buffers for reuse, emptied; one grown past the largest card Teams takes is let go.</summary>
internal sealed class ReplyBodyPolicy : IPooledObjectPolicy<ArrayBufferWriter<byte>>
{
    private const int LargestKept = 64 * 1024;

    public ArrayBufferWriter<byte> Create() => new(8 * 1024);

    public bool Return(ArrayBufferWriter<byte> body)
    {
        if (body.Capacity > LargestKept)
        {
            return false;
        }
        body.ResetWrittenCount();
        return true;
    }
}

/// <summary>
/// Messages get their HTTP 200 at once; replies go out from here, so a slow or throttling connector
/// never holds up Teams' request. Bounded: when full, a new reply is shed (logged and counted) and the
/// caller answers the request itself, rather than waiting for room.
/// </summary>
public sealed class ReplyQueue(ConnectorClient connector, IOptions<TeamsOptions> options, ILogger<ReplyQueue> logger)
    : DrainingQueue<PendingReply>(options.Value.ReplyQueueCapacity, Senders)
{
    // Sending is waiting on the network (a Bot Connector round trip is tens of milliseconds), so replies go out
    // many at a time: with 4 senders the load run saw the queue fill and hold up incoming messages.
    public const int Senders = 32;

    /// <summary>Queues the reply, or logs and counts it as shed when the queue is full (the connector is not keeping up).</summary>
    public new bool TryEnqueue(PendingReply reply)
    {
        if (base.TryEnqueue(reply))
        {
            return true;
        }
        logger.LogWarning("Teams reply queue full ({Capacity} waiting): shed the reply to activity {Activity} in {Conversation}",
            options.Value.ReplyQueueCapacity, LogSafe.Text(reply.ActivityId), LogSafe.Text(reply.ConversationId));
        return false;
    }

    protected override async Task ProcessAsync(PendingReply reply, CancellationToken abort)
    {
        try
        {
            await connector.SendAsync(reply, abort);
        }
        catch (Exception e) when (e is not OperationCanceledException || !abort.IsCancellationRequested)
        {
            logger.LogError(e, "A reply to {Conversation} could not be sent", LogSafe.Text(reply.ConversationId));
        }
    }
}
