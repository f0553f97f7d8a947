using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SkillBot.Core.Progress;
using static SkillBot.Tests.Slack.SlackRequests;

namespace SkillBot.Tests.Progress;

/// <summary>One PostgreSQL server for the class: each test names people of its own.</summary>
public sealed class PostgresFixture : IDisposable
{
    public PostgresServer Server { get; } = new();

    public void Dispose() => Server.Dispose();
}

/// <summary>The progress suite on a real PostgreSQL server; plus what only a server shows: replicas sharing it, and it going away.</summary>
public sealed class PostgresProgressTests(PostgresFixture postgres) : ProgressSuite, IClassFixture<PostgresFixture>
{
    protected override IEnumerable<KeyValuePair<string, string>> DatabaseSettings => [new("Progress:PostgresConnection", postgres.Server.ConnectionString)];

    protected override Task<long> RowsAboutAsync(string userId) => CountAsync("user_id", userId);

    protected override Task<long> RowsOfWorkspaceAsync(string team) => CountAsync("workspace", team);

    private async Task<long> CountAsync(string column, string value)
    {
        await using var connection = new NpgsqlConnection(postgres.Server.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM progress_marks WHERE {column} = @value", connection);
        command.Parameters.AddWithValue("value", value);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Two_replicas_on_one_server_writing_for_the_same_person_keep_every_mark()
    {
        var (a, b) = (await StartAsync(), await StartAsync());
        var user = NewUser();
        var levels = new[] { "Junior", "Middle", "Senior", "Lead", "Principal" };
        // Replica a marks the Data Scientist ladder while b marks the LLM Engineer one, and both mark Lead DS.
        var writes = levels.Select(level => ActAsync(a, user, ProgressAction.MarkVerb, Mark("met", "a " + level, level)))
            .Concat(levels.Select(level => ActAsync(b, user, ProgressAction.MarkVerb, Mark("working", "b " + level, level, "LLM Engineer"))))
            .Concat(Enumerable.Range(0, 10).Select(i => ActAsync(i % 2 == 0 ? a : b, user, ProgressAction.MarkVerb, Mark("met", "both " + i))));
        var replies = await Task.WhenAll(writes);
        Assert.All(replies, reply => Assert.Contains("Saved", TextOf(reply)));
        Assert.Equal(10, await RowsAboutAsync(user));

        // Each replica reads what the other wrote.
        Assert.Contains("b Senior", TextOf(await AskAsync(a, user, "how far am I from senior llm engineer?")));
        Assert.Contains("a Junior", TextOf(await AskAsync(b, user, "how far am I from junior data scientist?")));
    }

    [Fact]
    public async Task With_the_database_slow_the_slack_modal_still_opens_within_the_trigger_time_empty()
    {
        // A database timeout longer than the trigger: only the modal's own budget can open it in time.
        var bed = await StartAsync(("Progress:Timeout", "00:00:10"));
        var (team, user) = ("T" + NewUser(), "U" + NewUser());
        var desk = bed.App.Services.GetRequiredService<SkillBot.Progress.ProgressDesk>();
        await desk.ActAsync(new SkillBot.Core.Conversation.ChatUser("slack", team, user), new ProgressAction(ProgressAction.MarkVerb, Skill, Role, Lead, "met", "Kept, but not shown in time"), default);

        // Another session holds the table: every read of it waits (a real slow database, not a stand-in).
        await using var blocker = new NpgsqlConnection(postgres.Server.ConnectionString + ";Pooling=false");
        await blocker.OpenAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE progress_marks IN ACCESS EXCLUSIVE MODE", blocker, hold))
        {
            await lockTable.ExecuteNonQueryAsync();
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await bed.App.Client.PostForm("/api/slack/interactions", Payload(OpenClick(team, user, "trigger-slow")))).StatusCode);
        var views = await Slack.NextCall();
        var waited = clock.Elapsed;
        await hold.RollbackAsync();

        Assert.Equal("views.open", views.Method);
        Assert.True(waited < TimeSpan.FromSeconds(2.5), $"views.open after {waited.TotalMilliseconds:F0} ms: the trigger lasts 3 s");
        Assert.True(waited >= SkillBot.Progress.ProgressDesk.ModalMarkBudget * 0.9, $"views.open after {waited.TotalMilliseconds:F0} ms: it did not wait for the mark at all");
        var view = views.Body["view"]!.ToJsonString();
        Assert.Contains(LeadText, view);
        Assert.DoesNotContain("initial_value", view);
        Assert.DoesNotContain("initial_option", view);
    }

    [Fact]
    public async Task The_server_stopped_mid_traffic_gives_no_5xx_and_progress_recovers_when_it_is_back()
    {
        var bed = await StartAsync();
        var user = NewUser();
        await ActAsync(bed, user, ProgressAction.MarkVerb, Mark("met", "Before the outage"));
        var traffic = Enumerable.Range(0, 40).Select(async i =>
        {
            await Task.Delay(i * 25);
            var response = await bed.App.Client.PostAsJsonAsync("/api/webchat/action", new JsonObject
            {
                ["verb"] = ProgressAction.MarkVerb, ["data"] = Mark("met", "During " + i), ["user"] = user,
            });
            return response.StatusCode;
        }).ToList();
        await Task.Delay(300);
        postgres.Server.Stop();
        try
        {
            Assert.All(await Task.WhenAll(traffic), status => Assert.Equal(HttpStatusCode.OK, status));

            var unavailable = await ActAsync(bed, user, ProgressAction.MarkVerb, Mark("met", "While down"));
            Assert.Contains("Progress is unavailable right now", TextOf(unavailable));
            Assert.Contains("Progress is unavailable right now", TextOf(await AskAsync(bed, user, "how far am I from lead data scientist?")));
            Assert.Contains("进度功能暂时不可用", TextOf(await ActAsync(bed, user, ProgressAction.ShowVerb, new JsonObject { ["role"] = Role, ["level"] = Lead, ["language"] = "zh" })));
            // Every lookup still answers.
            var lookup = await AskAsync(bed, user, "what does a lead data scientist need in deep learning?");
            Assert.Contains("Defines deep learning strategy", TextOf(lookup));
            var ready = await bed.App.Client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var readiness = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
            Assert.Equal("Degraded", (string?)readiness["status"]);
            Assert.Contains(readiness["checks"]!.AsArray(), c => (string?)c!["name"] == "progress" && (string?)c["status"] == "Degraded");
        }
        finally
        {
            postgres.Server.Start();
        }

        await Eventually(async () => TextOf(await ActAsync(bed, user, ProgressAction.MarkVerb, Mark("met", "After the outage"))).Contains("Saved", StringComparison.Ordinal));
        Assert.Contains("After the outage", TextOf(await AskAsync(bed, user, "how far am I from lead data scientist?")));
        Assert.Equal("Healthy", (string?)JsonNode.Parse(await bed.App.Client.GetStringAsync("/readyz"))!["status"]);
    }
}
