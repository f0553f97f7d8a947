using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Core;
using SkillBot.Core.Answers;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.Slack;

/// <summary>Socket Mode against a local WebSocket server speaking Slack's envelopes (protocol-slack.md §7).</summary>
public sealed class SocketModeTests : IAsyncLifetime
{
    private FakeSlack _slack = null!;
    private RunningApp _app = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _app = await RunningApp.StartAsync(
            "--Slack:AppToken=" + AppToken, "--Slack:BotToken=" + BotToken, "--Slack:ApiBaseUrl=" + _slack.ApiBaseUrl,
            "--Slack:ResponseUrlHosts=127.0.0.1");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private Assistant Assistant => _app.Services.GetRequiredService<Assistant>();

    [Fact]
    public async Task Envelopes_are_acknowledged_by_id_and_answered_by_the_same_handlers_as_http()
    {
        var session = await Connect();

        // events_api: acked at once, answered in thread through the Web API.
        await session.Send(Envelope("e-1", "events_api", JsonNode.Parse(EventCallback("Ev1", "<@UBOT> what does a senior data scientist need in deep learning?", "10.1"))!));
        Assert.Equal("""{"envelope_id":"e-1"}""", (await session.Receive())!.ToJsonString());
        var post = await _slack.NextCall();
        Assert.Equal("chat.postMessage", post.Method);
        Assert.Equal("Bearer " + BotToken, post.Authorization);
        Assert.Equal("10.1", (string?)post.Body["thread_ts"]);
        Assert.Equal(Assistant.Ask("what does a senior data scientist need in deep learning?").Message, (string?)post.Body["text"]);

        // slash_commands: the answer travels in the acknowledgement.
        var command = new JsonObject
        {
            ["token"] = "x", ["team_id"] = "T1", ["team_domain"] = "t", ["channel_id"] = "C1", ["channel_name"] = "general", ["user_id"] = "U1",
            ["user_name"] = "ann", ["command"] = "/skill", ["text"] = "senior llm engineer deep learning", ["api_app_id"] = "A1",
            ["response_url"] = _slack.ResponseUrl(), ["trigger_id"] = "1.2",
        };
        await session.Send(Envelope("e-2", "slash_commands", command, acceptsResponsePayload: true));
        var ack = (await session.Receive())!;
        Assert.Equal("e-2", (string?)ack["envelope_id"]);
        Assert.Equal("ephemeral", (string?)ack["payload"]!["response_type"]);
        Assert.Equal(Assistant.Ask("senior llm engineer deep learning").Message, (string?)ack["payload"]!["text"]);
        Assert.NotEmpty(ack["payload"]!["blocks"]!.AsArray());

        // A slash command whose ack cannot carry the answer: it goes through the response_url instead.
        await session.Send(Envelope("e-2b", "slash_commands", command.DeepClone(), acceptsResponsePayload: false));
        Assert.Equal("""{"envelope_id":"e-2b"}""", (await session.Receive())!.ToJsonString());
        var later = await _slack.NextCall();
        Assert.Equal("response_url", later.Method);
        Assert.Equal(Assistant.Ask("senior llm engineer deep learning").Message, (string?)later.Body["text"]);

        // interactive: acked, then the message is replaced through the response_url.
        var action = CardAction.Answer("Deep Learning", "LLM Engineer", "Lead");
        var interaction = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U1", ["team_id"] = "T1" },
            ["team"] = new JsonObject { ["id"] = "T1" },
            ["response_url"] = _slack.ResponseUrl(),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = "skillbot.next", ["type"] = "button",
                ["value"] = System.Text.Json.JsonSerializer.Serialize(action, CardActionJsonContext.Default.CardAction),
            }),
        };
        await session.Send(Envelope("e-3", "interactive", interaction, acceptsResponsePayload: false));
        Assert.Equal("""{"envelope_id":"e-3"}""", (await session.Receive())!.ToJsonString());
        var replaced = await _slack.NextCall();
        Assert.Equal("response_url", replaced.Method);
        Assert.Equal(true, (bool?)replaced.Body["replace_original"]);
        Assert.Equal(Assistant.Act(action).Message, (string?)replaced.Body["text"]);

        // A redelivered event and an unknown envelope type: acknowledged, nothing answered.
        await session.Send(Envelope("e-4", "events_api", JsonNode.Parse(EventCallback("Ev1", "<@UBOT> deep learning", "10.1"))!, retryAttempt: 1));
        Assert.Equal("e-4", (string?)(await session.Receive())!["envelope_id"]);
        await session.Send(Envelope("e-5", "something_new", new JsonObject { ["x"] = 1 }));
        Assert.Equal("""{"envelope_id":"e-5"}""", (await session.Receive())!.ToJsonString());
        await session.Send(Envelope("e-6", "events_api", JsonNode.Parse(EventCallback("Ev6", "<@UBOT> deep learning overview", "60.1"))!));
        Assert.Equal("e-6", (string?)(await session.Receive())!["envelope_id"]);
        Assert.Equal("60.1", (string?)(await _slack.NextCall()).Body["thread_ts"]);
        Assert.Equal(_slack.Taken, _slack.History.Count);
        session.End();
    }

    [Fact]
    public async Task A_disconnect_request_reconnects_on_a_fresh_url_and_a_dropped_socket_reconnects_too()
    {
        var first = await Connect();
        await first.Send(new JsonObject { ["type"] = "disconnect", ["reason"] = "refresh_requested", ["debug_info"] = new JsonObject { ["host"] = "test" } });
        Assert.Null(await first.Receive()); // SkillBot closes the old link itself
        first.End();

        var second = await Connect();
        second.Drop(); // no close handshake: a network failure

        var third = await Connect();
        await third.Send(Envelope("e-7", "events_api", JsonNode.Parse(EventCallback("Ev7", "<@UBOT> deep learning overview", "70.1"))!));
        Assert.Equal("e-7", (string?)(await third.Receive())!["envelope_id"]);
        Assert.Equal("70.1", (string?)(await _slack.NextCall()).Body["thread_ts"]);
        third.End();
    }

    [Fact]
    public async Task A_refused_connection_open_is_retried_after_a_pause()
    {
        // The first connection was opened at startup; make the next open fail once.
        var first = await Connect();
        _slack.Script("apps.connections.open", new Scripted(200, """{"ok":false,"error":"invalid_auth"}"""));
        first.Drop();
        var refused = await _slack.NextCall();
        Assert.Equal("apps.connections.open", refused.Method);
        var second = await Connect();
        await second.Send(Envelope("e-8", "hello_unknown", new JsonObject()));
        Assert.Equal("e-8", (string?)(await second.Receive())!["envelope_id"]);
        second.End();
    }

    [Fact]
    public async Task Socket_mode_alone_maps_no_http_endpoints()
    {
        var response = await _app.Client.PostForm("/api/slack/commands", Command("help"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>Waits for SkillBot to open a connection (apps.connections.open with the app token, then the socket) and says hello.</summary>
    private async Task<SocketSession> Connect()
    {
        var open = await _slack.NextCall();
        Assert.Equal("apps.connections.open", open.Method);
        Assert.Equal("Bearer " + AppToken, open.Authorization);
        var session = await _slack.NextSocket();
        await session.Send(new JsonObject
        {
            ["type"] = "hello", ["num_connections"] = 1,
            ["connection_info"] = new JsonObject { ["app_id"] = "A1" },
            ["debug_info"] = new JsonObject { ["host"] = "test", ["approximate_connection_time"] = 3600 },
        });
        return session;
    }

    private static JsonObject Envelope(string id, string type, JsonNode payload, bool acceptsResponsePayload = false, int? retryAttempt = null)
    {
        var envelope = new JsonObject { ["envelope_id"] = id, ["type"] = type, ["payload"] = payload, ["accepts_response_payload"] = acceptsResponsePayload };
        if (retryAttempt is not null)
        {
            envelope["retry_attempt"] = retryAttempt;
            envelope["retry_reason"] = "timeout";
        }
        return envelope;
    }

    private static string EventCallback(string eventId, string text, string ts) => new JsonObject
    {
        ["team_id"] = "T1", ["api_app_id"] = "A1", ["type"] = "event_callback", ["event_id"] = eventId, ["event_time"] = 1,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = "T1", ["user_id"] = "UBOT", ["is_bot"] = true }),
        ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U1", ["text"] = text, ["ts"] = ts, ["channel"] = "C1", ["event_ts"] = ts },
    }.ToJsonString();
}
