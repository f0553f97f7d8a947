using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace SkillBot.Slack.WebApi;

/// <summary>Slack said no (<c>{"ok":false,"error":…}</c>), or could not be reached within the retry budget.</summary>
public sealed class SlackApiException(string method, string error) : Exception($"Slack {method} failed: {error}")
{
    public string Method { get; } = method;

    public string Error { get; } = error;
}

/// <summary>
/// The few Web API calls SkillBot makes (protocol-slack.md §5), plus response_url posts. Retries (429 with
/// Retry-After, 5xx) and time limits live in the "slack" HttpClient's resilience pipeline (see SlackSetup), so
/// callers only ever see success or a <see cref="SlackApiException"/>. Tokens go in the Authorization header only.
/// </summary>
public sealed class SlackApiClient(IHttpClientFactory clients, IOptions<SlackOptions> options, ILogger<SlackApiClient> logger)
{
    public const string HttpClientName = "slack";

    /// <summary>chat.postMessage with a message already written as UTF-8 JSON, its channel and thread in it (BlockKitRenderer).</summary>
    public Task<JsonObject> PostMessage(byte[] message, CancellationToken cancel) =>
        Call("chat.postMessage", Json(message), options.Value.BotToken, cancel);

    /// <summary>The id of SkillBot's direct message channel with <paramref name="userId"/> (conversations.open, scope im:write).</summary>
    public async Task<string> OpenDirectMessage(string userId, CancellationToken cancel)
    {
        var result = await Call("conversations.open", Json(new JsonObject { ["users"] = userId }), options.Value.BotToken, cancel);
        return result["channel"] is JsonObject channel && channel["id"] is JsonValue id && id.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new SlackApiException("conversations.open", "no_channel");
    }

    /// <summary>chat.postEphemeral with a message already written as UTF-8 JSON, its channel and user in it: only that user sees it.</summary>
    public Task<JsonObject> PostEphemeral(byte[] message, CancellationToken cancel) =>
        Call("chat.postEphemeral", Json(message), options.Value.BotToken, cancel);

    /// <summary>views.open: a modal for the interaction whose <paramref name="triggerId"/> it uses (valid 3 s, once).</summary>
    public Task<JsonObject> OpenView(string triggerId, JsonObject view, CancellationToken cancel) =>
        Call("views.open", Json(new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }), options.Value.BotToken, cancel);
    /// <summary>chat.unfurl: <paramref name="unfurls"/> maps each URL to the blocks shown under it; the message by channel and ts, or a composer's unfurl_id and source.</summary>
    public Task<JsonObject> Unfurl(JsonObject target, JsonObject unfurls, CancellationToken cancel)
    {
        var body = (JsonObject)target.DeepClone();
        body["unfurls"] = unfurls.DeepClone();
        return Call("chat.unfurl", Json(body), options.Value.BotToken, cancel);
    }

    public Task<JsonObject> PublishView(string userId, JsonObject view, CancellationToken cancel) =>
        Call("views.publish", Json(new JsonObject { ["user_id"] = userId, ["view"] = view.DeepClone() }), options.Value.BotToken, cancel);

    /// <summary>A fresh Socket Mode WebSocket URL (apps.connections.open, with the app-level token).</summary>
    public async Task<Uri> OpenConnection(CancellationToken cancel)
    {
        var result = await Call("apps.connections.open", Json(new JsonObject()), options.Value.AppToken, cancel);
        // Any other JSON type (a number, an object) is as good as no URL.
        return result["url"] is JsonValue value && value.TryGetValue<string>(out var url) && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri
            : throw new SlackApiException("apps.connections.open", "no_url");
    }

    /// <summary>True when <paramref name="responseUrl"/> is an http(s) URL on an allowed host.</summary>
    public bool IsAllowedResponseUrl(string? responseUrl) =>
        Uri.TryCreate(responseUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && options.Value.ResponseUrlHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);

    /// <summary>Posts a message to a response_url (no token: the URL itself is the credential, so it is never logged).</summary>
    public async Task PostToResponseUrl(string responseUrl, byte[] message, CancellationToken cancel)
    {
        const string method = "response_url";
        if (!IsAllowedResponseUrl(responseUrl))
        {
            throw new SlackApiException(method, "response_url_not_allowed");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
        {
            Content = new ByteArrayContent(message) { Headers = { ContentType = JsonType() } },
        };
        var text = await Send(method, request, cancel);
        // response_url answers {"ok":…} JSON or plain "ok"; only an explicit ok:false is a refusal.
        if (TryParseObject(text) is { } result && result["ok"]?.GetValueKind() == JsonValueKind.False)
        {
            throw Refused(method, result);
        }
    }

    private async Task<JsonObject> Call(string method, HttpContent body, string? token, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var result = TryParseObject(await Send(method, request, cancel)) ?? throw new SlackApiException(method, "invalid_response");
        return result["ok"]?.GetValueKind() == JsonValueKind.True ? result : throw Refused(method, result);
    }

    private async Task<string> Send(string method, HttpRequestMessage request, CancellationToken cancel)
    {
        var http = clients.CreateClient(HttpClientName);
        try
        {
            using var response = await http.SendAsync(request, cancel);
            var text = await response.Content.ReadAsStringAsync(cancel);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Slack {Method} answered HTTP {Status} after retries", method, (int)response.StatusCode);
                throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
            }
            return text;
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
                                   || (e is OperationCanceledException && !cancel.IsCancellationRequested))
        {
            logger.LogWarning("Slack {Method} unreachable within the retry budget: {Reason}", method, e.GetType().Name);
            throw new SlackApiException(method, "unreachable");
        }
    }

    private SlackApiException Refused(string method, JsonObject result)
    {
        var error = result["error"]?.GetValueKind() == JsonValueKind.String ? result["error"]!.GetValue<string>() : "unknown_error";
        logger.LogWarning("Slack {Method} refused: {Error}", method, error);
        return new SlackApiException(method, error);
    }

    private static MediaTypeHeaderValue JsonType() => new("application/json") { CharSet = "utf-8" };

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, JsonType());

    private static ByteArrayContent Json(byte[] utf8) =>
        new(utf8) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };

    private static JsonObject? TryParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
