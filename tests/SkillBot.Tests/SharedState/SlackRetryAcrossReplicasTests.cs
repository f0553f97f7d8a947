using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SkillBot.Cards.Slack;
using SkillBot.Core;
using SkillBot.Testing;
using SkillBot.Tests.Conversation;
using SkillBot.Tests.Slack;
using StackExchange.Redis;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.SharedState;

/// <summary>A Slack event delivered to one replica and its retry to another: exactly one reply, through a real Redis.</summary>
public sealed class SlackRetryAcrossReplicasTests : IAsyncLifetime
{
    private const string Events = "/api/slack/events";
    private readonly RedisServer _redis = new();
    private FakeSlack _slack = null!;
    private RunningApp _first = null!;
    private RunningApp _second = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        string[] settings = ["--Redis:Connection=" + _redis.Connection, "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=" + BotToken,
            "--Slack:ApiBaseUrl=" + _slack.ApiBaseUrl, "--Slack:ResponseUrlHosts=hooks.slack.com,127.0.0.1"];
        _first = await RunningApp.StartAsync(settings);
        _second = await RunningApp.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _slack.DisposeAsync();
        _redis.Dispose();
    }

    [Fact]
    public async Task A_retry_that_lands_on_another_replica_is_not_answered_twice()
    {
        Assert.Equal(HttpStatusCode.OK, (await _first.Client.PostJson(Events, Mention("EvShared", "1.1"))).StatusCode);
        Assert.Equal("1.1", (string?)(await _slack.NextCall()).Body["thread_ts"]);

        var retry = await _second.Client.PostJson(Events, Mention("EvShared", "1.1"), Secret, ("X-Slack-Retry-Num", "1"), ("X-Slack-Retry-Reason", "http_timeout"));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);

        // A later, different event is the next reply: the retry produced none.
        await _second.Client.PostJson(Events, Mention("EvMarker", "2.2"));
        Assert.Equal("2.2", (string?)(await _slack.NextCall()).Body["thread_ts"]);
        Assert.Equal(2, _slack.History.Count(c => c.Method == "chat.postMessage"));
    }

    [Fact]
    public async Task A_retry_after_Redis_restarted_empty_is_not_answered_again()
    {
        Assert.Equal(HttpStatusCode.OK, (await _first.Client.PostJson(Events, Mention("EvBeforeFlush", "3.3"))).StatusCode);
        Assert.Equal("3.3", (string?)(await _slack.NextCall()).Body["thread_ts"]);

        // What the shipped Redis (no persistence, allkeys-lru) looks like after a restart or an eviction: empty.
        using (var admin = await ConnectionMultiplexer.ConnectAsync(_redis.Connection + ",allowAdmin=true"))
        {
            await admin.GetServer(admin.GetEndPoints()[0]).FlushAllDatabasesAsync();
        }

        var retry = await _first.Client.PostJson(Events, Mention("EvBeforeFlush", "3.3"), Secret, ("X-Slack-Retry-Num", "1"), ("X-Slack-Retry-Reason", "http_timeout"));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);

        // The replica that answered wrote the id back: the next retry, on the other replica, is not answered either.
        var elsewhere = await _second.Client.PostJson(Events, Mention("EvBeforeFlush", "3.3"), Secret, ("X-Slack-Retry-Num", "2"), ("X-Slack-Retry-Reason", "http_timeout"));
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);

        await _second.Client.PostJson(Events, Mention("EvAfterFlush", "4.4"));
        Assert.Equal("4.4", (string?)(await _slack.NextCall()).Body["thread_ts"]);
        Assert.Equal(2, _slack.History.Count(c => c.Method == "chat.postMessage"));
    }

    [Fact]
    public async Task A_slack_conversation_whose_turns_alternate_between_replicas_is_remembered_through_Redis()
    {
        var assistant = _first.Services.GetRequiredService<Assistant>();
        foreach (var dialogue in Dialogues.BuiltIn.Where(d => !d.Turns.Any(t => t.Say.Trim() == "help")).Take(12))
        {
            var turn = 0;
            foreach (var (step, expected, _) in ConversationHost.Run(assistant, dialogue))
            {
                DialogueAssert.Resolves(dialogue, step, expected);
                var replica = turn++ % 2 == 0 ? _first : _second;
                var response = await replica.Client.PostForm("/api/slack/commands", Command(step.Say, team: "TREDIS", user: "U" + dialogue.Name.GetHashCode(StringComparison.Ordinal)));
                var sent = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(BlockKitRenderer.ToUtf8(expected, SlackPlacement.Ephemeral)), sent),
                    $"{dialogue.Name}: \"{step.Say}\" got\n{sent}\nexpected the rendering of: {expected.Message}");
            }
        }
    }

    private static string Mention(string eventId, string ts) =>
        $$"""{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"{{eventId}}","event_time":1700000000,"authorizations":[{"team_id":"T1","user_id":"UBOT","is_bot":true}],"event":{{new JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U1", ["text"] = "<@UBOT> deep learning overview", ["ts"] = ts, ["channel"] = "C1", ["event_ts"] = ts,
        }.ToJsonString()}}}""";
}
