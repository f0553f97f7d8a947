using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SkillBot.Core.Progress;
using SkillBot.Owners;
using SkillBot.SharedState;
using SkillBot.Tests.SharedState;
using SkillBot.Tests.Slack;
using StackExchange.Redis;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.Progress;

/// <summary>
/// "Forget me" and a Slack uninstall on one replica, with a second replica sharing a real Redis and the SQLite file:
/// the remembered context goes from Redis and from both replicas' memory, and a clarify waiting on the other
/// replica's unanswered-question router is never sent. The same people's neighbours keep theirs.
/// </summary>
public sealed class ForgetAcrossReplicasTests : IAsyncLifetime
{
    private const string OwnersChannel = "C0OWNERS01";
    private readonly RedisServer _redis = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("skillbot-forget-");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow); // now: Slack signatures are checked against it
    private FakeSlack _slack = null!;
    private RunningApp _first = null!;
    private RunningApp _second = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlack.StartAsync();
        _first = await StartAsync();
        _second = await StartAsync();
    }

    private Task<RunningApp> StartAsync() => RunningApp.StartAsync(s => s.AddSingleton<TimeProvider>(_clock),
        "--Redis:Connection=" + _redis.Connection, "--Progress:DataFolder=" + _folder.FullName,
        "--Slack:SigningSecret=" + Secret, "--Slack:BotToken=" + BotToken, "--Slack:ApiBaseUrl=" + _slack.ApiBaseUrl,
        "--Unanswered:Enabled=true", "--Unanswered:BatchMinutes=5", "--Unanswered:SlackChannel=" + OwnersChannel,
        "--Slack:ResponseUrlHosts=127.0.0.1", "--RateLimits:PerUserPerMinute=1000");

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _slack.DisposeAsync();
        _redis.Dispose();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Forget_me_on_one_replica_forgets_the_context_everywhere_and_the_clarify_pending_on_the_other()
    {
        const string team = "T0FORGET1";
        // U1 and U2 told the first replica who they are; the second answered them since, so it holds a copy in memory.
        foreach (var user in new[] { "U1", "U2" })
        {
            await Command(_first, team, user, "I'm a senior data scientist");
            await Command(_second, team, user, "what about deep learning?");
            Assert.NotNull(_second.Services.GetRequiredService<ConversationMemory>().Recall($"slack:{team}:{user}"));
        }
        // U3 and U4 were asked back by the second replica and have not answered: their clarifies wait there.
        await Command(_second, team, "U3", "senior deep learning");
        await Command(_second, team, "U4", "principal deep learning");

        foreach (var user in new[] { "U1", "U3" })
        {
            var question = await Command(_first, team, user, "forget me");
            var confirm = question["blocks"]!.AsArray().SelectMany(b => b!["elements"]?.AsArray() ?? []).OfType<JsonObject>()
                .Single(e => ((string?)e["value"])?.Contains(ProgressAction.ForgetVerb, StringComparison.Ordinal) == true);
            var click = new JsonObject
            {
                ["type"] = "block_actions",
                ["user"] = new JsonObject { ["id"] = user, ["team_id"] = team },
                ["team"] = new JsonObject { ["id"] = team },
                ["response_url"] = _slack.ResponseUrl(),
                ["actions"] = new JsonArray(new JsonObject { ["action_id"] = (string?)confirm["action_id"], ["type"] = "button", ["value"] = (string?)confirm["value"] }),
            };
            Assert.Equal(HttpStatusCode.OK, (await _first.Client.PostForm("/api/slack/interactions", Form(("payload", click.ToJsonString())))).StatusCode);
        }

        using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Connection);
        await Eventually(async () => !await redis.GetDatabase().KeyExistsAsync($"skillbot:context:slack:{team}:U1"));
        await Eventually(() => Task.FromResult(_second.Services.GetRequiredService<ConversationMemory>().Recall($"slack:{team}:U1") is null));
        // What the second replica itself would use for U1 (Redis, else its memory): nothing. U2 is still known to both.
        Assert.Null(await _second.Services.GetRequiredService<IUserContextStore>().RecallAsync($"slack:{team}:U1", default));
        Assert.NotNull(await _second.Services.GetRequiredService<IUserContextStore>().RecallAsync($"slack:{team}:U2", default));
        Assert.NotNull(_second.Services.GetRequiredService<ConversationMemory>().Recall($"slack:{team}:U2"));

        var sent = await OwnersMessagesAsync(_second, "principal deep learning");
        Assert.DoesNotContain("senior deep learning", sent);
    }

    [Fact]
    public async Task An_uninstall_on_one_replica_forgets_the_workspace_in_Redis_in_both_memories_and_its_pending_clarifies()
    {
        var (gone, staying) = ("T0GONE001", "T0STAYING");
        foreach (var team in new[] { gone, staying })
        {
            await Command(_first, team, "U1", "I'm a senior data scientist");
            await Command(_second, team, "U1", "what about deep learning?");
        }
        await Command(_second, gone, "U2", "senior deep learning");
        await Command(_second, staying, "U2", "principal deep learning");
        // More of the workspace's keys than one SCAN page holds; a key of a workspace whose id starts the same stays.
        using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Connection);
        var database = redis.GetDatabase();
        await Task.WhenAll(Enumerable.Range(0, 600).Select(i => database.StringSetAsync($"skillbot:context:slack:{gone}:W{i}", "{}")));
        await database.StringSetAsync($"skillbot:context:slack:{gone}X:U1", "{}");

        var uninstalled = new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = gone,
            ["event_id"] = "Ev" + Guid.NewGuid().ToString("N"),
            ["event"] = new JsonObject { ["type"] = "app_uninstalled", ["event_ts"] = "1" },
        };
        Assert.Equal(HttpStatusCode.OK, (await _first.Client.PostJson("/api/slack/events", uninstalled.ToJsonString())).StatusCode);

        var server = redis.GetServers().Single();
        await Eventually(async () => !await server.KeysAsync(pattern: $"skillbot:context:slack:{gone}:*").AnyAsync());
        await Eventually(() => Task.FromResult(_second.Services.GetRequiredService<ConversationMemory>().Recall($"slack:{gone}:U1") is null));
        Assert.Null(_first.Services.GetRequiredService<ConversationMemory>().Recall($"slack:{gone}:U1"));
        Assert.True(await database.KeyExistsAsync($"skillbot:context:slack:{gone}X:U1"));
        Assert.True(await database.KeyExistsAsync($"skillbot:context:slack:{staying}:U1"));
        Assert.NotNull(_second.Services.GetRequiredService<ConversationMemory>().Recall($"slack:{staying}:U1"));

        var sent = await OwnersMessagesAsync(_second, "principal deep learning");
        Assert.DoesNotContain("senior deep learning", sent);
    }

    private static async Task<JsonObject> Command(RunningApp app, string team, string user, string text)
    {
        var response = await app.Client.PostForm("/api/slack/commands", SlackRequests.Command(text, team, user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? [] : JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>
    /// What the replica's router sends once its clarifies count as abandoned (a batch's time later), by the time the one
    /// that was not forgotten has gone: it goes in the same message as any other clarify still held there.
    /// </summary>
    private async Task<string> OwnersMessagesAsync(RunningApp app, string expected)
    {
        var router = app.Services.GetRequiredService<UnansweredRouter>();
        _clock.Advance(TimeSpan.FromMinutes(5));
        await router.FlushAsync(default);
        string Sent() => string.Join("\n", _slack.History.Where(c => c.Method == "chat.postMessage" && (string?)c.Body["channel"] == OwnersChannel).Select(c => (string?)c.Body["text"]));
        await Eventually(() => Task.FromResult(Sent().Contains(expected, StringComparison.Ordinal)));
        return Sent();
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not forgotten in time");
            await Task.Delay(50);
        }
    }
}
