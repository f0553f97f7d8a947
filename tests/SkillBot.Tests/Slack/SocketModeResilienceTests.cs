using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using SkillBot.Hosting;
using SkillBot.Slack.SocketMode;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.Slack;

/// <summary>
/// Socket Mode against what Slack's servers really do (issue #20): refusals, silent and half-open links, an upgrade
/// never answered, shutdown, odd connections.open answers, a refused app token, envelope fields of the wrong type.
/// Each test starts its own SkillBot with small intervals against a fake Slack on loopback.
/// </summary>
public sealed class SocketModeResilienceTests : IAsyncLifetime
{
    private const string Check = "slack-socket-mode";

    /// <summary>Small intervals, so each test takes about a second; time limits the test itself must meet (hello, upgrade) are roomier.</summary>
    private static readonly Dictionary<string, string> Fast = new()
    {
        ["Slack:SocketMode:ReconnectDelay"] = "00:00:00.050",
        ["Slack:SocketMode:MaxReconnectDelay"] = "00:00:00.400",
        ["Slack:SocketMode:MaxRefusedReconnectDelay"] = "00:00:00.400",
        ["Slack:SocketMode:HelloTimeout"] = "00:00:03",
        ["Slack:SocketMode:ConnectTimeout"] = "00:00:03",
    };

    private readonly CapturedLogs _logs = new();
    private FakeSlack _slack = null!;
    private RunningApp? _app;

    public async Task InitializeAsync() => _slack = await FakeSlack.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        await _slack.DisposeAsync();
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(AppToken, StringComparison.Ordinal) || l.Contains(BotToken, StringComparison.Ordinal));
    }

    private async Task<RunningApp> Start(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string>(Fast)
        {
            ["Slack:AppToken"] = AppToken, ["Slack:BotToken"] = BotToken, ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        _app = await RunningApp.StartAsync(_logs.Register, [.. all.Select(s => $"--{s.Key}={s.Value}")]);
        return _app;
    }

    // ---- 1. refusals back off; refreshes reconnect at once ----

    [Theory]
    [InlineData("too_many_websockets", "Degraded", HttpStatusCode.OK)]
    [InlineData("link_disabled", "Unhealthy", HttpStatusCode.ServiceUnavailable)]
    public async Task A_link_refused_by_slack_is_reopened_after_a_growing_pause_not_at_once(string reason, string health, HttpStatusCode ready)
    {
        // What Slack does with an 11th connection, or with Socket Mode turned off: every new link is told to go away.
        _slack.OnSocket = session => session.Send(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "test" } });
        var app = await Start();

        await _slack.NextCall(); // the first apps.connections.open
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        // Pauses of at least half of 50, 100, 200, 400, 400 … ms (jittered): at most 1 + 3 + 6 opens in 1.5 s.
        // Reconnecting at once made hundreds.
        var opens = _slack.ConnectionOpens;
        Assert.InRange(opens, 2, 12);

        var (status, check) = await Readiness(app);
        Assert.Equal(ready, status);
        Assert.Equal(health, check.GetProperty("status").GetString());
        Assert.Contains(reason, check.GetProperty("description").GetString());
        Assert.Contains(_logs.Lines, l => (l.StartsWith("Warning", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal)) && l.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("refresh_requested")]
    [InlineData("warning")]
    public async Task A_refresh_or_a_warning_reconnects_at_once(string reason)
    {
        // A pause would be at least 5 s here: a reconnect within 3 s is one without a pause.
        var app = await Start(("Slack:SocketMode:ReconnectDelay", "00:00:10"), ("Slack:SocketMode:MaxReconnectDelay", "00:00:30"), ("Slack:SocketMode:MaxRefusedReconnectDelay", "00:00:30"));
        var first = await Connect();
        await Eventually(async () => (await Readiness(app)).Check.GetProperty("status").GetString() == "Healthy");
        await first.Send(new JsonObject { ["type"] = "disconnect", ["reason"] = reason });
        Assert.Null(await first.Receive(seconds: 5));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, first.CloseStatus);
        Assert.Equal("apps.connections.open", (await _slack.NextCall(seconds: 3)).Method);
    }

    // ---- 2. no hello; a half-open link ----

    [Fact]
    public async Task A_link_that_never_says_hello_is_given_up_and_reopened()
    {
        await Start(("Slack:SocketMode:HelloTimeout", "00:00:00.300"));
        await _slack.NextCall();
        var silent = await _slack.NextSocket(); // accepted, and Slack says nothing
        Assert.Equal("apps.connections.open", (await _slack.NextCall(seconds: 5)).Method);
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("hello", StringComparison.Ordinal));
        silent.End();
    }

    [Fact]
    public async Task A_link_that_stops_answering_pings_is_reopened_and_one_that_answers_is_kept()
    {
        await Start(("Slack:SocketMode:PingInterval", "00:00:00.100"), ("Slack:SocketMode:PongTimeout", "00:00:00.500"));

        // Half-open: hello, then nothing comes back, not even a pong (the fake answers pings only while it reads).
        var halfOpen = await Connect();
        Assert.Equal("apps.connections.open", (await _slack.NextCall(seconds: 5)).Method);
        halfOpen.End();

        // A live link: it answers pings, and stays.
        var live = await _slack.NextSocket();
        await SayHello(live);
        _ = live.KeepReading();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, _slack.ConnectionOpens);
        live.End();
    }

    // ---- 3. an upgrade that is never answered ----

    [Fact]
    public async Task A_websocket_upgrade_that_is_never_answered_times_out_and_is_retried()
    {
        _slack.Script("apps.connections.open", new Scripted(200, new JsonObject { ["ok"] = true, ["url"] = _slack.SocketUrl("/stall") }.ToJsonString()));
        await Start(("Slack:SocketMode:ConnectTimeout", "00:00:00.300"));
        await _slack.NextCall(); // → /stall: TCP and the request are taken, the upgrade is never answered

        var session = await Connect(seconds: 5);
        await session.Send(Envelope("e-1", "something_new", new JsonObject()));
        Assert.Equal("""{"envelope_id":"e-1"}""", (await session.Receive(seconds: 5))!.ToJsonString());
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("upgrade", StringComparison.Ordinal));
        session.End();
    }

    // ---- 4. shutdown ----

    [Fact]
    public async Task Stopping_the_host_closes_the_link_with_a_normal_close_frame_after_the_work_in_hand()
    {
        var app = await Start();
        var session = await Connect();
        await session.Send(Envelope("e-2", "events_api", JsonNode.Parse(EventCallback("Ev2", "<@UBOT> deep learning overview", "20.1"))!));
        Assert.Equal("""{"envelope_id":"e-2"}""", (await session.Receive(seconds: 5))!.ToJsonString());

        var stopping = app.DisposeAsync().AsTask();
        _app = null;
        Assert.Null(await session.Receive(seconds: 10));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, session.CloseStatus);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains(_slack.History, c => c.Method == "chat.postMessage" && (string?)c.Body["thread_ts"] == "20.1"); // the answer was sent, not dropped
        session.End();
    }

    // ---- 5. an unexpected answer from apps.connections.open ----

    [Theory]
    [InlineData("12345")]
    [InlineData("\"https://wss-primary.slack.test/link\"")]
    public async Task A_bad_url_from_connections_open_is_retried_while_the_host_keeps_serving(string url)
    {
        _slack.Script("apps.connections.open", new Scripted(200, $$"""{"ok":true,"url":{{url}}}"""));
        var app = await Start();
        await _slack.NextCall();

        var session = await Connect(seconds: 5);
        await session.Send(Envelope("e-3", "something_new", new JsonObject()));
        Assert.Equal("""{"envelope_id":"e-3"}""", (await session.Receive(seconds: 5))!.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/v1/answer?q=deep+learning+overview")).StatusCode);
        session.End();
    }

    // ---- 6. a refused app token ----

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("not_authed")]
    [InlineData("account_inactive")]
    public async Task A_refused_app_token_is_one_error_naming_the_setting_and_makes_readyz_unhealthy_until_it_connects(string error)
    {
        var refusal = new Scripted(200, $$"""{"ok":false,"error":"{{error}}"}""");
        _slack.Script("apps.connections.open", refusal, refusal, refusal, refusal, refusal);
        var app = await Start();
        for (var i = 0; i < 5; i++)
        {
            await _slack.NextCall(seconds: 5);
        }

        var (status, check) = await Readiness(app);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        Assert.Contains("Slack:AppToken", check.GetProperty("description").GetString());
        var errors = _logs.Lines.Where(l => l.StartsWith("Error SkillBot", StringComparison.Ordinal)).ToList(); // the health check service logs each Unhealthy check too
        Assert.Contains("Slack:AppToken", Assert.Single(errors));
        Assert.Contains(error, errors[0]);

        // Fixed (here: Slack accepts again): ready once more.
        await Connect(seconds: 5);
        await Eventually(async () => (await Readiness(app)) is { Status: HttpStatusCode.OK } r && r.Check.GetProperty("status").GetString() == "Healthy");
    }

    // ---- 7. envelope fields of the wrong JSON type ----

    [Fact]
    public async Task An_envelope_with_a_field_of_the_wrong_type_is_acknowledged_and_the_field_named()
    {
        await Start();
        var session = await Connect();

        await session.Send(new JsonObject { ["envelope_id"] = 42, ["type"] = "something_new", ["payload"] = new JsonObject() });
        Assert.Equal("""{"envelope_id":42}""", (await session.Receive(seconds: 5))!.ToJsonString());

        var retried = Envelope("e-4", "events_api", JsonNode.Parse(EventCallback("Ev4", "<@UBOT> deep learning overview", "40.1"))!);
        retried["retry_attempt"] = "1";
        await session.Send(retried);
        Assert.Equal("""{"envelope_id":"e-4"}""", (await session.Receive(seconds: 5))!.ToJsonString());
        Assert.Equal("40.1", (string?)(await _slack.NextCall(seconds: 5)).Body["thread_ts"]); // still answered

        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("envelope_id", StringComparison.Ordinal));
        Assert.Contains(_logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("retry_attempt", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains("not valid JSON", StringComparison.Ordinal));
        session.End();
    }

    // ---- the pause and the settings ----

    [Fact]
    public void The_pause_doubles_from_the_first_delay_up_to_the_cap_with_its_upper_half_random()
    {
        var first = TimeSpan.FromSeconds(1);
        var cap = TimeSpan.FromSeconds(30);
        Assert.Equal(TimeSpan.FromSeconds(0.5), SocketModeClient.Backoff(1, first, cap, random: 0));
        Assert.Equal(TimeSpan.FromSeconds(1), SocketModeClient.Backoff(1, first, cap, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(4), SocketModeClient.Backoff(3, first, cap, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(15), SocketModeClient.Backoff(6, first, cap, random: 0));
        Assert.Equal(cap, SocketModeClient.Backoff(int.MaxValue, first, cap, random: 1));
    }

    [Theory]
    [InlineData("Slack:SocketMode:HelloTimeout", "soon")]
    [InlineData("Slack:SocketMode:PongTimeout", "00:00:00")]
    [InlineData("Slack:SocketMode:MaxReconnectDelay", "00:00:00.010")] // below ReconnectDelay
    public async Task A_bad_socket_mode_timing_stops_startup_naming_it(string key, string value)
    {
        // A value that is no time at all fails binding, one out of range validation: either way, one line naming the setting.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Start((key, value)));
        Assert.Contains(StartupProblems.From(error) ?? [], line => line.StartsWith(key, StringComparison.Ordinal));
    }

    // ---- helpers ----

    /// <summary>Waits for SkillBot to open a connection (apps.connections.open, then the socket) and says hello.</summary>
    private async Task<SocketSession> Connect(int seconds = 20)
    {
        var open = await _slack.NextCall(seconds);
        Assert.Equal("apps.connections.open", open.Method);
        var session = await _slack.NextSocket(seconds);
        await SayHello(session);
        return session;
    }

    private static Task SayHello(SocketSession session) => session.Send(new JsonObject
    {
        ["type"] = "hello", ["num_connections"] = 1, ["connection_info"] = new JsonObject { ["app_id"] = "A1" },
    });

    private static async Task<(HttpStatusCode Status, JsonElement Check)> Readiness(RunningApp app)
    {
        using var response = await app.Client.GetAsync("/readyz");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var check = body.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == Check);
        return (response.StatusCode, check.Clone());
    }

    private static async Task Eventually(Func<Task<bool>> condition, int seconds = 5)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not so within {seconds} s");
            await Task.Delay(50);
        }
    }

    private static JsonObject Envelope(string id, string type, JsonNode payload) =>
        new() { ["envelope_id"] = id, ["type"] = type, ["payload"] = payload, ["accepts_response_payload"] = false };

    private static string EventCallback(string eventId, string text, string ts) => new JsonObject
    {
        ["team_id"] = "T1", ["api_app_id"] = "A1", ["type"] = "event_callback", ["event_id"] = eventId, ["event_time"] = 1,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T1", ["user_id"] = "UBOT", ["is_bot"] = true }),
        ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U1", ["text"] = text, ["ts"] = ts, ["channel"] = "C1", ["event_ts"] = ts },
    }.ToJsonString();
}
