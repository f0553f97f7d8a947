using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Cards.Slack;
using SkillBot.Slack.WebApi;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.Slack;

/// <summary>The Web API client of the running app against the fake Slack: retries, limits, errors, logging.</summary>
public sealed class SlackApiClientTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private RunningApp _app = null!;
    private readonly CapturedLogs _logs = new();

    private SlackApiClient Api => _app.Services.GetRequiredService<SlackApiClient>();

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _app = await RunningApp.StartAsync(_logs.Register,
            "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=" + BotToken, "--Slack:ApiBaseUrl=" + _slack.ApiBaseUrl,
            "--Slack:ResponseUrlHosts=127.0.0.1");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private static byte[] Message(string channel, string? threadTs = null) => BlockKitRenderer.Notice("hello", SlackPlacement.Post(channel, threadTs));

    private static byte[] Reply => BlockKitRenderer.Notice("hello", SlackPlacement.ReplaceClicked);

    [Fact]
    public async Task A_429_is_retried_after_the_time_Retry_After_asks_for()
    {
        _slack.Script("chat.postMessage", new Scripted(429, """{"ok":false,"error":"ratelimited"}""", RetryAfter: "1"));
        var started = DateTimeOffset.UtcNow;
        var result = await Api.PostMessage(Message("C1"), CancellationToken.None);
        Assert.True((bool?)result["ok"]);
        var calls = _slack.History.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Equal(2, calls.Count);
        // Honouring Retry-After means the retry waited at least that long (a lower bound, not a speed check).
        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9));
    }

    [Fact]
    public async Task A_5xx_is_retried_with_backoff()
    {
        _slack.Script("chat.postMessage", new Scripted(500, "oops"), new Scripted(503, "busy"));
        var result = await Api.PostMessage(Message("C1", "1.1"), CancellationToken.None);
        Assert.True((bool?)result["ok"]);
        var calls = _slack.History.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal("1.1", (string?)c.Body["thread_ts"]));
    }

    [Fact]
    public async Task A_server_that_keeps_failing_gets_a_bounded_number_of_attempts_and_a_typed_error()
    {
        _slack.Script("views.publish", Enumerable.Repeat(new Scripted(500, "down"), 10).ToArray());
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Api.PublishView("U1", new JsonObject { ["type"] = "home" }, CancellationToken.None));
        Assert.Equal("views.publish", error.Method);
        Assert.Equal("http_500", error.Error);
        Assert.Equal(4, _slack.History.Count(c => c.Method == "views.publish")); // the first try and 3 retries
    }

    [Fact]
    public async Task Ok_false_is_a_typed_error_logged_without_the_token()
    {
        _slack.Script("chat.postMessage", new Scripted(200, """{"ok":false,"error":"channel_not_found"}"""));
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Api.PostMessage(Message("C404"), CancellationToken.None));
        Assert.Equal("channel_not_found", error.Error);
        Assert.Equal(1, _slack.History.Count(c => c.Method == "chat.postMessage"));
        Assert.Contains(_logs.Lines, l => l.Contains("chat.postMessage", StringComparison.Ordinal) && l.Contains("channel_not_found", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(BotToken, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Web_api_calls_send_json_with_the_bot_token_as_bearer()
    {
        await Api.PublishView("U1", new JsonObject { ["type"] = "home", ["blocks"] = new JsonArray() }, CancellationToken.None);
        var call = await _slack.NextCall();
        Assert.Equal("views.publish", call.Method);
        Assert.Equal("Bearer " + BotToken, call.Authorization);
        Assert.Equal("application/json; charset=utf-8", call.ContentType);
        Assert.Equal("U1", (string?)call.Body["user_id"]);
        Assert.Null(call.Body["token"]);
    }

    [Fact]
    public async Task Response_url_posts_go_only_to_allowed_hosts_and_never_log_the_url()
    {
        var refused = await Assert.ThrowsAsync<SlackApiException>(() => Api.PostToResponseUrl("https://evil.example/hooks/x", Reply, CancellationToken.None));
        Assert.Equal("response_url_not_allowed", refused.Error);

        var secretPath = "T1/2/" + Guid.NewGuid().ToString("N");
        _slack.Script("response_url", new Scripted(404, """{"ok":false,"error":"expired_url"}"""));
        var expired = await Assert.ThrowsAsync<SlackApiException>(() => Api.PostToResponseUrl(_slack.ResponseUrl(secretPath), Reply, CancellationToken.None));
        Assert.Equal("http_404", expired.Error);
        Assert.DoesNotContain(_slack.History, c => c.Method != "response_url");
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(secretPath, StringComparison.Ordinal));
    }
}
