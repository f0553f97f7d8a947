using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SkillBot.Tests.Teams;

/// <summary>A reply the fake connector received.</summary>
public sealed record ReceivedReply(string ConversationId, string ActivityId, string? Authorization, JsonObject Activity);

/// <summary>
/// Microsoft's side of a Teams bot, on real Kestrel on loopback: the Bot Framework's OpenID metadata and
/// JWKS (keys the test made, with endorsements), a single tenant's Entra ID metadata and keys, the token
/// endpoint, and a Bot Connector that records replies and can be told to answer 429 or 500 first.
/// </summary>
public sealed class FakeMicrosoft : IAsyncDisposable
{
    public const string ClientSecret = "test-secret-not-real";
    private readonly WebApplication _app;
    private readonly Channel<ReceivedReply> _replies = Channel.CreateUnbounded<ReceivedReply>();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _failures = new();
    private readonly ConcurrentDictionary<string, int> _alwaysFailing = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private int _tokenRequests;
    private int _keyFetches;
    private int _connectorAttempts;
    private int _metadataFetches;
    private TaskCompletionSource? _hang;

    private FakeMicrosoft(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The serviceUrl activities carry: this server's connector, with the trailing slash Teams uses.</summary>
    public string ServiceUrl => BaseUrl + "/";

    public string BotFrameworkMetadataUrl => BaseUrl + "/botframework/v1/.well-known/openidconfiguration";

    public string TenantMetadataUrl => BaseUrl + "/tenant/v2.0/.well-known/openid-configuration";

    public string TokenEndpoint => BaseUrl + "/tenant/oauth2/v2.0/token";

    /// <summary>Keys served as the Bot Framework's JWKS; tests add and replace keys.</summary>
    public List<TestKey> BotFrameworkKeys { get; } = [];

    public List<TestKey> TenantKeys { get; } = [];

    public ConcurrentQueue<IReadOnlyDictionary<string, string>> TokenRequests { get; } = new();

    public int TokenRequestCount => _tokenRequests;

    public int KeyFetches => _keyFetches;

    public int ConnectorAttempts => _connectorAttempts;

    /// <summary>Requests for the Bot Framework's OpenID metadata, failed ones included.</summary>
    public int MetadataFetches => _metadataFetches;

    /// <summary>While true the Bot Framework's OpenID metadata answers 503.</summary>
    public bool FailMetadata { get; set; }

    /// <summary>From now on the connector takes requests and does not answer them until <see cref="ReleaseConnector"/>.</summary>
    public void HangConnector() => Volatile.Write(ref _hang, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void ReleaseConnector() => Interlocked.Exchange(ref _hang, null)?.TrySetResult();

    public static async Task<FakeMicrosoft> StartAsync()
    {
        var builder = Loopback.FakeBuilder();
        var app = builder.Build();
        var fake = new FakeMicrosoft(app);
        fake.Map(app);
        await app.StartAsync();
        fake.BaseUrl = Loopback.AddressOf(app);
        return fake;
    }

    /// <summary>The next connector requests fail with these statuses, in order.</summary>
    public void FailNext(int status, string? retryAfter = null) => _failures.Enqueue((status, retryAfter));

    /// <summary>Every reply to this activity fails with this status.</summary>
    public void FailAlways(string activityId, int status) => _alwaysFailing[activityId] = status;

    public int AttemptsFor(string activityId) => _attempts.GetValueOrDefault(activityId);

    /// <summary>The next reply, or a failure after a generous wait (the bot replies in the background).</summary>
    public async Task<ReceivedReply> NextReplyAsync(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        try
        {
            return await _replies.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException("The fake connector received no reply.");
        }
    }

    /// <summary>True when a reply arrived; used after a reply that must come later, to show one that must not came neither.</summary>
    public bool TryTakeReply(out ReceivedReply? reply) => _replies.Reader.TryRead(out reply);

    private void Map(WebApplication app)
    {
        MapSendToConversation(app);
        app.MapGet("/botframework/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref _metadataFetches);
            return FailMetadata
                ? Results.Text("""{"error":"unavailable"}""", "application/json", statusCode: 503)
                : Metadata("https://api.botframework.com", "/botframework/v1/keys");
        });
        app.MapGet("/botframework/v1/keys", () => Keys(BotFrameworkKeys));
        app.MapGet("/tenant/v2.0/.well-known/openid-configuration", () => Metadata("https://login.microsoftonline.com/tenant/v2.0", "/tenant/discovery/v2.0/keys"));
        app.MapGet("/tenant/discovery/v2.0/keys", () => Keys(TenantKeys));
        app.MapPost("/tenant/oauth2/v2.0/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            TokenRequests.Enqueue(form.ToDictionary(f => f.Key, f => f.Value.ToString()));
            var n = Interlocked.Increment(ref _tokenRequests);
            if (form["client_secret"] != ClientSecret)
            {
                return Results.Text("""{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}""", "application/json", statusCode: 401);
            }
            return Results.Text($$"""{"token_type":"Bearer","expires_in":3599,"ext_expires_in":3599,"access_token":"app-token-{{n}}"}""", "application/json");
        });
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", async (string conversationId, string activityId, HttpRequest request, HttpResponse response) =>
        {
            Interlocked.Increment(ref _connectorAttempts);
            _attempts.AddOrUpdate(activityId, 1, (_, n) => n + 1);
            if (Volatile.Read(ref _hang) is { } hang)
            {
                await hang.Task.WaitAsync(request.HttpContext.RequestAborted);
            }
            var activity = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
            if (_alwaysFailing.TryGetValue(activityId, out var status))
            {
                return Results.Text("""{"error":{"code":"ServiceError","message":"Down"}}""", "application/json", statusCode: status);
            }
            if (_failures.TryDequeue(out var failure))
            {
                if (failure.RetryAfter is not null)
                {
                    response.Headers.RetryAfter = failure.RetryAfter;
                }
                return Results.Text("""{"error":{"code":"Throttled","message":"Try later"}}""", "application/json", statusCode: failure.Status);
            }
            await _replies.Writer.WriteAsync(new ReceivedReply(conversationId, activityId, request.Headers.Authorization.FirstOrDefault(), activity));
            return Results.Text("""{"id":"1:reply"}""", "application/json");
        });
    }

    /// <summary>Send to conversation (a proactive post into a channel, an announcement): recorded as a reply with no activity id.</summary>
    private void MapSendToConversation(WebApplication app) =>
        app.MapPost("/v3/conversations/{conversationId}/activities", async (string conversationId, HttpRequest request) =>
        {
            Interlocked.Increment(ref _connectorAttempts);
            var activity = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
            await _replies.Writer.WriteAsync(new ReceivedReply(conversationId, "", request.Headers.Authorization.FirstOrDefault(), activity));
            return Results.Text("""{"id":"1:post"}""", "application/json");
        });

    private IResult Metadata(string issuer, string keysPath) => Results.Text(new JsonObject
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = BaseUrl + keysPath,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    }.ToJsonString(), "application/json");

    private IResult Keys(List<TestKey> keys)
    {
        Interlocked.Increment(ref _keyFetches);
        lock (keys)
        {
            return Results.Text(new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.Jwk()).ToArray()) }.ToJsonString(), "application/json");
        }
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseConnector();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
